"""The SQLite store: documents with their raw bytes, analyses, facts, stories, the index.

One :class:`Store` per process or thread. Writes go through :meth:`Store.put`, grouped by
the caller in :meth:`Store.transaction` so an ingest commits in batches.
"""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from marsad.errors import StoreError
from marsad.ingest.urls import canonical_url, url_host
from marsad.model import Analysis, Document
from marsad.store import dedup
from marsad.store.facts import is_anonymous_sourced, write_facts
from marsad.store.schema import migrate
from marsad.store.search import Filters, SearchResults, matching_ids, search
from marsad.store.stories import Story, list_stories, story_articles
from marsad.store.terms import encode_offsets, filter_key, index_columns, words

DEFAULT_DB_ENV = "MARSAD_DB"


def default_db_path() -> Path:
    """``$MARSAD_DB``, else ``$XDG_DATA_HOME/marsad/marsad.db`` (``~/.local/share/…``)."""
    explicit = os.environ.get(DEFAULT_DB_ENV)
    if explicit:
        return Path(explicit).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "marsad" / "marsad.db"


@dataclass(frozen=True, slots=True)
class DocumentState:
    """What the store knows about a source key, to decide whether to ingest it again."""

    id: int
    content_hash: str
    error: str | None
    has_raw: bool
    analysed: bool


@dataclass(frozen=True, slots=True)
class Failure:
    document_id: int
    source: str
    url: str | None
    error: str


