"""Event extraction against hand-labelled SaudiNewsNet sentences: precision, recall, F1.

    .venv/bin/python bench/events_eval.py [--batch N] [--show-errors] [--alone] [--rules]
    .venv/bin/python bench/events_eval.py --cv [--thresholds 0.3,0.5,0.7]
    .venv/bin/python bench/events_eval.py --held-out
    .venv/bin/python bench/events_eval.py --fresh

Each sentence is analysed as a report of its own (dated as its article), through the
upstream components installed (entities, places; ``--alone``: none), then the events
extractor. A predicted event matches a gold event of the same sentence with the same event
type (sub-type agreement is reported apart). Fatalities: a matched event's stated toll must
equal the gold toll. Actors and places are scored only when the entity and place components
ran.

- Default: the development batches (saudinewsnet-sentences.jsonl) with the shipped
  filter. The rules were written on them and the filter trained on them: optimistic.
- ``--rules``: the rules' own verdict, without the learned filter.
- ``--cv``: leave one development batch out: fit the filter on the others (as
  scripts/train_events_filter.py does), score the batch left out; pooled over the three.
  The rules were still written on all three, so this measures the learned part only.
- ``--held-out``: batch 4 (saudinewsnet-heldout.jsonl), never read while developing; prints
  figures only, never a sentence. This is the figure to expect on new text.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.arabic import clitic_stems, match_key
from marsad.events.extractor import default_filter, extract_events
from marsad.events.filter import EventFilter
from marsad.events.train import UPSTREAM, analyse, examples, fit, upstream_pipeline
from marsad.model import Analysis, Event
from marsad.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "events"
DEVELOPMENT = FIXTURES / "saudinewsnet-sentences.jsonl"
HELD_OUT = FIXTURES / "saudinewsnet-heldout.jsonl"
FRESH = FIXTURES / "saudinewsnet-fresh.jsonl"
RULES_ONLY = EventFilter({"rules:accepted": 2.0, "rules:blocked": -2.0}, 0.0, 0.5)
CONFIDENCE_BANDS = ((0.4, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))

Row = dict[str, Any]


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def scores(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    def line(self, label: str) -> str:
        p, r, f = self.scores()
        return f"  {label:<30}{100 * p:6.1f}{100 * r:6.1f}{100 * f:6.1f}{self.tp + self.fn:6d}"


@dataclass
class Scores:
    events: Tally = field(default_factory=Tally)
    by_type: dict[str, Tally] = field(default_factory=dict)
    fatalities: Tally = field(default_factory=Tally)
    sub_type: Counter[str] = field(default_factory=Counter)
    slots: Counter[str] = field(default_factory=Counter)
    confidences: list[tuple[float, bool]] = field(default_factory=list)  # (confidence, right)


def score(
    rows: Sequence[Row], analyses: Sequence[Analysis], chosen: EventFilter, show: bool
) -> Scores:
    scores = Scores()
    for row, analysis in zip(rows, analyses, strict=True):
        gold = list(row["events"])
        predicted = extract_events(analysis, chosen)
        pairs = match(gold, predicted)
        for g, p in pairs:
            scores.events.tp += 1
            scores.by_type.setdefault(g["type"], Tally()).tp += 1
            scores.sub_type["same" if g["sub_type"] == p.sub_type else "different"] += 1
            count_fatalities(scores.fatalities, g, p)
            count_slots(scores.slots, g, p, analysis)
        matched_gold = [id(g) for g, _ in pairs]
        matched_pred = [id(p) for _, p in pairs]
        scores.confidences += [(p.confidence, id(p) in matched_pred) for p in predicted]
        for g in gold:
            if id(g) not in matched_gold:
                scores.events.fn += 1
                scores.by_type.setdefault(g["type"], Tally()).fn += 1
                scores.fatalities.fn += g["fatalities"] is not None
        for p in predicted:
            if id(p) not in matched_pred:
                scores.events.fp += 1
                scores.by_type.setdefault(p.type, Tally()).fp += 1
                scores.fatalities.fp += p.fatalities is not None
        if show and (len(pairs) != len(gold) or len(pairs) != len(predicted)):
            print(f"[batch {row['batch']}] {row['text']}")
            print(f"    gold: {[(g['type'], g['sub_type']) for g in gold]}")
            print(f"    got:  {[(p.type, p.sub_type, p.confidence) for p in predicted]}\n")
    return scores


def match(gold: list[Row], predicted: list[Event]) -> list[tuple[Row, Event]]:
    """Pairs of the same type, same sub-type first."""
    pairs: list[tuple[Row, Event]] = []
    free = list(predicted)
    for same_sub in (True, False):
        for g in gold:
            if any(g is pg for pg, _ in pairs):
                continue
            for p in free:
                if p.type == g["type"] and (not same_sub or p.sub_type == g["sub_type"]):
                    pairs.append((g, p))
                    free.remove(p)
                    break
    return pairs


def count_fatalities(tally: Tally, gold: Row, predicted: Event) -> None:
    if predicted.fatalities is not None and predicted.fatalities == gold["fatalities"]:
        tally.tp += 1
        return
    tally.fp += predicted.fatalities is not None
    tally.fn += gold["fatalities"] is not None


def count_slots(slots: Counter[str], gold: Row, p: Event, a: Analysis) -> None:
    """Actors and places, scored only when a component could have filled them.

    A predicted actor is right when the gold words name it: its canonical name or any
    of its mentions in the report (gold ``داعش`` names ``تنظيم الدولة الإسلامية``).
    """
    written: dict[str, list[str]] = {e.id: [e.name] for e in a.entities}
    for mention in a.mentions:
        if mention.entity_id in written:
            written[mention.entity_id].append(mention.span.text)
    places = {pl.id: [pl.span.text] for pl in a.places if pl.id}
    named = [p.place_span.text] if p.place_span else []  # also a name the gazetteer lacks
    ran = {c for c in a.pipeline if c in UPSTREAM}
    for slot, forms, needs in (
        ("actor1", written.get(p.actor1 or "", []), "entities"),
        ("actor2", written.get(p.actor2 or "", []), "entities"),
        ("place", named + places.get(p.place_id or "", []), "places"),
    ):
        if needs not in ran:
            continue
        right = gold[slot] is not None and any(same_name(str(gold[slot]), f) for f in forms)
        slots[f"{slot} gold"] += gold[slot] is not None
        slots[f"{slot} filled"] += bool(forms)
        slots[f"{slot} right"] += right


def same_name(a: str, b: str) -> bool:
    """Loose name match: a word of one (proclitics off) occurs among the other's words."""
    words_a = {min(clitic_stems(w), key=len) for w in match_key(a).split()}
    words_b = {min(clitic_stems(w), key=len) for w in match_key(b).split()}
    return bool(words_a & words_b)


