"""A subscription as an Atom 1.0 feed (RFC 4287), served at ``/feeds/{token}.atom``.

The feed carries the same story cards as the email (the HTML part's markup, escaped as
``type="html"`` content), one entry per story, each with the followed items it matched
as categories. Ids are ``urn:uuid``s derived from the story's address, so an entry keeps
its id across rebuilds and a reader never shows a story twice.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from lxml import etree

from marsad import __version__
from marsad.digest.compose import StoryCard
from marsad.digest.links import Links
from marsad.digest.message import render_template
from marsad.digest.subscription import Subscription
from marsad.web.views import external_url

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MEDIA_TYPE = "application/atom+xml"
# Characters XML 1.0 cannot carry at all; a report may hold them (form feeds, NULs).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class FeedEntry:
    story: StoryCard
    updated: datetime
    matched: tuple[str, ...] = ()


def atom_feed(
    subscription: Subscription,
    entries: Sequence[FeedEntry],
    links: Links,
    *,
    generated_at: datetime | None = None,
) -> bytes:
    """The feed document, UTF-8, newest entries first."""
    ordered = sorted(entries, key=lambda e: (e.updated, e.story.story_id), reverse=True)
    updated = max((e.updated for e in ordered), default=generated_at or datetime.now(UTC))
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    feed.set(XML_LANG, "ar")
    _text(feed, "id", _urn(f"{links.base_url}/subscriptions/{subscription.uid}"))
    labels = "، ".join(f.label for f in subscription.follows)
    _text(feed, "title", f"مرصد — {labels}")
    _text(feed, "subtitle", "القصص الجديدة عمّا تتابعه في مرصد")
    _text(feed, "updated", _timestamp(updated))
    author = etree.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "مرصد")
    _link(feed, "self", links.feed(subscription.uid), MEDIA_TYPE)
    _link(feed, "alternate", f"{links.base_url}/", "text/html")
    _text(feed, "generator", "Marsad").set("version", __version__)
    for entry in ordered:
        feed.append(_entry(entry, links))
    return etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _entry(entry: FeedEntry, links: Links) -> etree._Element:
    story = entry.story
    element = etree.Element(f"{{{ATOM}}}entry")
    story_url = links.story(story.story_id)
    _text(element, "id", _urn(story_url))
    _text(element, "title", story.headline)
    _text(element, "updated", _timestamp(entry.updated))
    _link(element, "alternate", story_url, "text/html")
    original = external_url(story.url)
    if original:
        _link(element, "related", original, "text/html")
    for label in entry.matched:
        category = etree.SubElement(element, f"{{{ATOM}}}category")
        category.set("term", _clean(label))
    summary = (
        f"{story.publisher or 'ناشر غير معروف'} · عدد التقارير: {story.article_count}"
        f" · مصادر مستقلة: {story.independent_source_count}"
    )
    _text(element, "summary", summary)
    html = render_template("_story.html", story=story, links=links, also=None)
    content = _text(element, "content", html)
    content.set("type", "html")
    return element


def _text(parent: etree._Element, name: str, text: str) -> etree._Element:
    child = etree.SubElement(parent, f"{{{ATOM}}}{name}")
    child.text = _clean(text)
    return child


def _link(parent: etree._Element, rel: str, href: str, media_type: str) -> None:
    link = etree.SubElement(parent, f"{{{ATOM}}}link")
    link.set("rel", rel)
    link.set("href", _clean(href))
    link.set("type", media_type)


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _urn(address: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, address).urn


def _timestamp(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
