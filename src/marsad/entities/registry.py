"""The entity registry: one stable identity for every alias of an actor, outlet or state.

The data lives in ``marsad/data/registry/*.json`` (hand-curated actors and outlets, and
states built from CLDR by ``scripts/build_registry.py``). Every name is indexed by its
matching key; lookups try the clitic-stripped readings of a mention (``وسوريا`` →
``سوريا``, ``بدير الزور`` → ``دير الزور``), so the table stores each name once.

``weak`` names (``المرصد``, ``الجزيرة``) link a mention the tagger already found but never
create a mention on their own: out of context they are ordinary words. ``regional`` names
(``التحالف``: the Saudi-led coalition in a report on Yemen, the US-led one in a report on
Syria or Iraq) count only in a report about their country (:func:`report_country`).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal, cast

from marsad.arabic import clitic_stems, match_key, strip_article
from marsad.errors import ModelDataError
from marsad.model import EntityType

AliasKind = Literal["name", "alias", "latin", "hashtag", "former", "weak", "article", "regional"]
REGISTRY_FILES = ("states.json", "actors.json")  # later files add aliases to earlier ids
SHORT_LATIN = 2  # Latin aliases this short (IS, AP, US) only link, never find


@dataclass(frozen=True, slots=True)
class Alias:
    text: str
    key: str
    kind: AliasKind
    valid_from: str | None = None  # ISO date prefix (YYYY, YYYY-MM or YYYY-MM-DD)
    valid_until: str | None = None
    country: str | None = None  # a regional alias: ISO code of the reports it counts in

    @property
    def finds(self) -> bool:
        """Whether this alias may create a mention by itself (not only link one); a hashtag
        form finds only hashtags (``#الحل_السوري``), never the same words written out."""
        if self.kind in ("weak", "article", "hashtag"):
            return False
        return not (self.kind == "latin" and len(self.key) <= SHORT_LATIN)

    def counts_in(self, country: str | None) -> bool:
        """Whether the alias names its entity in a report about ``country``."""
        return self.kind != "regional" or self.country == country

    def valid_on(self, day: date) -> bool:
        iso = day.isoformat()
        if self.valid_from and iso < self.valid_from:
            return False
        return not (self.valid_until and iso[: len(self.valid_until)] > self.valid_until)


@dataclass(slots=True)
class RegistryEntity:
    id: str
    type: EntityType
    name: str
    kind: str = ""
    latin: list[str] = field(default_factory=list)
    aliases: list[Alias] = field(default_factory=list)
    source: str = ""
    country: str | None = None  # where the actor is at home: evidence of a report's country

    def arabic_names(self) -> list[str]:
        """Arabic names that may find a mention in any report (for the tagger's gazetteer)."""
        return [a.text for a in self.aliases if a.finds and a.kind not in ("latin", "regional")]

    def alias_texts(self) -> list[str]:
        """Every written form except the canonical name, for display."""
        seen = {self.name: None}
        for alias in self.aliases:
            if alias.kind != "article":
                seen.setdefault(alias.text if alias.kind != "hashtag" else "#" + alias.text, None)
        return list(seen)[1:]


@dataclass(frozen=True, slots=True)
class RegistryMatch:
    entity: RegistryEntity
    alias: Alias


class Registry:
    """Canonical entities and an index from matching keys to them."""

    def __init__(self, entities: list[RegistryEntity]) -> None:
        self.entities = entities
        self.by_id = {e.id: e for e in entities}
        self.index: dict[str, list[RegistryMatch]] = defaultdict(list)
        for entity in entities:
            for alias in entity.aliases:
                self.index[alias.key].append(RegistryMatch(entity, alias))
        finding = [k for k, matches in self.index.items() if any(m.alias.finds for m in matches)]
        self.regional_countries = frozenset(
            a.country for e in entities for a in e.aliases if a.country is not None
        )
        self.phrase_index = (
            frozenset(k.split(" ")[0] for k in finding),
            max((k.count(" ") + 1 for k in finding), default=0),
        )

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, folder: Path | None = None) -> Registry:
        folder = folder or Path(str(resources.files("marsad") / "data" / "registry"))
        merged: dict[str, RegistryEntity] = {}
        for filename in REGISTRY_FILES:
            path = folder / filename
            if not path.exists():
                raise ModelDataError(f"entity registry file {path} is missing")
            try:
                records = json.loads(path.read_text(encoding="utf-8"))["entities"]
            except (ValueError, KeyError) as error:
                raise ModelDataError(f"entity registry file {path} is corrupt: {error}") from error
            for record in records:
                _merge(merged, record, path)
        return cls(list(merged.values()))

    # ------------------------------------------------------------------ lookup

    def lookup(
        self, text: str, *, on: date | None = None, country: str | None = None
    ) -> list[RegistryMatch]:
        """Entities a mention may name: the first clitic reading of its key that is known.

        Former names resolve to their successor (جبهة النصرة → هيئة تحرير الشام); with
        ``on``, a former name used after it was dropped still resolves, but its alias is
        reported so callers can tell. Regional names count only with their ``country``,
        and there before any other reading of the name.
        """
        for reading in clitic_stems(match_key(text)):
            found = self.matches(reading, country)
            if found:
                if on is not None:
                    current = [m for m in found if m.alias.valid_on(on)]
                    return current or found
                return list(found)
        return []

    def matches(self, key: str, country: str | None = None) -> list[RegistryMatch]:
        """The entities one matching key names in a report about ``country``."""
        return in_country(self.index.get(key, []), country)

    def resolve(
        self,
        text: str,
        label: str | None = None,
        country: str | None = None,
        *,
        hashtag: bool = True,
    ) -> RegistryMatch | None:
        """The one entity a mention names, if exactly one of the right type is known.

        ``hashtag=False``: a mention written as words, for which a hashtag form says
        nothing (``#الحل_السوري`` is the outlet, "الحل السوري" the Syrian solution).
        """
        matches = self.lookup(text, country=country)
        if not hashtag:
            matches = [m for m in matches if m.alias.kind != "hashtag"]
        if label is not None:
            matches = [m for m in matches if m.entity.type == label]
        ids = {m.entity.id for m in matches}
        return matches[0] if len(ids) == 1 else None

    def problems(self) -> list[str]:
        """Aliases that silently point at two entities of one type (should be none): in
        every report, or in the reports of one country (regional names, which there
        shadow the others)."""
        found = []
        for key, matches in self.index.items():
            by_type: dict[str, set[str]] = defaultdict(set)
            for m in matches:
                if m.alias.kind != "article":
                    by_type[f"{m.entity.type} in {m.alias.country or 'any'}"].add(m.entity.id)
            for kind, ids in by_type.items():
                if len(ids) > 1:
                    found.append(f"{key!r} ({kind}) names {sorted(ids)}")
        return found


