"""Sample the demo corpus that `make run` loads: the seed report plus a few hundred real
reports from SaudiNewsNet, Syria and Iraq coverage first.

The sample keeps the corpus's own fields (source, url, date_extracted, title, author,
content) and adds the outlet's name as `publisher`. It is written to demo/ with the
corpus's licence beside it, apart from the code.

    python scripts/build_demo_corpus.py [--shared ../shared] [--count 300]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "demo"
SEED = 20150721
FOCUS = ("سوريا", "السوري", "العراق", "العراقي", "داعش", "دمشق", "حلب", "الموصل", "بغداد")
PUBLISHERS = {
    "aawsat": "الشرق الأوسط", "aleqtisadiya": "الاقتصادية", "aljazirah": "الجزيرة",
    "almadina": "المدينة", "alriyadh": "الرياض", "alwatan": "الوطن", "alweeam": "الوئام",
    "alyaum": "اليوم", "arreyadi": "الرياضي", "arreyadiyah": "الرياضية", "okaz": "عكاظ",
    "sabq": "سبق", "was": "واس", "3alyoum": "عين اليوم",
}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", type=Path, default=Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
    )
    parser.add_argument("--count", type=int, default=300)
    args = parser.parse_args()
    corpus = args.shared / "data" / "corpus" / "saudinewsnet"
    focused, other = [], []
    for archive in sorted(corpus.glob("*.zip")):
        with zipfile.ZipFile(archive) as zf:
            for item in json.loads(zf.read(zf.namelist()[0])):
                content = item.get("content") or ""
                if not item.get("title") or not 400 <= len(content) <= 8000:
                    continue
                item["publisher"] = PUBLISHERS.get(item["source"], item["source"])
                hits = sum(content.count(word) for word in FOCUS)
                (focused if hits >= 3 else other).append(item)
    rng = random.Random(SEED)
    take_focused = min(len(focused), args.count * 2 // 3)
    sample = rng.sample(focused, take_focused) + rng.sample(other, args.count - take_focused)
    sample.sort(key=lambda item: (item["date_extracted"], item["url"]))
    OUT.mkdir(exist_ok=True)
    with (OUT / "saudinewsnet-sample.jsonl").open("w", encoding="utf-8") as out:
        for item in sample:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    shutil.copy(corpus / "README.md", OUT / "SAUDINEWSNET-README.md")
    shutil.copy(ROOT / "src" / "marsad" / "data" / "examples" / "seed-article.txt", OUT)
    print(f"wrote {len(sample)} reports ({take_focused} on Syria/Iraq) to {OUT}")


if __name__ == "__main__":
    main()
