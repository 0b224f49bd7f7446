"""Search: FTS5 over the normalised index, filters on the fact tables, facets, snippets.

Snippets are cut from ``Article.text`` itself and their highlights are offsets into it, so
what a user sees is the report as written (diacritics and all), not the index form.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
import zlib
from dataclasses import dataclass, field
from datetime import date, timedelta

from pydantic import BaseModel, Field

from marsad.errors import QueryError
from marsad.store.query import ParsedQuery, parse_query
from marsad.store.terms import Word, filter_key, stored_words, words

# Facets count the best-ranked matches up to this many (all of them when fewer).
FACET_SAMPLE = 500
FACET_SIZE = 10
SNIPPET_CHARS = 220
# With a filter, searches matching at most this many reports check each match against the
# filters; larger ones intersect with the set of reports that pass them.
CORRELATE_BELOW = 1500
# bm25 weights of the (exact, stem) columns: an exact spelling outranks a loose one.
COLUMN_WEIGHTS = (2.0, 1.0)


_DAYS_AGO = re.compile(r"^(\d+)d$")


def parse_day(value: str, today: date | None = None) -> date:
    """A day given as ``YYYY-MM-DD``, ``today``, ``yesterday`` or ``7d`` (seven days ago)."""
    today = today or date.today()
    lowered = value.strip().lower()
    if lowered == "today":
        return today
    if lowered == "yesterday":
        return today - timedelta(days=1)
    if match := _DAYS_AGO.match(lowered):
        return today - timedelta(days=int(match.group(1)))
    try:
        return date.fromisoformat(lowered[:10])
    except ValueError:
        raise QueryError(
            f"{value!r} is not a day", hint="use YYYY-MM-DD, today, yesterday or 7d"
        ) from None


class Filters(BaseModel):
    """Narrow a search (or an export) to reports with these facts; all are ANDed."""

    entity: str | None = Field(default=None, description="Entity name, alias or id.")
    place: str | None = Field(
        default=None, description="Place name or gazetteer id; includes places inside it."
    )
    publisher: str | None = Field(default=None, description="Publisher name or web host.")
    since: date | None = None
    until: date | None = None
    hashtag: str | None = None
    speaker: str | None = Field(default=None, description="Name of a quoted source.")
    anonymous_only: bool = Field(default=False, description="Only anonymously sourced reports.")
    topic: str | None = None
    event_type: str | None = Field(default=None, description="Event type or sub-type.")
    language: str | None = None
    story: int | None = None


class Snippet(BaseModel):
    text: str
    start: int = Field(description="Where the snippet starts in Article.text.")
    end: int
    highlights: list[tuple[int, int]] = Field(
        default_factory=list, description="Matched words, as offsets into Article.text."
    )


class Hit(BaseModel):
    id: int
    title: str | None
    publisher: str | None
    published: str | None
    day: str
    url: str | None
    story_id: int | None
    score: float | None = Field(description="bm25 rank (lower is better); None without words.")
    snippet: Snippet | None = None


class FacetValue(BaseModel):
    value: str
    count: int
    key: str | None = Field(default=None, description="What the matching filter accepts.")


class SearchResults(BaseModel):
    query: str
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]] = Field(default_factory=dict)
    facets_from: int = Field(default=0, description="How many matches the facets counted.")
    took_ms: float = 0.0


def search(
    connection: sqlite3.Connection,
    query: str = "",
    filters: Filters | None = None,
    *,
    limit: int = 10,
    offset: int = 0,
    facets: bool = True,
    snippets: bool = True,
) -> SearchResults:
    started = time.perf_counter()
    filters = filters or Filters()
    parsed = parse_query(query)
    wanted = max(offset + limit, FACET_SAMPLE if facets else 0)
    where, where_params = filter_sql(filters)
    if parsed.fts is not None:
        score = "bm25(search_index, {}, {})".format(*COLUMN_WEIGHTS)
        matches = -1
        if where:
            matches = connection.execute(
                "SELECT count(*) FROM search_index WHERE search_index MATCH ?", (parsed.fts,)
            ).fetchone()[0]
        params: list[object] = [parsed.fts]
        if 0 <= matches <= CORRELATE_BELOW:
            # Few matches: each is checked against the filters by index lookups.
            parts = filter_parts(filters, correlate="a.id")
            source = "search_index CROSS JOIN articles a ON a.id = search_index.rowid"
            condition = " AND ".join(["search_index MATCH ?", *parts.facts, *parts.columns])
            params += parts.fact_params + parts.column_params
        else:
            # Many matches (or no filter): the index alone ranks (joining wide article rows
            # for every match costs more than bm25); filters narrow it as a set of ids.
            source = "search_index"
            condition = "search_index MATCH ?"
            if where:
                condition += (
                    f" AND +rowid IN (SELECT a.id FROM articles a WHERE {' AND '.join(where)})"
                )
                params += where_params
        ranked_sql = (
            f"SELECT search_index.rowid, {score} AS score FROM {source} WHERE {condition} "
            "ORDER BY score, search_index.rowid LIMIT ?"
        )
        count_sql = f"SELECT count(*) FROM {source} WHERE {condition}"
    else:
        condition = " AND ".join(where) or "1"
        params = where_params
        ranked_sql = (
            f"SELECT a.id, NULL FROM articles a WHERE {condition} "
            "ORDER BY a.day DESC, a.id DESC LIMIT ?"
        )
        count_sql = f"SELECT count(*) FROM articles a WHERE {condition}"
    ranked = connection.execute(ranked_sql, (*params, wanted)).fetchall()
    if len(ranked) < wanted:
        total = len(ranked)
    else:
        total = connection.execute(count_sql, params).fetchone()[0]
    page = ranked[offset : offset + limit]
    hits = _hits(connection, page, parsed if snippets else None)
    facet_ids = [row[0] for row in ranked[:FACET_SAMPLE]] if facets else []
    return SearchResults(
        query=query,
        total=total,
        hits=hits,
        facets=facet_counts(connection, facet_ids) if facets else {},
        facets_from=len(facet_ids),
        took_ms=round((time.perf_counter() - started) * 1000, 2),
    )


# A fact filter is a list of alternatives: (table, condition on its rows, parameters).
_Alternatives = list[tuple[str, str, list[object]]]
_IN_JSON = "IN (SELECT value FROM json_each(?))"


def filter_sql(filters: Filters) -> tuple[list[str], list[object]]:
    """SQL conditions on ``articles a`` for the filters, with their parameters."""
    parts = filter_parts(filters)
    return parts.facts + parts.columns, parts.fact_params + parts.column_params


@dataclass
class FilterParts:
    """Filters as SQL: on fact tables (``facts``) and on columns of ``articles a``."""

    facts: list[str] = field(default_factory=list)
    fact_params: list[object] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    column_params: list[object] = field(default_factory=list)


def filter_parts(filters: Filters, *, correlate: str | None = None) -> FilterParts:
    """The filters as SQL. Fact filters are sets of ``a.id`` (good when many reports are
    considered) or, with ``correlate`` (an SQL expression of the article id), a lookup per
    row (good when a few thousand search matches are checked: no large set is built)."""
    parts = FilterParts()
    where, params = parts.columns, parts.column_params

    def facts(alternatives: _Alternatives) -> None:
        if correlate:
            parts.facts.append(
                "("
                + " OR ".join(
                    f"EXISTS (SELECT 1 FROM {table} "
                    f"WHERE article_id = {correlate} AND ({condition}))"
                    for table, condition, _ in alternatives
                )
                + ")"
            )
        else:
            parts.facts.append(
                "a.id IN ("
                + " UNION ".join(
                    f"SELECT article_id FROM {table} WHERE {condition}"
                    for table, condition, _ in alternatives
                )
                + ")"
            )
        for _, _, values in alternatives:
            parts.fact_params.extend(values)

    if filters.entity:
        keys = _keys(filters.entity)
        facts(
            [
                ("entities", f"key {_IN_JSON}", [keys]),
                ("entities", "entity_id = ?", [filters.entity]),
                ("mentions", f"key {_IN_JSON}", [keys]),
            ]
        )
    if filters.place:
        keys = _keys(filters.place)
        ids, countries = _gazetteer_areas(filters.place)
        place_keys = json.dumps(sorted({*ids, *countries, *json.loads(keys)}))
        facts([("facet_values", f"facet = 'areas' AND key {_IN_JSON}", [place_keys])])
    if filters.publisher:
        where.append("(a.publisher_key = ? OR a.host = ?)")
        params += [filter_key(filters.publisher), filters.publisher.lower()]
    if filters.since:
        where.append("a.day >= ?")
        params.append(filters.since.isoformat())
    if filters.until:
        where.append("a.day <= ?")
        params.append(filters.until.isoformat())
    if filters.hashtag:
        tag = filter_key(filters.hashtag.lstrip("#").replace("_", " "))
        facts([("facet_values", "facet = 'hashtags' AND key = ?", [tag])])
    if filters.speaker:
        key = filter_key(filters.speaker)
        facts(
            [
                ("quotes", "speaker_key = ?", [key]),
                ("sources", "key = ?", [key]),
                ("sources", "entity_id = ?", [filters.speaker]),
            ]
        )
    if filters.anonymous_only:
        where.append("a.anonymous_sourced = 1")
    if filters.topic:
        # facet_values holds the topics at or over TOPIC_MIN_PROBABILITY
        facts([("facet_values", "facet = 'topics' AND key = ?", [filters.topic])])
    if filters.event_type:
        facts([("events", "type = ? OR sub_type = ?", [filters.event_type, filters.event_type])])
    if filters.language:
        where.append("a.language = ?")
        params.append(filters.language)
    if filters.story is not None:
        where.append("a.story_id = ?")
        params.append(filters.story)
    return parts


def _keys(value: str) -> str:
    """The name keys a filter value may match, as JSON: its key, or itself when it is one
    already (a facet's key handed back)."""
    return json.dumps(sorted({filter_key(value), value}))


def _gazetteer_areas(place: str) -> tuple[list[str], list[str]]:
    """Gazetteer ids the filter names (the id itself, or every entry the name may mean),
    and the ISO codes of those that are countries: a place filter then finds every report
    about a place inside them (``Place.admin1``/``admin2`` hold the ids of its areas)."""
    from marsad.places.gazetteer import gazetteer

    places = gazetteer()
    entry = places.lookup(place)
    entries = [entry] if entry is not None else places.find(place)
    ids = [place, *(e.id for e in entries)]
    countries = [e.country for e in entries if e.kind == "country" and e.country]
    if len(place) == 2 and place.isalpha() and place.isascii():
        countries.append(place.upper())
    return ids, countries


FACETS = ("entities", "places", "publishers", "hashtags", "topics")


def facet_counts(connection: sqlite3.Connection, ids: list[int]) -> dict[str, list[FacetValue]]:
    """Top values of each facet among ``ids``, by how many of those reports carry them."""
    counted: dict[str, list[FacetValue]] = {name: [] for name in FACETS}
    if not ids:
        return counted
    rows = connection.execute(
        "SELECT facet, key, min(label), count(*) FROM facet_values "
        "WHERE article_id IN (SELECT value FROM json_each(?)) AND facet != 'areas' "
        "GROUP BY facet, key",
        (json.dumps(ids),),
    )
    for facet, key, label, count in rows:
        counted[facet].append(FacetValue(value=label, key=key, count=count))
    return {
        name: sorted(values, key=lambda v: (-v.count, v.value))[:FACET_SIZE]
        for name, values in counted.items()
    }


def _hits(
    connection: sqlite3.Connection, page: list[tuple[int, float | None]], parsed: ParsedQuery | None
) -> list[Hit]:
    if not page:
        return []
    rows = {
        row[0]: row
        for row in connection.execute(
            "SELECT a.id, a.title, a.publisher, a.published, a.day, a.url, a.story_id, a.text, "
            "t.terms, t.offsets FROM articles a LEFT JOIN search_terms t ON t.article_id = a.id "
            "WHERE a.id IN (SELECT value FROM json_each(?))",
            (json.dumps([article_id for article_id, _ in page]),),
        )
    }
    hits = []
    for article_id, score in page:
        row = rows[article_id]
        snippet = None
        if parsed is not None:
            text_words = _stored_words(row[8], row[9]) or list(words(row[7]))
            snippet = make_snippet(row[7], parsed, text_words)
        hits.append(
            Hit(
                id=row[0],
                title=row[1],
                publisher=row[2],
                published=row[3],
                day=row[4],
                url=row[5],
                story_id=row[6],
                score=score,
                snippet=snippet,
            )
        )
    return hits


def _stored_words(terms: bytes | None, offsets: bytes | None) -> list[Word]:
    if terms is None or offsets is None:
        return []
    exact, _, stem = zlib.decompress(terms).decode().partition("\x00")
    return stored_words(exact, stem, offsets)


def make_snippet(
    text: str, parsed: ParsedQuery, text_words: list[Word], width: int = SNIPPET_CHARS
) -> Snippet:
    """The stretch of ``text`` (about ``width`` characters) with the most matched words."""
    matches = [
        (w.start, w.end, w.exact)
        for w in text_words
        if w.exact in parsed.highlight_exact or w.stem in parsed.highlight_stem
    ]
    if not matches:
        end = _word_end(text, min(len(text), width))
        return Snippet(text=text[:end], start=0, end=end)
    best_start, best_score = matches[0][0], -1
    for i, (start, _, _) in enumerate(matches):
        window = {m[2] for m in matches[i:] if m[1] <= start + width}
        if len(window) > best_score:
            best_start, best_score = start, len(window)
    start = _word_start(text, max(0, best_start - width // 4))
    end = _word_end(text, min(len(text), start + width))
    return Snippet(
        text=text[start:end],
        start=start,
        end=end,
        highlights=[(s, e) for s, e, _ in matches if s >= start and e <= end],
    )


def _word_start(text: str, index: int) -> int:
    if index == 0:
        return 0
    space = text.rfind(" ", 0, index)
    newline = text.rfind("\n", 0, index)
    return max(space, newline) + 1


def _word_end(text: str, index: int) -> int:
    if index >= len(text):
        return len(text)
    cut = [i for i in (text.find(" ", index), text.find("\n", index)) if i != -1]
    return min(cut) if cut else len(text)


def matching_ids(
    connection: sqlite3.Connection, query: str = "", filters: Filters | None = None
) -> list[int]:
    """Every article matching the query and filters, oldest first (for exports)."""
    parsed = parse_query(query)
    where, params = filter_sql(filters or Filters())
    source = "articles a"
    if parsed.fts is not None:
        source = "search_index f JOIN articles a ON a.id = f.rowid"
        where = ["search_index MATCH ?", *where]
        params = [parsed.fts, *params]
    condition = " AND ".join(where) or "1"
    rows = connection.execute(
        f"SELECT a.id FROM {source} WHERE {condition} ORDER BY a.day, a.id", params
    )
    return [int(r[0]) for r in rows]
