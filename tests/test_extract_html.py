"""HTML extraction on real saved Arabic news pages (tests/fixtures/html, see its README)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad import analyze
from marsad.arabic import match_key
from marsad.extract.boilerplate import boilerplate_reason
from tests.conftest import FIXTURES

HTML = FIXTURES / "html"


def _analyze(name: str):  # type: ignore[no-untyped-def]
    return analyze(HTML / name)


def test_cnn_arabic_report_matches_the_goose3_expected_text() -> None:
    expected = json.loads((HTML / "goose3__test_cnn_arabic.expected.json").read_text("utf-8"))
    article = _analyze("goose3__test_cnn_arabic.html").article
    assert article.title == "معارضون يسيطرون على مخازن للصواريخ بريف دمشق"
    assert str(article.published) == "2013-08-03"
    paragraphs = [article.block_text(b) for b in article.blocks_of("paragraph")]
    expected_start = match_key(expected["expected"]["cleaned_text"])  # goose3 keeps the lead
    assert match_key(paragraphs[0]).startswith(expected_start)
    assert {b.reason for b in article.boilerplate} == {"comments"}


def test_newspaper4k_copy_of_the_same_page_gives_the_expected_text() -> None:
    expected = (HTML / "newspaper4k__arabic_article.expected.txt").read_text("utf-8")
    article = _analyze("newspaper4k__arabic_article.html").article
    body = "\n\n".join(article.block_text(b) for b in article.blocks_of("paragraph"))
    assert match_key(body) == match_key(expected)


def test_assabah_interview_keeps_the_byline_and_questions() -> None:
    article = _analyze("trafilatura__assabah.com.tn.article.html").article
    assert article.byline == "آسيا العتروس"
    assert article.title is not None and article.title.startswith("الناشط الحقوقي السوداني")
    paragraphs = [article.block_text(b) for b in article.blocks_of("paragraph")]
    assert paragraphs[0].startswith("مالذي يحدث في السودان؟")
    assert paragraphs[-1].endswith("العلاقة بين الخرطوم وتل ابيب.")


DATES = json.loads((HTML / "htmldate__eval_mediacloud_2020.arabic_subset.json").read_text("utf-8"))


@pytest.mark.parametrize("entry", DATES.values(), ids=[v["file"] for v in DATES.values()])
def test_publication_dates_of_real_pages(entry: dict[str, str]) -> None:
    analysis = analyze(HTML / f"htmldate__{entry['file']}")
    article = analysis.article
    assert str(article.published)[:10] == entry["date"]
    assert article.title and article.language == "ar"
    assert article.blocks_of("paragraph")
    for block in article.blocks:
        assert boilerplate_reason(article.block_text(block)) is None


def test_alyaum_report_has_byline_and_headings() -> None:
    article = _analyze("htmldate__1784190729.html").article
    assert article.byline == "حسام أبو العلا"
    assert [article.block_text(b) for b in article.blocks_of("heading")] == [
        "انتكاسة جديدة",
        "روايات وهمية",
        "اتهام إسرائيل",
    ]


def test_site_names_are_not_bylines_and_leave_titles() -> None:
    article = _analyze("htmldate__1588107198.html").article
    assert article.byline is None
    assert article.title == "أميركا :50 الفا حصيلة الوفيات بسبب فيروس كورونا"
    assert [b.reason for b in article.boilerplate] == ["dateline"]


def test_every_real_page_has_consistent_offsets() -> None:
    for page in sorted(Path(HTML).glob("*.html")):
        article = analyze(page).article
        previous_end = -1
        for block in article.blocks:
            assert block.start > previous_end
            assert article.text[block.start : block.end].strip()
            previous_end = block.end


CONSTRUCTED = json.loads((HTML / "constructed.json").read_text("utf-8"))


@pytest.mark.parametrize("name", sorted(CONSTRUCTED))
def test_constructed_site_layouts_yield_only_the_story(name: str) -> None:
    expected = CONSTRUCTED[name]
    analysis = analyze(HTML / name)
    article = analysis.article
    paragraphs = [article.block_text(b) for b in article.blocks_of("paragraph")]
    assert article.title == expected["title"]
    assert paragraphs[0].startswith(expected["body_start"])
    assert paragraphs[-1].endswith(expected["body_end"])
    leaked = [s for s in expected["not_in_body"] if s in article.text]
    assert not leaked, f"boilerplate in the body: {leaked}"


def test_windows_1256_page_is_decoded() -> None:
    analysis = analyze(HTML / "constructed__legacy_tables_cp1256.html")
    assert analysis.document.encoding == "cp1256"
    assert analysis.warnings == []


def test_removed_furniture_is_kept_aside_with_reasons() -> None:
    article = analyze(HTML / "constructed__legacy_tables_cp1256.html").article
    assert [b.reason for b in article.boilerplate] == ["navigation", "share_follow", "copyright"]


def test_a_year_alone_is_not_a_publication_date() -> None:
    # The page names no date but its copyright year; Marsad leaves the date empty.
    assert analyze(HTML / "constructed__news_agency.html").article.published is None
