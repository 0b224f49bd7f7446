"""Events and topics in the corpus store: search filters and the ACLED-like export, end to end."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

from marsad.model import Analysis, Article, Document
from marsad.pipeline import default_pipeline
from marsad.store import Filters, Store, export

PUBLISHED = date(2015, 8, 2)
STRIKE = (
    "شنت طائرات التحالف العربي أمس غارات على مواقع لميليشيات الحوثي في محافظة صعدة، "
    "ما أدى إلى مقتل 12 مسلحا."
)
ADVANCE = "وفي تعز، تقدمت قوات المقاومة الشعبية نحو جبل صبر بعد اشتباكات عنيفة مع الحوثيين."
URL = "https://example.org/yemen/1"


def _report() -> Analysis:
    text = STRIKE + "\n" + ADVANCE
    document = Document.from_bytes(text.encode(), URL, url=URL, media_type="text")
    article = Article(text=text, published=PUBLISHED, publisher="الرياض", url=URL)
    return default_pipeline().run(Analysis(document=document, article=article))


def test_search_filters_by_event_type_sub_type_and_topic() -> None:
    analysis = _report()
    assert {(e.type, e.sub_type) for e in analysis.events} == {
        ("Explosions/Remote violence", "Air/drone strike"),
        ("Battles", "Armed clash"),
    }
    with Store(":memory:") as store:
        store.put("url:" + URL, analysis.document, origin="test", analysis=analysis)

        def total(**filters: str) -> int:
            return store.search("", Filters(**filters)).total  # type: ignore[arg-type]

        assert total(event_type="Explosions/Remote violence") == 1
        assert total(event_type="Air/drone strike") == 1
        assert total(event_type="Battles") == 1
        assert total(event_type="Protests") == 0
        topic = analysis.topics[0]
        assert total(topic=topic.label) == (1 if topic.probability >= 0.5 else 0)
        assert total(topic="sport") == 0


def test_the_acled_export_is_filled_from_the_events_and_invents_nothing() -> None:
    analysis = _report()
    with Store(":memory:") as store:
        article_id = store.put("url:" + URL, analysis.document, origin="test", analysis=analysis)
        out = io.StringIO()
        assert export(store, [article_id], out, "acled") == 2
    strike, advance = csv.DictReader(io.StringIO(out.getvalue()))
    assert (strike["event_type"], strike["sub_event_type"]) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert strike["event_date"] == (PUBLISHED - timedelta(days=1)).isoformat()  # أمس
    assert strike["fatalities"] == "12"
    assert strike["notes"] == STRIKE  # the evidence sentence
    assert strike["source"] == "الرياض"
    assert strike["location"] and strike["geo_precision"]
    assert not strike["admin1"].startswith(("geonames:", "iso:"))  # by name, not by id
    assert advance["sub_event_type"] == "Armed clash"
    assert advance["event_date"] == ""  # no date stated: the report's date is not used
    assert advance["fatalities"] == ""  # no toll stated
    assert advance["notes"] == ADVANCE
    # The parties are registry entities, named by their canonical names; the target of the
    # strike (مواقع لميليشيات الحوثي) is actor 2, never actor 1.
    assert (strike["actor1"], strike["actor2"]) == ("تحالف دعم الشرعية في اليمن", "أنصار الله")
    assert strike["actors"] == "تحالف دعم الشرعية في اليمن; أنصار الله"
    assert (advance["actor1"], advance["actor2"]) == ("المقاومة الشعبية", "أنصار الله")


def test_the_acled_export_leaves_actors_empty_when_no_party_is_an_entity() -> None:
    text = "قتل خمسة مدنيين أمس في قصف مدفعي على حي الوعر في مدينة حمص."
    document = Document.from_bytes(text.encode(), URL, url=URL, media_type="text")
    article = Article(text=text, published=PUBLISHED, url=URL)
    analysis = default_pipeline().run(Analysis(document=document, article=article))
    with Store(":memory:") as store:
        article_id = store.put("url:" + URL, analysis.document, origin="test", analysis=analysis)
        out = io.StringIO()
        assert export(store, [article_id], out, "acled") == 1
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["sub_event_type"] == "Shelling/artillery/missile attack"
    assert row["actor1"] == row["actor2"] == row["actors"] == ""
    assert row["fatalities"] == "5"
