"""The store: migrations, every analysis field kept, filters on facts, stale analyses,
stories from near-duplicates, and exports that never invent a fact."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from marsad.errors import QueryError, SchemaTooNewError
from marsad.ingest.urls import canonical_url
from marsad.model import (
    Analysis,
    Article,
    Document,
    Entity,
    Event,
    Mention,
    Place,
    Quote,
    Source,
    Span,
    Topic,
)
from marsad.store import SCHEMA_VERSION, Filters, Store, export

TEXT = (
    "قال مصدر محلي طلب عدم ذكر اسمه لدواعٍ أمنية إن تنظيم داعش هاجم بلدة الشحيل في ريف دير الزور، "
    "ما أدى إلى مقتل ثلاثة مدنيين. وقال الناشط أبو محمد إن «الوضع صعب». #دير_الزور"
)


def _span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span.of(text, start, start + len(needle))


def _analysis(
    text: str = TEXT, url: str = "https://www.example.org/a/1", publisher: str = "الحل السوري"
) -> Analysis:
    document = Document.from_bytes(text.encode(), url, url=url, media_type="text")
    from marsad.arabic import find_hashtags, match_key

    article = Article(
        text=text, url=url, publisher=publisher, published=date(2024, 5, 2),
        hashtags=[
            {"span": Span.of(text, h.start, h.end), "tag": h.tag, "label": h.label, "key": match_key(h.label)}  # type: ignore[list-item]
            for h in find_hashtags(text)
        ],
    )  # fmt: skip
    return Analysis(
        pipeline={"marsad": "0.1.0", "test": "1"},
        document=document,
        article=article,
        entities=[
            Entity(
                id="isis",
                type="ORG",
                name="تنظيم الدولة الإسلامية",
                aliases=["داعش"],
                registry=True,
            ),
            Entity(id="e2", type="PER", name="أبو محمد"),
        ],
        mentions=[Mention(span=_span(text, "داعش"), label="ORG", entity_id="isis")],
        places=[
            Place(
                span=_span(text, "الشحيل"),
                id="SY-SHUHAYL",
                name="الشحيل",
                country="SY",
                admin1="دير الزور",
                admin2="الميادين",
                lat=35.08,
                lon=40.38,
                precision=1,
            )
        ],
        sources=[
            Source(
                id="s1",
                kind="unknown",
                description=_span(text, "مصدر محلي"),
                anonymous=True,
                anonymity_reason=_span(text, "لدواعٍ أمنية"),
            ),
            Source(id="s2", kind="person", name=_span(text, "أبو محمد"), entity_id="e2"),
        ],
        quotes=[
            Quote(
                span=_span(text, "الوضع صعب"),
                kind="direct",
                source_id="s2",
                speaker_span=_span(text, "أبو محمد"),
                confidence=0.9,
            ),
            Quote(
                span=_span(text, "تنظيم داعش هاجم بلدة الشحيل"),
                kind="indirect",
                source_id="s1",
                confidence=0.7,
            ),
        ],
        topics=[Topic(label="conflict", probability=0.9)],
        events=[
            Event(
                type="Violence against civilians",
                sub_type="Attack",
                actor1="isis",
                place_id="SY-SHUHAYL",
                precision=1,
                fatalities=3,
                evidence=_span(text, "هاجم بلدة الشحيل"),
                confidence=0.8,
            ),
            Event(
                type="Battles",
                sub_type="Armed clash",
                evidence=_span(text, "ما أدى إلى مقتل"),
                confidence=0.5,
            ),
        ],
    )


def _plain(text: str, url: str) -> Analysis:
    document = Document.from_bytes(text.encode(), url, url=url, media_type="text")
    return Analysis(document=document, article=Article(text=text, url=url))


def _put(store: Store, analysis: Analysis) -> int:
    url = analysis.document.url or ""
    return store.put(
        "url:" + canonical_url(url), analysis.document, origin="test", analysis=analysis
    )


def test_migrations_wal_and_a_newer_schema_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with Store(path) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in store.connection.execute("SELECT name FROM sqlite_master")}
        for table in (
            "documents",
            "articles",
            "entities",
            "mentions",
            "places",
            "quotes",
            "hashtags",
            "stories",
        ):
            assert table in tables
    with Store(path):
        pass  # reopening migrates nothing twice
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    with pytest.raises(SchemaTooNewError):
        Store(path)


def test_every_analysis_field_is_kept_and_filterable() -> None:
    with Store(":memory:") as store:
        analysis = _analysis()
        article_id = _put(store, analysis)
        back = store.get_analysis(article_id)
        assert back == analysis
        assert back.document.raw == TEXT.encode()

        def ids(**filters: object) -> list[int]:
            return [h.id for h in store.search("", Filters(**filters)).hits]  # type: ignore[arg-type]

        assert ids(entity="داعش") == [article_id]  # an alias, via the mention
        assert ids(entity="isis") == [article_id]
        assert ids(entity="تنظيم الدولة الاسلامية") == [article_id]
        assert ids(place="الشحيل") == [article_id]
        assert ids(place="دير الزور") == [article_id]  # inside the admin area
        assert ids(place="الميادين") == [article_id]
        assert ids(place="الرقة") == []
        assert ids(publisher="الحل السوري") == [article_id]
        assert ids(publisher="example.org") == [article_id]
        assert ids(hashtag="#دير_الزور") == [article_id]
        assert ids(speaker="أبو محمد") == [article_id]
        assert ids(anonymous_only=True) == [article_id]
        assert ids(topic="conflict") == [article_id]
        assert ids(event_type="Battles") == [article_id]
        assert ids(since=date(2024, 5, 1), until=date(2024, 5, 2)) == [article_id]
        assert ids(since=date(2024, 5, 3)) == []
        facets = store.search("داعش").facets
        assert facets["places"][0].value == "الشحيل"
        assert {v.value for v in facets["entities"]} == {"تنظيم الدولة الإسلامية", "أبو محمد"}
        # a facet's key, handed back as a filter, finds the reports it counted
        for name, field in (
            ("entities", "entity"),
            ("places", "place"),
            ("hashtags", "hashtag"),
            ("publishers", "publisher"),
            ("topics", "topic"),
        ):
            for value in facets[name]:
                assert value.key is not None
                assert ids(**{field: value.key}) == [article_id], (name, value)


def test_reanalysis_knows_what_is_stale_and_replaces_facts() -> None:
    with Store(":memory:") as store:
        article_id = _put(store, _analysis())
        assert store.stale({"marsad": "0.1.0", "test": "1"}) == []
        assert store.stale({"marsad": "0.1.0", "test": "2"}) == [article_id]
        newer = _analysis()
        newer.pipeline = {"marsad": "0.1.0", "test": "2"}
        newer.events = []
        store.save_analysis(article_id, newer)
        assert store.stale({"marsad": "0.1.0", "test": "2"}) == []
        assert store.search("", Filters(event_type="Battles")).total == 0
        assert store.search("الشحيل").total == 1  # re-indexed once, not twice
        assert store.counts()["stories"] == 1


def test_near_duplicates_fold_into_one_story() -> None:
    with Store(":memory:") as store:
        first = _put(store, _analysis())
        copy = TEXT.replace("ثلاثة", "٣").replace("،", ",") + " المصدر: وكالات."
        second = _put(store, _analysis(TEXT, "https://other.net/news/77?utm_source=x", "شبكة أخرى"))
        store.save_analysis(second, _plain(copy, "https://other.net/news/77"))
        third = _put(
            store,
            _plain(
                "أعلنت وزارة الصحة افتتاح مستشفى جديد في مدينة جدة بسعة مئتي سرير.",
                "https://health.sa/1",
            ),
        )
        stories = {s.id: s for s in store.stories()}
        assert len(stories) == 2
        shared = next(s for s in stories.values() if s.article_count == 2)
        assert shared.independent_source_count == 2
        assert {a.id for a in shared.articles} == {first, second}
        assert third not in {a.id for a in shared.articles}
        republished = _put(store, _analysis(TEXT, "https://www.example.org/a/2", "الحل السوري"))
        assert store.story(shared.id).article_count == 3
        assert store.story(shared.id).independent_source_count == 2  # same publisher again
        assert republished


def test_exports_fill_only_what_is_known() -> None:
    with Store(":memory:") as store:
        article_id = _put(store, _analysis())
        out = io.StringIO()
        assert export(store, [article_id], out, "jsonl") == 1
        record = json.loads(out.getvalue())
        assert record["analysis"]["quotes"][0]["span"]["text"] == "الوضع صعب"
        assert "raw" not in record["analysis"]["document"]
        out = io.StringIO()
        export(store, [article_id], out, "csv")
        row = next(csv.DictReader(io.StringIO(out.getvalue())))
        assert row["anonymous_sources"] == "1" and row["topic"] == "conflict"
        out = io.StringIO()
        assert export(store, [article_id], out, "acled") == 2
        located, bare = list(csv.DictReader(io.StringIO(out.getvalue())))
        assert located["location"] == "الشحيل" and located["admin1"] == "دير الزور"
        assert located["latitude"] == "35.08000" and located["geo_precision"] == "1"
        assert located["actors"] == "تنظيم الدولة الإسلامية" and located["fatalities"] == "3"
        assert located["event_date"] == ""  # the report's date is not the event's
        for column in (
            "event_date",
            "location",
            "admin1",
            "admin2",
            "latitude",
            "longitude",
            "geo_precision",
            "actors",
            "fatalities",
        ):
            assert bare[column] == "", column
        assert bare["notes"] == "ما أدى إلى مقتل"
        with pytest.raises(QueryError):
            export(store, [article_id], io.StringIO(), "xml")


def test_failed_documents_are_kept_and_retried() -> None:
    with Store(":memory:") as store:
        document = Document.from_bytes(b"<html></html>", "x.html", media_type="html")
        document_id = store.put(
            "file:x.html", document, origin="test", error="E200 no article text"
        )
        assert [f.error for f in store.failures()] == ["E200 no article text"]
        assert store.stale({}) == [document_id]
        state = store.state("file:x.html")
        assert state is not None and state.has_raw and not state.analysed


def test_place_filter_finds_places_inside_an_admin_area_of_the_gazetteer() -> None:
    from marsad.places.gazetteer import gazetteer

    town = gazetteer().find("الميادين")[0]
    assert town.admin1 is not None
    text = "قصفت طائرات مجهولة مدينة الميادين شرقي البلاد."
    analysis = _plain(text, "https://example.org/mayadin")
    analysis.places = [
        Place(span=_span(text, "الميادين"), id=town.id, name=town.name, country=town.country,
              admin1=town.admin1, admin2=town.admin2, kind=town.kind)
    ]  # fmt: skip
    with Store(":memory:") as store:
        article_id = _put(store, analysis)

        def ids(place: str) -> list[int]:
            return [h.id for h in store.search("", Filters(place=place)).hits]

        assert ids("دير الزور") == [article_id]  # the governorate the town lies in
        assert ids(town.admin1) == [article_id]
        assert ids("سوريا") == [article_id]  # the country
        assert ids("الرقة") == []


def test_a_failed_reanalysis_keeps_the_earlier_analysis() -> None:
    with Store(":memory:") as store:
        article_id = _put(store, _analysis())
        store.mark_failed(article_id, "E000 internal error: the new model crashed")
        assert store.get_analysis(article_id).article.text == TEXT
        assert [f.error for f in store.failures()] == ["E000 internal error: the new model crashed"]
        assert store.stale({"marsad": "0.2.0"}) == [article_id]
        store.save_analysis(article_id, _analysis())
        assert store.failures() == []


@pytest.mark.parametrize("full", [True, False])
def test_optimizing_merges_the_search_index_and_keeps_every_hit(full: bool) -> None:
    with Store(":memory:") as store:
        for n in range(40):  # each write is a transaction of its own: a segment each
            _put(store, _plain(f"قصف مدفعي على بلدة رقم {n} في ريف حلب.", f"https://e.org/{n}"))

        def segments() -> int:
            sql = "SELECT count(DISTINCT segid) FROM search_index_idx"
            return int(store.connection.execute(sql).fetchone()[0])

        before = segments()
        hits = store.search("قصف").total
        store.optimize(full=full)
        assert segments() < before
        assert segments() == 1 or not full
        assert store.search("قصف").total == hits == 40
