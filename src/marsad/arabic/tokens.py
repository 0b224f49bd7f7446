"""Tokens and sentences with offsets into the text they came from."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word runs over letters, digits, underscores, Arabic marks, tatweel and ZWNJ/ZWJ.
WORD_PATTERN = r"[\w\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200C\u200D]+"
_TOKEN = re.compile(WORD_PATTERN + r"|[^\s\w]")
_WORD = re.compile(WORD_PATTERN)

# Terminal punctuation, optionally followed by closing quotes/brackets.
# A full stop glued to the next word ends a sentence too when both sides are Arabic words
# of three letters or more ("على التبة.بادر الحوثيون"): initials (ح.م) and numbers are not.
_SENTENCE_END = re.compile(
    r"(?:[.!?؟…]+|\.{3})[\"'”»’)\]]*(?=\s|$)"
    r"|(?<=[\u0621-\u064A]{3})[.!?؟](?=[\u0621-\u064A]{3})"
)
_PARAGRAPH_BREAK = re.compile(r"\n\s*")

# Single letters end with a dot without ending a sentence: initials (ح. م.) and
# titles such as د. (Dr.) and م. (Eng.).
_WORD_BEFORE_DOT = re.compile(WORD_PATTERN + r"\.$")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] == "_"


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words and single punctuation marks of ``text[start:end]``, offsets into ``text``."""
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def word_tokens(text: str) -> list[tuple[int, int, str]]:
    """The word tokens of :func:`tokenize` (those whose ``is_word`` holds) as plain
    ``(start, end, text)`` tuples: the fast path for scans that visit every word."""
    return [
        (m.start(), m.end(), word)
        for m in _WORD.finditer(text)
        if (word := m.group())[0].isalnum() or word[0] == "_"
    ]


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` (trimmed, never empty).

    Breaks at terminal punctuation followed by space and at line breaks; not after initials
    or abbreviations such as ``د.``, nor inside numbers (``3.5``) or initials (``ح.م``).
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    for piece_start, piece_end in _lines(text, start, end):
        cursor = piece_start
        for m in _SENTENCE_END.finditer(text, piece_start, piece_end):
            if m.group() == "." and _is_initial(text, piece_start, m.end()):
                continue
            _append_trimmed(text, cursor, m.end(), spans)
            cursor = m.end()
        _append_trimmed(text, cursor, piece_end, spans)
    return spans


def _is_initial(text: str, floor: int, dot_end: int) -> bool:
    word = _WORD_BEFORE_DOT.search(text, max(floor, dot_end - 3), dot_end)
    return word is not None and word.end() - word.start() == 2 and not word.group()[0].isdigit()


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    cursor = start
    for m in _PARAGRAPH_BREAK.finditer(text, start, end):
        pieces.append((cursor, m.start()))
        cursor = m.end()
    pieces.append((cursor, end))
    return pieces


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
