"""Subscriptions and deliveries in the corpus database (tables of store migration 2).

Deliveries are an outbox. A digest is composed, written as a ``pending`` delivery with
its exact bytes, and its stories are recorded as delivered to that subscriber — all in
one transaction — before anything is sent; sending then only flips the row to ``sent``.
So a run stopped at any point either never wrote the digest (the next run composes the
same one) or finds it pending (and sends those bytes, once).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from marsad.digest.subscription import Follow, Subscription
from marsad.errors import SubscriptionError
from marsad.store import Store

DeliveryKind = Literal["digest", "confirmation"]
DeliveryStatus = Literal["pending", "sent", "failed", "cancelled"]

_SUBSCRIPTION_COLUMNS = (
    "id, uid, email, name, frequency, timezone, status, created_at, confirmed_at, "
    "unsubscribed_at, last_slot, seen_through"
)


@dataclass(frozen=True)
class Delivery:
    id: int
    subscription_id: int
    kind: DeliveryKind
    recipient: str
    message_id: str
    message: bytes
    story_count: int
    attempts: int
    status: DeliveryStatus = "pending"
    error: str | None = None


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


# ---------------------------------------------------------------- subscriptions


def add_subscription(store: Store, subscription: Subscription) -> Subscription:
    """Store a subscription; an active one starts with the reports stored from now on."""
    with store.transaction():
        seen = latest_document(store) if subscription.status == "active" else 0
        cursor = store.connection.execute(
            "INSERT INTO subscriptions (uid, email, name, frequency, timezone, status, "
            "created_at, confirmed_at, unsubscribed_at, last_slot, seen_through) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)",
            (
                subscription.uid,
                subscription.email,
                subscription.name,
                subscription.frequency,
                subscription.timezone,
                subscription.status,
                iso(subscription.created_at),
                iso(subscription.confirmed_at) if subscription.confirmed_at else None,
                seen,
            ),
        )
        subscription_id = int(cursor.lastrowid or 0)
        store.connection.executemany(
            "INSERT INTO follows (subscription_id, position, kind, value, filters) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                (subscription_id, i, f.kind, f.value, json.dumps(f.filters, ensure_ascii=False))
                for i, f in enumerate(subscription.follows)
            ],
        )
    return subscription.model_copy(update={"id": subscription_id, "seen_through": seen})


def get_subscription(store: Store, uid: str) -> Subscription:
    found = _select(store, "uid = ?", (uid,))
    if not found:
        raise SubscriptionError(f"no subscription {uid!r}")
    return found[0]


def subscription_by_id(store: Store, subscription_id: int) -> Subscription:
    found = _select(store, "id = ?", (subscription_id,))
    if not found:
        raise SubscriptionError(f"no subscription #{subscription_id}")
    return found[0]


def find_subscriptions(store: Store, who: str) -> list[Subscription]:
    """Subscriptions of an email address, or the one with this number or uid."""
    if who.isdigit():
        return _select(store, "id = ?", (int(who),))
    return _select(store, "email = ? COLLATE NOCASE OR uid = ?", (who.strip(), who))


def recently_requested(store: Store, email: str, since: datetime) -> bool:
    """Whether a subscription of ``email`` is already waiting for its confirmation since
    ``since`` (a form must not make the server mail someone again and again)."""
    row = store.connection.execute(
        "SELECT 1 FROM subscriptions WHERE email = ? COLLATE NOCASE AND status = 'pending' "
        "AND julianday(created_at) > julianday(?) LIMIT 1",
        (email, iso(since)),
    ).fetchone()
    return row is not None


def list_subscriptions(store: Store, *, include_unsubscribed: bool = False) -> list[Subscription]:
    if include_unsubscribed:
        return _select(store, "1", ())
    return _select(store, "status != 'unsubscribed'", ())


def active_subscriptions(store: Store) -> list[Subscription]:
    return _select(store, "status = 'active'", ())


def confirm(store: Store, uid: str, now: datetime) -> Subscription:
    """Activate a pending subscription (confirming twice changes nothing)."""
    with store.transaction():
        subscription = get_subscription(store, uid)
        if subscription.status == "unsubscribed":
            raise SubscriptionError(
                "this subscription was cancelled", hint="subscribe again to receive digests"
            )
        if subscription.status == "pending":
            store.connection.execute(
                "UPDATE subscriptions SET status = 'active', confirmed_at = ?, seen_through = ? "
                "WHERE id = ?",
                (iso(now), latest_document(store), subscription.id),
            )
    return get_subscription(store, uid)


def unsubscribe(store: Store, uid: str, now: datetime) -> Subscription:
    """Stop a subscription and cancel what was waiting to be sent to it (idempotent)."""
    with store.transaction():
        subscription = get_subscription(store, uid)
        if subscription.status != "unsubscribed":
            store.connection.execute(
                "UPDATE subscriptions SET status = 'unsubscribed', unsubscribed_at = ? "
                "WHERE id = ?",
                (iso(now), subscription.id),
            )
            store.connection.execute(
                "UPDATE deliveries SET status = 'cancelled' "
                "WHERE subscription_id = ? AND status = 'pending'",
                (subscription.id,),
            )
    return get_subscription(store, uid)


def advance(store: Store, subscription_id: int, slot: datetime, seen_through: int) -> None:
    """Record the slot a run covered and how far it looked."""
    store.connection.execute(
        "UPDATE subscriptions SET last_slot = ?, seen_through = ? WHERE id = ?",
        (iso(slot), seen_through, subscription_id),
    )


def latest_document(store: Store) -> int:
    """The highest document id: reports stored later get higher ones."""
    return int(store.connection.execute("SELECT coalesce(max(id), 0) FROM documents").fetchone()[0])


def _select(store: Store, where: str, params: tuple[object, ...]) -> list[Subscription]:
    rows = store.connection.execute(
        f"SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE {where} ORDER BY id", params
    ).fetchall()
    return [_subscription(store.connection, row) for row in rows]


def _subscription(connection: sqlite3.Connection, row: tuple[Any, ...]) -> Subscription:
    follows = [
        Follow(kind=kind, value=value, filters=json.loads(filters))
        for kind, value, filters in connection.execute(
            "SELECT kind, value, filters FROM follows WHERE subscription_id = ? ORDER BY position",
            (row[0],),
        )
    ]
    return Subscription(
        id=row[0],
        uid=row[1],
        email=row[2],
        name=row[3],
        follows=follows,
        frequency=row[4],
        timezone=row[5],
        status=row[6],
        created_at=row[7],
        confirmed_at=_moment(row[8]),
        unsubscribed_at=_moment(row[9]),
        last_slot=_moment(row[10]),
        seen_through=row[11],
    )


# ------------------------------------------------------------------- deliveries


def add_delivery(
    store: Store,
    subscription_id: int,
    kind: DeliveryKind,
    *,
    message_id: str,
    message: bytes,
    now: datetime,
    slot: datetime | None = None,
    stories: Iterable[tuple[int, Iterable[int]]] = (),
) -> int:
    """Write a pending delivery and mark its stories (and their reports) as delivered."""
    stories = list(stories)
    with store.transaction():
        cursor = store.connection.execute(
            "INSERT INTO deliveries (subscription_id, kind, slot, status, message_id, message, "
            "story_count, created_at) VALUES (?, ?, ?, 'pending', ?, ?, ?, ?)",
            (
                subscription_id,
                kind,
                iso(slot) if slot else None,
                message_id,
                message,
                len(stories),
                iso(now),
            ),
        )
        delivery_id = int(cursor.lastrowid or 0)
        store.connection.executemany(
            "INSERT INTO delivered_stories VALUES (?, ?, ?)",
            [(subscription_id, story_id, delivery_id) for story_id, _ in stories],
        )
        store.connection.executemany(
            "INSERT OR IGNORE INTO delivered_articles VALUES (?, ?, ?)",
            [
                (subscription_id, article_id, delivery_id)
                for _, article_ids in stories
                for article_id in article_ids
            ],
        )
    return delivery_id


def pending_deliveries(store: Store) -> list[Delivery]:
    """What waits to be sent, oldest first (confirmations before digests of one age)."""
    return _deliveries(store, "d.status = 'pending' ORDER BY d.id", ())


def deliveries_of(store: Store, subscription_id: int) -> list[Delivery]:
    return _deliveries(store, "d.subscription_id = ? ORDER BY d.id", (subscription_id,))


def mark_sent(store: Store, delivery_id: int, attempts: int, now: datetime) -> None:
    """Record the delivery as sent. Its bytes are dropped (a year of daily digests would
    weigh gigabytes); what it carried stays in ``delivered_stories``."""
    store.connection.execute(
        "UPDATE deliveries SET status = 'sent', sent_at = ?, attempts = attempts + ?, "
        "error = NULL, message = X'' WHERE id = ?",
        (iso(now), attempts, delivery_id),
    )


def mark_failed(store: Store, delivery_id: int, attempts: int, error: str, *, final: bool) -> None:
    """Record a failed attempt; ``final`` gives up on the delivery for good."""
    store.connection.execute(
        "UPDATE deliveries SET attempts = attempts + ?, error = ?, "
        "status = CASE WHEN ? THEN 'failed' ELSE status END WHERE id = ?",
        (attempts, error, final, delivery_id),
    )


def delivery_counts(store: Store) -> dict[int, dict[str, int]]:
    """Per subscription id: how many deliveries are in each status."""
    counts: dict[int, dict[str, int]] = {}
    for subscription_id, status, count in store.connection.execute(
        "SELECT subscription_id, status, count(*) FROM deliveries GROUP BY 1, 2"
    ):
        counts.setdefault(subscription_id, {})[status] = count
    return counts


def _deliveries(store: Store, where: str, params: tuple[object, ...]) -> list[Delivery]:
    rows = store.connection.execute(
        "SELECT d.id, d.subscription_id, d.kind, s.email, d.message_id, d.message, "
        "d.story_count, d.attempts, d.status, d.error "
        f"FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id WHERE {where}",
        params,
    ).fetchall()
    return [Delivery(*row) for row in rows]
