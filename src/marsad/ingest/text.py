"""Read one report — a file, standard input, a str or bytes — into a Document."""

from __future__ import annotations

import re
from pathlib import Path

from marsad.errors import (
    BinaryInputError,
    EmptyInputError,
    InputTooLargeError,
    UnreadableInputError,
)
from marsad.model import Document

# Larger inputs are refused with a clear error (raise it with --max-size).
MAX_INPUT_BYTES = 10_000_000

_HTML_SNIFF = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|span|h[1-6]|br)\b",
    re.I,
)
_BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
}


def read_input(
    source: str | bytes | Path,
    *,
    url: str | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    name: str | None = None,
) -> Document:
    """A Document with the raw bytes kept; raises an InputError for what is not a report.

    ``str`` is the report itself (text or HTML), ``bytes`` its raw bytes, ``Path`` a file.
    """
    if isinstance(source, Path):
        raw = _read_file(source, max_bytes)
        label = name or str(source)
    elif isinstance(source, bytes):
        raw = source
        label = name or "-"
    else:
        raw = source.encode("utf-8")
        label = name or "<string>"
    if len(raw) > max_bytes:
        raise InputTooLargeError(
            f"{label} is {len(raw):,} bytes, over the limit of {max_bytes:,}",
            hint="raise it with --max-size, or split the file",
        )
    check_content(raw, label)
    return Document.from_bytes(raw, label, url=url, media_type=sniff_media_type(raw))


def check_content(raw: bytes, label: str) -> None:
    """Refuse empty and binary input with a message that says what was found."""
    label = "standard input" if label == "-" else label
    if not raw.strip():
        raise EmptyInputError(f"{label} is empty")
    head = raw[:8192]
    for signature, what in _BINARY_SIGNATURES.items():
        if head.startswith(signature):
            raise BinaryInputError(f"{label} is {what}, not a text or HTML report")
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BinaryInputError(f"{label} is binary data, not a text or HTML report")


def sniff_media_type(raw: bytes) -> str:
    head = raw[:4096].lstrip()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:].lstrip()
    if head.startswith(b"<") and _HTML_SNIFF.search(head):
        return "html"
    if _HTML_SNIFF.search(head) and (b"</p>" in raw[:65536] or b"</div>" in raw[:65536]):
        return "html"
    return "text"


def _read_file(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputTooLargeError(
                f"{path} is {size:,} bytes, over the limit of {max_bytes:,}",
                hint="raise it with --max-size, or split the file",
            )
        return path.read_bytes()
    except IsADirectoryError:
        raise UnreadableInputError(f"{path} is a directory, not a report") from None
    except FileNotFoundError:
        raise UnreadableInputError(f"{path} does not exist") from None
    except PermissionError:
        raise UnreadableInputError(f"{path} cannot be read (permission denied)") from None
