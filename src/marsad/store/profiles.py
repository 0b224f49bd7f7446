"""Read-only views across the corpus for the pages about one thing: an entity, a place,
a hashtag, and the list of articles. Each is a few indexed queries over the fact
tables :mod:`marsad.store.facts` writes; nothing here writes.

Entities are identified across reports by their registry id when the entity registry
knows them, and otherwise by the key of their canonical name (two reports' local ids
mean nothing to each other).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from marsad.places.gazetteer import gazetteer
from marsad.store.database import Store
from marsad.store.terms import filter_key


@dataclass(frozen=True)
class ArticleRow:
    id: int
    title: str | None
    publisher: str | None
    day: str
    story_id: int | None = None


@dataclass(frozen=True)
class Count:
    key: str
    label: str
    count: int
    kind: str | None = None


@dataclass(frozen=True)
class QuoteRow:
    article_id: int
    title: str | None
    day: str
    kind: str
    text: str
    start: int
    end: int


@dataclass
class EntityProfile:
    ident: str
    name: str
    type: str
    registry: bool
    article_count: int
    timeline: list[Count]
    quotes: list[QuoteRow]
    co_occurring: list[Count]
    articles: list[ArticleRow]


@dataclass
class PlaceProfile:
    id: str
    name: str
    name_en: str | None
    kind: str | None
    country: str | None
    lat: float | None
    lon: float | None
    hierarchy: list[Count]  # the areas it lies in, widest first: key is the area's id
    article_count: int
    articles: list[ArticleRow]
    inside: list[PlaceProfilePin]


@dataclass(frozen=True)
class PlaceProfilePin:
    id: str
    name: str
    lat: float
    lon: float
    count: int


@dataclass
class HashtagProfile:
    key: str
    label: str
    article_count: int
    timeline: list[Count]
    co_occurring: list[Count]
    entities: list[Count]
    articles: list[ArticleRow]


def entity_ident(entity_id: str, name: str, registry: bool) -> str:
    """The id an entity goes by across the corpus (what /entities/{id} takes)."""
    return entity_id if registry else name


def list_articles(store: Store, *, limit: int = 50, offset: int = 0) -> list[ArticleRow]:
    rows = store.connection.execute(
        "SELECT id, title, publisher, day, story_id FROM articles "
        "ORDER BY day DESC, id DESC LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return [ArticleRow(*row) for row in rows]


def story_of(store: Store, article_id: int) -> int | None:
    row = store.connection.execute(
        "SELECT story_id FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    return row[0] if row else None


def latest_day(store: Store) -> date | None:
    """The newest day in the corpus: "latest" is relative to it, not to the clock, so an
    archive reads the same as a live feed."""
    (day,) = store.connection.execute("SELECT max(last_seen) FROM stories").fetchone()
    return date.fromisoformat(day[:10]) if day else None


def entity_profile(store: Store, ident: str, *, limit: int = 20) -> EntityProfile | None:
    db = store.connection
    where = "(e.registry = 1 AND e.entity_id = ?) OR (e.registry = 0 AND e.key = ?)"
    params = (ident, filter_key(ident))
    head = db.execute(
        f"SELECT e.name, e.type, e.registry, count(DISTINCT e.article_id) FROM entities e "
        f"WHERE {where} GROUP BY e.name, e.type, e.registry ORDER BY 4 DESC LIMIT 1",
        params,
    ).fetchone()
    if head is None:
        return None
    # The reports that name the entity, with the entity's id in each (ids are per report).
    named = (
        "WITH profile_articles AS (SELECT DISTINCT e.article_id AS id, e.entity_id "
        f"FROM entities e WHERE {where}) "
    )
    timeline = [
        Count(day, day, n)
        for day, n in db.execute(
            named + "SELECT a.day, count(DISTINCT a.id) FROM articles a "
            "JOIN profile_articles p ON p.id = a.id GROUP BY a.day ORDER BY a.day",
            params,
        )
    ]
    quotes = [
        QuoteRow(*row)
        for row in db.execute(
            named + "SELECT a.id, a.title, a.day, q.kind, "
            'substr(a.text, q.start + 1, q."end" - q.start), q.start, q."end" FROM quotes q '
            "JOIN sources s ON s.article_id = q.article_id AND s.source_id = q.source_id "
            "JOIN profile_articles p ON p.id = q.article_id AND p.entity_id = s.entity_id "
            "JOIN articles a ON a.id = q.article_id "
            "WHERE q.anonymous = 0 AND s.anonymous = 0 ORDER BY a.day DESC, q.start LIMIT ?",
            (*params, limit),
        )
    ]
    key = filter_key(head[0])
    co_occurring = [
        Count(entity_ident(entity_id, name, bool(registry)), name, n, kind)
        for entity_id, name, kind, registry, n in db.execute(
            named + "SELECT e.entity_id, e.name, e.type, e.registry, "
            "count(DISTINCT e.article_id) AS n FROM entities e "
            "WHERE e.article_id IN (SELECT id FROM profile_articles) AND e.key != ? "
            "GROUP BY e.key ORDER BY n DESC, e.name LIMIT ?",
            (*params, key, limit),
        )
    ]
    articles = [
        ArticleRow(*row)
        for row in db.execute(
            named + "SELECT a.id, a.title, a.publisher, a.day, a.story_id FROM articles a "
            "WHERE a.id IN (SELECT id FROM profile_articles) ORDER BY a.day DESC, a.id DESC "
            "LIMIT ?",
            (*params, limit),
        )
    ]
    return EntityProfile(
        ident, head[0], head[1], bool(head[2]), head[3], timeline, quotes, co_occurring, articles
    )


def place_profile(store: Store, place_id: str, *, limit: int = 20) -> PlaceProfile | None:
    """A place from the gazetteer (or, for ids it lacks, from the reports), the reports
    about it and, for an admin area, about the places inside it (``admin1``/``admin2``
    hold the ids of the areas a place lies in)."""
    db = store.connection
    entry = gazetteer().lookup(place_id)
    row = db.execute(
        "SELECT coalesce(name, text), kind, country, admin1, admin2, lat, lon FROM places "
        "WHERE place_id = ? GROUP BY name, kind, country, admin1, admin2 "
        "ORDER BY count(*) DESC LIMIT 1",
        (place_id,),
    ).fetchone()
    if entry is not None:
        name, name_en, kind, country = entry.name, entry.name_en, entry.kind, entry.country
        lat, lon = entry.lat, entry.lon
        areas = list(gazetteer().areas_of(place_id)[1:])
    elif row is not None:
        name, kind, country, admin1, admin2, lat, lon = row
        name_en = None
        areas = [a for a in (admin2, admin1) if a]
    else:
        return None
    inside_where = "p.place_id = ? OR p.admin1 = ? OR p.admin2 = ?"
    inside_params: list[object] = [place_id] * 3
    if kind == "country" and country:
        inside_where += " OR p.country = ?"
        inside_params.append(country)
    article_count = db.execute(
        f"SELECT count(DISTINCT p.article_id) FROM places p WHERE {inside_where}", inside_params
    ).fetchone()[0]
    articles = [
        ArticleRow(*r)
        for r in db.execute(
            "SELECT a.id, a.title, a.publisher, a.day, a.story_id FROM articles a "
            f"WHERE a.id IN (SELECT p.article_id FROM places p WHERE {inside_where}) "
            "ORDER BY a.day DESC, a.id DESC LIMIT ?",
            (*inside_params, limit),
        )
    ]
    inside = [
        PlaceProfilePin(*r)
        for r in db.execute(
            "SELECT p.place_id, coalesce(min(p.name), min(p.text)), p.lat, p.lon, "
            "count(DISTINCT p.article_id) FROM places p "
            f"WHERE ({inside_where}) AND p.place_id != ? AND p.lat IS NOT NULL "
            "GROUP BY p.place_id ORDER BY 5 DESC LIMIT 60",
            (*inside_params, place_id),
        )
    ]
    hierarchy = [_area(db, area) for area in reversed(areas)]
    return PlaceProfile(
        place_id, name, name_en, kind, country, lat, lon,
        hierarchy, article_count, articles, inside,
    )  # fmt: skip


def _area(db: sqlite3.Connection, area_id: str) -> Count:
    """An admin area by id, named from the gazetteer, else from a report that named it."""
    entry = gazetteer().lookup(area_id)
    if entry is not None:
        return Count(area_id, entry.name, 0, entry.kind)
    row = db.execute(
        "SELECT coalesce(name, text), kind FROM places WHERE place_id = ? LIMIT 1", (area_id,)
    ).fetchone()
    return Count(area_id, row[0], 0, row[1]) if row else Count(area_id, area_id, 0, None)


def hashtag_profile(store: Store, tag: str, *, limit: int = 20) -> HashtagProfile | None:
    db = store.connection
    key = filter_key(tag.replace("_", " "))
    head = db.execute(
        "SELECT label, count(DISTINCT article_id) FROM hashtags WHERE key = ? "
        "GROUP BY label ORDER BY 2 DESC LIMIT 1",
        (key,),
    ).fetchone()
    if head is None:
        return None
    tagged = "SELECT article_id FROM hashtags WHERE key = ?"
    article_count = db.execute(
        f"SELECT count(DISTINCT article_id) FROM ({tagged})", (key,)
    ).fetchone()[0]
    timeline = [
        Count(day, day, n)
        for day, n in db.execute(
            f"SELECT day, count(*) FROM articles WHERE id IN ({tagged}) GROUP BY day ORDER BY day",
            (key,),
        )
    ]
    co_occurring = [
        Count(k, label, n)
        for k, label, n in db.execute(
            f"SELECT key, label, count(DISTINCT article_id) AS n FROM hashtags "
            f"WHERE article_id IN ({tagged}) AND key != ? GROUP BY key ORDER BY n DESC LIMIT ?",
            (key, key, limit),
        )
    ]
    entities = [
        Count(entity_ident(entity_id, name, bool(registry)), name, n, kind)
        for entity_id, name, kind, registry, n in db.execute(
            f"SELECT entity_id, name, type, registry, count(DISTINCT article_id) AS n "
            f"FROM entities WHERE article_id IN ({tagged}) GROUP BY key "
            f"ORDER BY n DESC LIMIT ?",
            (key, limit),
        )
    ]
    articles = [
        ArticleRow(*row)
        for row in db.execute(
            f"SELECT id, title, publisher, day, story_id FROM articles WHERE id IN ({tagged}) "
            "ORDER BY day DESC, id DESC LIMIT ?",
            (key, limit),
        )
    ]
    return HashtagProfile(key, head[0], article_count, timeline, co_occurring, entities, articles)