def report(label: str, rows: Sequence[Row], scores: Scores) -> None:
    positives = sum(1 for r in rows if r["events"])
    gold = scores.events.tp + scores.events.fn
    print(f"\n{label}: {len(rows)} sentences ({positives} with events), {gold} gold events")
    print(f"  {'':<30}{'P':>6}{'R':>6}{'F1':>6}{'n':>6}")
    print(scores.events.line("all events (type matches)"))
    for event_type in sorted(scores.by_type):
        print(scores.by_type[event_type].line(event_type))
    print(scores.fatalities.line("fatalities (exact number)"))
    same, different = scores.sub_type["same"], scores.sub_type["different"]
    if same + different:
        print(f"  sub-type agrees on {same} of {same + different} matched events")
    for slot in ("actor1", "actor2", "place"):
        if scores.slots[f"{slot} gold"]:
            right, total = scores.slots[f"{slot} right"], scores.slots[f"{slot} gold"]
            filled = scores.slots[f"{slot} filled"]
            print(
                f"  {slot}: {right} of {total} gold values found;"
                f" filled on {filled} matched events, {100 * right / max(filled, 1):.0f}% right"
            )


def reliability(scores: Scores) -> None:
    """How often an event of each confidence band is right: the calibration of confidence."""
    print("\n  confidence   events   right")
    for low, high in CONFIDENCE_BANDS:
        band = [right for value, right in scores.confidences if low <= value < high]
        if band:
            share = 100 * sum(band) / len(band)
            print(f"  {low:.2f}-{min(high, 1.0):.2f} {len(band):8d} {share:6.1f}%")


def merged(parts: Sequence[Scores]) -> Scores:
    total = Scores()
    for part in parts:
        for name in ("tp", "fp", "fn"):
            for mine, theirs in ((total.events, part.events), (total.fatalities, part.fatalities)):
                setattr(mine, name, getattr(mine, name) + getattr(theirs, name))
            for event_type, tally in part.by_type.items():
                mine = total.by_type.setdefault(event_type, Tally())
                setattr(mine, name, getattr(mine, name) + getattr(tally, name))
        total.sub_type.update(part.sub_type)
        total.slots.update(part.slots)
        total.confidences += part.confidences
    return total


