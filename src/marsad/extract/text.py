"""Plain-text reports (pasted or saved as text): lines into raw blocks."""

from __future__ import annotations

import html
import re

from marsad.extract import rules_data
from marsad.extract.assemble import RawBlock
from marsad.extract.boilerplate import boilerplate_reason

_SENTENCE_END = re.compile(r"[.!؟?]\s+")
# HTML character references left in text copied from a page ("موالية لـ&#8221;داعش&#8221;").
_ENTITY = re.compile(r"&(?:#\d{2,7}|#[xX][0-9a-fA-F]{2,6}|quot|amp|lt|gt|nbsp);")


def text_blocks(text: str) -> list[RawBlock]:
    """One block per paragraph.

    Each non-empty line is a block, except that in a hard-wrapped text (its lines cut at
    a fixed width) a paragraph (a long line without final punctuation followed directly
    by another line) is joined back together. A report saved with one line per paragraph
    keeps its lines apart: its short unpunctuated first line is the title, not the start
    of the first paragraph.
    """
    blocks: list[RawBlock] = []
    pending: list[str] = []
    text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)  # text copied from a page
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    wrapped = _hard_wrapped([line for line in lines if line])
    for line in lines:
        if not line:
            _flush(pending, blocks)
            continue
        if pending and not (wrapped and _continues(pending[-1], line)):
            _flush(pending, blocks)
        pending.append(line)
    _flush(pending, blocks)
    if blocks:
        blocks[-1:] = _split_trailer(blocks[-1])
    return blocks


def _split_trailer(block: RawBlock) -> list[RawBlock]:
    """The last paragraph without a site's trailer run into it ("… السيارات. رابط الخبر
    بصحيفة الوئام: …", as copied from a page), so that the trailer is judged apart. A
    trailer is a label and a title: it never ends a sentence, as a story's last one does."""
    for match in _SENTENCE_END.finditer(block.text):
        tail = block.text[match.end() :].rstrip()
        if (
            tail
            and tail[-1] not in rules_data.TERMINAL_PUNCTUATION
            and boilerplate_reason(tail) is not None
        ):
            return [RawBlock(block.text[: match.start() + 1]), RawBlock(tail)]
    return [block]


def _hard_wrapped(lines: list[str]) -> bool:
    """Whether the lines were cut at a fixed width: hardly any is longer than a wrap."""
    long = sum(len(line) > rules_data.WRAP_MAX_CHARS for line in lines)
    return long <= rules_data.WRAP_LONG_SHARE * len(lines)


def _continues(previous: str, line: str) -> bool:
    return (
        len(previous) >= rules_data.WRAPPED_LINE_MIN_CHARS
        and previous[-1] not in rules_data.TERMINAL_PUNCTUATION
        and boilerplate_reason(line) is None
    )


def _flush(pending: list[str], blocks: list[RawBlock]) -> None:
    if pending:
        blocks.append(RawBlock(" ".join(pending)))
        pending.clear()
