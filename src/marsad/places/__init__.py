"""Places: offline geocoding of Arabic place names against the shipped gazetteer."""

from marsad.places.gazetteer import Gazetteer, GazetteerEntry, gazetteer

__all__ = ["Gazetteer", "GazetteerEntry", "gazetteer"]
