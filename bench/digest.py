"""Digest speed on a real corpus: matching, composing, rendering, feeds, and a whole run
over SMTP on 127.0.0.1 against bare smtplib sending the same bytes in the same run.

    .venv/bin/python bench/ingest.py --limit 10000 --keep-db /tmp/bench-10k.db
    .venv/bin/python bench/digest.py --db /tmp/bench-10k.db --subscribers 200

The database is copied (SQLite backup) and never changed. Subscribers follow real names
of the corpus: three each, drawn from its most frequent places, hashtags and entities and
a few searches. Two situations are timed:

- backlog: subscribers confirmed before the corpus was stored, so every matching story is
  new to them (the largest digest each can get, capped at ``max_stories``): matching,
  story cards and composing, rendering, and each subscription's feed;
- a whole run after the last 100 reports were stored (a ``marsad watch`` cycle after an
  ingest), against bare smtplib sending the very bytes it sent, over one connection;
- a run when nothing is new (each cycle between two ingests).

Figures are milliseconds (p50/p95 per subscriber) and messages per second.
"""

from __future__ import annotations

import argparse
import random
import shutil
import smtplib
import socket
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from pydantic import SecretStr

from marsad.digest import storage
from marsad.digest.atom import FeedEntry, atom_feed
from marsad.digest.config import DigestConfig
from marsad.digest.matching import recent_matches, story_cards
from marsad.digest.message import digest_message, message_id
from marsad.digest.service import DigestService
from marsad.digest.subscription import Follow, Subscription, make_follow, new_subscription
from marsad.store import Store

SECRET = "bench-secret-0123456789abcdef0123"
SEARCHES = ("داعش", "الحوثي", "مجلس الأمن", "النفط", "اللاجئين")
NEW_REPORTS = 100


