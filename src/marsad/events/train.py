"""Fitting the event filter on hand-labelled sentences (used by scripts/ and bench/).

Each labelled sentence is analysed as a report of its own, through the upstream components
that are installed (entities, places), and every rule candidate becomes an example: positive
when the sentence's gold has an event of the candidate's type (see ``examples``). The model
is an L2-regularised logistic regression fitted by full-batch Adagrad in plain Python: a few
hundred examples need no library, and the result is the same on every machine.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from marsad.events.extractor import read_sentences
from marsad.events.filter import EventFilter
from marsad.events.rules import Candidate
from marsad.events.taxonomy import type_of
from marsad.model import Analysis, Article, Document
from marsad.pipeline import DEFAULT_COMPONENTS, Pipeline, load_component

UPSTREAM = ("entities", "places", "quotes")  # components whose output the events component reads
Example = tuple[list[str], int]


def upstream_pipeline() -> Pipeline:
    """The default pipeline's components that run before events (those installed)."""
    components = []
    for spec in DEFAULT_COMPONENTS:
        component = load_component(spec)
        if component.name in UPSTREAM:
            components.append(component)
    return Pipeline(components)


def analyse(row: dict[str, Any], pipeline: Pipeline) -> Analysis:
    """A labelled sentence as a report of its own, dated as its article."""
    text = str(row["text"])
    article = Article(text=text, published=date.fromisoformat(str(row["date"])))
    document = Document.from_bytes(text.encode("utf-8"), source=str(row["id"]), media_type="text")
    return pipeline.run(Analysis(document=document, article=article))


def examples(labelled: Iterable[tuple[Analysis, Sequence[dict[str, Any]]]]) -> list[Example]:
    """Candidates' features, labelled by whether their event type is in the gold.

    A gold event told by several triggers of its type is credited to those the rules accept
    (to all of them when the rules accept none); the others are left out rather than taught
    as positives, so that "بعد معارك…" beside "سيطرت" does not teach that a time reference
    is an event.
    """
    found: list[Example] = []
    for analysis, gold in labelled:
        gold_types = {str(event["type"]) for event in gold}
        for reading in read_sentences(analysis):
            by_type: dict[str, list[Candidate]] = {}
            for candidate in reading.candidates:
                by_type.setdefault(type_of()[candidate.sub_type], []).append(candidate)
            for event_type, candidates in by_type.items():
                if event_type not in gold_types:
                    found += [(reading.features(c), 0) for c in candidates]
                    continue
                accepted = [c for c in candidates if c.accepted]
                found += [(reading.features(c), 1) for c in accepted or candidates]
    return found


def fit(
    data: Sequence[Example],
    threshold: float,
    l2: float = 3.0,
    min_count: int = 2,
    epochs: int = 400,
    rate: float = 0.5,
) -> EventFilter:
    """Logistic regression over binary features seen at least ``min_count`` times."""
    counts = Counter(name for features, _ in data for name in set(features))
    names = sorted(name for name, count in counts.items() if count >= min_count)
    index = {name: i for i, name in enumerate(names)}
    rows = [(sorted({index[n] for n in features if n in index}), label) for features, label in data]
    weights = [0.0] * len(names)
    bias = 0.0
    squares = [1e-8] * (len(names) + 1)  # Adagrad: rare features get their full steps
    n = max(len(rows), 1)
    for _ in range(epochs):
        gradient = [l2 * w / n for w in weights] + [0.0]
        for active, label in rows:
            error = _sigmoid(bias + sum(weights[i] for i in active)) - label
            gradient[-1] += error / n
            for i in active:
                gradient[i] += error / n
        for i, g in enumerate(gradient):
            squares[i] += g * g
        steps = [rate * g / math.sqrt(sq) for g, sq in zip(gradient, squares, strict=True)]
        bias -= steps[-1]
        weights = [w - step for w, step in zip(weights, steps, strict=False)]
    kept = {name: round(w, 4) for name, w in zip(names, weights, strict=True) if abs(w) >= 1e-4}
    return EventFilter(kept, round(bias, 4), threshold)


def _sigmoid(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-score))
