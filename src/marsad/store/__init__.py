"""The corpus store: SQLite with versioned migrations, Arabic-aware search, stories, exports.

See docs/store.md. Typical use::

    from marsad.store import Filters, open_store

    with open_store("marsad.db") as store:
        results = store.search("دير الزور", Filters(since=date(2024, 1, 1)))
"""

from marsad.store.database import (
    DEFAULT_DB_ENV,
    DocumentState,
    Failure,
    Store,
    default_db_path,
    open_store,
    pipeline_key,
)
from marsad.store.export import ExportFormat, export
from marsad.store.schema import SCHEMA_VERSION
from marsad.store.search import FacetValue, Filters, Hit, SearchResults, Snippet, matching_ids
from marsad.store.stories import Story, StoryArticle

__all__ = [
    "DEFAULT_DB_ENV",
    "SCHEMA_VERSION",
    "DocumentState",
    "ExportFormat",
    "FacetValue",
    "Failure",
    "Filters",
    "Hit",
    "SearchResults",
    "Snippet",
    "Store",
    "Story",
    "StoryArticle",
    "default_db_path",
    "export",
    "matching_ids",
    "open_store",
    "pipeline_key",
]
