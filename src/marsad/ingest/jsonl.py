"""JSON Lines (and JSON arrays) of news records: one item per record.

A record's text (``content``, ``text``, …) becomes the report, headed by its title; an
``html`` field is taken as the page instead. Other fields (author, date, publisher)
travel as hints. A line that is not a JSON object is stored with its error.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marsad.ingest import jsonl_data
from marsad.ingest.items import Item, clean_hints, failed_item
from marsad.ingest.urls import canonical_url
from marsad.model import Document


def records_items(path: Path) -> Iterator[Item]:
    """Items of a ``.jsonl`` file (one object a line) or a ``.json`` array of objects."""
    if path.suffix.lower() == ".json":
        yield from _array_items(path)
        return
    with path.open("rb") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            source = f"{path}:{number}"
            try:
                record = json.loads(line)
            except ValueError as error:
                yield failed_item(
                    f"jsonl:{path.resolve()}:{number}", source, "jsonl",
                    f"E100 line {number} is not JSON ({error})", line,
                )  # fmt: skip
                continue
            yield record_item(record, source, f"jsonl:{path.resolve()}:{number}", line)


def _array_items(path: Path) -> Iterator[Item]:
    raw = path.read_bytes()
    try:
        data = json.loads(raw)
    except ValueError as error:
        yield failed_item(
            f"jsonl:{path.resolve()}", str(path), "jsonl", f"E100 not JSON ({error})", raw
        )
        return
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, 1):
        line = json.dumps(record, ensure_ascii=False).encode("utf-8")
        yield record_item(record, f"{path}[{number}]", f"jsonl:{path.resolve()}:{number}", line)


def record_item(record: Any, source: str, fallback_key: str, line: bytes) -> Item:
    """An item for one record; the record's URL, when it has one, is its identity."""
    if not isinstance(record, dict):
        return failed_item(fallback_key, source, "jsonl", "E100 the record is not an object", line)
    url = _first(record, jsonl_data.URL_FIELDS)
    key = "url:" + canonical_url(url) if url else fallback_key
    title = _first(record, jsonl_data.TITLE_FIELDS)
    hints = clean_hints(
        title=title,
        byline=_first(record, jsonl_data.AUTHOR_FIELDS),
        published=_first(record, jsonl_data.DATE_FIELDS),
        publisher=_first(record, jsonl_data.PUBLISHER_FIELDS),
    )
    html = _first(record, jsonl_data.HTML_FIELDS)
    text = _first(record, jsonl_data.TEXT_FIELDS)
    if html:
        raw, media_type = html.encode("utf-8"), "html"
    elif text:
        report = f"{title}\n\n{text}" if title and not text.startswith(title) else text
        raw, media_type = report.encode("utf-8"), "text"
    else:
        item = failed_item(key, source, "jsonl", "E101 the record has no text field", line)
        item.hints = hints
        return item
    document = Document.from_bytes(raw, source, url=url, media_type=media_type)
    return Item(key=key, source=source, origin="jsonl", document=document, hints=hints)


def _first(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        if isinstance(value, str | int | float) and str(value).strip():
            return str(value).strip()
    return None