def part(
    rows: Sequence[Row], analyses: Sequence[Analysis], keep: Callable[[Row], bool]
) -> tuple[list[Row], list[Analysis]]:
    pairs = [(r, a) for r, a in zip(rows, analyses, strict=True) if keep(r)]
    return [r for r, _ in pairs], [a for _, a in pairs]


def in_batch(batch: int, inside: bool = True) -> Callable[[Row], bool]:
    return lambda row: (row["batch"] == batch) == inside


def cross_validate(
    rows: Sequence[Row], analyses: Sequence[Analysis], thresholds: Sequence[float], show: bool
) -> None:
    """Leave one batch out: fit on the other batches, score the one left out."""
    folds: dict[float, list[Scores]] = {t: [] for t in thresholds}
    for batch in sorted({int(r["batch"]) for r in rows}):
        train_rows, train_analyses = part(rows, analyses, in_batch(batch, False))
        test_rows, test_analyses = part(rows, analyses, in_batch(batch))
        labelled = [(a, r["events"]) for r, a in zip(train_rows, train_analyses, strict=True)]
        model = fit(examples(labelled), thresholds[0])
        for threshold in thresholds:
            model.threshold = threshold
            shown = show and threshold == thresholds[0]
            folds[threshold].append(score(test_rows, test_analyses, model, shown))
        label = f"batch {batch}, filter fitted on the others (threshold {thresholds[0]})"
        report(label, test_rows, folds[thresholds[0]][-1])
    pooled = merged(folds[thresholds[0]])
    report(f"cross-validated, pooled (threshold {thresholds[0]})", rows, pooled)
    reliability(merged(folds[min(thresholds)]))
    print("\n  threshold      P      R     F1   (pooled over the folds)")
    for threshold in thresholds:
        p, r, f = merged(folds[threshold]).events.scores()
        print(f"  {threshold:9.2f} {100 * p:6.1f} {100 * r:6.1f} {100 * f:6.1f}")


def read(path: Path) -> list[Row]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=None, help="one development batch only")
    parser.add_argument("--show-errors", action="store_true", help="development batches only")
    parser.add_argument("--alone", action="store_true", help="no upstream components")
    parser.add_argument("--rules", action="store_true", help="the rules without the filter")
    parser.add_argument("--cv", action="store_true", help="leave one development batch out")
    parser.add_argument("--thresholds", default="", help="with --cv: comma-separated list")
    parser.add_argument("--held-out", action="store_true", help="batch 4: figures only")
    parser.add_argument("--fresh", action="store_true", help="batches 31-34: figures only")
    args = parser.parse_args(argv)
    pipeline = Pipeline([]) if args.alone else upstream_pipeline()
    names = [c.name for c in pipeline.components]
    print("upstream components:", ", ".join(names) or "none")
    if not set(UPSTREAM) & set(names):
        print("actors and places are not scored: no entity or place component ran")
    chosen = RULES_ONLY if args.rules else default_filter()
    print("filter:", "none (the rules' verdict)" if args.rules else f"threshold {chosen.threshold}")
    started = time.perf_counter()
    if args.held_out or args.fresh:
        rows = read(FRESH if args.fresh else HELD_OUT)
        analyses = [analyse(r, pipeline) for r in rows]
        held_out = score(rows, analyses, chosen, show=False)
        report("fresh batches 31-34" if args.fresh else "held-out batch 4", rows, held_out)
        reliability(held_out)
        scored = len(rows)
    else:
        rows = [r for r in read(DEVELOPMENT) if args.batch is None or r["batch"] == args.batch]
        analyses = [analyse(r, pipeline) for r in rows]
        scored = len(rows)
        if args.cv:
            thresholds = [float(t) for t in args.thresholds.split(",") if t] or [chosen.threshold]
            cross_validate(rows, analyses, thresholds, args.show_errors)
        else:
            parts = []
            for batch in sorted({int(r["batch"]) for r in rows}):
                batch_rows, batch_analyses = part(rows, analyses, in_batch(batch))
                scores = score(batch_rows, batch_analyses, chosen, args.show_errors)
                report(f"batch {batch}", batch_rows, scores)
                parts.append(scores)
            if len(parts) > 1:
                report("all development batches", rows, merged(parts))
    rate = scored / (time.perf_counter() - started)
    print(f"\n{rate:.0f} sentences/s (upstream components and events)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
