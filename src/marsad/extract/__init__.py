"""Documents into Articles: clean text with blocks, metadata and the boilerplate kept aside."""

from __future__ import annotations

from marsad.extract.assemble import PageMeta, RawBlock, assemble
from marsad.extract.html import html_blocks
from marsad.extract.text import text_blocks
from marsad.ingest.encoding import decode
from marsad.model import Article, Document

__all__ = ["RawBlock", "extract_document"]


def extract_document(document: Document) -> tuple[Article, list[str]]:
    """The article in a document, and warnings (stable codes) about what looked wrong."""
    text, encoding = decode(document.raw)
    document.encoding = encoding
    warnings = []
    if "\ufffd" in text:
        warnings.append(f"W101 some bytes could not be decoded as {encoding} and were replaced")
    if document.media_type == "html":
        blocks, meta = html_blocks(text, url=document.url)
    else:
        blocks, meta = text_blocks(text), PageMeta(url=document.url)
    meta.fetched_at = document.fetched_at
    article, more = assemble(blocks, meta)
    return article, warnings + more
