"""Quotes and sources on the seed report, read against its hand-made gold reading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad import analyze
from marsad.arabic import match_key
from marsad.model import Analysis, Mention, Quote, Source, Span
from marsad.pipeline import Pipeline
from marsad.quotes.component import QuotesComponent


@pytest.fixture(scope="module")
def gold(fixtures: Path) -> dict[str, object]:
    return json.loads((fixtures / "seed-article.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Analysis:
    return analyze(seed_text, pipeline=Pipeline([QuotesComponent()]))


def _source(analysis: Analysis, quote: Quote) -> Source:
    return next(s for s in analysis.sources if s.id == quote.source_id)


def _label(source: Source) -> str:
    span = source.name or source.description
    assert span is not None
    return span.text


def _match(analysis: Analysis, fragment: str) -> Quote | None:
    """The quote whose span overlaps the first occurrence of a gold opening fragment."""
    start = analysis.article.text.index(fragment)
    end = start + len(fragment)
    hits = [q for q in analysis.quotes if q.span.start < end and start < q.span.end]
    return hits[0] if len(hits) == 1 else None


def test_every_gold_quote_is_found_with_its_speaker(seed: Analysis, gold: dict) -> None:
    matched: set[int] = set()
    for expected in gold["quotes"]:
        quote = _match(seed, expected["starts"])
        assert quote is not None, expected["starts"]
        assert id(quote) not in matched, f"two gold quotes share {quote.span.text[:30]}"
        matched.add(id(quote))
        assert _label(_source(seed, quote)) == expected["speaker"], expected["starts"]
        allowed = {"direct": {"direct", "mixed"}, "indirect": {"indirect"}}[expected["kind"]]
        assert quote.kind in allowed, (expected["starts"], quote.kind)
        assert quote.cue is not None
        assert match_key(quote.cue.text) in match_key(expected["cue"]), expected


def test_nothing_else_is_taken_for_a_quote(seed: Analysis, gold: dict) -> None:
    assert len(seed.quotes) == len(gold["quotes"])
    for rejected in gold["not_quotes"]:
        assert _match(seed, rejected["starts"]) is None


def test_the_anonymous_source_is_marked_with_its_reason(seed: Analysis) -> None:
    by_label = {_label(s): s for s in seed.sources}
    assert set(by_label) == {"ح.م", "محمد العمر"}
    hm, omar = by_label["ح.م"], by_label["محمد العمر"]
    assert hm.kind == "initials" and hm.anonymous
    assert hm.anonymity_reason is not None and hm.anonymity_reason.text == "لدواعي أمنية"
    assert hm.description is not None
    assert hm.description.text == "عنصر انشق عن التنظيم من ريف دير الزور"
    assert omar.kind == "person" and not omar.anonymous
    assert omar.description is not None and omar.description.text == "ناشط مدني من دير الزور"


def test_every_span_is_a_span_of_the_article(seed: Analysis) -> None:
    text = seed.article.text
    spans: list[Span] = []
    for quote in seed.quotes:
        spans += [quote.span, *quote.verbatim]
        spans += [s for s in (quote.cue, quote.speaker_span) if s is not None]
    for source in seed.sources:
        spans += [s for s in (source.name, source.description, source.anonymity_reason) if s]
    for span in spans:
        assert text[span.start : span.end] == span.text
    for quote in seed.quotes:
        assert 0.0 < quote.confidence <= 1.0


def test_mentions_link_named_sources_but_never_anonymous_ones(seed_text: str) -> None:
    """With the entities component's mentions, a named source carries its entity id;
    the anonymous one does not, even when a mention with an id covers its initials."""

    class _Mentions:
        name, version = "test-mentions", "1"
        reads: tuple[str, ...] = ()
        writes = ("mentions",)

        def __call__(self, analysis: Analysis) -> None:
            text = analysis.article.text
            for name, entity in (("ح.م", "local:hm"), ("محمد العمر", "local:omar")):
                start = text.index(name)
                analysis.mentions.append(
                    Mention(span=Span.of(text, start, start + len(name)), label="PER",
                            entity_id=entity)
                )  # fmt: skip

    analysis = analyze(seed_text, pipeline=Pipeline([_Mentions(), QuotesComponent()]))
    by_label = {_label(s): s for s in analysis.sources}
    assert by_label["محمد العمر"].entity_id == "local:omar"
    assert by_label["ح.م"].entity_id is None and by_label["ح.م"].anonymous
    assert len(analysis.quotes) == 12


def test_the_component_is_in_the_default_pipeline_and_the_json(seed_text: str) -> None:
    analysis = analyze(seed_text)
    assert "quotes" in analysis.pipeline
    data = json.loads(analysis.to_json())
    assert len(data["quotes"]) == 12
    assert any(s["anonymous"] for s in data["sources"])


def _sources_of(text: str) -> dict[str, Source]:
    return {_label(s): s for s in analyze(text).sources}


def test_initials_stay_anonymous_between_a_role_and_an_addressee() -> None:
    """With the entities component's mentions: ``م.ع`` is a PER mention, and ``لعنب بلدي``
    (to whom it was said) is not part of the speaker."""
    text = (
        'وقالت م.ع لعنب بلدي إن "الأسعار ارتفعت كثيراً هذا الشهر".\n\n'
        'وقال الناشط ك.أ، الذي فضّل عدم الكشف عن اسمه، إن "القصف استهدف السوق صباح اليوم".'
    )
    analysis = analyze(text)
    speakers = [q.speaker_span.text for q in analysis.quotes if q.speaker_span]
    assert speakers == ["م.ع", "الناشط ك.أ"]
    sources = {_label(s): s for s in analysis.sources}
    for initials in ("م.ع", "ك.أ"):
        assert sources[initials].kind == "initials"
        assert sources[initials].anonymous and sources[initials].entity_id is None


def test_a_one_letter_title_needs_its_dot() -> None:
    """``ك.أ أصبح``: the last of the initials is not the title ``أ`` before a name."""
    text = 'وقال ك.أ أصبح الوضع صعباً، مضيفاً أن "الناس يهربون من القرية".'
    sources = list(analyze(text).sources)
    assert [(_label(s), s.kind, s.anonymous) for s in sources] == [("ك.أ", "initials", True)]
    titled = _sources_of('وقال د. خالد العلي إن "الوضع الصحي سيء جداً في المخيم".')
    assert titled["خالد العلي"].kind == "person" and not titled["خالد العلي"].anonymous


def test_the_source_unnamed_is_anonymous_but_does_not_hide_a_named_one() -> None:
    unnamed = _sources_of('وتوقع المصدر أن "ترتفع الأسعار خلال الشهر المقبل".')
    assert [s.anonymous for s in unnamed.values()] == [True]
    named = analyze(
        'قال محمد العمر، مدير المستشفى، إن "الجرحى وصلوا بالعشرات". وأضاف المصدر أن "الأدوية نفدت".'
    )
    assert len(named.sources) == 1 and not named.sources[0].anonymous
    assert {q.source_id for q in named.quotes} == {named.sources[0].id}


def test_officials_who_asked_not_to_be_named_are_anonymous() -> None:
    text = (
        "وقال المسؤولون الذين طلبوا عدم ذكر أسمائهم إنهم يعتقدون أن المسلح قتل أثناء "
        "اشتباك في شمال سوريا يوم الجمعة."
    )
    (source,) = analyze(text).sources
    assert source.anonymous
    assert source.anonymity_reason is not None
    assert source.anonymity_reason.text == "طلبوا عدم ذكر أسمائهم"
