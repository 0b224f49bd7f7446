"""Hashtags: `#دير_الزور` → label `دير الزور`, with offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.arabic.normalize import match_key
from marsad.arabic.tokens import WORD_PATTERN

# At a word start, or after a one-letter proclitic (و#داعش); not inside URLs (a#b, &#1234).
_HASHTAG = re.compile(r"(?:(?<![\w&])|(?<=(?<!\w)[وفبل]))[#＃](" + WORD_PATTERN + ")")


@dataclass(frozen=True, slots=True)
class HashtagMatch:
    start: int  # at '#'
    end: int
    tag: str  # as written, without '#'
    label: str  # underscores as spaces
    key: str  # matching key of the label


def find_hashtags(text: str) -> list[HashtagMatch]:
    found = []
    for m in _HASHTAG.finditer(text):
        tag = m.group(1).strip("_")
        if not tag or tag.isdigit():
            continue
        label = " ".join(tag.replace("_", " ").split())
        found.append(HashtagMatch(m.start(), m.end(), m.group(1), label, match_key(label)))
    return found
