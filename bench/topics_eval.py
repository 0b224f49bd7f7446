"""Topic classification: accuracy across outlets, on hand-labelled SaudiNewsNet reports, speed.

    .venv/bin/python bench/topics_eval.py [--shared-data ../shared/data]

1. Cross-outlet: fit on one ANT outlet, test on the other, both ways, over the labels both
   share (Alarabia files Middle East and world news together, so both count as "news";
   SkyNews has no culture). Needs scikit-learn (dev extra).
2. Region head (middle_east vs international, learnt from SkyNews) on Alarabia reports
   whose URL section says where they are from (yemen, gulf vs american-elections).
3. The shipped model on SaudiNewsNet reports labelled by hand
   (tests/fixtures/topics/saudinewsnet-topics.jsonl; outlets never trained on).
4. Reports per second of the shipped model on one core (plain Python, no numpy).
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import time
import zipfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from marsad.topics.ant import Report, deduplicate, read_archive
from marsad.topics.component import DATA_DIR
from marsad.topics.model import NEWS, TopicModel
from marsad.topics.train import featurize, fit

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "topics" / "saudinewsnet-topics.jsonl"
REGION_BY_SECTION = {
    "arab-and-world/yemen": "middle_east",
    "arab-and-world/gulf": "middle_east",
    "arab-and-world/american-elections-2016": "international",
}


def f1_table(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> str:
    """Per-class precision/recall/F1 and the macro average over ``labels``."""
    lines = [f"  {'label':<14}{'P':>7}{'R':>7}{'F1':>7}{'n':>7}"]
    f1s = []
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        n_pred = sum(1 for p in predicted if p == label)
        n_gold = sum(1 for g in gold if g == label)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
        f1s.append(f1)
        lines.append(f"  {label:<14}{precision:7.3f}{recall:7.3f}{f1:7.3f}{n_gold:7d}")
    accuracy = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p) / len(gold)
    lines.append(f"  macro-F1 {100 * sum(f1s) / len(f1s):.1f}   accuracy {100 * accuracy:.1f}")
    return "\n".join(lines)


def best(probabilities: dict[str, float]) -> str:
    return max(probabilities, key=lambda label: probabilities[label])


def cross_outlet(reports: list[Report], train_outlet: str, test_outlet: str) -> float:
    train = [r for r in reports if r.outlet == train_outlet]
    model = fit(featurize([r.text for r in train]), [r.coarse for r in train], [None] * len(train))
    known = set(model.coarse.labels)
    test = [r for r in reports if r.outlet == test_outlet]
    kept = [r for r in test if r.coarse in known]
    gold = [r.coarse for r in kept]
    predicted = [best(model.predict_proba(r.text)) for r in kept]
    labels = sorted(set(gold))
    print(
        f"\n{train_outlet} -> {test_outlet}: {len(kept)} test reports "
        f"({len(test) - len(kept)} left out: labels never seen in training)"
    )
    print(f1_table(gold, predicted, labels))
    unseen = Counter(p for g, p in zip(gold, predicted, strict=True) if p not in labels)
    if unseen:
        print(f"  predicted as labels the test outlet lacks: {dict(unseen)}")
    return macro_f1(gold, predicted, labels)


def macro_f1(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> float:
    scores = []
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        n_pred = sum(1 for p in predicted if p == label)
        n_gold = sum(1 for g in gold if g == label)
        scores.append(2 * tp / (n_pred + n_gold) if tp else 0.0)
    return 100 * sum(scores) / len(scores)


def region_check(reports: list[Report]) -> None:
    sky = [r for r in reports if r.outlet == "SkyNews"]
    model = fit(
        featurize([r.text for r in sky]),
        [r.coarse for r in sky],
        [r.topic if r.coarse == NEWS else None for r in sky],
    )
    gold, predicted = [], []
    for report in reports:
        section = next((s for s in REGION_BY_SECTION if f"/ar/{s}/" in report.url), None)
        if report.outlet == "Alarabia" and report.coarse == NEWS and section:
            probabilities = model.predict_proba(report.text)
            gold.append(REGION_BY_SECTION[section])
            predicted.append(max(("middle_east", "international"), key=probabilities.get))
    print(
        f"\nRegion head (fit on SkyNews) on {len(gold)} Alarabia news reports "
        "labelled by URL section:"
    )
    print(f1_table(gold, predicted, ["international", "middle_east"]))


def saudinewsnet_reports(shared_data: Path) -> dict[str, dict[str, str]]:
    reports: dict[str, dict[str, str]] = {}
    for path in sorted(glob.glob(str(shared_data / "corpus" / "saudinewsnet" / "*.zip"))):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                for article in json.loads(archive.read(name)):
                    reports.setdefault(article["url"], article)
    return reports


def hand_labelled(model: TopicModel, corpus: dict[str, dict[str, str]]) -> float:
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    labelled = [r for r in rows if r["topic"]]
    gold, predicted = [], []
    for row in labelled:
        article = corpus[row["url"]]
        gold.append(row["topic"])
        predicted.append(best(model.predict_proba(f"{article['title']}\n{article['content']}")))
    print(
        f"\nShipped model on SaudiNewsNet, labelled by hand: {len(labelled)} reports "
        f"({len(rows) - len(labelled)} of the sample fit none of the six topics, left out)"
    )
    print(f1_table(gold, predicted, sorted(set(gold))))
    return macro_f1(gold, predicted, sorted(set(gold)))


def speed(model: TopicModel, texts: list[str]) -> None:
    started = time.perf_counter()
    for text in texts:
        model.predict_proba(text)
    elapsed = time.perf_counter() - started
    print(
        f"\nSpeed, one core, {len(texts)} SaudiNewsNet reports: "
        f"{len(texts) / elapsed:.0f} reports/s ({1000 * elapsed / len(texts):.2f} ms each)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared-data",
        type=Path,
        default=Path(os.environ.get("MARSAD_SHARED_DATA", ROOT.parent / "shared" / "data")),
    )
    args = parser.parse_args(argv)
    reports = deduplicate(read_archive(args.shared_data))
    print(f"ANT v2.1 Alarabia + SkyNews: {len(reports)} reports after de-duplication")
    scores = [
        cross_outlet(reports, "Alarabia", "SkyNews"),
        cross_outlet(reports, "SkyNews", "Alarabia"),
    ]
    print(f"\nCross-outlet macro-F1, mean of both directions: {sum(scores) / 2:.1f}")
    region_check(reports)
    model = TopicModel.from_disk(DATA_DIR)
    corpus = saudinewsnet_reports(args.shared_data)
    hand_labelled(model, corpus)
    texts = [f"{a['title']}\n{a['content']}" for a in list(corpus.values())[:2000]]
    speed(model, texts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
