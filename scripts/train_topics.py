"""Train the topic model from ANT v2.1 (Alarabia + SkyNews) into src/marsad/data/topics/.

    .venv/bin/python scripts/train_topics.py [--shared-data ../shared/data] [--out DIR]

Needs numpy and scikit-learn (dev extra). Deterministic: the same data gives the same file.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from collections import Counter
from pathlib import Path

from marsad.topics.ant import deduplicate, read_archive
from marsad.topics.train import featurize, fit

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared-data",
        type=Path,
        default=Path(os.environ.get("MARSAD_SHARED_DATA", ROOT.parent / "shared" / "data")),
    )
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "marsad" / "data" / "topics")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    raw = list(read_archive(args.shared_data))
    reports = deduplicate(raw)
    print(f"read {len(raw)} reports, {len(reports)} after de-duplication")
    print("per outlet/topic:", dict(sorted(Counter((r.outlet, r.topic) for r in reports).items())))
    features = featurize([r.text for r in reports])
    model = fit(
        features,
        [r.coarse for r in reports],
        [r.topic if r.coarse == "news" and r.topic != "news" else None for r in reports],
        meta={
            "trained_on": "ANT v2.1 Alarabia + SkyNews (de-duplicated)",
            "reports": len(reports),
        },
    )
    target = model.to_disk(args.out)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()[:16]
    print(
        f"wrote {target} ({target.stat().st_size / 1e6:.2f} MB, sha256 {digest}, "
        f"{len(model.idf)} features) in {time.perf_counter() - started:.0f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
