"""Quotation marks paired into quoted stretches, across sentences and paragraphs.

Arabic news text mixes «…», “…” and "…", often mirrored (``بـ»قادة»``) or glued to a
proclitic (``لـ"اليوم"``), so a mark's glyph does not say whether it opens or closes.
Its neighbours do: a mark with space before and a letter after opens; a letter before and
space or punctuation after closes. A quote that runs over several paragraphs reopens
each paragraph with a mark and closes once, at the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

MARK_CLASSES = {
    "«": "guillemet",
    "»": "guillemet",
    "“": "curly",
    "”": "curly",
    "„": "curly",
    "‟": "curly",
    "‘": "single",
    "’": "single",
    '"': "straight",
    "″": "straight",
}
_OPEN_BEFORE = set("([{-–—:،,؛;ـ/") | set(MARK_CLASSES)
_CLOSE_AFTER = set(".,،؛;:!?؟)]}-–—…/") | set(MARK_CLASSES)
_PROCLITICS = set("لبوفك")
# How many paragraphs after its own a quote may run on.
MAX_CONTINUED_PARAGRAPHS = 3

Role = Literal["open", "close", "either"]


@dataclass(frozen=True, slots=True)
class Fragment:
    """A quoted stretch: ``text[open]`` is the opening mark, ``text[close]`` the closing
    one. When no closing mark was found before the paragraph ended, ``closed`` is false
    and ``close`` is where its last paragraph ends."""

    open: int
    close: int
    closed: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close

    @property
    def end(self) -> int:
        """Just past the closing mark (or the unclosed quote's end)."""
        return self.close + 1 if self.closed else self.close


def mark_role(text: str, i: int) -> Role:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before == ":" or (after.isalpha() and _lone_proclitic(text, i - 1)):
        return "open"  # ``قال:»…``, ``لـ"اليوم"``, ``ب«…``
    opens = before.isspace() or before in _OPEN_BEFORE
    closes = after.isspace() or after in _CLOSE_AFTER
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    if text[i] == "«":
        return "open"
    if text[i] == "»":
        return "close"
    return "either"


def _lone_proclitic(text: str, j: int) -> bool:
    """A one-letter proclitic (ل ب و ف ك) standing alone before a mark."""
    return j >= 0 and text[j] in _PROCLITICS and (j == 0 or not text[j - 1].isalpha())


def pair_marks(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[Fragment]:
    """Quoted stretches of ``text`` within ``paragraphs`` (sorted character spans).

    Marks of one kind nest («… «العفش» …»); a quote left open at the end of its
    paragraph runs on when the next paragraph reopens it or closes it first.
    """
    fragments: list[Fragment] = []
    # class -> stack of (opening index, paragraph where it opened, last paragraph covered)
    pending: dict[str, list[tuple[int, int, int]]] = {}
    for p, (start, end) in enumerate(paragraphs):
        marks = [(i, MARK_CLASSES[text[i]]) for i in range(start, end) if text[i] in MARK_CLASSES]
        for cls, stack in list(pending.items()):
            opened, first, last = stack[0]
            same = [i for i, c in marks if c == cls]
            if last == p - 1 and p - first <= MAX_CONTINUED_PARAGRAPHS and same:
                if _starts_paragraph(text, start, same[0]) and mark_role(text, same[0]) != "close":
                    marks.remove((same[0], cls))  # the quote reopens: keep going
                    pending[cls] = [(opened, first, p)]
                    continue
                if mark_role(text, same[0]) != "open":
                    pending[cls] = [(opened, first, p)]  # it closes in this paragraph
                    continue
            fragments.append(Fragment(opened, paragraphs[last][1], closed=False))
            del pending[cls]
        for i, cls in marks:
            role = mark_role(text, i)
            stack = pending.setdefault(cls, [])
            if role == "open" or (role == "either" and not stack):
                stack.append((i, p, p))
            elif stack:
                opened, _, _ = stack.pop()
                fragments.append(Fragment(opened, i))
            if not stack:
                del pending[cls]
        for cls, stack in list(pending.items()):
            # Only the outermost quote may run on; inner ones left open were stray.
            pending[cls] = stack[:1]
    for stack in pending.values():
        opened, _, last = stack[0]
        fragments.append(Fragment(opened, paragraphs[last][1], closed=False))
    return sorted(fragments, key=lambda f: f.open)


def _starts_paragraph(text: str, start: int, i: int) -> bool:
    return not text[start:i].strip()
