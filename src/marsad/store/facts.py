"""An Analysis as rows of the fact tables that filters and facets read."""

from __future__ import annotations

import json
import sqlite3

from marsad.model import Analysis, Span
from marsad.store.terms import filter_key

# Tables filled from an analysis, cleared before an article is written again.
FACT_TABLES = (
    "entities",
    "mentions",
    "places",
    "sources",
    "quotes",
    "hashtags",
    "topics",
    "events",
    "facet_values",
)
# A topic counts for filters and facets from this probability on.
TOPIC_MIN_PROBABILITY = 0.5


def _key(value: str | None) -> str | None:
    return filter_key(value) if value else None


def _text(span: Span | None) -> str | None:
    return span.text if span else None


def write_facts(
    connection: sqlite3.Connection,
    article_id: int,
    analysis: Analysis,
    publisher: tuple[str, str] | None = None,
) -> None:
    """Replace the fact rows of an article; ``publisher`` is its (key, label) if known."""
    for table in FACT_TABLES:
        connection.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    connection.executemany(
        "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                article_id, e.id, e.type, e.name, filter_key(e.name), int(e.registry),
                e.mention_count, json.dumps(e.roles, ensure_ascii=False) if e.roles else None,
            )
            for e in analysis.entities
        ],
    )  # fmt: skip
    connection.executemany(
        "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                article_id, m.span.start, m.span.end, m.span.text, filter_key(m.span.text),
                m.label, m.entity_id, m.origin,
            )
            for m in analysis.mentions
        ],
    )  # fmt: skip
    connection.executemany(
        "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                article_id, p.span.start, p.span.end, p.span.text, filter_key(p.span.text),
                p.id, p.name, _key(p.name), p.country, p.admin1, _key(p.admin1), p.admin2,
                _key(p.admin2), p.kind, p.lat, p.lon, p.precision, p.relation,
            )
            for p in analysis.places
        ],
    )  # fmt: skip
    sources = {s.id: s for s in analysis.sources}
    connection.executemany(
        "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                article_id, s.id, s.kind, _text(s.name), _key(_text(s.name)),
                int(s.anonymous), s.entity_id,
            )
            for s in analysis.sources
        ],
    )  # fmt: skip
    quote_rows = []
    for q in analysis.quotes:
        source = sources.get(q.source_id) if q.source_id else None
        speaker = _text(q.speaker_span) or (_text(source.name) if source else None)
        quote_rows.append(
            (
                article_id, q.span.start, q.span.end, q.kind, q.source_id, speaker,
                _key(speaker), int(bool(source and source.anonymous)), q.confidence,
            )
        )  # fmt: skip
    connection.executemany("INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", quote_rows)
    connection.executemany(
        "INSERT INTO hashtags VALUES (?, ?, ?, ?, ?, ?)",
        [
            (article_id, h.span.start, h.span.end, h.tag, h.label, filter_key(h.label))
            for h in analysis.article.hashtags
        ],
    )
    connection.executemany(
        "INSERT INTO topics VALUES (?, ?, ?)",
        [(article_id, t.label, t.probability) for t in analysis.topics],
    )
    connection.executemany(
        "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                article_id, e.type, e.sub_type, e.event_date.isoformat() if e.event_date else None,
                e.place_id, e.actor1, e.actor2, e.fatalities, e.evidence.start, e.evidence.end,
                e.confidence,
            )
            for e in analysis.events
        ],
    )  # fmt: skip
    connection.executemany(
        "INSERT INTO facet_values VALUES (?, ?, ?, ?)",
        _facet_rows(article_id, analysis, publisher),
    )


def _facet_rows(
    article_id: int, analysis: Analysis, publisher: tuple[str, str] | None
) -> list[tuple[int, str, str, str]]:
    """Distinct (facet, key, label) of an article; keys are what the filters accept."""
    rows: dict[tuple[str, str], str] = {}
    for e in analysis.entities:
        rows.setdefault(("entities", e.id if e.registry else filter_key(e.name)), e.name)
    for p in analysis.places:
        rows.setdefault(("places", p.id or filter_key(p.span.text)), p.name or p.span.text)
        # every key a place filter may name, under 'areas' (filters only, never shown)
        for area in (
            p.id, filter_key(p.span.text), _key(p.name), p.admin1, _key(p.admin1),
            p.admin2, _key(p.admin2), p.country,
        ):  # fmt: skip
            if area:
                rows.setdefault(("areas", area), area)
    if publisher is not None:
        rows.setdefault(("publishers", publisher[0]), publisher[1])
    for h in analysis.article.hashtags:
        rows.setdefault(("hashtags", filter_key(h.label)), h.label)
    for t in analysis.topics:
        if t.probability >= TOPIC_MIN_PROBABILITY:
            rows.setdefault(("topics", t.label), t.label)
    return [(article_id, facet, key, label) for (facet, key), label in rows.items() if key]


def is_anonymous_sourced(analysis: Analysis) -> bool:
    """True when the report leans on at least one source it does not name."""
    return any(s.anonymous for s in analysis.sources)
