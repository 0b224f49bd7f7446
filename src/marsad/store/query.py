"""The search box language, compiled to an FTS5 expression over the two index columns.

Words are ANDed; ``"…"`` is a phrase; ``OR`` between two items means either; a leading
``-`` excludes. Each word or phrase matches the ``exact`` column or the ``stem`` column
(see :mod:`marsad.store.terms`), so spelling and clitic variants meet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from marsad.errors import QueryError
from marsad.store.terms import Word, words

_ITEM = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass
class ParsedQuery:
    """A query as FTS5 understands it, and the words a snippet should highlight."""

    fts: str | None
    highlight_exact: set[str] = field(default_factory=set)
    highlight_stem: set[str] = field(default_factory=set)


def parse_query(text: str) -> ParsedQuery:
    clauses: list[str] = []
    exact: set[str] = set()
    stem: set[str] = set()
    pending_or = False
    for match in _ITEM.finditer(text):
        negated, phrase, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None and bare == "OR":
            pending_or = bool(clauses)
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            negated, bare = "-", bare[1:]
        phrase_words = list(words(phrase if phrase is not None else bare or ""))
        if not phrase_words:
            continue
        clause = _clause(phrase_words)
        if negated:
            clauses.append(f"NOT {clause}")
            pending_or = False
            continue
        exact.update(w.exact for w in phrase_words)
        stem.update(w.stem for w in phrase_words)
        if pending_or and clauses and not clauses[-1].startswith("NOT "):
            clauses[-1] = f"({clauses[-1]} OR {clause})"
        else:
            clauses.append(clause)
        pending_or = False
    positive = [c for c in clauses if not c.startswith("NOT ")]
    if not positive:
        if clauses:
            raise QueryError(
                f"the query {text!r} only excludes words",
                hint="add at least one word to look for",
            )
        return ParsedQuery(None)
    ordered = positive + [c for c in clauses if c.startswith("NOT ")]
    return ParsedQuery(" ".join(_join(ordered)), exact, stem)


def _join(clauses: list[str]) -> list[str]:
    out = [clauses[0]]
    for clause in clauses[1:]:
        out.append(clause if clause.startswith("NOT ") else f"AND {clause}")
    return out


def _clause(phrase_words: list[Word]) -> str:
    exact = " ".join(_quote(w.exact) for w in phrase_words)
    stem = " ".join(_quote(w.stem) for w in phrase_words)
    return f"(exact : ({_phrase(exact)}) OR stem : ({_phrase(stem)}))"


def _phrase(quoted_tokens: str) -> str:
    # "a" "b" inside one FTS5 phrase is written "a" + "b".
    return quoted_tokens.replace('" "', '" + "')


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'
