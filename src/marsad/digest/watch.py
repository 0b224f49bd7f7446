"""``marsad watch``: poll the configured feeds, ingest, send the digests that are due.

Each cycle ingests (``marsad ingest`` semantics: what is stored is skipped, a failed
fetch is retried next time), then runs :class:`DigestService`. Between cycles the loop
sends pending confirmation emails every few seconds, so a web sign-up is answered
promptly. A stop request (SIGTERM, Ctrl-C) is honoured between two steps: the ingest
batch or delivery in progress is finished and recorded first. Whatever way the process
ends, the outbox and the send lock make the next start carry on without loss or repeat.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from marsad.digest import storage
from marsad.digest.config import DigestConfig
from marsad.digest.service import DigestService, RunReport, require_lock, sender_lock
from marsad.ingest.fetch import FetchPolicy
from marsad.ingest.runner import IngestOptions, IngestStats, ingest
from marsad.store import Store

log = logging.getLogger("marsad.digest")
CONFIRMATION_POLL = 5.0  # seconds between two looks for pending confirmation emails


@dataclass
class Cycle:
    number: int
    ingested: IngestStats | None
    digests: RunReport


def watch(
    store: Store,
    config: DigestConfig,
    *,
    stop: threading.Event,
    once: bool = False,
    on_cycle: Callable[[Cycle], None] | None = None,
) -> int:
    """Run cycles until ``stop`` is set (or one, with ``once``); returns how many ran."""
    service = DigestService(store, config, stop=stop)
    with sender_lock(store.path) as acquired:
        require_lock(acquired)
        number = 0
        while not stop.is_set():
            number += 1
            ingested = _ingest(store, config) if config.watch.feeds else None
            if stop.is_set():
                break
            cycle = Cycle(number, ingested, service.run())
            if on_cycle is not None:
                on_cycle(cycle)
            if once:
                break
            _wait(service, config.watch.interval, stop)
    return number


def _ingest(store: Store, config: DigestConfig) -> IngestStats:
    fetch = FetchPolicy(allow=tuple(config.watch.allow_addresses))
    options = IngestOptions(follow_links=config.watch.follow, fetch=fetch)
    return ingest(store, config.watch.feeds, options)


def _wait(service: DigestService, interval: float, stop: threading.Event) -> None:
    """Sleep until the next cycle, sending confirmation emails as they come in."""
    remaining = interval
    while remaining > 0 and not stop.is_set():
        step = min(CONFIRMATION_POLL, remaining)
        if stop.wait(step):
            return
        remaining -= step
        waiting = storage.pending_deliveries(service.store)
        confirmations = {d.id for d in waiting if d.kind == "confirmation"}
        if confirmations:
            report = service.send_pending(only=confirmations)
            for error in report.errors:
                log.warning("confirmation not sent: %s", error)
