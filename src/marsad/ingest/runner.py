"""The ingest loop: read sources, skip what is stored, fetch, analyse, write in batches.

Resumable and idempotent: every item has a key (its canonical URL, or its file and
position); an item whose key is stored with the same bytes is skipped, a URL already
fetched is not fetched again, and a failed fetch is retried on the next run. Writes are
committed every ``batch_size`` items, so an interrupted run loses at most one batch.
Nothing is dropped: an item that cannot be fetched, parsed or analysed is stored with
its error and listed in the summary.
"""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from marsad.errors import MarsadError, UnreadableInputError
from marsad.ingest.feeds import feed_items, looks_like_feed
from marsad.ingest.fetch import Fetcher, FetchPolicy
from marsad.ingest.folders import folder_files, path_items
from marsad.ingest.items import Item, analyse, failed_item
from marsad.ingest.text import MAX_INPUT_BYTES, check_content, sniff_media_type
from marsad.ingest.urls import canonical_url
from marsad.model import Analysis, Document
from marsad.pipeline import default_pipeline
from marsad.store import Store

_SHOWN_FAILURES = 1000
BULK_LOAD = 1000  # reports written in one run after which the search index is merged whole


@dataclass
class IngestOptions:
    workers: int = 1
    batch_size: int = 64
    follow_links: bool = True
    refetch: bool = False
    max_bytes: int = MAX_INPUT_BYTES
    fetch: FetchPolicy = field(default_factory=FetchPolicy)


@dataclass
class IngestStats:
    """Counts for the progress bar and the summary."""

    seen: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (source, error)
    started: float = field(default_factory=time.monotonic)

    @property
    def processed(self) -> int:
        return self.added + self.updated + self.failed

    @property
    def rate(self) -> float:
        """Reports stored per second (skipped ones do not count)."""
        elapsed = time.monotonic() - self.started
        return self.processed / elapsed if elapsed > 0 else 0.0

    def failure_codes(self) -> Counter[str]:
        return Counter(error.split(" ", 1)[0] for _, error in self.failures)


Progress = Callable[[IngestStats], None]


def ingest(
    store: Store,
    inputs: Iterable[str],
    options: IngestOptions | None = None,
    progress: Progress | None = None,
) -> IngestStats:
    """Ingest folders, files, feeds, WARC archives and URLs into ``store``."""
    options = options or IngestOptions()
    stats = IngestStats()
    with Fetcher(options.fetch) as fetcher, _Analyser(options.workers) as analyser:
        runner = _Run(store, options, stats, fetcher, analyser, progress)
        runner.run(inputs)
    if stats.added + stats.updated:
        store.optimize(full=stats.added + stats.updated >= BULK_LOAD)
    return stats


def reanalyze(
    store: Store,
    ids: Iterable[int],
    *,
    workers: int = 1,
    batch_size: int = 64,
    progress: Progress | None = None,
) -> IngestStats:
    """Analyse stored documents again from their raw bytes (after a model upgrade)."""
    stats = IngestStats()
    with _Analyser(workers) as analyser:
        batch: list[int] = []
        for document_id in ids:
            batch.append(document_id)
            if len(batch) >= batch_size:
                _reanalyze_batch(store, batch, analyser, stats, progress)
                batch = []
        _reanalyze_batch(store, batch, analyser, stats, progress)
    if stats.updated:
        store.optimize(full=stats.updated >= BULK_LOAD)
    return stats


def _reanalyze_batch(
    store: Store,
    ids: list[int],
    analyser: _Analyser,
    stats: IngestStats,
    progress: Progress | None,
) -> None:
    jobs = [(store.get_document(i), store.hints(i)) for i in ids]
    results = analyser.run(jobs)
    with store.transaction():
        for document_id, (document, _), result in zip(ids, jobs, results, strict=True):
            stats.seen += 1
            if isinstance(result, str):
                store.mark_failed(document_id, result)
                stats.failed += 1
                stats.failures.append((document.source, result))
            else:
                store.save_analysis(document_id, result)
                stats.updated += 1
    if progress:
        progress(stats)


