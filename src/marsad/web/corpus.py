"""The corpus the server shows: the store opened once per worker thread.

FastAPI runs page handlers in a thread pool and an SQLite connection belongs to the
thread that opened it, so each thread gets its own :class:`Store` on the same file.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi import HTTPException, Request

from marsad.errors import StoreError
from marsad.store.database import Store


class Corpus:
    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise StoreError(
                f"no corpus database at {path}",
                hint="build one with `marsad ingest --db PATH …`, or `make run` for the demo",
            )
        self.path = path
        self._local = threading.local()

    @property
    def store(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(self.path)
        return store


def open_corpus(db: Path | None) -> Corpus | None:
    return Corpus(db) if db is not None else None


def store_of(request: Request) -> Store:
    """This thread's store for the request; 404 on a server started without a corpus."""
    corpus: Corpus | None = request.app.state.corpus
    if corpus is None:
        raise HTTPException(404, "this server was started without a corpus (marsad serve --db)")
    return corpus.store


@contextmanager
def not_found() -> Iterator[None]:
    """The store's "no such article/story" is a 404 here, not a failed request."""
    try:
        yield
    except StoreError as error:
        raise HTTPException(404, str(error)) from None
