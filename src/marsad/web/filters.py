"""The search filters as query parameters, shared by ``/search`` and ``/api/search``.

An HTML form sends every field, empty ones as ``""``; those mean "no filter" here.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import HTTPException, Query

from marsad.store import Filters

# Facet name in the search results → the filter a click on its value sets.
FACET_FILTERS = {
    "entities": "entity",
    "places": "place",
    "publishers": "publisher",
    "hashtags": "hashtag",
    "topics": "topic",
}


def search_filters(
    entity: Annotated[str | None, Query(description="Entity name, alias or id.")] = None,
    place: Annotated[str | None, Query(description="Place name or id, with places inside.")] = None,
    publisher: Annotated[str | None, Query(description="Publisher name or web host.")] = None,
    hashtag: Annotated[str | None, Query(description="Hashtag, with or without '#'.")] = None,
    speaker: Annotated[str | None, Query(description="Name of a quoted source.")] = None,
    topic: Annotated[str | None, Query()] = None,
    since: Annotated[str | None, Query(description="YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="YYYY-MM-DD")] = None,
    anonymous: Annotated[bool, Query(description="Only anonymously sourced reports.")] = False,
) -> Filters:
    return Filters(
        entity=entity or None,
        place=place or None,
        publisher=publisher or None,
        hashtag=hashtag or None,
        speaker=speaker or None,
        topic=topic or None,
        since=_day(since, "since"),
        until=_day(until, "until"),
        anonymous_only=anonymous,
    )


def _day(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"{name}: expected a date as YYYY-MM-DD, got {value!r}") from None
