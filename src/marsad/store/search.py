"""Search: FTS5 over the normalised index, filters on the fact tables, facets, snippets.

Snippets are cut from ``Article.text`` itself and their highlights are offsets into it, so
what a user sees is the report as written (diacritics and all), not the index form.
"""

from __future__ import annotations

import heapq
import json
import re
import sqlite3
import time
import zlib
from collections import Counter
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
# Column filters (day, publisher, ...) passing fewer reports than this are read as a set of
# ids; broader ones are checked per match in an index keyed by id.
COLUMN_SET_BELOW = 2000
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
    if parsed.fts is not None:
        ranked, total = _best_matches(connection, parsed.fts, filters, wanted)
    else:
        ranked, total = _newest(connection, filters, wanted)
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


Ranked = list[tuple[int, float | None]]


def _best_matches(
    connection: sqlite3.Connection, fts: str, filters: Filters, wanted: int
) -> tuple[Ranked, int]:
    """The ``wanted`` best matches (bm25, then id) that pass the filters, and how many pass."""
    score = "bm25(search_index, {}, {})".format(*COLUMN_WEIGHTS)
    source, conditions, params = _matches(connection, fts, filters)
    matched = (
        f"SELECT search_index.rowid AS id, {score} AS score FROM {source} "
        f"WHERE {' AND '.join(conditions)}"
    )
    if len(conditions) > 1:
        # Filtered: ranked and counted in one pass, as counting apart would check every
        # match against the filters a second time.
        rows = connection.execute(
            f"WITH matched AS MATERIALIZED ({matched}) "
            "SELECT id, score, (SELECT count(*) FROM matched) FROM matched "
            "ORDER BY score, id LIMIT ?",
            (*params, wanted),
        ).fetchall()
        return [(row[0], row[1]) for row in rows], rows[0][2] if rows else 0
    ranked = connection.execute(f"{matched} ORDER BY score, id LIMIT ?", (*params, wanted))
    best = ranked.fetchall()
    if len(best) < wanted:
        return best, len(best)
    # Counting the index matches alone (no bm25) costs little next to ranking them.
    (total,) = connection.execute(
        "SELECT count(*) FROM search_index WHERE search_index MATCH ?", (fts,)
    ).fetchone()
    return best, int(total)


def _newest(connection: sqlite3.Connection, filters: Filters, wanted: int) -> tuple[Ranked, int]:
    """Without words: the newest ``wanted`` reports that pass the filters, and how many pass."""
    where, params = filter_sql(filters)
    condition = " AND ".join(where) or "1"
    newest = connection.execute(
        f"SELECT a.id, NULL FROM articles a WHERE {condition} "
        "ORDER BY a.day DESC, a.id DESC LIMIT ?",
        (*params, wanted),
    ).fetchall()
    if len(newest) < wanted:
        return newest, len(newest)
    (total,) = connection.execute(
        f"SELECT count(*) FROM articles a WHERE {condition}", params
    ).fetchone()
    return newest, int(total)


def _matches(
    connection: sqlite3.Connection, fts: str, filters: Filters
) -> tuple[str, list[str], list[object]]:
    """FROM, WHERE conditions and parameters of the index matches that pass the filters.

    The index alone ranks: article rows are wide (text and analysis), so no match reads
    one. Column filters that pass few reports (a day, a story) are read once as a set of
    ids; others are checked per match with one seek in the thin index keyed by id (cheaper
    than building the set of every report a year passes). Fact filters are checked per
    match when the query matches few reports, and as a set of ids (one index range per
    fact) when it matches many.
    """
    source = "search_index"
    conditions = ["search_index MATCH ?"]
    params: list[object] = [fts]
    parts = filter_parts(filters, subject="+search_index.rowid")
    if parts.columns:
        columns = " AND ".join(parts.columns)
        (passing,) = connection.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM articles a WHERE {columns} LIMIT ?)",
            (*parts.column_params, COLUMN_SET_BELOW),
        ).fetchone()
        if passing < COLUMN_SET_BELOW:
            conditions.append(
                f"+search_index.rowid IN (SELECT a.id FROM articles a WHERE {columns})"
            )
        else:
            source += (
                " CROSS JOIN articles a INDEXED BY articles_filters_by_id"
                " ON a.id = search_index.rowid"
            )
            conditions += parts.columns
        params += parts.column_params
    if parts.facts:
        matches = connection.execute(
            "SELECT count(*) FROM search_index WHERE search_index MATCH ?", (fts,)
        ).fetchone()[0]
        if matches <= CORRELATE_BELOW:
            parts = filter_parts(filters, correlate="search_index.rowid")
        conditions += parts.facts
        params += parts.fact_params
    return source, conditions, params


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


def filter_parts(
    filters: Filters, *, subject: str = "a.id", correlate: str | None = None
) -> FilterParts:
    """The filters as SQL. Fact filters are sets that ``subject`` (an SQL expression of the
    article id) must be in (good when many reports are considered) or, with ``correlate``
    (such an expression too), a lookup per row (good when a few thousand search matches are
    checked: no large set is built)."""
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
                f"{subject} IN ("
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
    if not ids:
        return {name: [] for name in FACETS}
    counted: dict[str, list[tuple[int, str, str]]] = {name: [] for name in FACETS}
    rows = connection.execute(
        "SELECT facet, key, min(label), count(*) FROM facet_values "
        "WHERE article_id IN (SELECT value FROM json_each(?)) AND facet != 'areas' "
        "GROUP BY facet, key",
        (json.dumps(ids),),
    )
    for facet, key, label, count in rows:
        counted[facet].append((-count, label, key))
    # only the values shown become objects: a facet may have thousands of values
    return {
        name: [
            FacetValue(value=label, key=key, count=-negated)
            for negated, label, key in heapq.nsmallest(FACET_SIZE, values)
        ]
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
            text_words = _stored_words(row[8], row[9], parsed)
            if text_words is None:
                text_words = list(words(row[7]))
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


def _stored_words(
    terms: bytes | None, offsets: bytes | None, parsed: ParsedQuery
) -> list[Word] | None:
    """The words of a stored report a snippet may highlight; None when not stored."""
    if terms is None or offsets is None:
        return None
    exact, _, stem = zlib.decompress(terms).decode().partition("\x00")
    return stored_words(exact, stem, offsets, among=(parsed.highlight_exact, parsed.highlight_stem))


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
    start = _word_start(text, max(0, _busiest_start(matches, width) - width // 4))
    end = _word_end(text, min(len(text), start + width))
    return Snippet(
        text=text[start:end],
        start=start,
        end=end,
        highlights=[(s, e) for s, e, _ in matches if s >= start and e <= end],
    )


def _busiest_start(matches: list[tuple[int, int, str]], width: int) -> int:
    """Where the first window of ``width`` characters holding the most distinct matched
    words begins, a window starting at each match. Matches come in text order, so their
    ends never decrease and the window slides: linear, not quadratic, in the matches (a
    long report may match a word hundreds of times)."""
    best_start, best_score = matches[0][0], -1
    inside: Counter[str] = Counter()
    end = 0  # matches[i:end] are the window of match i
    for i, (start, _, _) in enumerate(matches):
        end = max(end, i)
        while end < len(matches) and matches[end][1] <= start + width:
            inside[matches[end][2]] += 1
            end += 1
        if len(inside) > best_score:
            best_start, best_score = start, len(inside)
        if i < end:
            word = matches[i][2]
            inside[word] -= 1
            if not inside[word]:
                del inside[word]
    return best_start


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
