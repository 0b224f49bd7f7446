"""Exports: JSONL (full analyses), CSV (one row per article), ACLED-like CSV (per event).

The ACLED-like file is filled only from what the analysis found; a column whose fact is
unknown stays empty (no date guessed from the publication date, no place from the dateline).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import IO, Literal

from marsad.errors import QueryError
from marsad.events.location import event_location
from marsad.model import Analysis, Place
from marsad.places.gazetteer import gazetteer
from marsad.store.database import Store

ExportFormat = Literal["jsonl", "csv", "acled"]
EXPORT_FORMATS = ("jsonl", "csv", "acled")

ARTICLE_COLUMNS = (
    "id", "story_id", "day", "published", "publisher", "url", "title", "byline", "language",
    "topic", "entities", "places", "hashtags", "quotes", "anonymous_sources", "events",
    "warnings",
)  # fmt: skip
ACLED_COLUMNS = (
    "event_date", "event_type", "sub_event_type", "location", "admin1", "admin2", "country",
    "latitude", "longitude", "geo_precision", "actors", "fatalities", "source", "notes",
    "url", "article_id", "actor1", "actor2",
)  # fmt: skip


def export(store: Store, ids: Iterable[int], out: IO[str], fmt: ExportFormat | str) -> int:
    """Write the articles ``ids`` to ``out``; returns how many rows were written."""
    if fmt not in EXPORT_FORMATS:
        raise QueryError(f"unknown export format {fmt!r}", hint="use jsonl, csv or acled")
    if fmt == "jsonl":
        return _write_jsonl(store, ids, out)
    columns = ARTICLE_COLUMNS if fmt == "csv" else ACLED_COLUMNS
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    rows = 0
    for article_id, story_id, analysis in _analyses(store, ids):
        for row in (
            [article_row(article_id, story_id, analysis)]
            if fmt == "csv"
            else acled_rows(article_id, analysis)
        ):
            writer.writerow(row)
            rows += 1
    return rows


def _analyses(store: Store, ids: Iterable[int]) -> Iterator[tuple[int, int | None, Analysis]]:
    for article_id in ids:
        row = store.connection.execute(
            "SELECT story_id FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        yield article_id, row[0] if row else None, store.get_analysis(article_id, include_raw=False)


def _write_jsonl(store: Store, ids: Iterable[int], out: IO[str]) -> int:
    rows = 0
    for article_id, story_id, analysis in _analyses(store, ids):
        record = {
            "id": article_id,
            "story_id": story_id,
            "analysis": analysis.model_dump(mode="json", exclude={"document": {"raw"}}),
        }
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        rows += 1
    return rows


def _joined(values: Iterable[str | None]) -> str:
    seen = dict.fromkeys(v for v in values if v)
    return "; ".join(seen)


def article_row(article_id: int, story_id: int | None, analysis: Analysis) -> dict[str, object]:
    article = analysis.article
    top_topic = max(analysis.topics, key=lambda t: t.probability, default=None)
    return {
        "id": article_id,
        "story_id": story_id if story_id is not None else "",
        "day": (article.published or analysis.document.fetched_at).isoformat()[:10],
        "published": article.published.isoformat() if article.published else "",
        "publisher": article.publisher or "",
        "url": article.url or analysis.document.url or "",
        "title": article.title or "",
        "byline": article.byline or "",
        "language": article.language,
        "topic": top_topic.label if top_topic else "",
        "entities": _joined(e.name for e in analysis.entities),
        "places": _joined(p.name or p.span.text for p in analysis.places),
        "hashtags": _joined(h.label for h in article.hashtags),
        "quotes": len(analysis.quotes),
        "anonymous_sources": sum(1 for s in analysis.sources if s.anonymous),
        "events": len(analysis.events),
        "warnings": _joined(w.split(" ", 1)[0] for w in analysis.warnings),
    }


def acled_rows(article_id: int, analysis: Analysis) -> list[dict[str, object]]:
    """One row per event the analysis found; facts it lacks stay empty."""
    names = {e.id: e.name for e in analysis.entities}
    rows = []
    for event in analysis.events:
        location, place = event_location(event, analysis.places)
        actor1, actor2 = (names.get(a, a) if a else "" for a in (event.actor1, event.actor2))
        actors = [a for a in (actor1, actor2) if a]
        rows.append(
            {
                "event_date": event.event_date.isoformat() if event.event_date else "",
                "event_type": event.type,
                "sub_event_type": event.sub_type,
                "location": location,
                "admin1": _area_name(place.admin1) if place else "",
                "admin2": _area_name(place.admin2) if place else "",
                "country": (place.country or "") if place else "",
                "latitude": _number(place.lat if place else None),
                "longitude": _number(place.lon if place else None),
                "geo_precision": _geo_precision(event.precision, place),
                "actors": "; ".join(actors),
                "fatalities": "" if event.fatalities is None else event.fatalities,
                "source": analysis.article.publisher or "",
                "notes": event.evidence.text,
                "url": analysis.article.url or analysis.document.url or "",
                "article_id": article_id,
                "actor1": actor1,
                "actor2": actor2,
            }
        )
    return rows


def _area_name(area: str | None) -> str:
    """A place's admin area by name: the gazetteer keeps ids (``geonames:170792``)."""
    if not area:
        return ""
    entry = gazetteer().lookup(area)
    return entry.name if entry else area


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.5f}"


def _geo_precision(precision: int | None, place: Place | None) -> object:
    if precision is not None:
        return precision
    if place is not None and place.precision is not None:
        return place.precision
    return ""
