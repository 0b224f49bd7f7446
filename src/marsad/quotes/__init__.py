"""Quotes and sources: who said what, with anonymous sources marked and never unmasked."""

from marsad.quotes.finder import Found, find_quotes

__all__ = ["Found", "find_quotes"]
