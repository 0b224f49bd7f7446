"""HTML pages: trafilatura finds the main content; Marsad's own rules run on top."""

from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import urlsplit

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from marsad.errors import ExtractionError
from marsad.extract.assemble import PageMeta, RawBlock
from marsad.model import BlockKind

# Elements of trafilatura's output tree, and what they become.
_HEADING_TAGS = {"head"}
_BLOCK_TAGS = {"p", "head", "quote", "list", "item", "table", "row", "cell", "div", "code"}
_LINE_BREAK = "lb"
_FALLBACK_XPATH = "//h1|//h2|//h3|//h4|//p|//li|//blockquote"
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(?:[a-z_\-]+/)?(\d{1,2})/(\d{1,2})/")
# Publication times as pages state them, in the publisher's own time zone; trafilatura's
# date can be the UTC day, which is the day before for a report published after midnight.
_PUBLISHED_TIME = (
    re.compile(r'"datePublished"\s*:\s*"([^"]{10,40})"'),
    re.compile(
        r"<meta[^>]+(?:property|name|itemprop)=[\"'](?:article:published_time|datePublished|"
        r"pubdate|publishdate|date)[\"'][^>]*content=[\"']([^\"']{10,40})",
        re.I,
    ),
)


def html_blocks(page: str, url: str | None = None) -> tuple[list[RawBlock], PageMeta]:
    result = trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=True,
        include_formatting=True,
        include_comments=False,
        include_tables=True,
        output_format="python",
    )
    meta = PageMeta()
    blocks: list[RawBlock] = []
    if result is not None and not isinstance(result, dict):
        meta.title = result.title
        meta.author = _first_author(result.author)
        meta.publisher = _site_name(result.sitename)
        meta.url = result.url or url
        stated = _stated_publication_time(page)
        if stated is not None:
            meta.published_text, meta.published = stated
        elif (from_url := _url_date(meta.url)) is not None:
            meta.published_text, meta.published = meta.url, from_url
        elif result.date:
            meta.published_text = result.date
            if not result.date.endswith("-01-01"):  # a bare year (often the copyright line)
                meta.published = _iso_date(result.date)
        if result.body is not None:
            blocks = _tree_blocks(result.body)
    if not blocks:
        blocks = _fallback_blocks(page)
        if blocks:
            meta.warnings.append("W202 main content not found; kept every paragraph of the page")
    if not blocks:
        raise ExtractionError(
            "no article text found in the HTML page",
            hint="is it a page of an article, not an index or a script?",
        )
    return blocks, meta


def _tree_blocks(body: etree._Element) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    _walk(body, blocks)
    return blocks


def _walk(element: etree._Element, blocks: list[RawBlock]) -> None:
    """Emit the element's own running text as blocks, splitting at block-level children.

    Text sits directly in cells and list items as often as in paragraphs (old table
    layouts), so a walker that only visited <p> would lose it.
    """
    hint: BlockKind | None = "heading" if element.tag in _HEADING_TAGS else None
    pieces: list[str] = [element.text or ""]
    for child in element:
        if child.tag in _BLOCK_TAGS or child.tag == _LINE_BREAK:
            _emit(pieces, hint, blocks)
            if child.tag != _LINE_BREAK:
                _walk(child, blocks)
            pieces = [child.tail or ""]
        else:
            pieces.extend(child.itertext())
            pieces.append(child.tail or "")
    _emit(pieces, hint, blocks)


def _emit(pieces: list[str], hint: BlockKind | None, blocks: list[RawBlock]) -> None:
    text = "".join(pieces).strip()
    if text:
        blocks.append(RawBlock(text, hint))


def _fallback_blocks(page: str) -> list[RawBlock]:
    """Every paragraph-like element, for pages where the main content was not found."""
    try:
        tree = lxml_html.fromstring(page)
    except (etree.ParserError, ValueError):
        return []
    for bad in tree.xpath("//script|//style|//noscript|//nav|//footer"):
        bad.drop_tree()
    blocks = []
    for element in tree.xpath(_FALLBACK_XPATH):
        text = " ".join("".join(element.itertext()).split())
        if text:
            heading = element.tag in {"h1", "h2", "h3", "h4"}
            blocks.append(RawBlock(text, "heading" if heading else None))
    return blocks


def _site_name(name: str | None) -> str | None:
    """Some pages give their address as the site name: keep just the host."""
    if not name:
        return None
    if "://" in name or name.startswith("www."):
        host = urlsplit(name if "://" in name else "//" + name).hostname or name
        return host.removeprefix("www.")
    return name.strip()


def _first_author(author: str | None) -> str | None:
    if not author:
        return None
    return author.split(";")[0].strip() or None


def _url_date(url: str | None) -> date | None:
    """Dates in addresses: /2013/middle_east/8/3/, /2020/08/24/."""
    m = _URL_DATE.search(url or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _stated_publication_time(page: str) -> tuple[str, datetime] | None:
    head = page[:200_000]
    for pattern in _PUBLISHED_TIME:
        for m in pattern.finditer(head):
            try:
                return m.group(1), datetime.fromisoformat(m.group(1).replace("Z", "+00:00"))
            except ValueError:
                continue
    return None


def _iso_date(value: str) -> date | None:
    m = _ISO_DATE.match(value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
