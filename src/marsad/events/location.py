"""The name a reader sees for an event's place, shared by the terminal view and the export."""

from __future__ import annotations

from collections.abc import Sequence

from marsad.model import Event, Place


def event_location(event: Event, places: Sequence[Place]) -> tuple[str, Place | None]:
    """(the name, the gazetteer place that codes the event). The gazetteer's name when the
    report names that place; the name as written when the gazetteer lacks it ("بلدتي الوهط
    وصبر في محافظة لحج": الوهط, coded at Lahij); empty when the event has no place."""
    coded = next((p for p in places if event.place_id and p.id == event.place_id), None)
    named = event.place_span
    if named is not None and not any(
        p.id == event.place_id and p.span.start == named.start for p in places
    ):
        return named.text, coded
    if coded is not None:
        return shown_name(coded), coded
    return (named.text if named else ""), None


def shown_name(place: Place) -> str:
    """The gazetteer's name of a place, else its name as the report writes it."""
    return place.name or place.span.text
