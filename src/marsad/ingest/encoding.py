"""Decode bytes of unknown encoding: UTF-8, UTF-16, windows-1256 and ISO-8859-6 pages."""

from __future__ import annotations

import codecs
import re

from marsad.arabic import arabic_ratio

_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-]+)""", re.I)
# Encodings Arabic pages are published in, tried when a page is not valid UTF-8.
ARABIC_LEGACY_ENCODINGS = ("cp1256", "iso8859_6")


def decode(raw: bytes) -> tuple[str, str]:
    """The text and the name of the encoding it was read with.

    Order of evidence: byte-order mark; valid UTF-8 (which legacy Arabic text never is),
    or nearly valid UTF-8 with a few broken bytes;
    the page's declared charset, if it decodes and reads as Arabic; otherwise whichever
    legacy Arabic encoding yields the most Arabic letters. Undecodable bytes are replaced,
    never dropped silently (the raw bytes stay in the Document).
    """
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            return raw.decode(name, errors="replace"), name
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        lenient = raw.decode("utf-8", errors="replace")
        if lenient.count("\ufffd") <= max(3, len(lenient) // 1000):
            return lenient, "utf-8"  # a UTF-8 page with a few broken bytes
    candidates = list(ARABIC_LEGACY_ENCODINGS)
    declared = _declared_encoding(raw)
    if declared and declared not in candidates:
        candidates.insert(0, declared)
    best: tuple[float, str, str] | None = None
    for name in candidates:
        text = raw.decode(name, errors="replace")
        score = arabic_ratio(text) - text.count("\ufffd") / max(len(text), 1)
        if best is None or score > best[0]:
            best = (score, text, name)
    assert best is not None
    return best[1], best[2]


def _declared_encoding(raw: bytes) -> str | None:
    m = _DECLARED.search(raw[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None
