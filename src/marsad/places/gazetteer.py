"""The shipped gazetteer: places with admin areas, and Arabic name keys that point at them.

One gzip text file (``marsad/data/geo/gazetteer.tsv.gz``) written by
``scripts/build_gazetteer.py``; sections of tab-separated rows so that it loads with plain
string splitting, once per process. Keys are matching keys of the one normaliser
(:func:`marsad.arabic.match_key`), computed at build time.
"""

from __future__ import annotations

import gzip
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.arabic import clitic_stems, match_key
from marsad.errors import ModelDataError
from marsad.model import PlaceKind

FORMAT = "marsad-gazetteer 1"
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "geo" / "gazetteer.tsv.gz"

AREA_KINDS: frozenset[str] = frozenset(
    {"continent", "region", "country", "governorate", "district", "subdistrict"}
)
POPULATED_KINDS: frozenset[str] = frozenset({"city", "town", "village"})


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place. ``admin1``/``admin2`` are ids of other entries; ``country`` is ISO alpha-2."""

    id: str
    kind: PlaceKind
    country: str | None
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    population: int
    name: str
    name_en: str

    @property
    def is_area(self) -> bool:
        return self.kind in AREA_KINDS


@dataclass(frozen=True, slots=True)
class NameEntry:
    """What one name key points at; ``bare`` is False for names that are also common words
    and count only after a designator (``قرية X``) or when a NER model labels them LOC."""

    places: tuple[int, ...]
    bare: bool


class Gazetteer:
    def __init__(
        self,
        entries: Sequence[GazetteerEntry],
        names: dict[str, NameEntry],
        adjectives: dict[str, int],
    ) -> None:
        self.entries = list(entries)
        self.names = names
        self.adjectives = adjectives
        self.index = {entry.id: number for number, entry in enumerate(self.entries)}
        self.max_words = max((key.count(" ") + 1 for key in names), default=1)
        # First words of names of two words or more: a scan looks further only after one.
        self.first_words = frozenset(key.partition(" ")[0] for key in names if " " in key)
        self._country_ids = {
            e.country: e.id for e in self.entries if e.kind == "country" and e.country
        }

    # ------------------------------------------------------------------ the public API

    def lookup(self, place_id: str) -> GazetteerEntry | None:
        """The entry with this id (``geonames:170794``, ``iso:IQ-AN`` …), or None."""
        number = self.index.get(place_id)
        return None if number is None else self.entries[number]

    def country_id(self, country: str) -> str | None:
        """The entry id of a country given its ISO alpha-2 code."""
        return self._country_ids.get(country)

    def areas_of(self, place_id: str) -> tuple[str, ...]:
        """The place itself and every area it lies in, smallest first: admin2, admin1,
        country. Index a report under these ids and a search for a governorate finds the
        reports about towns inside it."""
        entry = self.lookup(place_id)
        if entry is None:
            return ()
        chain = [entry.id]
        for area in (entry.admin2, entry.admin1):
            if area and area not in chain:
                chain.append(area)
        country = self.country_id(entry.country) if entry.country else None
        if country and country not in chain:
            chain.append(country)
        return tuple(chain)

    def contains(self, area_id: str, place_id: str) -> bool:
        """True when ``place_id`` is ``area_id`` or lies inside it."""
        return area_id in self.areas_of(place_id)

    def find(self, name: str) -> list[GazetteerEntry]:
        """Entries an Arabic name may refer to (clitics and ``ال`` allowed), most important
        first: the look-up behind a search box."""
        for reading in clitic_stems(match_key(name.replace("_", " ").lstrip("#"))):
            hit = self.names.get(reading)
            if hit is not None:
                found = [self.entries[n] for n in hit.places]
                return sorted(found, key=lambda e: (not e.is_area, -e.population))
        return []

    def __len__(self) -> int:
        return len(self.entries)


# ---------------------------------------------------------------------- file format


def write_gazetteer(
    path: Path,
    entries: Sequence[GazetteerEntry],
    names: dict[str, NameEntry],
    adjectives: dict[str, int],
) -> None:
    """Write deterministically (sorted keys, fixed gzip mtime) so rebuilds are comparable."""
    lines = [FORMAT, "@places"]
    for e in entries:
        lat = "" if e.lat is None else f"{e.lat:.5f}"
        lon = "" if e.lon is None else f"{e.lon:.5f}"
        fields = (e.id, e.kind, e.country, e.admin1, e.admin2, lat, lon, str(e.population))
        lines.append("\t".join([*(f or "" for f in fields), e.name, e.name_en]))
    lines.append("@names")
    for key in sorted(names):
        hit = names[key]
        lines.append(f"{key}\t{'b' if hit.bare else 'd'}\t{','.join(map(str, hit.places))}")
    lines.append("@adjectives")
    lines.extend(f"{key}\t{adjectives[key]}" for key in sorted(adjectives))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(data)


def read_gazetteer(path: Path = DEFAULT_PATH) -> Gazetteer:
    if not path.exists():
        raise ModelDataError(f"gazetteer not found at {path}; run scripts/build_gazetteer.py")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    if not lines or lines[0] != FORMAT:
        raise ModelDataError(f"{path} is not a {FORMAT!r} file")
    sections = _sections(lines[1:])
    entries = [_entry(row.split("\t")) for row in sections["@places"]]
    names: dict[str, NameEntry] = {}
    for row in sections["@names"]:
        key, flag, places = row.split("\t")
        names[key] = NameEntry(tuple(int(n) for n in places.split(",")), flag == "b")
    adjectives = {}
    for row in sections["@adjectives"]:
        key, number = row.split("\t")
        adjectives[key] = int(number)
    return Gazetteer(entries, names, adjectives)


def _sections(lines: Iterable[str]) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {"@places": [], "@names": [], "@adjectives": []}
    current: list[str] | None = None
    for line in lines:
        if line.startswith("@"):
            current = sections[line]
        elif line and current is not None:
            current.append(line)
    return sections


def _entry(fields: list[str]) -> GazetteerEntry:
    id_, kind, country, admin1, admin2, lat, lon, population, name, name_en = fields
    return GazetteerEntry(
        id=id_,
        kind=kind,  # type: ignore[arg-type]  # written from PlaceKind values only
        country=country or None,
        admin1=admin1 or None,
        admin2=admin2 or None,
        lat=float(lat) if lat else None,
        lon=float(lon) if lon else None,
        population=int(population),
        name=name,
        name_en=name_en,
    )


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def entry_km(a: GazetteerEntry, b: GazetteerEntry) -> float:
    """Distance between two entries' points (infinite when one has none)."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    return km(a.lat, a.lon, b.lat, b.lon)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, read once per process."""
    return read_gazetteer(DEFAULT_PATH)
