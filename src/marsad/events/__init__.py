"""ACLED-style events with their evidence sentences (see docs/events.md)."""

from marsad.events.component import EventsComponent, events_component
from marsad.events.extractor import extract_events
from marsad.events.taxonomy import taxonomy

__all__ = ["EventsComponent", "events_component", "extract_events", "taxonomy"]
