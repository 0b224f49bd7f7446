"""Place resolution: accuracy, accuracy within 161 km, admin-1 agreement, load time, speed.

    .venv/bin/python bench/geo_eval.py [--repeat 20]

Reads tests/fixtures/places.tsv (ANERcorp test LOC spans and SaudiNewsNet sentences about
Syrian and Iraqi towns, gold by hand). Gold is ``geonames:ID`` (or another gazetteer id),
``country:XX`` (any country-level reading of XX), ``none`` (a place the gazetteer does
not hold) or ``notplace`` (a word that looks like a place name and is not one).

1. Resolution given the gold spans as NER LOC mentions (as Mordecai and the published
   toponym-resolution figures do): accuracy on resolvable mentions, within 161 km,
   admin-1 agreement; on unresolvable ones, how often the resolver abstains.
2. Finding without NER (the gazetteer scan alone): share of resolvable mentions found
   and correct, and places wrongly read into the ``notplace`` words.
3. Load time (gazetteer read, component built), and mentions resolved per second on one
   core: the component run over every sentence with its gold LOC mentions, every memo of
   words and names cleared before each pass (no pass profits from the one before); the
   median pass, by the wall clock and by the process's CPU time.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from marsad.arabic import clitic_stems
from marsad.model import Analysis, Article, Document, Mention, Place, Span
from marsad.places.component import PlacesComponent
from marsad.places.gazetteer import DEFAULT_PATH, Gazetteer, km, read_gazetteer

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "places.tsv"
ACCURACY_KM = 161.0


@dataclass(frozen=True)
class Row:
    source: str
    sentence_id: str
    start: int
    end: int
    mention: str
    gold: str
    sentence: str


def read_rows(path: Path = FIXTURE) -> list[Row]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        source, sentence_id, start, end, mention, gold, sentence = line.split("\t")
        row = Row(source, sentence_id, int(start), int(end), mention, gold, sentence)
        assert sentence[row.start : row.end] == mention, row
        rows.append(row)
    return rows


def sentences(rows: list[Row]) -> dict[tuple[str, str], list[Row]]:
    grouped: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        grouped[(row.source, row.sentence_id)].append(row)
    return grouped


def analysis_of(text: str, loc: list[Row]) -> Analysis:
    """A report of one sentence whose LOC mentions are the given rows."""
    mentions = [Mention(span=Span.of(text, r.start, r.end), label="LOC") for r in loc]
    return Analysis(document=Document(source="-"), article=Article(text=text), mentions=mentions)


def run(component: PlacesComponent, text: str, loc: list[Row]) -> list[Place]:
    analysis = analysis_of(text, loc)
    component(analysis)
    return [p for p in analysis.places if p.relation != "adjective"]


def place_for(row: Row, places: list[Place]) -> Place | None:
    overlapping = [p for p in places if p.span.start < row.end and row.start < p.span.end]
    return overlapping[0] if overlapping else None


def resolvable(g: Gazetteer, gold: str) -> bool:
    if gold in ("none", "notplace"):
        return False
    return gold.startswith("country:") or g.lookup(gold) is not None


def correct(g: Gazetteer, gold: str, place: Place | None) -> bool:
    if place is None or place.id is None:
        return False
    if gold.startswith("country:"):
        return place.country == gold[8:] and place.kind in ("country", "region")
    return place.id == gold


def within(g: Gazetteer, gold: str, place: Place | None) -> bool:
    if place is None or place.id is None:
        return False
    if gold.startswith("country:"):
        return place.country == gold[8:]
    entry = g.lookup(gold)
    if entry is None or entry.lat is None or entry.lon is None:
        return False
    if place.lat is None or place.lon is None:
        return False
    return km(entry.lat, entry.lon, place.lat, place.lon) <= ACCURACY_KM


def gold_admin1(g: Gazetteer, gold: str) -> str | None:
    entry = g.lookup(gold)
    if entry is None:
        return None
    return entry.id if entry.kind == "governorate" else entry.admin1


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}% ({part}/{whole})" if whole else "  n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes for the speed figure")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    g = read_gazetteer(DEFAULT_PATH)
    component = PlacesComponent(g)
    load_s = time.perf_counter() - started
    rows = read_rows()
    grouped = sentences(rows)

    # 1. resolution given the spans
    by_source: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    errors = []
    for (source, _), group in grouped.items():
        text = group[0].sentence
        places = run(component, text, [r for r in group if r.gold != "notplace"])
        for row in group:
            if row.gold == "notplace":
                continue
            place = place_for(row, places)
            counts = by_source[source]
            if not resolvable(g, row.gold):
                counts["unresolvable"] += 1
                counts["abstained"] += place is None or place.id is None
                continue
            counts["resolvable"] += 1
            ok = correct(g, row.gold, place)
            counts["correct"] += ok
            counts["within"] += within(g, row.gold, place)
            admin1 = None if row.gold.startswith("country:") else gold_admin1(g, row.gold)
            if admin1:
                counts["admin1_gold"] += 1
                counts["admin1_ok"] += place is not None and place.admin1 == admin1
            if not ok:
                errors.append((row, place))

    print(f"gazetteer: {len(g)} places, {len(g.names)} names; component ready in {load_s:.3f}s")
    print(f"fixture: {len(rows)} rows in {len(grouped)} sentences")
    print("\n1. resolution of the gold spans (given as LOC mentions)")
    total: dict[str, int] = defaultdict(int)
    for counts in by_source.values():
        for key, value in counts.items():
            total[key] += value
    for source, counts in [*sorted(by_source.items()), ("all", total)]:
        print(
            f"  {source:14} accuracy {pct(counts['correct'], counts['resolvable'])}"
            f"  within {ACCURACY_KM:.0f} km {pct(counts['within'], counts['resolvable'])}"
            f"  admin1 {pct(counts['admin1_ok'], counts['admin1_gold'])}"
            f"  abstains on unresolvable {pct(counts['abstained'], counts['unresolvable'])}"
        )

    # 2. finding without NER
    found = good = resolvable_rows = false_places = negatives = 0
    for (_, _), group in grouped.items():
        places = run(component, group[0].sentence, [])
        for row in group:
            place = place_for(row, places)
            if row.gold == "notplace":
                negatives += 1
                false_places += place is not None
            elif resolvable(g, row.gold):
                resolvable_rows += 1
                found += place is not None and place.id is not None
                good += correct(g, row.gold, place)
    print("\n2. finding without NER (gazetteer scan alone)")
    print(f"  resolvable mentions found {pct(found, resolvable_rows)}")
    print(f"  found and correct         {pct(good, resolvable_rows)}")
    print(f"  places read into common words {pct(false_places, negatives)}")

    # 3. speed
    texts = [(group[0].sentence, [r for r in group if r.gold != "notplace"]) for group in
             grouped.values()]  # fmt: skip
    mentions = sum(len(loc) for _, loc in texts)
    wall_rates, cpu_rates = [], []
    for _ in range(args.repeat):
        batch = [analysis_of(text, loc) for text, loc in texts]  # input, not timed
        component.clear_caches()  # a cold pass: no word or name remembered from the last
        clitic_stems.cache_clear()
        wall, cpu = time.perf_counter(), time.process_time()
        for analysis in batch:
            component(analysis)
        wall_rates.append(mentions / (time.perf_counter() - wall))
        cpu_rates.append(mentions / max(time.process_time() - cpu, 1e-9))
    print("\n3. speed (one core, gazetteer loaded, memos cleared before each pass)")
    print(
        f"  {statistics.median(wall_rates):,.0f} mentions/s by the wall clock, "
        f"{statistics.median(cpu_rates):,.0f} mentions/s of CPU time "
        f"(median of {args.repeat} passes over {len(texts)} sentences, {mentions} mentions)"
    )

    print("\nerrors on resolvable mentions (gold → got):")
    for row, place in errors:
        got = "unresolved" if place is None or place.id is None else f"{place.id} {place.name}"
        print(f"  {row.source} {row.sentence_id} {row.mention}: {row.gold} → {got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
