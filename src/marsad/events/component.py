"""The ``events`` pipeline component: ACLED-style events with their evidence sentences."""

from __future__ import annotations

from marsad.events.extractor import extract_events
from marsad.events.taxonomy import taxonomy
from marsad.model import Analysis


class EventsComponent:
    name = "events"
    version = "1"
    reads: tuple[str, ...] = ("article.text", "article.published", "mentions", "places", "topics")
    writes: tuple[str, ...] = ("events",)

    def __init__(self) -> None:
        taxonomy()  # fail at load time, not on the first report, if the data is broken

    def __call__(self, analysis: Analysis) -> None:
        if analysis.article.language != "ar":
            return
        analysis.events.extend(extract_events(analysis))


def events_component() -> EventsComponent:
    """Factory for ``DEFAULT_COMPONENTS``: rules and lexicons ship in the package."""
    return EventsComponent()
