"""Small helpers the templates use: safe outbound links, dates, counts, labels."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from marsad.store import Snippet
from marsad.web.highlight import ENTITY_TYPES, PLACE_KINDS, QUOTE_KINDS

MONTHS = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
)  # fmt: skip


def external_url(url: str | None) -> str | None:
    """Only http(s) addresses become links: a report's ``javascript:`` URL stays text."""
    if not url:
        return None
    return url if urlsplit(url).scheme.lower() in ("http", "https") else None


def arabic_date(value: date | datetime | str | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            return arabic_date(datetime.fromisoformat(value))
        except ValueError:
            return value
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def snippet_html(snippet: Snippet | None) -> Markup:
    """The snippet, escaped, with the matched words in <mark> (offsets into the article)."""
    if snippet is None:
        return Markup("")
    text, base = snippet.text, snippet.start
    out, at = [], 0
    for start, end in sorted(snippet.highlights):
        if start - base < at:
            continue
        out.append(escape(text[at : start - base]))
        out.append(Markup("<mark>%s</mark>") % text[start - base : end - base])
        at = end - base
    out.append(escape(text[at:]))
    return Markup("").join(out)


def count(value: int) -> str:
    return f"{value:,}"


def template_filters() -> dict[str, Callable[..., Any]]:
    return {
        "external_url": external_url,
        "arabic_date": arabic_date,
        "count": count,
        "snippet": snippet_html,
        "entity_type": lambda label: ENTITY_TYPES.get(label, label),
        "place_kind": lambda kind: PLACE_KINDS.get(kind, kind or ""),
        "quote_kind": lambda kind: QUOTE_KINDS.get(kind, kind),
    }
