"""Given names: whether a word opens a person's name (the list is data in names_data)."""

from __future__ import annotations

from marsad.arabic.names_data import GIVEN_NAMES
from marsad.arabic.normalize import match_key

_GIVEN_NAME_KEYS = frozenset(match_key(w) for w in GIVEN_NAMES)


def opens_with_given_name(text: str) -> bool:
    """Whether ``text`` opens with a given name (حمزة فراتي, أحمد علي عبدالله صالح),
    compound ones included (عبدالله, أبو بكر); a headline (الحوثيون يقصفون عدن) does not."""
    words = text.split()
    if not words:
        return False
    first = match_key(words[0])
    return first in _GIVEN_NAME_KEYS or first.startswith(("عبد", "ابو"))
