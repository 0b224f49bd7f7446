"""WARC archives (``.warc``, ``.warc.gz``): one item per archived HTML or text response.

Requests, metadata, revisits, redirects and non-page responses are passed over. A record
that cannot be read ends the archive (what follows cannot be found reliably): the records
before it are kept and the damage is stored as a failed document with its offset.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from marsad.errors import WarcError
from marsad.ingest.items import Item, failed_item
from marsad.ingest.text import sniff_media_type
from marsad.ingest.urls import canonical_url
from marsad.model import Document

_PAGE_TYPES = ("text/html", "application/xhtml", "text/plain")


def looks_like_warc(head: bytes) -> bool:
    return head.startswith(b"WARC/")


def warc_items(path: Path, *, max_bytes: int) -> Iterator[Item]:
    """Page records of the archive, then a failed item if it is damaged."""
    end_of_last_good = 0
    with path.open("rb") as stream:
        records = ArchiveIterator(stream, arc2warc=True)
        try:
            for record in records:
                item = _record_item(record, path, records, max_bytes)
                end_of_last_good = records.get_record_offset() + records.get_record_length()
                if item is not None:
                    yield item
        except Exception as error:  # warcio raises many kinds on damaged input
            damage = WarcError(
                f"the archive is damaged after offset {end_of_last_good}: "
                f"{type(error).__name__}: {error}"
            )
            yield failed_item(
                f"warc:{path.resolve()}@{end_of_last_good}",
                f"{path}@{end_of_last_good}",
                "warc",
                f"{damage.code} {damage}",
            )


def _record_item(
    record: ArcWarcRecord, path: Path, records: ArchiveIterator, max_bytes: int
) -> Item | None:
    """The item of a page record (its content is read before its offset is asked for:
    warcio skips to the record's end when asked)."""
    rec_type = record.rec_type
    if rec_type not in {"response", "resource"}:
        return None
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI")
    http = record.http_headers
    if rec_type == "response":
        if http is None or http.get_statuscode() != "200":
            return None
        content_type = http.get_header("Content-Type") or ""
    else:
        content_type = headers.get_header("Content-Type") or ""
    if content_type and not content_type.lower().startswith(_PAGE_TYPES):
        return None
    raw = record.content_stream().read(max_bytes + 1)
    offset = records.get_record_offset()
    source = f"{path}@{offset}"
    key = "url:" + canonical_url(url) if url else f"warc:{path.resolve()}@{offset}"
    if len(raw) > max_bytes:
        return failed_item(key, source, "warc", f"E103 the record is over {max_bytes:,} bytes")
    fetched_at = _warc_date(headers.get_header("WARC-Date"))
    fields: dict[str, object] = {"url": url, "media_type": sniff_media_type(raw)}
    if fetched_at is not None:
        fields["fetched_at"] = fetched_at
    document = Document.from_bytes(raw, url or source, **fields)
    return Item(key=key, source=url or source, origin="warc", document=document)


def _warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
