"""The report view: spans highlighted where they occur, nested correctly, always escaped."""

from __future__ import annotations

from html.parser import HTMLParser

from marsad.model import Quote, Span
from marsad.web.highlight import ANONYMOUS, render_article, speaker_of
from tests.web_corpus import extracted, gold_analysis


class Nesting(HTMLParser):
    """Fails on tags that close out of order; collects the text and the tags seen."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack.pop() == tag, f"</{tag}> closes out of order"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Nesting:
    parser = Nesting()
    parser.feed(html)
    parser.close()
    assert not parser.stack
    return parser


def test_every_block_keeps_its_text_and_nests() -> None:
    analysis = gold_analysis()
    article = analysis.article
    for block, rendered in zip(article.blocks, render_article(analysis), strict=True):
        parsed = parse(str(rendered.html))
        assert "".join(parsed.text) == article.block_text(block)


def test_quotes_carry_their_speaker_and_anonymous_sources_are_marked() -> None:
    analysis = gold_analysis()
    html = "".join(str(b.html) for b in render_article(analysis))
    quotes = [attrs for tag, attrs in parse(html).tags if "quote" in (attrs.get("class") or "")]
    assert quotes, "quotes are highlighted"
    named = [q for q in quotes if "محمد العمر" in (q["data-tip"] or "")]
    anonymous = [q for q in quotes if "anon" in (q["class"] or "")]
    assert named and anonymous
    assert all(ANONYMOUS in (q["data-tip"] or "") for q in anonymous)
    assert all("لدواعي أمنية" in (q["data-tip"] or "") for q in anonymous)
    assert all(q.get("tabindex") == "0" for q in quotes), "keyboard users can reach each quote"


def test_an_anonymous_source_is_never_joined_to_an_entity() -> None:
    analysis = gold_analysis()
    anonymous = next(s for s in analysis.sources if s.anonymous)
    anonymous.entity_id = analysis.entities[0].id  # even if a component got it wrong
    quote = next(q for q in analysis.quotes if q.source_id == anonymous.id)
    speaker = speaker_of(quote, analysis)
    assert speaker.anonymous
    assert analysis.entities[0].name not in speaker.full


def test_entity_and_place_marks_name_the_canonical_entity() -> None:
    analysis = gold_analysis()
    html = "".join(str(b.html) for b in render_article(analysis, lambda kind, i: f"/{kind}/{i}"))
    tips = [a for t, a in parse(html).tags if "mark" in (a.get("class") or "")]
    daesh = [t for t in tips if "تنظيم الدولة الإسلامية" in (t["data-tip"] or "")]
    assert len(daesh) >= 2, "the full name and the hashtag point to one entity"
    assert any((t.get("href") or "").startswith("/place/") for t in tips)
    assert any((t.get("href") or "").startswith("/hashtag/") for t in tips)


def test_overlapping_spans_are_cut_so_the_html_nests() -> None:
    text = "قال المتحدث باسم الأمم المتحدة في دمشق إن المساعدات وصلت إلى حلب أمس."
    analysis = extracted(text)
    body = analysis.article.text
    start = body.index("المساعدات")
    crossing = body.index("الأمم")  # a quote that starts inside another span's words
    analysis.quotes.append(
        Quote(span=Span.of(body, start, len(body) - 1), kind="indirect", confidence=0.5)
    )
    analysis.quotes.append(
        Quote(span=Span.of(body, crossing, start + 4), kind="indirect", confidence=0.5)
    )
    html = "".join(str(b.html) for b in render_article(analysis))
    assert "".join(parse(html).text) == body


def test_hostile_markup_in_a_report_is_shown_as_text() -> None:
    text = (
        'أعلنت الوزارة <script>alert("x")</script> أن <img src=x onerror=alert(1)> '
        'الاجتماع سيعقد في الرياض يوم الأحد، وقال المتحدث إن "القرار <b>نهائي</b>".'
    )
    analysis = extracted(text)
    body = analysis.article.text
    start = body.index("القرار")
    analysis.quotes.append(
        Quote(span=Span.of(body, start, body.index('"', start)), kind="direct", confidence=0.9)
    )
    html = "".join(str(b.html) for b in render_article(analysis))
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert" in html and "&lt;img src=x" in html
