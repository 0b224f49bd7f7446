"""Arabic in the terminal: shaping and visual reordering for terminals without bidi support.

Most terminals draw characters left to right and unshaped, so Arabic comes out reversed and
in isolated letter forms. For those, each *wrapped* line is shaped and reordered (wrapping
first keeps the reading order of lines right). Terminals that do bidi themselves (VTE,
Konsole, Apple Terminal) and output that is not a terminal get the logical text untouched.
"""

from __future__ import annotations

import os
import sys
import textwrap
from enum import StrEnum

import arabic_reshaper
from bidi import get_display


class BidiMode(StrEnum):
    auto = "auto"
    on = "on"
    off = "off"


# Terminals known to reorder right-to-left text themselves.
_BIDI_TERMINAL_ENV = ("VTE_VERSION", "KONSOLE_VERSION", "MLTERM")
_BIDI_TERM_PROGRAMS = ("Apple_Terminal", "mlterm")


def wants_reordering(mode: BidiMode, is_terminal: bool | None = None) -> bool:
    chosen = os.environ.get("MARSAD_BIDI", mode)
    if chosen == BidiMode.on:
        return True
    if chosen == BidiMode.off:
        return False
    if is_terminal is None:
        is_terminal = sys.stdout.isatty()
    if not is_terminal:
        return False
    if any(os.environ.get(name) for name in _BIDI_TERMINAL_ENV):
        return False
    return os.environ.get("TERM_PROGRAM") not in _BIDI_TERM_PROGRAMS


def visual_lines(text: str, width: int, reorder: bool) -> list[str]:
    """``text`` wrapped to ``width``; each line shaped and reordered when ``reorder``."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        wrapped = textwrap.wrap(paragraph, width=max(width, 20)) or [""]
        lines.extend(visual(line) if reorder else line for line in wrapped)
    return lines


def visual(line: str) -> str:
    return str(get_display(arabic_reshaper.reshape(line)))
