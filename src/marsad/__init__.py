"""Marsad: Arabic news reports into structured, searchable, attributable knowledge."""

from marsad.pipeline import analyze

__version__ = "0.1.0"
__all__ = ["__version__", "analyze"]
