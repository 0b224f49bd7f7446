"""Turn raw blocks (from plain text or HTML) into an Article.

One assembler serves both formats so that text and HTML follow the same rules: boilerplate
is taken out and kept aside, the byline and title are recognised, short unpunctuated lines
between paragraphs become headings, and the clean text is built with block offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urlsplit

from marsad.arabic import arabic_ratio, find_dates, find_hashtags, match_key, opens_with_given_name
from marsad.extract import rules_data
from marsad.extract.boilerplate import boilerplate_reason
from marsad.model import Article, Block, BlockKind, Hashtag, RemovedBlock, Span

BLOCK_SEPARATOR = "\n\n"
_WHITESPACE = re.compile(r"\s+")
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—»]\s+")
_BYLINE_MARKER = re.compile(
    r"^\s*(?:"
    + "|".join(rules_data.BYLINE_MARKERS)
    + r")\s*[:\-–—|/]+\s*|^\s*(?:"
    + "|".join(rules_data.BYLINE_MARKERS)
    + r")\s+(?=\S+\s+\S+)"
)
_DATELINE_MARKER = re.compile(rules_data.DATELINE_MARKERS)
_CREDIT_PREFIX = re.compile(rules_data.CREDIT_PREFIX)
_NON_NAME_WORDS = frozenset(match_key(w) for w in rules_data.NON_NAME_WORDS)


@dataclass
class RawBlock:
    text: str
    hint: BlockKind | None = None  # what the source's markup says it is


@dataclass
class PageMeta:
    title: str | None = None
    author: str | None = None
    published: date | datetime | None = None
    published_text: str | None = None
    publisher: str | None = None
    url: str | None = None
    fetched_at: datetime | None = None  # resolves relative datelines ("منذ 3 ساعات")
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Part:
    kind: BlockKind
    text: str
    name: tuple[int, int] | None = None  # for a byline: where the name is inside text


def assemble(raw_blocks: list[RawBlock], meta: PageMeta) -> tuple[Article, list[str]]:
    blocks, removed = _remove_boilerplate(raw_blocks)
    published, published_text = meta.published, meta.published_text
    blocks, dateline = _take_dateline(blocks, meta.fetched_at)
    if dateline is not None:
        removed.append(RemovedBlock(text=dateline[0], reason="dateline", position=-1))
        if published is None:
            published, published_text = dateline[1], dateline[0]
    parts = _classify(blocks, meta)
    text, article_blocks, spans = _build_text(parts)
    warnings = list(meta.warnings)
    ratio = arabic_ratio(text)
    language = "ar"
    if ratio < rules_data.ARABIC_MIN_RATIO:
        language = "und"
        warnings.append(f"W201 the text is not Arabic ({ratio:.0%} of its letters are Arabic)")
    title_span = spans.get("title")
    byline_span = spans.get("byline")
    article = Article(
        title=title_span.text if title_span else meta.title,
        title_span=title_span,
        byline=byline_span.text if byline_span else None,
        byline_span=byline_span,
        published=published,
        published_text=published_text,
        publisher=meta.publisher,
        url=meta.url,
        language=language,
        text=text,
        blocks=article_blocks,
        hashtags=[
            Hashtag(span=Span.of(text, h.start, h.end), tag=h.tag, label=h.label, key=h.key)
            for h in find_hashtags(text)
        ],
        boilerplate=removed,
    )
    return article, warnings


def _remove_boilerplate(raw_blocks: list[RawBlock]) -> tuple[list[RawBlock], list[RemovedBlock]]:
    kept: list[RawBlock] = []
    removed: list[RemovedBlock] = []
    related_list = False  # inside the link list that a bare "اقرأ أيضاً" introduces
    for position, block in enumerate(raw_blocks):
        text = _WHITESPACE.sub(" ", block.text).strip()
        if not text:
            continue
        credit = _CREDIT_PREFIX.match(text)
        if credit and len(text) - credit.end() >= rules_data.CREDIT_PREFIX_MIN_REST:
            reporter = credit.group("reporter")
            if reporter:  # the reporter's name: a line of its own, read as the byline
                kept.append(RawBlock(reporter))
            desk = text[credit.end("reporter") if reporter else 0 : credit.end()]
            removed.append(
                RemovedBlock(text=desk.strip(" -–—"), reason="credit", position=position)
            )
            text = text[credit.end() :]
        reason = boilerplate_reason(text)
        if reason is None and related_list and _is_title_like(text):
            reason = "read_more"
        if reason is None:
            related_list = False
            kept.append(RawBlock(text, block.hint))
            continue
        removed.append(RemovedBlock(text=text, reason=reason, position=position))
        # A bare marker ("اقرأ أيضاً:") introduces a list; "اقرأ أيضاً: عنوان" is one link.
        bare_marker = ":" not in text.rstrip(" :")
        related_list = reason == "read_more" and (related_list or bare_marker)
    return kept, removed


def _take_dateline(
    blocks: list[RawBlock], reference: datetime | None
) -> tuple[list[RawBlock], tuple[str, date | datetime] | None]:
    """A line near the top that is a date (or opens with "نشر في") is metadata, not story."""
    for index, block in enumerate(blocks[:4]):
        if len(block.text) > rules_data.DATELINE_MAX_CHARS or block.hint == "heading":
            continue
        marked = _DATELINE_MARKER.search(match_key(block.text)) is not None
        for found in find_dates(block.text, reference):
            if marked or (found.end - found.start) >= 0.5 * len(block.text):
                return blocks[:index] + blocks[index + 1 :], (block.text, found.value)
    return blocks, None


def _classify(blocks: list[RawBlock], meta: PageMeta) -> list[_Part]:
    parts: list[_Part] = []
    rest = list(blocks)
    author = _clean_author(meta.author, meta)
    site_names = _site_names(meta)
    if meta.author and author is None:
        site_names.append(meta.author)
    title = _clean_title(meta.title, site_names)
    if title:
        rest = [b for i, b in enumerate(rest) if i >= 3 or not _same_text(b.text, title)]
        parts.append(_Part("title", title))

    byline = _find_byline(rest, author)
    if not title and rest and _opens_with_title(rest, byline):
        parts.append(_Part("title", rest.pop(0).text))
        # the byline moved up by one, or may now be the first block
        byline = _find_byline(rest, None) if byline is None else (byline[0] - 1, byline[1])
    if byline is not None:
        index, part = byline
        if index >= 0:
            rest.pop(index)
        parts.append(part)

    for index, block in enumerate(rest):
        following = rest[index + 1] if index + 1 < len(rest) else None
        heading = block.hint == "heading" or (
            block.hint is None and following is not None and _is_heading_like(block, following)
        )
        parts.append(_Part("heading" if heading else "paragraph", block.text))
    return parts


def _opens_with_title(blocks: list[RawBlock], byline: tuple[int, _Part] | None) -> bool:
    """A plain-text report opens with its title when a short line precedes the byline,
    or, with no byline, precedes a longer paragraph (a dateline may stand between)."""
    first = blocks[0].text
    if blocks[0].hint not in (None, "title") or not _is_title_like(first):
        return False
    if byline is not None:
        return byline[0] > 0
    return any(len(block.text) > len(first) for block in blocks[1:3])


def _find_byline(blocks: list[RawBlock], author: str | None) -> tuple[int, _Part] | None:
    """The byline among the first blocks; index -1 when it comes only from page metadata."""
    for index, block in enumerate(blocks[:3]):
        marker = _BYLINE_MARKER.match(block.text)
        if marker and _is_name_like(block.text[marker.end() :]):
            return index, _Part("byline", block.text, (marker.end(), len(block.text)))
        if author and _same_text(block.text, author):
            return index, _Part("byline", block.text, (0, len(block.text)))
    if author:
        return -1, _Part("byline", author.strip(), (0, len(author.strip())))
    if (
        len(blocks) >= 2
        and blocks[0].hint is None
        and _is_name_like(blocks[0].text)
        and opens_with_given_name(blocks[0].text)
        and len(blocks[1].text) > len(blocks[0].text) * 3
    ):
        return 0, _Part("byline", blocks[0].text, (0, len(blocks[0].text)))
    return None


def _is_name_like(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= rules_data.BYLINE_MAX_WORDS:
        return False
    if any(ch.isdigit() for ch in text) or text[-1] in rules_data.TERMINAL_PUNCTUATION:
        return False
    if not all(w.replace(".", "").isalpha() for w in words):
        return False
    return not any(match_key(w) in _NON_NAME_WORDS for w in words)


def _is_title_like(text: str) -> bool:
    return len(text) <= rules_data.TITLE_MAX_CHARS and text[-1] not in ".:،,؛;"


def _is_heading_like(block: RawBlock, following: RawBlock) -> bool:
    text = block.text
    return (
        len(text) <= rules_data.HEADING_MAX_CHARS
        and len(text.split()) <= rules_data.HEADING_MAX_WORDS
        and text[-1] not in rules_data.TERMINAL_PUNCTUATION
        and text[0] not in "\"“«'"
        and len(following.text) > len(text)
    )


def _clean_title(title: str | None, site_names: list[str]) -> str | None:
    """Page titles often carry the site name: 'خبر ما | الحل نت', 'المدينة نيوز - خبر'."""
    if not title:
        return None
    title = _WHITESPACE.sub(" ", title).strip()
    separators = list(_TITLE_SEPARATOR.finditer(title))
    if separators:
        if _is_site(title[separators[-1].end() :], site_names):
            title = title[: separators[-1].start()]
        elif _is_site(title[: separators[0].start()], site_names):
            title = title[separators[0].end() :]
    return title or None


def _clean_author(author: str | None, meta: PageMeta) -> str | None:
    """Page metadata puts links, handles and the site's own name in the author field."""
    if not author:
        return None
    words = [w for w in author.split() if not re.search(r"https?|www\.|@|\.com\b|^nbsp$", w, re.I)]
    name = " ".join(words).strip(" ,;|-")
    if not name or len(words) > 6 or _is_site(name, _site_names(meta)):
        return None
    if meta.title and any(_same_text(piece, name) for piece in _TITLE_SEPARATOR.split(meta.title)):
        return None  # the title's site part: 'المدينة نيوز - خبر'
    return name


