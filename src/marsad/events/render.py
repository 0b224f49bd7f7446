"""The events section of ``marsad analyze``'s terminal view."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from marsad.events.location import event_location, shown_name
from marsad.model import Analysis, Event, Place

if TYPE_CHECKING:
    from marsad.render import View


def render_events(analysis: Analysis, view: View) -> None:
    if not analysis.events:
        return
    names = {entity.id: entity.name for entity in analysis.entities}
    view.heading("الأحداث — events")
    for number, event in enumerate(analysis.events, 1):
        view.console.print(f"[bold]{number}. {event.type} / {event.sub_type}[/]", highlight=False)
        view.field("actor 1", names.get(event.actor1 or "", event.actor1))
        view.field("actor 2", names.get(event.actor2 or "", event.actor2))
        view.field("place", _place(event, analysis.places))
        view.field("date", _date(event))
        view.field("fatalities", _fatalities(event))
        view.field("confidence", f"{event.confidence:.2f}")
        view.field("evidence", f"[{event.evidence.start}:{event.evidence.end}]")
        view.paragraph(event.evidence.text, "dim")


def _place(event: Event, places: Sequence[Place]) -> str | None:
    name, coded = event_location(event, places)
    if coded is not None and name != shown_name(coded):
        name = f"{name}, in {shown_name(coded)}"  # a place the gazetteer lacks
    elif not event.place_id:
        return f"{name} (unresolved)" if name else None
    return f"{name} (precision {event.precision})" if event.precision else name


def _date(event: Event) -> str | None:
    if event.event_date is None:
        return None
    how = f"stated: {event.date_span.text}" if event.date_span else "report date"
    return f"{event.event_date.isoformat()} ({how})"


def _fatalities(event: Event) -> str | None:
    if event.fatalities is None:
        return None
    return f"{event.fatalities} at least" if event.fatalities_at_least else str(event.fatalities)
