"""Train the event filter on the development batches of the hand-labelled sentences.

    .venv/bin/python scripts/train_events_filter.py [--threshold T] [--out PATH]

Reads tests/fixtures/events/saudinewsnet-sentences.jsonl (the development batches; the
held-out batch in saudinewsnet-heldout.jsonl and the fresh batch in saudinewsnet-fresh.jsonl
are never used), analyses each sentence through the upstream
components installed (places, entities), turns every rule candidate into an example and
fits the logistic regression of marsad.events.train. Deterministic: the same code and
fixture give the same weights. Writes src/marsad/data/events/filter.json.
bench/events_eval.py --cv measures the same fitting across batches.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from marsad.events.filter import FILTER_FILE
from marsad.events.train import analyse, examples, fit, upstream_pipeline

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "events" / "saudinewsnet-sentences.jsonl"
THRESHOLD = 0.65


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--out", type=Path, default=FILTER_FILE)
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    pipeline = upstream_pipeline()
    data = examples((analyse(row, pipeline), row["events"]) for row in rows)
    model = fit(data, args.threshold)
    model.about = {
        "trained_on": f"{FIXTURE.relative_to(ROOT)} (batches "
        + ", ".join(str(b) for b in sorted({r["batch"] for r in rows}))
        + ")",
        "sentences": len(rows),
        "candidates": len(data),
        "positives": sum(label for _, label in data),
        "upstream": [c.name for c in pipeline.components],
        "features": len(model.weights),
    }
    model.to_disk(args.out)
    print(json.dumps(model.about, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
