"""Recognise boilerplate blocks (newsletter calls, read-more lists, share bars, …)."""

from __future__ import annotations

import re

from marsad.arabic import match_key
from marsad.extract import rules_data

_FAMILIES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (family, re.compile("|".join(f"(?:{p})" for p in patterns)))
    for family, patterns in rules_data.BOILERPLATE.items()
)


def boilerplate_reason(text: str) -> str | None:
    """The rule family that marks ``text`` as boilerplate, or None for story text.

    Long blocks are always story: boilerplate is short, and a phrase list must never
    take a paragraph out of a report.
    """
    if len(text) > rules_data.BOILERPLATE_MAX_CHARS:
        return None
    key = match_key(text)
    for family, pattern in _FAMILIES:
        if pattern.search(key):
            return family
    return None
