"""What every ingest source yields: an item to store, and how it becomes an Analysis.

Sources (folders, JSONL, feeds, WARC, URLs) only read; the runner decides what is new,
fetches, analyses and stores. Metadata a source knows better than the page (a feed's
title and date, a JSONL record's publisher) travels as *hints*, filled in where
extraction found nothing, and is stored so a reanalysis applies it again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from marsad.extract import extract_document
from marsad.model import Analysis, Document
from marsad.pipeline import Pipeline, default_pipeline

# Keys a hint may carry; all values are strings (dates in ISO form).
HINT_FIELDS = ("title", "byline", "published", "publisher")


@dataclass
class Item:
    """One report to ingest: its identity in the store and either its bytes or its URL."""

    key: str
    source: str
    origin: str
    document: Document | None = None
    url: str | None = None
    hints: dict[str, str] = field(default_factory=dict)
    error: str | None = None  # why it could not be read; stored with the document

    @property
    def needs_fetch(self) -> bool:
        return self.document is None


def failed_item(key: str, source: str, origin: str, error: str, raw: bytes = b"") -> Item:
    """An item that could not be read: stored anyway, with its error, so nothing is lost."""
    document = Document.from_bytes(raw, source, error=error)
    return Item(key=key, source=source, origin=origin, document=document, error=error)


def clean_hints(**values: object) -> dict[str, str]:
    """Hints without empty values, dates in ISO form."""
    hints: dict[str, str] = {}
    for name, value in values.items():
        if name not in HINT_FIELDS:
            raise ValueError(f"unknown hint {name!r}")
        if isinstance(value, datetime | date):
            value = value.isoformat()
        if isinstance(value, str) and value.strip():
            hints[name] = value.strip()
    return hints


def analyse(
    document: Document, hints: dict[str, str] | None = None, pipeline: Pipeline | None = None
) -> Analysis:
    """Extract the article, fill what extraction missed from the hints, run the components."""
    article, warnings = extract_document(document)
    hints = hints or {}
    if article.title is None and hints.get("title"):
        article.title = hints["title"]
    if article.byline is None and hints.get("byline"):
        article.byline = hints["byline"]
    if article.publisher is None and hints.get("publisher"):
        article.publisher = hints["publisher"]
    if article.published is None and hints.get("published"):
        article.published = _parse_date(hints["published"])
        article.published_text = hints["published"]
    analysis = Analysis(document=document, article=article, warnings=warnings)
    return (pipeline or default_pipeline()).run(analysis)


def _parse_date(value: str) -> datetime | date | None:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return parsed
