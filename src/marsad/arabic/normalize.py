"""The one Arabic normaliser: folds spelling variation and keeps a map back to the original.

Two levels: ``base`` unifies what never carries meaning in news text (tashkeel, tatweel,
alef/hamza forms, ى/ي, digits, punctuation, invisible marks); ``match`` also folds ة/ه and
hamza seats, lowercases Latin and collapses whitespace, for keys that should meet
(search, dedup, alias and gazetteer lookup). The displayed text is never changed: callers
normalise, find, then map offsets back with :meth:`Normalized.to_original`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from marsad.arabic import chars

Level = Literal["base", "match"]


_MEMO: dict[Level, dict[str, str]] = {"base": {}, "match": {}}


def _fold_char(ch: str, level: Level) -> str:
    """What one source character becomes (memoised per level)."""
    memo = _MEMO[level]
    folded = memo.get(ch)
    if folded is None:
        folded = memo[ch] = _fold_uncached(ch, level)
    return folded


def _fold_uncached(ch: str, level: Level) -> str:
    """What one source character becomes (possibly nothing, possibly several)."""
    if ch in chars.TASHKEEL or ch in chars.INVISIBLE or ch == chars.TATWEEL:
        return ""
    if ch in chars.SPACES:
        return " "
    code = ord(ch)
    if any(lo <= code <= hi for lo, hi in chars.PRESENTATION_FORMS):
        expanded = unicodedata.normalize("NFKC", ch)
        if expanded != ch:
            return "".join(_fold_uncached(c, level) for c in expanded)
    out = chars.DIGITS.get(ch) or chars.PUNCTUATION.get(ch)
    if out is not None:
        return out
    out = chars.LETTERS_BASE.get(ch, ch)
    if level == "match":
        out = chars.LETTERS_MATCH.get(out, out)
        if out.isascii() or (
            unicodedata.category(out).startswith("L") and not _is_arabic_letter(out)
        ):
            out = out.lower()
    return out


def _is_arabic_letter(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in chars.ARABIC_LETTER_RANGES)


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text plus, for each of its characters, the source index it came from."""

    text: str
    origin: tuple[int, ...]  # len(text) + 1 entries; the last is len(source)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text back to the source text."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside normalised text of {len(self.text)}")
        if start == end:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def normalize(text: str, level: Level = "match") -> Normalized:
    """Normalise ``text`` and keep the offset map back to it."""
    out: list[str] = []
    origin: list[int] = []
    collapse = level == "match"
    previous_space = False
    for index, ch in enumerate(text):
        folded = _fold_char(ch, level)
        if not folded:
            continue
        if collapse and (folded.isspace()):
            if previous_space:
                continue
            folded = " "
            previous_space = True
        else:
            previous_space = False
        out.append(folded)
        origin.extend([index] * len(folded))
    origin.append(len(text))
    return Normalized("".join(out), tuple(origin))


class _MatchTable(dict[int, str]):
    """The match level as a :meth:`str.translate` table, filled on first sight of a
    character: keys of single words (the common case) need no per-character loop."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code), "match")
        return folded


_MATCH_TABLE = _MatchTable()
_WHITESPACE = re.compile(r"\s")


def match_key(text: str) -> str:
    """The matching key of a word or phrase: normalised, single-spaced, trimmed."""
    key = text.translate(_MATCH_TABLE)
    if _WHITESPACE.search(key) is None:
        return key  # no space to collapse or trim: the same as normalize's text
    return normalize(text, "match").text.strip()


def arabic_ratio(text: str) -> float:
    """Share of letters that are Arabic: the language signal extraction and ingest use."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if _is_arabic_letter(c)) / len(letters)
