"""Pages and API over a stored corpus (the hand-read seed report and real SaudiNewsNet
reports), through the whole app in-process."""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from urllib.parse import quote

import pytest

from marsad.model import Analysis
from marsad.store import Store
from marsad.web import WebSettings, create_app
from tests.web_corpus import build_corpus

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    db = tmp_path_factory.mktemp("corpus") / "corpus.db"
    return db, build_corpus(db)


@pytest.fixture(scope="module")
def client(corpus: tuple[Path, int]) -> TestClient:
    return TestClient(create_app(WebSettings(db=corpus[0], allowed_hosts=("testserver",))))


def test_latest_stories_show_article_and_source_counts(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert '<html lang="ar" dir="rtl">' in page.text
    assert page.text.count('class="card"') >= 10
    assert "مصادر" in page.text and "تقارير" in page.text


def test_the_report_page_highlights_and_links(client: TestClient, corpus) -> None:  # type: ignore[no-untyped-def]
    _, seed = corpus
    page = client.get(f"/articles/{seed}").text
    assert 'class="quote anon"' in page
    assert f'href="/entities/{quote("محمد العمر", safe="")}"' in page
    assert 'href="/places/gold-place' in page
    assert 'href="/hashtags/' in page
    assert '<details class="boilerplate">' in page and "نشرتنا البريدية" in page


def test_search_has_snippets_facets_and_filters(client: TestClient) -> None:
    page = client.get("/search", params={"q": "داعش"}).text
    assert "<mark>" in page
    facet_links = re.findall(r'href="(/search\?[^"]*(?:entity|publisher|hashtag)=[^"]*)"', page)
    assert facet_links
    narrowed = client.get(facet_links[0].replace("&amp;", "&"))
    assert narrowed.status_code == 200 and 'class="active-filters"' in narrowed.text
    empty_form = client.get("/search", params={"q": "العراق", "since": "", "entity": ""})
    assert empty_form.status_code == 200, "an empty form field means no filter"
    assert client.get("/search", params={"since": "yesterday"}).status_code == 422


def test_entity_page_has_quotes_timeline_and_company(client: TestClient) -> None:
    page = client.get("/entities/" + quote("محمد العمر")).text
    assert "الانشقاقات توالت بالعشرات" in page
    assert '<svg class="timeline"' in page
    assert "تنظيم الدولة الإسلامية" in page  # named in the same report
    anonymous = client.get("/entities/" + quote("ح.م"))
    assert anonymous.status_code == 404, "an anonymous source has no entity page"


def test_place_and_hashtag_pages(client: TestClient) -> None:
    place = client.get("/places/" + quote("gold-place:5")).text
    assert '<figure class="map"><svg' in place and 'class="land focus"' in place
    assert client.get("/hashtags/" + quote("دير_الزور")).status_code == 200
    assert client.get("/hashtags/" + quote("#لا_يوجد")).status_code == 404


def test_api_returns_the_cli_json_for_a_stored_report(client: TestClient, corpus) -> None:  # type: ignore[no-untyped-def]
    db, seed = corpus
    listed = client.get("/api/articles", params={"limit": 5}).json()
    assert len(listed) == 5 and {"id", "title", "publisher", "day"} <= set(listed[0])
    body = client.get(f"/api/articles/{seed}")
    with Store(db) as store:
        stored = store.get_analysis(seed, include_raw=False)
    assert body.text == stored.to_json()
    assert Analysis.model_validate_json(body.text).quotes
    assert client.get("/api/articles/999999").status_code == 404


def test_api_search_entities_places_stories(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "سوريا", "limit": 3}).json()
    assert found["total"] >= 1 and len(found["hits"]) <= 3 and "entities" in found["facets"]
    entity = client.get("/api/entities/" + quote("محمد العمر")).json()
    assert entity["quotes"] and entity["type"] == "PER"
    place = client.get("/api/places/" + quote("gold-place:5")).json()
    assert place["country"] == "SY" and place["article_count"] >= 1
    stories = client.get("/api/stories", params={"limit": 3}).json()
    assert stories and "independent_source_count" in stories[0]
    assert client.get(f"/api/stories/{stories[0]['id']}").json()["articles"]


