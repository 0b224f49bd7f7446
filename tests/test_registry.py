"""The entity registry: valid data, one identity per alias, clitic-aware lookups."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from marsad.entities.registry import REGISTRY_FILES, Registry, default_registry, report_country
from marsad.errors import ModelDataError

REGISTRY_DIR = Path(str(resources.files("marsad") / "data" / "registry"))


@pytest.fixture(scope="module")
def registry() -> Registry:
    return default_registry()


def test_no_alias_points_at_two_entities_of_one_type(registry: Registry) -> None:
    assert registry.problems() == []


def test_every_entry_has_id_type_name_and_source() -> None:
    ids: set[str] = set()
    for filename in REGISTRY_FILES:
        records = json.loads((REGISTRY_DIR / filename).read_text(encoding="utf-8"))["entities"]
        for record in records:
            if record["id"] in ids:  # a supplement adds names to an entity defined earlier
                assert set(record) <= {"id", "aliases", "latin", "hashtags", "weak"}
                continue
            ids.add(record["id"])
            assert record["type"] in ("PER", "ORG", "LOC", "MISC"), record["id"]
            assert record["name"].strip() and record["source"].strip(), record["id"]
            assert record["id"].split(":")[0] in ("org", "outlet", "per", "loc"), record["id"]


def test_a_few_hundred_entries(registry: Registry) -> None:
    actors = [e for e in registry.entities if e.kind != "state"]
    assert len(registry.entities) >= 300
    assert len(actors) >= 150


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("داعش", "org:islamic-state"),
        ("ISIS", "org:islamic-state"),
        ("تنظيم الدولة الإسلاميّة", "org:islamic-state"),  # with a shadda
        ("قسد", "org:sdf"),
        ("SDF", "org:sdf"),
        ("وقسد", "org:sdf"),
        ("لقوات سوريا الديمقراطية", "org:sdf"),
        ("الحشد الشعبي", "org:pmf"),
        ("بالحشد الشعبي", "org:pmf"),
        ("حزب الله", "org:hezbollah"),
        ("الجيش الوطني السوري", "org:sna"),
        ("سانا", "outlet:sana"),
        ("عنب بلدي", "outlet:enab-baladi"),
        ("المرصد السوري لحقوق الإنسان", "org:sohr"),
        ("للمرصد السوري", "org:sohr"),
        ("وسوريا", "loc:SY"),
        ("سورية", "loc:SY"),
        ("بالعراق", "loc:IQ"),
        ("الولايات المتحدة الأميركية", "loc:US"),
        ("للحوثيين", "org:houthis"),
        ("ميليشيات الحوثي", "org:houthis"),
        ("حوثياً", "org:houthis"),
        ("أنصار الله", "org:houthis"),
        ("التحالف العربي", "org:saudi-led-coalition"),
        ("والمقاومة الشعبية", "org:yemen-popular-resistance"),
        ("قوات هادي", "org:yemen-army"),
        ("تنظيم القاعدة في جزيرة العرب", "org:aqap"),
        ("المقاتلات التركية", "org:turkish-army"),
        ("طيران النظام", "org:syrian-army"),
    ],
)
def test_lookup_through_variants_and_clitics(
    registry: Registry, written: str, expected: str
) -> None:
    assert {m.entity.id for m in registry.lookup(written)} == {expected}


def test_hashtag_form_of_an_outlet(registry: Registry) -> None:
    (match,) = {m.entity.id: m for m in registry.lookup("الحل السوري")}.values()
    assert match.entity.id == "outlet:al-hal-net"
    assert "#الحل_السوري" in match.entity.alias_texts()


def test_former_name_is_time_bounded(registry: Registry) -> None:
    (match,) = registry.lookup("جبهة النصرة")
    assert match.entity.id == "org:hts"
    assert match.alias.kind == "former"
    assert match.alias.valid_on(date(2015, 7, 21))
    assert not match.alias.valid_on(date(2019, 1, 1))
    # Still the same organisation when a later report uses the old name.
    assert registry.lookup("جبهة النصرة", on=date(2019, 1, 1))[0].entity.id == "org:hts"


def test_weak_names_link_but_do_not_find(registry: Registry) -> None:
    (match,) = registry.lookup("المرصد")
    assert match.entity.id == "org:sohr"
    assert not match.alias.finds


def test_with_and_without_the_article(registry: Registry) -> None:
    assert registry.resolve("حشد الشعبي", "ORG") is not None
    assert registry.resolve("الحشد الشعبي", "ORG") is not None


def test_conflicting_alias_is_reported(tmp_path: Path) -> None:
    (tmp_path / "states.json").write_text('{"entities": []}', encoding="utf-8")
    entries = [
        {"id": "org:a", "type": "ORG", "name": "الجبهة", "source": "test"},
        {"id": "org:b", "type": "ORG", "name": "جبهة أخرى", "aliases": ["الجبهة"], "source": "t"},
    ]
    (tmp_path / "actors.json").write_text(
        json.dumps({"entities": entries}, ensure_ascii=False), encoding="utf-8"
    )
    problems = Registry.load(tmp_path).problems()
    assert len(problems) == 1 and "org:a" in problems[0] and "org:b" in problems[0]


def test_missing_file_is_a_model_data_error(tmp_path: Path) -> None:
    with pytest.raises(ModelDataError):
        Registry.load(tmp_path)


def test_a_regional_name_counts_only_in_a_report_about_its_country(registry: Registry) -> None:
    assert registry.lookup("طيران التحالف") == []
    assert {m.entity.id for m in registry.lookup("وطيران التحالف", country="YE")} == {
        "org:saudi-led-coalition"
    }
    assert {m.entity.id for m in registry.lookup("للتحالف", country="IQ")} == {
        "org:global-coalition"
    }
    # In its country a regional name shadows the other reading (the Syrian National Army).
    assert {m.entity.id for m in registry.lookup("الجيش الوطني")} == {"org:sna"}
    assert {m.entity.id for m in registry.lookup("الجيش الوطني", country="YE")} == {
        "org:yemen-army"
    }


def test_the_country_of_a_report_is_voted_by_the_registry_names_it_spells(
    registry: Registry,
) -> None:
    by_id = registry.by_id
    yemen = [by_id["org:houthis"], by_id["loc:YE"], by_id["org:islamic-state"]]
    assert report_country(yemen) == "YE"
    assert report_country([by_id["loc:IQ"], by_id["loc:SY"]]) is None  # a tie decides nothing
    assert report_country([by_id["org:islamic-state"]]) is None  # no home country
