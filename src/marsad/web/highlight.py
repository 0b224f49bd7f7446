"""The report view: ``Article.text`` as HTML with its facts marked where they occur.

Everything the report says goes through :func:`markupsafe.escape` here, and nowhere is
report text marked safe without it, so hostile markup in a report shows as text. Spans
may overlap (a name inside a quote, a quote across a hashtag); the text is cut at every
span boundary and each piece is wrapped block ⊃ quote ⊃ mark, so the HTML always nests.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from marsad.model import Analysis, Entity, Place, Quote, Source
from marsad.store.profiles import entity_ident

# How each kind of fact is called in the interface.
ENTITY_TYPES = {"PER": "شخص", "ORG": "منظمة", "LOC": "مكان", "MISC": "أخرى"}
PLACE_KINDS = {
    "continent": "قارة", "region": "إقليم", "country": "دولة", "governorate": "محافظة",
    "district": "منطقة", "subdistrict": "ناحية", "city": "مدينة", "town": "بلدة",
    "village": "قرية", "other": "مكان",
}  # fmt: skip
QUOTE_KINDS = {"direct": "اقتباس مباشر", "indirect": "اقتباس غير مباشر", "mixed": "اقتباس مختلط"}
SOURCE_KINDS = {
    "person": "شخص", "organisation": "جهة", "role": "صفة", "collective": "جماعة",
    "initials": "أحرف أولى", "unknown": "غير معروف",
}  # fmt: skip
ANONYMOUS = "مصدر مجهول"
BLOCK_TAGS = {"title": "h1", "byline": "p", "heading": "h2", "paragraph": "p"}

Linker = Callable[[str, str], str | None]
"""(kind, id) → URL of the page about it, or None when there is none (an unsaved report)."""


@dataclass
class Mark:
    """One highlighted stretch: what it is (tips) and where it leads (href)."""

    start: int
    end: int
    css: str
    tips: list[str] = field(default_factory=list)
    href: str | None = None

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class RenderedBlock:
    kind: str
    html: Markup


def no_links(kind: str, ident: str) -> str | None:
    return None


@dataclass(frozen=True)
class Speaker:
    name: str  # short: the name, or «مصدر مجهول» and the initials it gave
    detail: str  # who they are, and why a source is anonymous
    anonymous: bool

    @property
    def full(self) -> str:
        return f"{self.name} · {self.detail}" if self.detail else self.name


def speaker_of(quote: Quote, analysis: Analysis) -> Speaker:
    """Who said it, as a reader should see it.

    An anonymous source is described (its initials, role, why it is anonymous) and never
    joined to an entity, so the view cannot unmask it.
    """
    source = _source(analysis, quote.source_id)
    if source is None:
        named = quote.speaker_span.text if quote.speaker_span else None
        return Speaker(named or "غير محدد", "", False)
    description = source.description.text if source.description else ""
    if source.anonymous:
        name = f"{ANONYMOUS} «{source.name.text}»" if source.name else ANONYMOUS
        reason = f"السبب: {source.anonymity_reason.text}" if source.anonymity_reason else ""
        return Speaker(name, " · ".join(p for p in (description, reason) if p), True)
    entity = _entity(analysis, source.entity_id)
    named = entity.name if entity else source.name.text if source.name else None
    return Speaker(named or SOURCE_KINDS[source.kind], description, False)


def render_article(analysis: Analysis, link: Linker = no_links) -> list[RenderedBlock]:
    """The report as a list of blocks (title, byline, headings, paragraphs) of safe HTML."""
    text = analysis.article.text
    blocks: list[tuple[str, int, int]] = [(b.kind, b.start, b.end) for b in analysis.article.blocks]
    if not blocks:
        blocks = list(_paragraphs(text))
    quotes = _non_overlapping(_quote_marks(analysis), keep_inner_tips=False)
    inner = _non_overlapping(_inner_marks(analysis, link), keep_inner_tips=True)
    rendered = []
    for kind, start, end in blocks:
        html = _render_range(text, start, end, quotes, inner)
        rendered.append(RenderedBlock(kind, html))
    return rendered


def block_tag(kind: str) -> str:
    return BLOCK_TAGS.get(kind, "p")


def _render_range(text: str, start: int, end: int, quotes: list[Mark], inner: list[Mark]) -> Markup:
    cuts = {start, end}
    for mark in (*quotes, *inner):
        if mark.end > start and mark.start < end:
            cuts.update(c for c in (mark.start, mark.end) if start < c < end)
    points = sorted(cuts)
    pieces: list[tuple[Mark | None, Mark | None, str]] = [
        (_covering(quotes, a), _covering(inner, a), text[a:b])
        for a, b in itertools.pairwise(points)
    ]
    out: list[str] = []
    i = 0
    while i < len(pieces):
        quote = pieces[i][0]
        j = i
        while j < len(pieces) and pieces[j][0] is quote:
            j += 1
        body = "".join(_wrap(mark, piece) for _, mark, piece in _merge_runs(pieces[i:j]))
        out.append(_wrap(quote, body, escaped=True) if quote else body)
        i = j
    return Markup("".join(out))


def _merge_runs(
    pieces: list[tuple[Mark | None, Mark | None, str]],
) -> Iterable[tuple[None, Mark | None, str]]:
    current: Mark | None = None
    buffer: list[str] = []
    for _, mark, piece in pieces:
        if buffer and mark is not current:
            yield None, current, "".join(buffer)
            buffer = []
        current = mark
        buffer.append(piece)
    if buffer:
        yield None, current, "".join(buffer)


def _wrap(mark: Mark | None, content: str, *, escaped: bool = False) -> str:
    inner = content if escaped else str(escape(content))
    if mark is None:
        return inner
    tip = escape(" — ".join(mark.tips))
    if mark.href:
        return f'<a class="{mark.css}" href="{escape(mark.href)}" data-tip="{tip}">{inner}</a>'
    return f'<span class="{mark.css}" tabindex="0" data-tip="{tip}">{inner}</span>'


def _covering(marks: list[Mark], offset: int) -> Mark | None:
    for mark in marks:
        if mark.start <= offset < mark.end:
            return mark
    return None


def _non_overlapping(marks: list[Mark], *, keep_inner_tips: bool) -> list[Mark]:
    """Longest first; a mark that overlaps a kept one is dropped, its tips joining it when
    both cover the same words (an entity and a place, a hashtag and its name)."""
    kept: list[Mark] = []
    # Equal spans: the first listed wins (places before entities: the richer page).
    for mark in sorted(marks, key=lambda m: (-m.length, m.start)):
        if mark.length <= 0:
            continue
        clash = next((k for k in kept if k.start < mark.end and mark.start < k.end), None)
        if clash is None:
            kept.append(mark)
        elif keep_inner_tips and _same_words(mark, clash):
            clash.tips.extend(t for t in mark.tips if t not in clash.tips)
            clash.css = " ".join(dict.fromkeys([*clash.css.split(), *mark.css.split()]))
    return sorted(kept, key=lambda m: m.start)


def _same_words(inner: Mark, outer: Mark) -> bool:
    inside = outer.start <= inner.start and inner.end <= outer.end
    return inside and inner.length >= 0.8 * outer.length


def _quote_marks(analysis: Analysis) -> list[Mark]:
    marks = []
    for quote in analysis.quotes:
        speaker = speaker_of(quote, analysis)
        css = "quote anon" if speaker.anonymous else "quote"
        tips = [QUOTE_KINDS[quote.kind], f"المتحدث: {speaker.full}"]
        marks.append(Mark(quote.span.start, quote.span.end, css, tips))
    return marks


def _inner_marks(analysis: Analysis, link: Linker) -> list[Mark]:
    marks: list[Mark] = []
    for place in analysis.places:
        href = link("place", place.id) if place.id else None
        marks.append(
            Mark(place.span.start, place.span.end, "mark place", [_place_tip(place)], href)
        )
    for mention in analysis.mentions:
        entity = _entity(analysis, mention.entity_id)
        tips = [ENTITY_TYPES[mention.label]]
        if entity:
            tips.append(f"الاسم المعتمد: {entity.name}")
        ident = entity_ident(entity.id, entity.name, entity.registry) if entity else ""
        href = link("entity", ident) if entity else None
        span = mention.span
        marks.append(Mark(span.start, span.end, f"mark ent ent-{mention.label}", tips, href))
    for source in analysis.sources:
        if source.anonymous and source.name:
            tip = f"{ANONYMOUS} ({SOURCE_KINDS[source.kind]})"
            span = source.name
            marks.append(Mark(span.start, span.end, "mark source anon", [tip]))
    for tag in analysis.article.hashtags:
        href = link("hashtag", tag.tag)
        marks.append(
            Mark(tag.span.start, tag.span.end, "mark hashtag", [f"وسم: {tag.label}"], href)
        )
    return marks


def _place_tip(place: Place) -> str:
    parts = ["مكان"]
    if place.name:
        parts.append(place.name + (f" ({place.name_en})" if place.name_en else ""))
    if place.kind:
        parts.append(PLACE_KINDS[place.kind])
    parts.extend(p for p in (place.admin2, place.admin1, place.country) if p)
    if not place.id:
        parts.append("غير محدد على الخريطة")
    return " · ".join(parts)


def _entity(analysis: Analysis, entity_id: str | None) -> Entity | None:
    if entity_id is None:
        return None
    return next((e for e in analysis.entities if e.id == entity_id), None)


def _source(analysis: Analysis, source_id: str | None) -> Source | None:
    if source_id is None:
        return None
    return next((s for s in analysis.sources if s.id == source_id), None)


def _paragraphs(text: str) -> Iterable[tuple[str, int, int]]:
    """Blocks for an article that has none: its non-empty lines."""
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            yield "paragraph", offset, offset + len(line)
        offset += len(line) + 1