def _site_names(meta: PageMeta) -> list[str]:
    names = [meta.publisher] if meta.publisher else []
    if meta.url:
        host = urlsplit(meta.url).hostname or ""
        names.append(host.removeprefix("www.").split(".")[0])
    return names


def _is_site(text: str, site_names: list[str]) -> bool:
    key = _letters_key(text)
    return bool(key) and any(
        (site := _letters_key(name)) and (key in site or site in key) for name in site_names
    )


def _letters_key(text: str) -> str:
    return "".join(ch for ch in match_key(text) if ch.isalpha())


def _same_text(a: str, b: str) -> bool:
    return match_key(a) == match_key(b)


def _build_text(parts: list[_Part]) -> tuple[str, list[Block], dict[str, Span]]:
    chunks: list[str] = []
    blocks: list[Block] = []
    spans: dict[str, Span] = {}
    cursor = 0
    for part in parts:
        if chunks:
            chunks.append(BLOCK_SEPARATOR)
            cursor += len(BLOCK_SEPARATOR)
        chunks.append(part.text)
        blocks.append(Block(kind=part.kind, start=cursor, end=cursor + len(part.text)))
        if part.kind in ("title", "byline") and part.kind not in spans:
            name_start, name_end = part.name or (0, len(part.text))
            spans[part.kind] = Span(
                start=cursor + name_start,
                end=cursor + name_end,
                text=part.text[name_start:name_end],
            )
        cursor += len(part.text)
    return "".join(chunks), blocks, spans
