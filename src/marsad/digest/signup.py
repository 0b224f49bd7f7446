"""Signing up, shared by ``marsad subscribe`` and the web form: check, store, and send the
double opt-in email (or activate at once when the operator vouches for the address)."""

from __future__ import annotations

from datetime import datetime

from marsad.digest import storage
from marsad.digest.config import DigestConfig
from marsad.digest.matching import check_follows
from marsad.digest.service import DigestService, SendReport, sender_lock
from marsad.digest.subscription import Follow, Subscription, new_subscription
from marsad.store import Store


def create_subscription(
    store: Store,
    email: str,
    follows: list[Follow],
    *,
    now: datetime,
    name: str | None = None,
    frequency: str = "daily",
    timezone: str = "UTC",
    confirmed: bool = False,
) -> Subscription:
    """A stored subscription: pending (until its link is opened) unless ``confirmed``."""
    subscription = new_subscription(
        email, follows, name=name, frequency=frequency, timezone=timezone
    )
    check_follows(store, subscription.follows)
    if confirmed:
        subscription = subscription.model_copy(update={"status": "active", "confirmed_at": now})
    return storage.add_subscription(store, subscription)


def request_confirmation(
    store: Store, config: DigestConfig, subscription: Subscription
) -> SendReport | None:
    """Queue the confirmation email and send it now if no other process is sending
    (None: a running ``marsad watch`` holds the outbox and sends it within seconds).

    One attempt only: a web request must not wait through backoffs; what fails stays
    pending for ``marsad watch``."""
    once = config.smtp.model_copy(update={"retries": 0})
    service = DigestService(store, config.model_copy(update={"smtp": once}))
    delivery = service.enqueue_confirmation(subscription)
    with sender_lock(store.path) as acquired:
        if acquired:
            return service.send_pending(only={delivery})
    return None
