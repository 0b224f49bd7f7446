"""The ACLED taxonomy (event types and their sub-event types), read from shipped data."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from marsad.errors import ModelDataError

TAXONOMY_FILE = Path(__file__).resolve().parent.parent / "data" / "events" / "acled-taxonomy.json"


@lru_cache(maxsize=1)
def taxonomy() -> dict[str, tuple[str, ...]]:
    """Event type -> its sub-event types, in the codebook's order."""
    try:
        data = json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))
        return {t["type"]: tuple(s["sub_type"] for s in t["sub_types"]) for t in data["types"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelDataError(f"cannot read the event taxonomy {TAXONOMY_FILE}: {exc}") from exc


@lru_cache(maxsize=1)
def type_of() -> dict[str, str]:
    """Sub-event type -> its event type (sub-type names are unique in the codebook)."""
    return {sub: event_type for event_type, subs in taxonomy().items() for sub in subs}
