"""Opens the corpus store for the server (placeholder until the store lands)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def open_corpus(db: Path | None, *, read_only: bool) -> Any:
    return None
