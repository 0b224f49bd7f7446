"""Arabic-aware search: spelling variants, clitics and diacritics meet; snippets point into
the original text; filters and facets read the stored facts."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from marsad.errors import QueryError
from marsad.ingest.items import analyse
from marsad.ingest.text import read_input
from marsad.ingest.urls import canonical_url
from marsad.store import Filters, Store
from marsad.store import search as search_module
from marsad.store.query import parse_query
from marsad.store.search import (
    COLUMN_WEIGHTS,
    _busiest_start,
    facet_counts,
    make_snippet,
    parse_day,
)
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


# Several copies of the reports, each with another publisher, day and an added sentence
# from another report: filters, ties and ranking all have work to do.
PUBLISHERS = ("عنب بلدي", "الحل السوري", "الشرق الأوسط")
COPIES = 6


@pytest.fixture(scope="module")
def corpus() -> Iterator[Store]:
    texts = list(REPORTS.values())
    with Store(":memory:") as opened:
        for n, (url, text) in enumerate(REPORTS.items()):
            original = analyse(read_input(text, url=url))
            for copy in range(COPIES):
                analysis = original.model_copy(deep=True)
                analysis.article.text += "\n\n" + texts[(n + copy + 1) % len(texts)]
                analysis.article.publisher = PUBLISHERS[(n + copy) % len(PUBLISHERS)]
                analysis.article.published = date(2024, 1, 1) + timedelta(days=9 * copy + n)
                analysis.article.url = analysis.document.url = f"{url}/{copy}"
                opened.put(
                    f"copy:{copy}:{url}", analysis.document, origin="test", analysis=analysis
                )
        yield opened


def _reference(store: Store, query: str, filters: Filters) -> list[tuple[int, float]]:
    """Every match of the query by bm25 then id, kept when the export path (a plain join
    over the filters' sets) keeps it."""
    kept = set(store.matching_ids(query, filters))
    rows = store.connection.execute(
        "SELECT rowid, bm25(search_index, ?, ?) FROM search_index WHERE search_index MATCH ?",
        (*COLUMN_WEIGHTS, parse_query(query).fts),
    ).fetchall()
    return sorted(((i, s) for i, s in rows if i in kept), key=lambda row: (row[1], row[0]))


FILTERED = [
    ("اللاجئين", Filters(since=date(2024, 1, 20))),
    ("الرقة", Filters(until=date(2024, 1, 30), publisher="عنب بلدي")),
    ("سوريا", Filters(place="دير الزور")),
    ("دير الزور", Filters(place="سوريا", since=date(2024, 1, 10))),
    ("الرقة OR تركيا", Filters(publisher="الشرق الأوسط")),
    ("اللاجئين -البحر", Filters(until=date(2024, 2, 10))),
]


@pytest.mark.parametrize("correlate_below", [0, 10**9], ids=["fact-sets", "facts-per-match"])
@pytest.mark.parametrize("column_set_below", [0, 10**9], ids=["columns-per-match", "column-sets"])
def test_filtered_search_ranks_and_counts_like_a_plain_scan(
    corpus: Store, monkeypatch: pytest.MonkeyPatch, correlate_below: int, column_set_below: int
) -> None:
    """Whichever way the filters are checked, the hits, scores, total and facets are those
    of ranking every match and dropping the ones the filters refuse."""
    monkeypatch.setattr(search_module, "CORRELATE_BELOW", correlate_below)
    monkeypatch.setattr(search_module, "COLUMN_SET_BELOW", column_set_below)
    for query, filters in [*FILTERED, ("اللاجئين", Filters()), ("سوريا", Filters())]:
        expected = _reference(corpus, query, filters)
        if filters != Filters():
            assert 0 < len(expected) < len(_reference(corpus, query, Filters())), query
        results = corpus.search(query, filters, limit=5)
        assert results.total == len(expected), query
        assert [(h.id, h.score) for h in results.hits] == expected[:5], query
        page = corpus.search(query, filters, limit=5, offset=5, facets=False)
        assert [(h.id, h.score) for h in page.hits] == expected[5:10], query
        assert results.facets == facet_counts(corpus.connection, [i for i, _ in expected])


def test_snippets_from_the_stored_words_are_those_of_the_text(corpus: Store) -> None:
    for query in ("دير الزور", "اللاجئين", "وسوريا", '"الرقة"', "اوربا -البحر"):
        parsed = parse_query(query)
        for hit in corpus.search(query, limit=50).hits:
            text = corpus.get_analysis(hit.id).article.text
            assert hit.snippet == make_snippet(text, parsed, list(words(text))), query
            assert hit.snippet is not None and hit.snippet.highlights, query


def test_the_snippet_window_is_the_first_with_the_most_distinct_matched_words() -> None:
    text_words = list(words("\n\n".join([*REPORTS.values(), *reversed(REPORTS.values())])))
    forms = sorted({w.exact for w in text_words})
    rng = random.Random(6)
    for _ in range(300):
        wanted = set(rng.sample(forms, rng.randint(1, 6)))
        matches = [(w.start, w.end, w.exact) for w in text_words if w.exact in wanted]
        width = rng.choice([3, 20, 60, 220])
        expected, most = matches[0][0], -1
        for i, (start, _, _) in enumerate(matches):  # every window, by brute force
            distinct = len({m[2] for m in matches[i:] if m[1] <= start + width})
            if distinct > most:
                expected, most = start, distinct
        assert _busiest_start(matches, width) == expected
