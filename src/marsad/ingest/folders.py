"""Folders and single files: what kind of input a path is, and the items it holds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from marsad.errors import MarsadError
from marsad.ingest.feeds import feed_items, looks_like_feed
from marsad.ingest.items import Item, failed_item
from marsad.ingest.jsonl import records_items
from marsad.ingest.text import read_input
from marsad.ingest.warc import looks_like_warc, warc_items

# File name endings and the reader for each (longest endings first).
KINDS = (
    (".warc.gz", "warc"),
    (".warc", "warc"),
    (".jsonl", "records"),
    (".ndjson", "records"),
    (".json", "records"),
    (".rss", "feed"),
    (".atom", "feed"),
    (".xml", "feed"),
    (".html", "report"),
    (".htm", "report"),
    (".xhtml", "report"),
    (".txt", "report"),
    (".text", "report"),
)


def kind_of(path: Path) -> str | None:
    """The reader a file needs, by its name, or None when a folder walk should skip it."""
    name = path.name.lower()
    for ending, kind in KINDS:
        if name.endswith(ending):
            return kind
    return None


def folder_files(root: Path) -> Iterator[Path]:
    """Files of a folder tree that Marsad reads, in a stable order; hidden ones skipped."""
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and kind_of(path) is not None:
            yield path


def path_items(path: Path, *, follow: bool, max_bytes: int) -> Iterator[Item]:
    """Items of one file; a file with an unknown ending is sniffed."""
    kind = kind_of(path) or _sniff(path)
    if kind == "warc":
        yield from warc_items(path, max_bytes=max_bytes)
    elif kind == "records":
        yield from records_items(path)
    elif kind == "feed":
        yield from _feed_file_items(path, follow=follow, max_bytes=max_bytes)
    else:
        yield report_item(path, max_bytes=max_bytes)


def report_item(path: Path, *, max_bytes: int) -> Item:
    key = f"file:{path.resolve()}"
    try:
        document = read_input(path, max_bytes=max_bytes)
    except MarsadError as error:
        return failed_item(key, str(path), "folder", f"{error.code} {error}")
    return Item(key=key, source=str(path), origin="folder", document=document)


def _feed_file_items(path: Path, *, follow: bool, max_bytes: int) -> Iterator[Item]:
    raw = path.read_bytes()[: max_bytes + 1]
    if not looks_like_feed(raw):
        yield report_item(path, max_bytes=max_bytes)
        return
    try:
        yield from feed_items(raw, str(path), follow=follow)
    except MarsadError as error:
        yield failed_item(f"feed:{path.resolve()}", str(path), "feed", f"{error.code} {error}", raw)


def _sniff(path: Path) -> str:
    with path.open("rb") as stream:
        head = stream.read(4096)
    if looks_like_warc(head) or (head.startswith(b"\x1f\x8b") and ".warc" in path.name.lower()):
        return "warc"
    if looks_like_feed(head):
        return "feed"
    if head.lstrip().startswith(b"{"):
        return "records"
    return "report"
