"""IOB2 corpora and entity-level scoring, for training and benchmarking the tagger.

Scoring follows seqeval's strict IOB2 mode: an entity is a ``B-X`` followed by ``I-X``
tokens; a stray ``I-X`` starts nothing. Labels from other corpora are mapped onto
Marsad's four types (``PERS`` → ``PER``, ``MIS*`` → ``MISC``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

Sentence = tuple[list[str], list[str]]  # tokens, IOB2 tags

TYPE_MAP = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}


def map_tag(tag: str) -> str:
    """Map a corpus tag onto B-/I- of PER, ORG, LOC, MISC (anything else: O)."""
    if tag in ("O", "") or len(tag) < 3 or tag[1] != "-":
        return "O"
    prefix, kind = tag[0], tag[2:]
    if kind.startswith("MIS"):
        kind = "MISC"
    kind = TYPE_MAP.get(kind, "")
    return f"{prefix}-{kind}" if kind and prefix in "BI" else "O"


def read_conll(path: Path, *, encoding: str = "utf-8") -> list[Sentence]:
    """Sentences of a ``token TAG`` file (space- or tab-separated, blank line between)."""
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    with path.open(encoding=encoding) as handle:
        for raw in handle:
            line = raw.strip().lstrip("\ufeff")
            if not line:
                if tokens:
                    sentences.append((tokens, tags))
                    tokens, tags = [], []
                continue
            token, _, tag = line.rpartition(" ") if "\t" not in line else line.partition("\t")
            token = token.strip()
            if not token:
                continue
            tokens.append(token)
            tags.append(map_tag(tag.strip()))
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def entities(tags: Sequence[str]) -> set[tuple[str, int, int]]:
    """(type, start, end) of each strict IOB2 entity."""
    found = set()
    kind, start = "", -1
    for i, tag in enumerate([*tags, "O"]):
        if kind and tag != "I-" + kind:
            found.add((kind, start, i))
            kind = ""
        if tag.startswith("B-"):
            kind, start = tag[2:], i
    return found


def repair(tags: Sequence[str]) -> list[str]:
    """A stray ``I-X`` (after O or another type) becomes ``B-X``: valid IOB2 output."""
    out = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        previous = tag
    return out


@dataclass
class Score:
    precision: float
    recall: float
    f1: float
    support: int


def _prf(tp: int, n_pred: int, n_gold: int) -> Score:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Score(100 * p, 100 * r, 100 * f, n_gold)


def score(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> dict[str, Score]:
    """Micro-averaged entity scores (key ``"micro"``) and one per type."""
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for g_tags, p_tags in zip(gold, predicted, strict=True):
        g, p = entities(g_tags), entities(p_tags)
        for kind, *_ in g:
            n_gold[kind] += 1
        for kind, *_ in p:
            n_pred[kind] += 1
        for kind, *_ in g & p:
            tp[kind] += 1
    result = {"micro": _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))}
    for kind in sorted(n_gold | n_pred):
        result[kind] = _prf(tp[kind], n_pred[kind], n_gold[kind])
    return result
