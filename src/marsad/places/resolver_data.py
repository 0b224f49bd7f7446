"""Weights of the place resolver: data, tuned on nothing but their meaning (see docs/places.md)."""

from __future__ import annotations

# Importance of a reading before context: kind, then log10(population) times a weight.
KIND_PRIOR: dict[str, float] = {
    "continent": 4.0,
    "region": 6.0,  # regions carry no population
    "country": 1.0,  # countries carry theirs
    "governorate": 5.0,  # admin units often carry none: weigh them as a city of 100,000
    "district": 3.0,
    "subdistrict": 2.0,
    "city": 0.5,
    "town": 0.0,
    "village": -0.5,
    "other": -1.0,
}
POPULATION_WEIGHT = 1.0
UNKNOWN_POPULATION = 1_000  # a populated place whose population GeoNames does not know

# Arabic news names places of the Arabic-speaking world more than same-named places
# elsewhere (Arab League members).
ARABIC_SPEAKING = frozenset(
    {"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS",
     "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE"}
)  # fmt: skip
SPEAKS_ARABIC = 1.0

# Context from the report's unambiguous places.
CONTEXT_COUNTRY = 1.5  # same country as one of them
CONTEXT_MAIN_COUNTRY = 0.5  # … and it is the country named most
CONTEXT_ADMIN1 = 1.5  # same governorate as one of them
CONTEXT_NEAR = 1.0  # within NEAR_KM of one of them
NEAR_KM = 150.0

# The best reading must beat the next by this much, or the name stays unresolved.
MARGIN = 1.0
# A bare name shared by a governorate and its capital reads as the town, unless the capital
# is this small: then the news means the governorate ("لحج", "الضالع", "مأرب", "صعدة" in
# Yemen, whose capitals the news calls by other names or by "مدينة"). At 60,000 Jordan's
# المفرق (57,000) turned governorate where ANERcorp's reader meant the town.
SMALL_CAPITAL = 55_000
MAX_CANDIDATES = 5

# A same-named populated place this close to an area's point is its seat.
SEAT_KM = 40.0

# ACLED-style geo precision of a direct mention, by kind.
PRECISION: dict[str, int] = {
    "continent": 3,
    "region": 3,
    "country": 3,
    "governorate": 3,
    "district": 2,
    "subdistrict": 2,
    "city": 1,
    "town": 1,
    "village": 1,
    "other": 2,
}
