"""Arabic-aware search: spelling variants, clitics and diacritics meet; snippets point into
the original text; filters and facets read the stored facts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from marsad.errors import QueryError
from marsad.ingest.items import analyse
from marsad.ingest.text import read_input
from marsad.ingest.urls import canonical_url
from marsad.store import Filters, Store
from marsad.store.query import parse_query
from marsad.store.search import parse_day
from marsad.store.terms import stem_form, words

# Sentences in the style of the reports Marsad reads, each spelling a name differently.
REPORTS = {
    "https://example.org/europe-1": "وصل وفد من المعارضة السورية إلى أوروبا لبحث ملف اللاجئين.",
    "https://example.org/europe-2": "قال مسؤول إن اللاجئين الذين وصلوا إلى أوربا يواجهون صعوبات.",
    "https://example.org/europe-3": "تتجه قوافل اللاجئين نحو اوروبا عبر البحر.",
    "https://example.org/raqqa-1": "سيطرت قوات سوريا الديمقراطية على أحياء في الرقة.",
    "https://example.org/raqqa-2": "شهدت مدينة الرقه اشتباكات عنيفة خلال الليل.",
    "https://example.org/deir-1": "انشقّ عنصر من التنظيم في ريف دير الزُّور وفرّ إلى تركيا.",
    "https://example.org/deir-2": "تزايدت حالات الانشقاق بدير الزور وسوريا عموماً.",
}


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with Store(":memory:") as opened:
        for url, text in REPORTS.items():
            document = read_input(text, url=url)
            opened.put(
                "url:" + canonical_url(url), document, origin="test", analysis=analyse(document)
            )
        yield opened


def _urls(store: Store, query: str, **filters: object) -> set[str]:
    results = store.search(query, Filters(**filters), limit=50)  # type: ignore[arg-type]
    return {hit.url or "" for hit in results.hits}


def test_spelling_variants_of_europe_meet(store: Store) -> None:
    europe = {u for u in REPORTS if "europe" in u}
    for spelling in ("أوروبا", "أوربا", "اوروبا", "أُورُوبَّا"):
        assert _urls(store, spelling) == europe, spelling


def test_taa_marbuta_and_diacritics_meet(store: Store) -> None:
    raqqa = {u for u in REPORTS if "raqqa" in u}
    assert _urls(store, "الرقة") == raqqa
    assert _urls(store, "الرقه") == raqqa
    assert _urls(store, "دير الزور") == {u for u in REPORTS if "deir" in u}  # الزُّور in deir-1


def test_clitic_forms_find_each_other(store: Store) -> None:
    assert "https://example.org/deir-2" in _urls(store, "سوريا")  # وسوريا
    assert "https://example.org/raqqa-1" in _urls(store, "وسوريا")
    assert _urls(store, '"دير الزور"') == {u for u in REPORTS if "deir" in u}  # بدير الزور


def test_exact_spelling_ranks_first(store: Store) -> None:
    hits = store.search("أوربا").hits
    assert hits[0].url == "https://example.org/europe-2"


def test_query_operators(store: Store) -> None:
    assert _urls(store, "اللاجئين -البحر") == {
        "https://example.org/europe-1", "https://example.org/europe-2",
    }  # fmt: skip
    assert _urls(store, "الرقة OR تركيا") == {
        "https://example.org/raqqa-1", "https://example.org/raqqa-2", "https://example.org/deir-1",
    }  # fmt: skip
    with pytest.raises(QueryError):
        parse_query("-البحر")
    assert parse_query("  ،  ").fts is None


def test_snippet_highlights_are_offsets_into_the_original_text(store: Store) -> None:
    hit = store.search("دير الزور").hits
    by_url = {h.url: h for h in hit}
    snippet = by_url["https://example.org/deir-1"].snippet
    assert snippet is not None
    text = store.get_analysis(by_url["https://example.org/deir-1"].id).article.text
    assert snippet.text == text[snippet.start : snippet.end]
    assert [text[s:e] for s, e in snippet.highlights] == ["دير", "الزُّور"]


def test_filters_and_facets(store: Store) -> None:
    assert _urls(store, "", publisher="example.org") == set(REPORTS)
    assert _urls(store, "", publisher="elsewhere.net") == set()
    today = date.today()
    assert len(_urls(store, "", since=today)) == len(REPORTS)
    assert _urls(store, "", until=date(2000, 1, 1)) == set()
    results = store.search("اللاجئين")
    assert results.total == 3
    assert results.facets["publishers"][0].count == 3


def test_index_forms() -> None:
    forms = {w.exact: w.stem for w in words("وسوريا بدير الزور والرقة أوروبا أوربا ولد الولد")}
    assert forms["وسوريا"] == stem_form("سوريا")
    assert forms["بدير"] == stem_form("دير")
    assert forms["والرقه"] == stem_form("الرقه") == stem_form("رقه")
    assert forms["اوروبا"] == forms["اوربا"]
    assert forms["ولد"] == forms["الولد"] == "ولد"  # a root letter و is not stripped into لد
    hashtag = [w.exact for w in words("#دير_الزور")]
    assert hashtag == ["دير", "الزور"]


def test_parse_day() -> None:
    today = date(2024, 3, 10)
    assert parse_day("today", today) == today
    assert parse_day("yesterday", today) == date(2024, 3, 9)
    assert parse_day("7d", today) == date(2024, 3, 3)
    assert parse_day("2024-01-01") == date(2024, 1, 1)
    with pytest.raises(QueryError):
        parse_day("أمس")
