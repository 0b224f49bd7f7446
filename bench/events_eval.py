"""Event extraction against hand-labelled SaudiNewsNet sentences: precision, recall, F1.

    .venv/bin/python bench/events_eval.py [--batch N] [--show-errors]

Each sentence of tests/fixtures/events/saudinewsnet-sentences.jsonl is analysed as a
report of its own (dated as its article), through the default pipeline's entity and place
components when they are installed, then the events component. A predicted event matches
a gold event of the same sentence with the same event type (sub-type agreement is reported
apart). Fatalities: a matched event's stated toll must equal the gold toll. Actors and
places are scored only when the entity and place components ran.

The sentences come in labelling batches; each was held out until the rules written on the
earlier ones were measured on it, then read (docs/events.md keeps those first, blind
figures). A new batch is the way to measure the rules honestly again.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from marsad.arabic import clitic_stems, match_key
from marsad.events import events_component
from marsad.model import Analysis, Article, Document, Event
from marsad.pipeline import DEFAULT_COMPONENTS, Pipeline, load_component

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "events" / "saudinewsnet-sentences.jsonl"
UPSTREAM = ("entities", "places")  # components whose output events read


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def line(self, label: str) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        n = self.tp + self.fn
        return f"  {label:<30}{100 * p:6.1f}{100 * r:6.1f}{100 * f:6.1f}{n:6d}"


@dataclass
class Scores:
    events: Tally = field(default_factory=Tally)
    by_type: dict[str, Tally] = field(default_factory=dict)
    fatalities: Tally = field(default_factory=Tally)
    sub_type: Counter[str] = field(default_factory=Counter)
    slots: Counter[str] = field(default_factory=Counter)


def upstream_pipeline() -> Pipeline:
    components = []
    for spec in DEFAULT_COMPONENTS:
        component = load_component(spec)
        if component.name in UPSTREAM:
            components.append(component)
    return Pipeline([*components, events_component()])


def analyse(row: dict[str, object], pipeline: Pipeline) -> Analysis:
    text = str(row["text"])
    article = Article(text=text, published=date.fromisoformat(str(row["date"])))
    document = Document.from_bytes(text.encode("utf-8"), source=str(row["id"]), media_type="text")
    return pipeline.run(Analysis(document=document, article=article))


def score(rows: list[dict[str, object]], pipeline: Pipeline, show: bool) -> Scores:
    scores = Scores()
    for row in rows:
        analysis = analyse(row, pipeline)
        gold = list(row["events"])  # type: ignore[call-overload]
        predicted = list(analysis.events)
        pairs = match(gold, predicted)
        for g, p in pairs:
            scores.events.tp += 1
            scores.by_type.setdefault(g["type"], Tally()).tp += 1
            scores.sub_type["same" if g["sub_type"] == p.sub_type else "different"] += 1
            count_fatalities(scores.fatalities, g, p)
            count_slots(scores.slots, g, p, analysis)
        matched_gold = [id(g) for g, _ in pairs]
        matched_pred = [id(p) for _, p in pairs]
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
            print(f"    got:  {[(p.type, p.sub_type) for p in predicted]}\n")
    return scores


def match(gold: list[dict[str, object]], predicted: list[Event]) -> list[tuple[dict, Event]]:  # type: ignore[type-arg]
    """Pairs of the same type, same sub-type first."""
    pairs, free = [], list(predicted)
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


def count_fatalities(tally: Tally, gold: dict[str, object], predicted: Event) -> None:
    if predicted.fatalities is not None and predicted.fatalities == gold["fatalities"]:
        tally.tp += 1
        return
    tally.fp += predicted.fatalities is not None
    tally.fn += gold["fatalities"] is not None


def count_slots(slots: Counter[str], gold: dict[str, object], p: Event, a: Analysis) -> None:
    """Actors and places, scored only when a component could have filled them."""
    names = {e.id: e.name for e in a.entities}
    places = {pl.id: pl.span.text for pl in a.places if pl.id}
    ran = {c for c in a.pipeline if c in UPSTREAM}
    for slot, value, needs in (
        ("actor1", names.get(p.actor1 or ""), "entities"),
        ("actor2", names.get(p.actor2 or ""), "entities"),
        ("place", places.get(p.place_id or ""), "places"),
    ):
        if gold[slot] is None or needs not in ran:
            continue
        slots[f"{slot} gold"] += 1
        if value and same_name(str(gold[slot]), value):
            slots[f"{slot} right"] += 1


def same_name(a: str, b: str) -> bool:
    """Loose name match: a word of one (proclitics off) occurs among the other's words."""
    words_a = {min(clitic_stems(w), key=len) for w in match_key(a).split()}
    words_b = {min(clitic_stems(w), key=len) for w in match_key(b).split()}
    return bool(words_a & words_b)


def report(label: str, rows: list[dict[str, object]], scores: Scores) -> None:
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
            print(f"  {slot}: {right} of {total} gold values found")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=None, help="one labelling batch only")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    pipeline = upstream_pipeline()
    names = [c.name for c in pipeline.components]
    print("components:", ", ".join(names))
    if not set(UPSTREAM) & set(names):
        print("actors and places are not scored: no entity or place component is installed")
    batches: list[int | None] = sorted({int(str(r["batch"])) for r in rows})
    started = time.perf_counter()
    scored = 0
    for batch in [args.batch] if args.batch else [*batches, None]:
        chosen = [r for r in rows if batch is None or r["batch"] == batch]
        show = args.show_errors and batch is not None  # each error once, under its batch
        label = "all batches" if batch is None else f"batch {batch}"
        report(label, chosen, score(chosen, pipeline, show))
        scored += len(chosen)
    rate = scored / (time.perf_counter() - started)
    print(f"\n{rate:.0f} sentences/s through the pipeline above")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