def test_writes_need_the_admin_token(corpus) -> None:  # type: ignore[no-untyped-def]
    db, _ = corpus
    report = {"content": "أعلنت وزارة الصحة في بغداد وصول فرق طبية إلى الموصل لمساعدة النازحين."}
    read_only = TestClient(create_app(WebSettings(db=db, allowed_hosts=("testserver",))))
    assert read_only.post("/api/articles", json=report).status_code == 403
    admin = TestClient(
        create_app(WebSettings(db=db, admin_token="s3cret", allowed_hosts=("testserver",)))
    )
    wrong = {"authorization": "Bearer guess"}
    assert admin.post("/api/articles", json=report, headers=wrong).status_code == 401
    saved = admin.post("/api/articles", json=report, headers={"authorization": "Bearer s3cret"})
    assert saved.status_code == 201
    assert "الموصل" in admin.get(f"/api/articles/{saved.json()['id']}").json()["article"]["text"]


def test_an_admin_area_page_includes_the_places_inside_it(tmp_path: Path) -> None:
    from marsad.model import Place
    from tests.web_corpus import extracted

    reports = {
        "دير الزور": "قالت مصادر محلية إن محافظة دير الزور شهدت اشتباكات عنيفة يوم الأحد.",
        "الميادين": "قصفت طائرات مجهولة مدينة الميادين شرقي سوريا فجر اليوم.",
    }
    gazetteer = {
        "دير الزور": {"id": "sy-deir", "kind": "governorate", "lat": 35.33, "lon": 40.14},
        "الميادين": {
            "id": "sy-mayadin", "kind": "city", "lat": 35.02, "lon": 40.45, "admin1": "sy-deir",
        },
    }  # fmt: skip
    db = tmp_path / "places.db"
    with Store(db) as store:
        for name, text in reports.items():
            analysis = extracted(text)
            start = analysis.article.text.index(name)
            analysis.places.append(
                Place(span=analysis.article.span(start, start + len(name)), name=name,
                      country="SY", **gazetteer[name])  # type: ignore[arg-type]
            )  # fmt: skip
            store.put(f"test:{name}", analysis.document, origin="test", analysis=analysis)
    client = TestClient(create_app(WebSettings(db=db, allowed_hosts=("testserver",))))
    area = client.get("/api/places/sy-deir").json()
    assert area["article_count"] == 2
    assert [p["id"] for p in area["inside"]] == ["sy-mayadin"]
    city = client.get("/api/places/sy-mayadin").json()
    assert [(a["key"], a["label"]) for a in city["hierarchy"]] == [("sy-deir", "دير الزور")]
    page = client.get("/places/sy-deir").text
    assert page.count("<circle") == 2


def test_a_gazetteer_place_shows_the_areas_it_lies_in(tmp_path: Path) -> None:
    """Mosul (GeoNames 99072) lies in its district, Nineveh and Iraq: the page names them
    from the shipped gazetteer even when no report names those areas."""
    from marsad.model import Place
    from marsad.places.gazetteer import gazetteer
    from tests.web_corpus import extracted

    mosul = gazetteer().lookup("geonames:99072")
    assert mosul is not None
    analysis = extracted("أعلنت القوات العراقية تقدمها نحو أطراف الموصل صباح اليوم.")
    start = analysis.article.text.index("الموصل")
    analysis.places.append(
        Place(span=analysis.article.span(start, start + 6), id=mosul.id, name=mosul.name,
              kind=mosul.kind, country=mosul.country, admin1=mosul.admin1, admin2=mosul.admin2,
              lat=mosul.lat, lon=mosul.lon)
    )  # fmt: skip
    db = tmp_path / "mosul.db"
    with Store(db) as store:
        store.put("test:mosul", analysis.document, origin="test", analysis=analysis)
    client = TestClient(create_app(WebSettings(db=db, allowed_hosts=("testserver",))))
    areas = client.get("/api/places/geonames:99072").json()["hierarchy"]
    assert areas[0]["kind"] == "country" and len(areas) >= 2
    assert client.get("/api/places/" + mosul.admin1).json()["article_count"] == 1
    page = client.get("/places/geonames:99072").text
    assert 'class="crumbs"' in page and "العراق" in page
