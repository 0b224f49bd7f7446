"""The ``places`` pipeline component: every place in a report, resolved against the gazetteer."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from marsad.entities.registry import default_registry
from marsad.model import Analysis, Entity, Place
from marsad.places.finder import PlaceFinder
from marsad.places.gazetteer import DEFAULT_PATH, Gazetteer, gazetteer, read_gazetteer
from marsad.places.resolver import PlaceResolver


class PlacesComponent:
    name = "places"
    version = "4"  # 4: محافظة صنعاء is the governorate; Iraqi sub-districts; outlets after شبكة
    reads: tuple[str, ...] = ("article.text", "mentions", "entities")
    writes: tuple[str, ...] = ("places",)

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.finder = PlaceFinder(gazetteer)
        self.resolver = PlaceResolver(gazetteer)

    def __call__(self, analysis: Analysis) -> None:
        if analysis.article.language != "ar":
            return
        analysis.places.extend(self.places(analysis.article.text, analysis))

    def places(self, text: str, analysis: Analysis | None = None) -> list[Place]:
        """Places of ``text``; with an analysis, its LOC/PER/ORG mentions guide the search
        and the home countries of the registry actors it names (الحوثيين: Yemen) count as
        context, as the report's unambiguous places do."""
        mentions = analysis.mentions if analysis is not None else []
        homes = actor_homes(analysis.entities) if analysis is not None else Counter()
        return self.resolver.resolve(text, self.finder.find(text, mentions), homes)

    def clear_caches(self) -> None:
        """Forget what was memoised per word and per name (a benchmark's cold pass)."""
        self.finder.clear_caches()
        self.resolver.clear_caches()

    @classmethod
    def from_disk(cls, path: Path = DEFAULT_PATH) -> PlacesComponent:
        return cls(read_gazetteer(path))


def actor_homes(entities: Sequence[Entity]) -> Counter[str]:
    """Home countries of the registry actors among ``entities`` (states are places)."""
    registry = default_registry()
    homes: Counter[str] = Counter()
    for entity in entities:
        known = registry.by_id.get(entity.id) if entity.registry else None
        if known is not None and known.country:
            homes[known.country] += 1
    return homes


def places_component() -> PlacesComponent:
    """Factory for ``DEFAULT_COMPONENTS``: the gazetteer shipped in ``marsad/data/geo``."""
    return PlacesComponent(gazetteer())
