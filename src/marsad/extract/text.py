"""Plain-text reports (pasted or saved as text): lines into raw blocks."""

from __future__ import annotations

from marsad.extract import rules_data
from marsad.extract.assemble import RawBlock
from marsad.extract.boilerplate import boilerplate_reason


def text_blocks(text: str) -> list[RawBlock]:
    """One block per paragraph.

    Each non-empty line is a block, except that a hard-wrapped paragraph (a long line
    without final punctuation followed directly by another line) is joined back together.
    """
    blocks: list[RawBlock] = []
    pending: list[str] = []
    for raw_line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw_line.strip()
        if not line:
            _flush(pending, blocks)
            continue
        if pending and not _continues(pending[-1], line):
            _flush(pending, blocks)
        pending.append(line)
    _flush(pending, blocks)
    return blocks


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
