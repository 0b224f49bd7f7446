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