class Store:
    """A Marsad database. Use :func:`open_store` (or ``Store(path)``) and close it after."""

    def __init__(self, path: str | Path | None = None, *, check_same_thread: bool = True) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        if str(self.path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.connection = sqlite3.connect(
                str(self.path), isolation_level=None, check_same_thread=check_same_thread
            )
            for pragma in (
                "journal_mode = WAL",
                "synchronous = NORMAL",
                "foreign_keys = ON",
                "busy_timeout = 10000",
                "temp_store = MEMORY",
                "cache_size = -65536",
                "mmap_size = 268435456",
            ):
                self.connection.execute(f"PRAGMA {pragma}")
            migrate(self.connection)
        except sqlite3.DatabaseError as error:
            raise StoreError(
                f"{self.path} cannot be opened as a Marsad database: {error}",
                hint="choose another file with --db",
            ) from None
        self._duplicates: dedup.DuplicateIndex | None = None
        self._depth = 0

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes into one commit (nested uses join the outer one)."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.connection.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            self._duplicates = None  # the in-memory index may hold rolled-back rows
            raise
        else:
            self.connection.execute("COMMIT")
        finally:
            self._depth = 0

    # ------------------------------------------------------------------ documents

    def state(self, key: str) -> DocumentState | None:
        row = self.connection.execute(
            "SELECT d.id, d.content_hash, d.error, d.size > 0, a.id IS NOT NULL "
            "FROM documents d LEFT JOIN articles a ON a.id = d.id WHERE d.key = ?",
            (key,),
        ).fetchone()
        if row is None:
            return None
        return DocumentState(row[0], row[1], row[2], bool(row[3]), bool(row[4]))

    def put(
        self,
        key: str,
        document: Document,
        *,
        origin: str,
        hints: dict[str, str] | None = None,
        analysis: Analysis | None = None,
        error: str | None = None,
    ) -> int:
        """Store a document (replacing what was stored under ``key``) and its analysis.

        Without an analysis the document is kept with ``error`` (or ``document.error``) so
        nothing is lost and the next ingest or reanalyze can retry it.
        """
        error = error or document.error
        with self.transaction():
            existing = self.connection.execute(
                "SELECT id FROM documents WHERE key = ?", (key,)
            ).fetchone()
            values = (
                document.source,
                document.url,
                canonical_url(document.url) if document.url else None,
                origin,
                document.media_type,
                document.encoding,
                _iso(document.fetched_at),
                document.content_hash,
                len(document.raw),
                zlib.compress(document.raw),
                json.dumps(hints, ensure_ascii=False) if hints else None,
                error,
            )
            if existing is None:
                cursor = self.connection.execute(
                    "INSERT INTO documents (source, url, canonical_url, origin, media_type, "
                    "encoding, fetched_at, content_hash, size, raw, hints, error, key, added_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*values, key, _iso(datetime.now(UTC))),
                )
                document_id = int(cursor.lastrowid or 0)
            else:
                document_id = int(existing[0])
                self.connection.execute(
                    "UPDATE documents SET source = ?, url = ?, canonical_url = ?, origin = ?, "
                    "media_type = ?, encoding = ?, fetched_at = ?, content_hash = ?, size = ?, "
                    "raw = ?, hints = ?, error = ? WHERE id = ?",
                    (*values, document_id),
                )
            if analysis is not None:
                self.save_analysis(document_id, analysis)
            else:
                self._delete_article(document_id)
        return document_id

    def get_document(self, document_id: int) -> Document:
        row = self.connection.execute(
            "SELECT source, url, media_type, encoding, fetched_at, content_hash, raw, error "
            "FROM documents WHERE id = ?",
            (document_id,),
        ).fetchone()
        if row is None:
            raise StoreError(f"no document {document_id} in {self.path}")
        return Document(
            source=row[0],
            url=row[1],
            media_type=row[2],
            encoding=row[3],
            fetched_at=datetime.fromisoformat(row[4]),
            content_hash=row[5],
            raw=zlib.decompress(row[6]),
            error=row[7],
        )

    def hints(self, document_id: int) -> dict[str, str]:
        row = self.connection.execute(
            "SELECT hints FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        return json.loads(row[0]) if row and row[0] else {}

    def mark_failed(self, document_id: int, error: str) -> None:
        """Record why a stored document could not be analysed again.

        An earlier analysis, if any, is kept (stale, so the next reanalysis retries it):
        a failing upgrade must not take reports out of the corpus.
        """
        self.connection.execute("UPDATE documents SET error = ? WHERE id = ?", (error, document_id))

    def failures(self) -> list[Failure]:
        return [
            Failure(*row)
            for row in self.connection.execute(
                "SELECT id, source, url, error FROM documents WHERE error IS NOT NULL ORDER BY id"
            )
        ]

    # ------------------------------------------------------------------ analyses

    def save_analysis(self, document_id: int, analysis: Analysis) -> None:
        """Write the article, its facts, its index entry and its story."""
        article = analysis.article
        text = article.text
        address = article.url or analysis.document.url
        host = url_host(address) if address else None
        publisher_key = filter_key(article.publisher) if article.publisher else host
        published = _iso(article.published) if article.published is not None else None
        day = (published or _iso(analysis.document.fetched_at))[:10]
        text_words = list(words(text))
        keys = [w.exact for w in text_words]
        minhash = dedup.signature(keys)
        blob = zlib.compress(
            analysis.model_dump_json(exclude={"document": {"raw"}}).encode("utf-8")
        )
        text_hash = dedup.text_hash(keys)
        with self.transaction():
            previous_story = self._delete_article(document_id)
            self.connection.execute(
                "INSERT INTO articles (id, title, byline, publisher, publisher_key, host, "
                "published, day, language, url, text, text_hash, pipeline, analysed_at, "
                "analysis, anonymous_sourced, minhash) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    document_id,
                    article.title,
                    article.byline,
                    article.publisher or host,
                    publisher_key,
                    host,
                    published,
                    day,
                    article.language,
                    article.url or analysis.document.url,
                    text,
                    text_hash,
                    pipeline_key(analysis.pipeline),
                    _iso(datetime.now(UTC)),
                    blob,
                    int(is_anonymous_sourced(analysis)),
                    dedup.to_bytes(minhash),
                ),
            )
            label = article.publisher or host
            write_facts(
                self.connection,
                document_id,
                analysis,
                (publisher_key, label) if publisher_key and label else None,
            )
            exact, stem = index_columns(text_words)
            self.connection.execute(
                "INSERT INTO search_index (rowid, exact, stem) VALUES (?, ?, ?)",
                (document_id, exact, stem),
            )
            self.connection.execute(
                "INSERT INTO search_terms (article_id, terms, offsets) VALUES (?, ?, ?)",
                (
                    document_id,
                    zlib.compress(f"{exact}\x00{stem}".encode()),
                    encode_offsets(text_words),
                ),
            )
            self.connection.execute(
                "UPDATE documents SET error = NULL WHERE id = ?", (document_id,)
            )
            story_id = self._assign_story(document_id, text_hash, minhash, article.title, day)
            if previous_story is not None and previous_story != story_id:
                self._refresh_story(previous_story)

    def get_analysis(self, article_id: int, *, include_raw: bool = True) -> Analysis:
        row = self.connection.execute(
            "SELECT analysis, published FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise StoreError(f"no analysed article {article_id} in {self.path}")
        analysis = Analysis.model_validate_json(zlib.decompress(row[0]))
        published = analysis.article.published
        if isinstance(published, datetime) and row[1] is not None and len(row[1]) == 10:
            # JSON cannot tell a date from midnight; the column kept which it was.
            analysis.article.published = published.date()
        if include_raw:
            analysis.document = self.get_document(article_id)
        return analysis

    def article_ids(self) -> Iterator[int]:
        for (article_id,) in self.connection.execute("SELECT id FROM articles ORDER BY id"):
            yield int(article_id)

    def stale(self, versions: dict[str, str]) -> list[int]:
        """Documents to analyse again: older pipeline, or extraction failed earlier."""
        current = pipeline_key(versions)
        rows = self.connection.execute(
            "SELECT id FROM articles WHERE pipeline != ? "
            "UNION SELECT d.id FROM documents d LEFT JOIN articles a ON a.id = d.id "
            "WHERE a.id IS NULL AND d.size > 0 ORDER BY 1",
            (current,),
        )
        return [int(r[0]) for r in rows]

    def counts(self) -> dict[str, int]:
        """How many documents, articles, failures and stories the store holds."""
        one = self.connection.execute
        return {
            "documents": one("SELECT count(*) FROM documents").fetchone()[0],
            "articles": one("SELECT count(*) FROM articles").fetchone()[0],
            "failed": one("SELECT count(*) FROM documents WHERE error IS NOT NULL").fetchone()[0],
            "stories": one("SELECT count(*) FROM stories").fetchone()[0],
        }

    def optimize(self, *, full: bool) -> None:
        """Tidy the search index after writing: each write adds an index segment, and a
        search reads every segment. ``full`` merges them all into one (after a bulk
        load; seconds at 100k reports), else a bounded merge step (after a few reports)."""
        command = (
            "INSERT INTO search_index (search_index) VALUES ('optimize')"
            if full
            else "INSERT INTO search_index (search_index, rank) VALUES ('merge', 500)"
        )
        self.connection.execute(command)
        self.connection.execute("PRAGMA optimize")

    # ------------------------------------------------------------------ reading

    def search(
        self,
        query: str = "",
        filters: Filters | None = None,
        *,
        limit: int = 10,
        offset: int = 0,
        facets: bool = True,
        snippets: bool = True,
    ) -> SearchResults:
        """Ranked reports matching the query words and the filters (see docs/store.md)."""
        return search(
            self.connection,
            query,
            filters,
            limit=limit,
            offset=offset,
            facets=facets,
            snippets=snippets,
        )

    def matching_ids(self, query: str = "", filters: Filters | None = None) -> list[int]:
        return matching_ids(self.connection, query, filters)

    def stories(
        self,
        *,
        since: date | None = None,
        until: date | None = None,
        min_articles: int = 1,
        limit: int = 20,
    ) -> list[Story]:
        return list_stories(
            self.connection, since=since, until=until, min_articles=min_articles, limit=limit
        )

    def story(self, story_id: int) -> Story:
        row = self.connection.execute(
            "SELECT id, title, first_seen, last_seen, article_count, independent_source_count "
            "FROM stories WHERE id = ?",
            (story_id,),
        ).fetchone()
        if row is None:
            raise StoreError(f"no story {story_id} in {self.path}")
        return Story(
            id=row[0],
            title=row[1],
            first_seen=row[2],
            last_seen=row[3],
            article_count=row[4],
            independent_source_count=row[5],
            articles=story_articles(self.connection, story_id),
        )

    # ------------------------------------------------------------------ internals

    def _delete_article(self, article_id: int) -> int | None:
        """Remove an article and everything derived from it; returns its former story."""
        row = self.connection.execute(
            "SELECT story_id FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return None
        terms = self.connection.execute(
            "SELECT terms FROM search_terms WHERE article_id = ?", (article_id,)
        ).fetchone()
        if terms is not None:
            exact, _, stem = zlib.decompress(terms[0]).decode().partition("\x00")
            self.connection.execute(
                "INSERT INTO search_index (search_index, rowid, exact, stem) "
                "VALUES ('delete', ?, ?, ?)",
                (article_id, exact, stem),
            )
        self.connection.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        if self._duplicates is not None:
            self._duplicates.remove(article_id)
        story_id = row[0]
        if story_id is not None:
            self._refresh_story(story_id)
        return story_id

    def duplicate_index(self) -> dedup.DuplicateIndex:
        """The LSH index of stored signatures, loaded once per Store."""
        if self._duplicates is None:
            index = dedup.DuplicateIndex()
            for article_id, blob in self.connection.execute(
                "SELECT id, minhash FROM articles WHERE minhash IS NOT NULL"
            ):
                index.add(article_id, dedup.from_bytes(blob))
            self._duplicates = index
        return self._duplicates

    def _assign_story(
        self, article_id: int, text_hash: str, minhash: Any, title: str | None, day: str
    ) -> int:
        duplicates = self.duplicate_index()
        same = self.connection.execute(
            "SELECT story_id FROM articles WHERE text_hash = ? AND id != ? "
            "AND story_id IS NOT NULL ORDER BY id LIMIT 1",
            (text_hash, article_id),
        ).fetchone()
        story_id: int | None = same[0] if same else None
        if story_id is None:
            nearest = duplicates.most_similar(minhash)
            if nearest is not None:
                row = self.connection.execute(
                    "SELECT story_id FROM articles WHERE id = ?", (nearest[0],)
                ).fetchone()
                story_id = row[0] if row else None
        if story_id is None:
            cursor = self.connection.execute(
                "INSERT INTO stories (title, first_seen, last_seen) VALUES (?, ?, ?)",
                (title, day, day),
            )
            story_id = int(cursor.lastrowid or 0)
        self.connection.execute(
            "UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id)
        )
        duplicates.add(article_id, minhash)
        self._refresh_story(story_id)
        return story_id

    def _refresh_story(self, story_id: int) -> None:
        row = self.connection.execute(
            "SELECT count(*), count(DISTINCT publisher_key), min(day), max(day) "
            "FROM articles WHERE story_id = ?",
            (story_id,),
        ).fetchone()
        if row[0] == 0:
            self.connection.execute("DELETE FROM stories WHERE id = ?", (story_id,))
            return
        self.connection.execute(
            "UPDATE stories SET article_count = ?, independent_source_count = ?, "
            "first_seen = ?, last_seen = ?, title = coalesce(title, "
            "(SELECT title FROM articles WHERE story_id = ? AND title IS NOT NULL "
            "ORDER BY id LIMIT 1)) WHERE id = ?",
            (row[0], row[1], row[2], row[3], story_id, story_id),
        )


def open_store(path: str | Path | None = None) -> Store:
    """Open (creating and migrating as needed) the database at ``path`` or the default."""
    return Store(path)


def pipeline_key(versions: dict[str, str]) -> str:
    return json.dumps(versions, sort_keys=True, separators=(",", ":"))


def _iso(value: datetime | date) -> str:
    return value.isoformat()
