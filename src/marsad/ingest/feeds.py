"""RSS and Atom feeds (files or fetched): one item per entry.

By default an entry's link is fetched, since feeds mostly carry a summary; with
``follow=False`` the entry's own content (or summary) is the report. A feed that cannot
be parsed raises :class:`FeedError`; the runner stores it with that error.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser

from marsad.errors import FeedError
from marsad.ingest.items import Item, clean_hints, failed_item
from marsad.ingest.text import sniff_media_type
from marsad.ingest.urls import canonical_url
from marsad.model import Document

_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)
_FEED_TYPES = ("application/rss", "application/atom", "application/rdf", "application/feed")


def looks_like_feed(raw: bytes, content_type: str = "") -> bool:
    """True for RSS, Atom and RDF documents (by media type or root element)."""
    if content_type.lower().startswith(_FEED_TYPES):
        return True
    head = raw[:2048].lstrip()
    return head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and bool(
        _FEED_ROOT.search(raw[:4096])
    )


def feed_items(raw: bytes, source: str, *, follow: bool = True) -> Iterator[Item]:
    """The entries of a feed as items; raises FeedError when it holds no entries."""
    parsed = feedparser.parse(raw)
    entries = parsed.get("entries") or []
    if not entries:
        reason = parsed.get("bozo_exception") if parsed.get("bozo") else "it has no entries"
        raise FeedError(f"{source} cannot be read as an RSS/Atom feed: {reason}")
    publisher = (parsed.get("feed") or {}).get("title")
    for index, entry in enumerate(entries):
        yield _entry_item(entry, index, source, publisher, follow)


def _entry_item(entry: Any, index: int, source: str, publisher: str | None, follow: bool) -> Item:
    link = (entry.get("link") or "").strip() or None
    hints = clean_hints(
        title=entry.get("title"),
        byline=entry.get("author"),
        published=_entry_date(entry),
        publisher=publisher,
    )
    identity = link or entry.get("id") or entry.get("title") or str(index)
    key = (
        "url:" + canonical_url(link)
        if link
        else f"feed:{source}#{hashlib.sha256(identity.encode()).hexdigest()[:16]}"
    )
    label = link or f"{source} entry {index + 1}"
    if follow and link and link.startswith(("http://", "https://")):
        return Item(key=key, source=label, origin="feed", url=link, hints=hints)
    content = _entry_content(entry)
    if not content.strip():
        item = failed_item(key, label, "feed", "E101 the feed entry has no text")
        item.hints = hints
        return item
    raw = content.encode("utf-8")
    document = Document.from_bytes(raw, label, url=link, media_type=sniff_media_type(raw))
    return Item(key=key, source=label, origin="feed", document=document, hints=hints)


def _entry_content(entry: Any) -> str:
    for content in entry.get("content") or []:
        if content.get("value"):
            return str(content["value"])
    return str(entry.get("summary") or entry.get("description") or "")


def _entry_date(entry: Any) -> datetime | None:
    for name in ("published_parsed", "updated_parsed"):
        value = entry.get(name)
        if value:
            year, month, day, hour, minute, second = value[:6]
            return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    return None
