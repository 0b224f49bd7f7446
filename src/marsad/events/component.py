"""The ``events`` pipeline component: ACLED-style events with their evidence sentences."""

from __future__ import annotations

from pathlib import Path

from marsad.events.extractor import default_filter, extract_events
from marsad.events.filter import EventFilter
from marsad.events.taxonomy import taxonomy
from marsad.model import Analysis

FILTER_NAME = "filter.json"


class EventsComponent:
    name = "events"
    version = "5"  # 5: second strikes at unknown places; rare types kept from 0.5 (review 14)
    reads: tuple[str, ...] = (
        "article.text",
        "article.published",
        "mentions",
        "places",
        "quotes",
        "topics",
    )
    writes: tuple[str, ...] = ("events",)

    def __init__(self, event_filter: EventFilter | None = None) -> None:
        taxonomy()  # fail at load time, not on the first report, if the data is broken
        self.event_filter = event_filter or default_filter()

    def __call__(self, analysis: Analysis) -> None:
        if analysis.article.language != "ar":
            return
        analysis.events.extend(extract_events(analysis, self.event_filter))

    def to_disk(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        self.event_filter.to_disk(path / FILTER_NAME)

    @classmethod
    def from_disk(cls, path: Path) -> EventsComponent:
        return cls(EventFilter.from_disk(path / FILTER_NAME))


def events_component() -> EventsComponent:
    """Factory for ``DEFAULT_COMPONENTS``: rules, lexicons and the filter ship in the package."""
    return EventsComponent()
