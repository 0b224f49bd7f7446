"""Choose the place each found name refers to, from the report's own context.

A name can point at several gazetteer entries. Entries that are the same place at two
levels — a governorate and its same-named capital, a district and its seat, a country and
its same-named capital — are *related*, not competing: a bare name reads as the town (or
the country), ``محافظة X`` as the governorate, ``ريف X`` as the area around it. Unrelated
entries compete on importance (kind, population) and on context: the countries and
governorates of the report's unambiguous places, and distance to them. A name whose best
reading does not clearly win stays unresolved, with its candidates kept.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from marsad.model import Place, PlaceCandidate, Span
from marsad.places.finder import NameMatch
from marsad.places.gazetteer import POPULATED_KINDS, Gazetteer, GazetteerEntry, entry_km, km
from marsad.places.resolver_data import (
    ARABIC_SPEAKING,
    CONTEXT_ADMIN1,
    CONTEXT_COUNTRY,
    CONTEXT_MAIN_COUNTRY,
    CONTEXT_NEAR,
    KIND_PRIOR,
    MARGIN,
    MAX_CANDIDATES,
    NEAR_KM,
    POPULATION_WEIGHT,
    PRECISION,
    SEAT_KM,
    SMALL_CAPITAL,
    SPEAKS_ARABIC,
    UNKNOWN_POPULATION,
)

BROAD_KINDS = frozenset({"continent", "region", "country"})
MEMO_LIMIT = 100_000  # names whose candidate readings are memoised

# Candidate readings of a name: (the entry it means, the related entries it stands for).
Options = list[tuple[GazetteerEntry, list[GazetteerEntry]]]
# The entry chosen (None: no reading clearly wins) and every reading scored.
Decision = tuple[GazetteerEntry | None, list[tuple[float, GazetteerEntry]]]


@dataclass
class Context:
    """What the report's unambiguous places say about where it is."""

    countries: Counter[str]
    admin1: set[str]
    points: list[tuple[float, float]]

    @classmethod
    def empty(cls) -> Context:
        return cls(Counter(), set(), [])

    def add(self, entry: GazetteerEntry) -> None:
        if entry.country:
            self.countries[entry.country] += 1
        if entry.admin1:
            self.admin1.add(entry.admin1)
        if entry.kind == "governorate":
            self.admin1.add(entry.id)
        if entry.lat is not None and entry.lon is not None and entry.kind not in BROAD_KINDS:
            self.points.append((entry.lat, entry.lon))


class PlaceResolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._groups_memo: dict[tuple[tuple[int, ...], frozenset[str] | None, str], Options] = {}

    def clear_caches(self) -> None:
        """Forget the candidate readings memoised per name (a benchmark's cold pass)."""
        self._groups_memo.clear()

    def resolve(
        self, text: str, matches: Sequence[NameMatch], homes: Counter[str] | None = None
    ) -> list[Place]:
        """Two passes: the unambiguous names set the context for the others, then what
        the first pass decided sets it for the second. A name never votes for itself.
        ``homes``: countries the report's actors come from, context as its places are."""
        groups = [self._options(match) for match in matches]
        known: dict[str, list[GazetteerEntry]] = defaultdict(list)
        for match, options in zip(matches, groups, strict=True):
            if _unambiguous(options):
                known[match.key].append(options[0][0])
        decided = self._decide_all(matches, groups, known, homes)
        known = defaultdict(list)
        for match, (entry, _) in zip(matches, decided, strict=True):
            if entry is not None:
                known[match.key].append(entry)
        decided = self._decide_all(matches, groups, known, homes)
        return [
            self._place(text, match, entry, scored)
            for match, (entry, scored) in zip(matches, decided, strict=True)
        ]

    def _decide_all(
        self,
        matches: Sequence[NameMatch],
        groups: list[Options],
        known: dict[str, list[GazetteerEntry]],
        homes: Counter[str] | None,
    ) -> list[Decision]:
        memo: dict[tuple[str, frozenset[str] | None, str], Decision] = {}
        out: list[Decision] = []
        for match, options in zip(matches, groups, strict=True):
            if _unambiguous(options):  # nothing to choose: no context needed
                out.append((options[0][0], [(0.0, options[0][0])]))
                continue
            memo_key = (match.key, match.kinds, match.relation)
            if memo_key not in memo:  # one reading per name in a report
                context = Context.empty()
                context.countries.update(homes or {})
                for key, entries in known.items():
                    if key != match.key:
                        for entry in entries:
                            context.add(entry)
                scored = self._score(options, context)
                memo[memo_key] = (_decide(scored), scored)
            out.append(memo[memo_key])
        return out

    # ------------------------------------------------------------------ candidates

    def _options(self, match: NameMatch) -> Options:
        """:meth:`_groups`, memoised: the same name with the same designator reads the
        same whatever the report (the report's context only scores the readings)."""
        memo_key = (match.places, match.kinds, match.relation)
        options = self._groups_memo.get(memo_key)
        if options is None:
            options = self._groups(match)
            if len(self._groups_memo) < MEMO_LIMIT:
                self._groups_memo[memo_key] = options
        return options

    def _groups(self, match: NameMatch) -> Options:
        """Candidate readings: (the entry this mention means, the related entries it
        stands for). Designator kinds filter first; related entries fold together."""
        entries = [self.gazetteer.entries[n] for n in match.places]
        if match.kinds:
            wanted = [e for e in entries if e.kind in match.kinds]
            entries = wanted or entries
        groups: list[list[GazetteerEntry]] = []
        for entry in sorted(entries, key=_level):
            for group in groups:
                if any(self._related(entry, other) for other in group):
                    group.append(entry)
                    break
            else:
                groups.append([entry])
        return [(self._representative(group, match), group) for group in groups]

    def _related(self, a: GazetteerEntry, b: GazetteerEntry) -> bool:
        if a.country != b.country or a.country is None:
            return False
        if b.id in self.gazetteer.areas_of(a.id) or a.id in self.gazetteer.areas_of(b.id):
            return True
        return entry_km(a, b) <= SEAT_KM and (a.is_area or b.is_area)

    def _representative(self, group: list[GazetteerEntry], match: NameMatch) -> GazetteerEntry:
        """A bare name: the country over its capital, the town over its district and
        governorate, unless the town is small (``SMALL_CAPITAL``). ``ريف X``: the governorate
        when X is one (or its capital)."""
        broad = [e for e in group if e.kind in BROAD_KINDS]
        if broad:
            return broad[0]
        if match.relation == "countryside":
            governorates = [e for e in group if e.kind == "governorate"]
            if governorates:
                return governorates[0]
        populated = [e for e in group if e.kind in POPULATED_KINDS]
        governorates = [e for e in group if e.kind == "governorate"]
        if (
            governorates
            and populated
            and match.kinds is None
            and match.relation == "mention"
            and max(e.population for e in populated) < SMALL_CAPITAL
        ):
            return governorates[0]  # "لحج" bare: the governorate, not the town of 23,000
        if populated and not (
            match.kinds
            and any(e.kind in match.kinds for e in group if e.kind not in POPULATED_KINDS)
        ):
            return max(populated, key=lambda e: e.population)
        return group[0]

    def _score(
        self,
        options: Options,
        context: Context,
    ) -> list[tuple[float, GazetteerEntry]]:
        # A place with no point (Iraq's sub-districts, many named like places elsewhere:
        # "الصالحية" is a Baghdad quarter and a Jordanian town) only in its own country.
        options = [
            (e, g) for e, g in options if e.lat is not None or e.country in context.countries
        ]
        if len(options) <= 1:
            return [(0.0, e) for e, _ in options]
        main = context.countries.most_common(1)[0][0] if context.countries else None
        scored = []
        for entry, group in options:
            score = max(_prior(e) for e in group)
            if entry.country and entry.country in context.countries:
                score += CONTEXT_COUNTRY + (CONTEXT_MAIN_COUNTRY if entry.country == main else 0)
            if any(e.admin1 in context.admin1 or e.id in context.admin1 for e in group):
                score += CONTEXT_ADMIN1
            if (
                entry.lat is not None
                and entry.lon is not None
                and any(
                    km(entry.lat, entry.lon, lat, lon) <= NEAR_KM for lat, lon in context.points
                )
            ):
                score += CONTEXT_NEAR
            scored.append((score, entry))
        return sorted(scored, key=lambda pair: (-pair[0], pair[1].id))

    # ----------------------------------------------------------------------- output

    def _place(
        self,
        text: str,
        match: NameMatch,
        entry: GazetteerEntry | None,
        scored: list[tuple[float, GazetteerEntry]],
    ) -> Place:
        span = Span.of(text, match.start, match.end)
        candidates = []
        if len(scored) >= 2 or entry is None:
            candidates = [
                PlaceCandidate(
                    id=e.id, name=e.name, country=e.country, kind=e.kind, score=round(score, 2)
                )
                for score, e in scored[:MAX_CANDIDATES]
            ]
        if entry is None:
            return Place(
                span=span, relation=match.relation, entity_id=match.entity_id,
                candidates=candidates,
            )  # fmt: skip
        precision = PRECISION[entry.kind]
        if match.relation == "near":
            precision = min(3, precision + 1)
        elif match.relation == "countryside":
            precision = 3 if entry.kind in ("governorate", *BROAD_KINDS) else 2
        elif match.relation == "adjective":
            precision = 3
        return Place(
            span=span,
            id=entry.id,
            name=entry.name,
            name_en=entry.name_en,
            lat=entry.lat,
            lon=entry.lon,
            country=entry.country,
            admin1=entry.id if entry.kind == "governorate" else entry.admin1,
            admin2=entry.id if entry.kind == "district" else entry.admin2,
            kind=entry.kind,
            precision=precision,
            relation=match.relation,
            entity_id=match.entity_id,
            candidates=candidates,
        )


def _unambiguous(options: Options) -> bool:
    """One reading, with a point: a place with none (an Iraqi sub-district) waits for the
    report to name its country before it counts, or sets the context of others."""
    return len(options) == 1 and options[0][0].lat is not None


def _decide(scored: list[tuple[float, GazetteerEntry]]) -> GazetteerEntry | None:
    if not scored:
        return None
    if len(scored) == 1 or scored[0][0] - scored[1][0] >= MARGIN:
        return scored[0][1]
    return None


def _prior(entry: GazetteerEntry) -> float:
    population = entry.population
    if entry.kind in POPULATED_KINDS:
        population = max(population, UNKNOWN_POPULATION)  # GeoNames' 0 means "not known"
    score = KIND_PRIOR[entry.kind] + POPULATION_WEIGHT * math.log10(population + 1)
    if entry.country in ARABIC_SPEAKING:
        score += SPEAKS_ARABIC
    return score


def _level(entry: GazetteerEntry) -> int:
    order = ("continent", "region", "country", "governorate", "district", "subdistrict")
    return order.index(entry.kind) if entry.kind in order else len(order)