def _aliases(record: dict[str, object]) -> Iterator[Alias]:
    def strings(name: str) -> list[str]:
        return [str(v) for v in cast("list[object]", record.get(name) or [])]

    weak = strings("weak")
    if record.get("name"):  # a canonical name can be weak too: الجزيرة is also a region
        yield _alias(str(record["name"]), "weak" if record["name"] in weak else "name")
    for text in strings("aliases"):
        yield _alias(text, "alias")
    for text in weak:
        if text != record.get("name"):
            yield _alias(text, "weak")
    for text in strings("latin") + strings("latin_former"):
        yield _alias(text, "latin")
    for text in strings("hashtags"):
        yield Alias(text, match_key(text.replace("_", " ")), "hashtag")
    for former in cast("list[dict[str, str]]", record.get("former") or []):
        yield _alias(former["name"], "former", former.get("from"), former.get("until"))
    for country, names in cast("dict[str, list[str]]", record.get("regional") or {}).items():
        for text in names:
            yield Alias(text, match_key(text), "regional", country=country)


def _alias(
    text: str, kind: AliasKind, valid_from: str | None = None, valid_until: str | None = None
) -> Alias:
    return Alias(text, match_key(text), kind, valid_from, valid_until)


def _merge(merged: dict[str, RegistryEntity], record: dict[str, object], path: Path) -> None:
    ident = str(record.get("id", ""))
    aliases = list(_aliases(record))
    if ident in merged:  # a supplement: more names for an entity defined earlier
        entity = merged[ident]
        entity.aliases.extend(a for a in aliases if a.kind != "name")
        entity.latin.extend(str(v) for v in cast("list[object]", record.get("latin") or []))
    else:
        if not ident or record.get("type") not in ("PER", "ORG", "LOC", "MISC"):
            raise ModelDataError(f"registry entry {ident or record!r} in {path} needs id and type")
        entity = RegistryEntity(
            id=ident,
            type=cast("EntityType", record["type"]),
            name=str(record["name"]),
            kind=str(record.get("kind", "")),
            latin=[str(v) for v in cast("list[object]", record.get("latin") or [])],
            aliases=aliases,
            source=str(record.get("source", "")),
            country=cast("str | None", record.get("country")),
        )
        merged[ident] = entity
    # With or without the article: الرقة also answers to رقة (and is never a finder).
    known = {a.key for a in entity.aliases}
    for alias in list(entity.aliases):
        bare = strip_article(alias.key)
        if (
            alias.kind not in ("latin", "article", "regional")
            and bare != alias.key
            and bare not in known
        ):
            entity.aliases.append(Alias(alias.text, bare, "article"))
            known.add(bare)


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The shipped registry, loaded once per process."""
    return Registry.load()


def in_country(found: Iterable[RegistryMatch], country: str | None) -> list[RegistryMatch]:
    """The readings of a name in a report about ``country``: a regional name counts only
    there, and there before any other reading of the name."""
    counted = [m for m in found if m.alias.counts_in(country)]
    regional = [m for m in counted if m.alias.kind == "regional"]
    return regional or counted


def report_country(entities: Iterable[RegistryEntity]) -> str | None:
    """The country a report is about, by the registry entities it names: states count for
    themselves (``loc:YE``), actors for their home (الحوثيين → YE). None on a tie."""
    votes = Counter(
        e.id.removeprefix("loc:") if e.kind == "state" else e.country
        for e in entities
        if e.kind == "state" or e.country
    )
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]