class Sink:
    def __init__(self) -> None:
        self.count = 0
        self.received: list[bytes] = []

    async def handle_DATA(self, server: object, session: object, envelope: Any) -> str:
        self.count += 1
        self.received.append(envelope.original_content)
        return "250 OK"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="A corpus database.")
    parser.add_argument("--subscribers", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    random.seed(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        with sqlite3.connect(args.db) as source, sqlite3.connect(db) as target:
            source.backup(target)
        sink = Sink()
        controller = Controller(sink, hostname="127.0.0.1", port=_free_port())
        controller.start()
        try:
            run(db, args.subscribers, controller.port, sink)
        finally:
            controller.stop()
        shutil.rmtree(folder, ignore_errors=True)


def run(db: Path, subscribers: int, port: int, sink: Sink) -> None:
    config = DigestConfig.model_validate(
        {
            "digest": {"sender": "مرصد <digest@example.org>", "base_url": "https://m.example"},
            "smtp": {"host": "127.0.0.1", "port": port, "security": "none"},
        }
    )
    config.secret = SecretStr(SECRET)
    with Store(db) as store:
        counts = store.counts()
        print(f"corpus: {counts['articles']:,} reports, {counts['stories']:,} stories")
        follows = _follows(store)
        confirmed = datetime.now(UTC)
        for i in range(subscribers):
            chosen = random.sample(follows, 3)
            subscription = new_subscription(f"reader{i}@example.org", chosen, frequency="instant")
            subscription = subscription.model_copy(
                update={"status": "active", "confirmed_at": confirmed}
            )
            added = storage.add_subscription(store, subscription)
            store.connection.execute(  # as if confirmed before the corpus was stored
                "UPDATE subscriptions SET seen_through = 0 WHERE id = ?", (added.id,)
            )
        service = DigestService(store, config)
        active = storage.active_subscriptions(store)

        plan_ms, render_ms, feed_ms, stories = [], [], [], []
        now = datetime.now(UTC)
        for subscription in active:
            started = time.perf_counter()
            planned = service.plan(subscription, now)
            plan_ms.append((time.perf_counter() - started) * 1000)
            if planned is None or planned.digest is None:
                continue
            stories.append(len(planned.digest.stories))
            started = time.perf_counter()
            mid = message_id("digest", 1, subscription.uid, "m.example")
            digest_message(planned.digest, service.links, sender=service.sender, message_id=mid)
            render_ms.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            _feed(store, subscription, service)
            feed_ms.append((time.perf_counter() - started) * 1000)
        middle = statistics.median(stories) if stories else 0
        print(f"followed items drawn from {len(follows)}; stories per digest "
              f"p50 {middle:.0f}, max {max(stories, default=0)}")  # fmt: skip
        _line("match + cards + compose (backlog)", plan_ms)
        _line("render multipart email", render_ms)
        _line("Atom feed (30 newest stories)", feed_ms)

        # A watch cycle after an ingest of NEW_REPORTS reports: everyone's digest of them.
        latest = storage.latest_document(store)
        store.connection.execute(
            "UPDATE subscriptions SET seen_through = ?", (max(0, latest - NEW_REPORTS),)
        )
        sink.received.clear()
        started = time.perf_counter()
        report = service.run()
        whole = time.perf_counter() - started
        sent = report.sending.sent
        print(f"run after {NEW_REPORTS} new reports: {report.composed} digests composed and "
              f"{sent} sent in {whole:.2f} s — {sent / whole:.1f} messages/s")  # fmt: skip

        messages = list(sink.received)
        started = time.perf_counter()
        with smtplib.SMTP("127.0.0.1", port) as bare:
            for i, raw in enumerate(messages):
                bare.sendmail("digest@example.org", [f"reader{i}@example.org"], raw)
        peer = time.perf_counter() - started
        if messages:
            print(f"peer, bare smtplib sending the same {len(messages)} messages: {peer:.2f} s"
                  f" — {len(messages) / peer:.1f} messages/s; Marsad's whole run (matching, "
                  f"composing, outbox included) takes {whole / peer:.1f}× that")  # fmt: skip

        quiet_ms = []
        for _ in range(5):
            started = time.perf_counter()
            service.run()
            quiet_ms.append((time.perf_counter() - started) * 1000)
        _line(f"run with nothing new ({len(active)} subscribers)", quiet_ms)
        print(f"SMTP server received {sink.count} messages")


def _follows(store: Store) -> list[Follow]:
    one = store.connection.execute
    places = [r[0] for r in one(
        "SELECT coalesce(name, text) FROM places GROUP BY coalesce(place_id, key) "
        "ORDER BY count(DISTINCT article_id) DESC LIMIT 40")]  # fmt: skip
    hashtags = [r[0] for r in one(
        "SELECT tag FROM hashtags GROUP BY key ORDER BY count(*) DESC LIMIT 10")]  # fmt: skip
    entities = [r[0] for r in one(
        "SELECT name FROM entities GROUP BY key ORDER BY count(*) DESC LIMIT 20")]  # fmt: skip
    follows = [make_follow("place", p) for p in places if p]
    follows += [make_follow("hashtag", h) for h in hashtags if h]
    follows += [make_follow("entity", e) for e in entities if e]
    follows += [make_follow("search", s) for s in SEARCHES]
    if len(follows) < 3:
        sys.exit("the corpus has too few places, hashtags and entities to follow")
    return follows


def _feed(store: Store, subscription: Subscription, service: DigestService) -> bytes:
    matches = recent_matches(store, subscription, 30)
    cards = story_cards(store, {m.story_id for m in matches}, max_quotes=2)
    entries = {m.story_id: FeedEntry(cards[m.story_id], m.added_at) for m in matches
               if m.story_id in cards}  # fmt: skip
    return atom_feed(subscription, list(entries.values())[:30], service.links)


def _line(what: str, values: list[float]) -> None:
    if not values:
        print(f"{what}: no samples")
        return
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    print(f"{what}: p50 {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms (n={len(values)})")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


if __name__ == "__main__":
    main()
