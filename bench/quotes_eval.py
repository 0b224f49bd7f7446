"""Quote and speaker accuracy on hand-labelled passages, and speed.

    .venv/bin/python bench/quotes_eval.py                 # dev and held-out, side by side
    .venv/bin/python bench/quotes_eval.py --split dev -v  # with every miss, for tuning
    .venv/bin/python bench/quotes_eval.py --corpus 2000   # speed on SaudiNewsNet reports
    .venv/bin/python bench/quotes_eval.py --entities      # with the entities component's mentions

The passages are in ``tests/fixtures/quotes/`` (see its README): real reports from
SaudiNewsNet with every quote, its cue and speaker marked by hand, and hard negatives
(titles, slogans, quoted terms). ``dev`` is what the rules were tuned on; ``heldout`` was
labelled before the finder ever ran on it and is not tuned on.

Figures: precision, recall and F1 of quote spans, exact (same start and end) and
overlapping (one-to-one, by most overlap); for overlapping quotes, how often the speaker,
cue and kind are right; negatives taken for quotes; anonymity flags and reasons. Speed
is quotes and reports per second on one core.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.arabic import match_key
from marsad.model import Analysis, Article, Document, Mention, Quote, Source
from marsad.pipeline import load_component
from marsad.quotes import Found, find_quotes

Mentions = Callable[[str], Sequence[Mention]]


def no_mentions(text: str) -> Sequence[Mention]:
    return ()


def entity_mentions() -> Mentions:
    """PER/ORG mentions from the entities component, as the pipeline would pass them."""
    component = load_component("marsad.entities.component:entities_component")

    def mentions(text: str) -> Sequence[Mention]:
        analysis = Analysis(document=Document(source="bench"), article=Article(text=text))
        component(analysis)
        return analysis.mentions

    return mentions


ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "quotes"


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap: int = 0
    speaker: int = 0
    cue: int = 0
    cue_gold: int = 0
    kind: int = 0
    negatives: int = 0
    negatives_quoted: int = 0
    anonymity: int = 0
    anonymity_gold: int = 0
    reasons: int = 0
    reasons_gold: int = 0
    misses: list[str] = field(default_factory=list)


def load(split: str) -> list[dict]:
    rows = []
    for name in ("dev", "heldout") if split == "all" else (split,):
        with (FIXTURES / f"{name}.jsonl").open(encoding="utf-8") as handle:
            rows += [json.loads(line) for line in handle if line.strip()]
    return rows


def key(text: str) -> str:
    return match_key(text).replace('"', "").replace("'", "").strip()


def same_label(predicted: str, gold: str) -> bool:
    """Either label holds the other (``مصدر مطلع`` / ``مصدر مطلع في الجمارك``)."""
    a = key(predicted)
    return any(b and (b in a or a in b) for b in (key(g) for g in gold.split("|")))


def label(source: Source | None) -> str:
    if source is None:
        return ""
    span = source.name or source.description
    return span.text if span else ""


def evaluate(rows: list[dict], tally: Tally, mentions: Mentions = no_mentions) -> None:
    for row in rows:
        text = row["text"]
        found = find_quotes(text, mentions=mentions(text))
        sources = {s.id: s for s in found.sources}
        gold_spans = []
        for g in row["quotes"]:
            start = text.index(g["quote"])
            gold_spans.append((start, start + len(g["quote"]), g))
        tally.gold += len(gold_spans)
        tally.predicted += len(found.quotes)
        pairs = _pair(gold_spans, found.quotes)
        for (start, end, g), quote in zip(gold_spans, pairs, strict=True):
            if quote is None:
                tally.misses.append(f"{row['id']} MISSED {g['kind']} «{g['quote'][:50]}»")
                continue
            tally.overlap += 1
            exact = (quote.span.start, quote.span.end) == (start, end)
            tally.exact += exact
            if not exact:
                tally.misses.append(
                    f"{row['id']} SPAN «{quote.span.text[:60]}…{quote.span.text[-20:]}» "
                    f"gold «{g['quote'][:40]}…{g['quote'][-20:]}»"
                )
            speaker = label(sources.get(quote.source_id or ""))
            if same_label(speaker, g["speaker"]):
                tally.speaker += 1
            else:
                tally.misses.append(f"{row['id']} SPEAKER {speaker!r} gold {g['speaker']!r}")
            if g.get("cue"):
                tally.cue_gold += 1
                cue = quote.cue.text if quote.cue else ""
                if cue and same_label(cue, g["cue"]):
                    tally.cue += 1
                else:
                    tally.misses.append(f"{row['id']} CUE {cue!r} gold {g['cue']!r}")
            if quote.kind == g["kind"]:
                tally.kind += 1
            else:
                tally.misses.append(f"{row['id']} KIND {quote.kind} gold {g['kind']}")
        used = {id(q) for q in pairs if q is not None}
        for quote in found.quotes:
            if id(quote) not in used:
                tally.misses.append(f"{row['id']} EXTRA {quote.kind} «{quote.span.text[:60]}»")
        _negatives(row, found, gold_spans, tally)
        _anonymity(row, found, tally)


def _pair(gold_spans: list[tuple[int, int, dict]], quotes: list[Quote]) -> list[Quote | None]:
    """One predicted quote per gold quote, by largest overlap first."""
    candidates = sorted(
        (
            (min(end, q.span.end) - max(start, q.span.start), gi, qi)
            for gi, (start, end, _) in enumerate(gold_spans)
            for qi, q in enumerate(quotes)
            if q.span.start < end and start < q.span.end
        ),
        reverse=True,
    )
    pairs: list[Quote | None] = [None] * len(gold_spans)
    taken: set[int] = set()
    for _, gi, qi in candidates:
        if pairs[gi] is None and qi not in taken:
            pairs[gi] = quotes[qi]
            taken.add(qi)
    return pairs


def _negatives(row: dict, found: Found, gold_spans: list, tally: Tally) -> None:
    text = row["text"]
    for term in row["not_quotes"]:
        start = text.index(term)
        end = start + len(term)
        if any(s <= start and end <= e for s, e, _ in gold_spans):
            continue  # inside a real quote: what matters there is the quote
        tally.negatives += 1
        if any(q.span.start < end and start < q.span.end for q in found.quotes):
            tally.negatives_quoted += 1
            tally.misses.append(f"{row['id']} NEGATIVE QUOTED «{term}»")


def _anonymity(row: dict, found: Found, tally: Tally) -> None:
    for gold in row["sources"]:
        matches = [s for s in found.sources if same_label(label(s), gold["speaker"])]
        tally.anonymity_gold += 1
        if matches and matches[0].anonymous == gold["anonymous"]:
            tally.anonymity += 1
        else:
            got = matches[0].anonymous if matches else "no source"
            tally.misses.append(f"{row['id']} ANONYMOUS {got} gold {gold['anonymous']}")
        if gold.get("reason"):
            tally.reasons_gold += 1
            reason = matches[0].anonymity_reason if matches else None
            if reason is not None and reason.text == gold["reason"]:
                tally.reasons += 1
            else:
                got_reason = reason.text if reason else None
                tally.misses.append(f"{row['id']} REASON {got_reason!r} gold {gold['reason']!r}")


def prf(hit: int, predicted: int, gold: int) -> str:
    p = hit / predicted if predicted else 0.0
    r = hit / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:6.1%}  R {r:6.1%}  F1 {f:6.1%}"


def share(hit: int, total: int) -> str:
    return f"{hit / total:6.1%} ({hit}/{total})" if total else "   n/a"


def report(name: str, rows: list[dict], tally: Tally) -> None:
    print(f"\n== {name}: {len(rows)} passages, {tally.gold} gold quotes, {tally.predicted} found")
    print(f"quote spans, exact    {prf(tally.exact, tally.predicted, tally.gold)}")
    print(f"quote spans, overlap  {prf(tally.overlap, tally.predicted, tally.gold)}")
    print(f"speaker right (of overlapping)  {share(tally.speaker, tally.overlap)}")
    print(f"speaker right (of all gold)     {share(tally.speaker, tally.gold)}")
    print(f"cue right (of overlapping)      {share(tally.cue, tally.cue_gold)}")
    print(f"kind right (of overlapping)     {share(tally.kind, tally.overlap)}")
    print(f"negatives taken for quotes      {share(tally.negatives_quoted, tally.negatives)}")
    print(f"anonymity flag right            {share(tally.anonymity, tally.anonymity_gold)}")
    print(f"anonymity reason span right     {share(tally.reasons, tally.reasons_gold)}")


def speed(rows: list[dict], corpus: int) -> None:
    texts = [row["text"] for row in rows]
    rounds = 20
    started = time.perf_counter()
    count = sum(len(find_quotes(t).quotes) for _ in range(rounds) for t in texts)
    seconds = time.perf_counter() - started
    print(f"\nspeed on the passages: {count / seconds:,.0f} quotes/s, "
          f"{len(texts) * rounds / seconds:,.0f} passages/s")  # fmt: skip
    if corpus:
        shared = Path(os.environ.get("MARSAD_SHARED_DATA", ROOT.parent / "shared" / "data"))
        archives = sorted(glob.glob(str(shared / "corpus" / "saudinewsnet" / "*.zip")))
        if not archives:
            print(f"(no SaudiNewsNet under {shared}: corpus speed skipped)")
            return
        with zipfile.ZipFile(archives[0]) as archive:
            articles = json.loads(archive.read(archive.namelist()[0]))
        reports = [a["content"] for a in articles if a.get("content")][:corpus]
        started = time.perf_counter()
        count = sum(len(find_quotes(t).quotes) for t in reports)
        seconds = time.perf_counter() - started
        chars = sum(len(t) for t in reports)
        print(f"speed on {len(reports)} SaudiNewsNet reports: {count / seconds:,.0f} quotes/s, "
              f"{len(reports) / seconds:,.0f} reports/s, {chars / seconds / 1e6:.2f} M chars/s, "
              f"{count / len(reports):.2f} quotes per report")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "heldout", "all", "both"), default="both")
    parser.add_argument("--corpus", type=int, default=1000, help="reports for the speed run")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    parser.add_argument(
        "--entities", action="store_true", help="give the finder the entities component's mentions"
    )
    args = parser.parse_args()
    mentions = entity_mentions() if args.entities else no_mentions
    splits = ("dev", "heldout") if args.split == "both" else (args.split,)
    everything: list[dict] = []
    for split in splits:
        rows = load(split)
        everything += rows
        tally = Tally()
        evaluate(rows, tally, mentions)
        report(split + (" (with entity mentions)" if args.entities else ""), rows, tally)
        if args.verbose:
            for miss in tally.misses:
                print("   ", miss)
    speed(everything, args.corpus)


if __name__ == "__main__":
    main()