class _Run:
    def __init__(
        self,
        store: Store,
        options: IngestOptions,
        stats: IngestStats,
        fetcher: Fetcher,
        analyser: _Analyser,
        progress: Progress | None,
    ) -> None:
        self.store = store
        self.options = options
        self.stats = stats
        self.fetcher = fetcher
        self.analyser = analyser
        self.progress = progress
        self.done: set[str] = set()
        self.queue: deque[Item] = deque()
        self.pending: list[tuple[Item, bool]] = []  # (item, was it stored before)

    def run(self, inputs: Iterable[str]) -> None:
        for item in self._items(inputs):
            self._take(item)
            while self.queue:
                self._take(self.queue.popleft())
        self._flush()

    def _items(self, inputs: Iterable[str]) -> Iterator[Item]:
        for argument in inputs:
            if argument.startswith(("http://", "https://")):
                yield Item(
                    key="url:" + canonical_url(argument), source=argument, origin="url",
                    url=argument,
                )  # fmt: skip
                continue
            path = Path(argument)
            if path.is_dir():
                for file in folder_files(path):
                    yield from self._file_items(file)
            elif path.exists():
                yield from self._file_items(path)
            else:
                error = UnreadableInputError(f"{argument} does not exist")
                self._record_failure(argument, f"{error.code} {error}")

    def _file_items(self, path: Path) -> Iterator[Item]:
        try:
            yield from path_items(
                path, follow=self.options.follow_links, max_bytes=self.options.max_bytes
            )
        except OSError as error:
            yield failed_item(f"file:{path.resolve()}", str(path), "folder", f"E104 {error}")

    def _take(self, item: Item) -> None:
        self.stats.seen += 1
        if item.key in self.done:
            self.stats.unchanged += 1
            return self._report()
        self.done.add(item.key)
        state = self.store.state(item.key)
        if state is not None and not self.options.refetch:
            unchanged = (
                state.has_raw
                if item.needs_fetch
                else item.document is not None and state.content_hash == item.document.content_hash
            )
            if unchanged:
                self.stats.unchanged += 1
                return self._report()
        if item.needs_fetch and not self._fetch(item):
            return self._report()
        self.pending.append((item, state is not None))
        if len(self.pending) >= self.options.batch_size:
            self._flush()
        self._report()

    def _fetch(self, item: Item) -> bool:
        """Fill ``item.document``; False when the item turned out to be a feed."""
        assert item.url is not None
        try:
            response = self.fetcher.fetch(item.url)
            if item.origin == "url" and looks_like_feed(response.body, response.content_type):
                self.stats.seen -= 1  # the feed itself is not a report
                self._expand_feed(item, response.body)
                return False
            check_content(response.body, item.url)
            item.document = Document.from_bytes(
                response.body,
                item.url,
                url=response.url,
                media_type=sniff_media_type(response.body),
                fetched_at=response.fetched_at,
            )
        except MarsadError as error:
            item.error = f"{error.code} {error}"
            item.document = Document.from_bytes(b"", item.source, url=item.url, error=item.error)
        return True

    def _expand_feed(self, item: Item, raw: bytes) -> None:
        try:
            self.queue.extend(feed_items(raw, item.source, follow=self.options.follow_links))
        except MarsadError as error:
            key = "feed:" + canonical_url(item.source)
            failure = failed_item(key, item.source, "feed", f"{error.code} {error}", raw)
            self.pending.append((failure, self.store.state(key) is not None))

    def _flush(self) -> None:
        if not self.pending:
            return
        pending, self.pending = self.pending, []
        to_analyse = [
            (item.document, item.hints)
            for item, _ in pending
            if item.error is None and item.document is not None
        ]
        results = iter(self.analyser.run(to_analyse))
        with self.store.transaction():
            for item, existed in pending:
                assert item.document is not None
                result: Analysis | str = item.error if item.error is not None else next(results)
                if isinstance(result, str):
                    self.store.put(
                        item.key, item.document, origin=item.origin, hints=item.hints,
                        error=result,
                    )  # fmt: skip
                    self._record_failure(item.source, result)
                else:
                    self.store.put(
                        item.key, item.document, origin=item.origin, hints=item.hints,
                        analysis=result,
                    )  # fmt: skip
                    if existed:
                        self.stats.updated += 1
                    else:
                        self.stats.added += 1

    def _record_failure(self, source: str, error: str) -> None:
        self.stats.failed += 1
        if len(self.stats.failures) < _SHOWN_FAILURES:
            self.stats.failures.append((source, error))

    def _report(self) -> None:
        if self.progress:
            self.progress(self.stats)


Job = tuple[Document, dict[str, str]]


def analyse_job(job: Job) -> Analysis | str:
    """Analyse one document; a failure comes back as its error line, never raised."""
    document, hints = job
    try:
        return analyse(document, hints)
    except MarsadError as error:
        return f"{error.code} {error}"
    except Exception as error:  # a bug in a component must not stop an ingest of thousands
        return f"E000 internal error: {type(error).__name__}: {error}"


def _warm_worker() -> None:
    default_pipeline()


class _Analyser:
    """Runs analyses in this process, or in ``workers`` processes when more than one."""

    def __init__(self, workers: int) -> None:
        self.pool = (
            ProcessPoolExecutor(max_workers=workers, initializer=_warm_worker)
            if workers > 1
            else None
        )

    def run(self, jobs: list[Job]) -> list[Analysis | str]:
        if self.pool is None:
            return [analyse_job(job) for job in jobs]
        return list(self.pool.map(analyse_job, jobs, chunksize=max(1, len(jobs) // 8)))

    def __enter__(self) -> _Analyser:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
