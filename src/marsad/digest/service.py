"""One digest run: compose what is due into the outbox, then send what the outbox holds.

Composing a subscriber's digest, recording its stories as delivered to them and moving
their schedule past the slot happen in one transaction (:mod:`marsad.digest.storage`);
sending happens after, from the stored bytes. Only one process sends at a time: it
holds an exclusive lock on ``<db>.digest.lock``, which the operating system releases
when the process ends, however it ends — so a restarted run picks up at once what a
stopped one left pending, and two runs never send the same delivery.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

from marsad.digest import storage
from marsad.digest.compose import Digest, StoryCard, compose
from marsad.digest.config import DigestConfig
from marsad.digest.matching import choose, new_matches, story_cards
from marsad.digest.message import confirmation_message, digest_message, message_id
from marsad.digest.smtp import Mailer, PermanentDeliveryError, ServerUnreachableError
from marsad.digest.subscription import Follow, Subscription
from marsad.errors import DeliveryError, DigestBusyError
from marsad.store import Store

log = logging.getLogger("marsad.digest")
# A delivery that still fails after this many attempts (over all runs) is given up.
MAX_ATTEMPTS = 24
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Planned:
    """A subscription's due digest (``digest`` None: nothing new for this slot) and how
    far the subscription has now looked (see :func:`marsad.digest.matching.choose`)."""

    subscription: Subscription
    slot: datetime
    digest: Digest | None
    seen_through: int


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0
    left_pending: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class RunReport:
    planned: list[Planned] = field(default_factory=list)
    sending: SendReport = field(default_factory=SendReport)

    @property
    def composed(self) -> int:
        return sum(1 for p in self.planned if p.digest is not None)


class DigestService:
    def __init__(
        self,
        store: Store,
        config: DigestConfig,
        *,
        clock: Clock = utc_now,
        mailer: Callable[[], Mailer] | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        self.store = store
        self.config = config
        self.clock = clock
        self.links = config.links()
        self.sender = config.sender()
        self._mailer = mailer or (lambda: Mailer(config.smtp))
        self.stop = stop or threading.Event()
        self._cards: dict[int, StoryCard] = {}  # one run's story cards, shared by subscribers

    # ------------------------------------------------------------------ compose

    def plan(self, subscription: Subscription, now: datetime) -> Planned | None:
        """The digest due for ``subscription`` now, without writing anything."""
        slot = self.config.schedule.due_slot(subscription, now)
        if slot is None:
            return None
        latest = storage.latest_document(self.store)
        found = (
            new_matches(self.store, subscription, latest)
            if latest > subscription.seen_through
            else []  # no report stored since it last looked: nothing to match
        )
        matches, left_from = choose(subscription, found, self.store, self.config.digest.max_stories)
        cards = story_cards(
            self.store,
            {m.story_id for m in matches},
            max_quotes=self.config.digest.quotes_per_story,
            cache=self._cards,
        )
        by_follow: dict[Follow, list[StoryCard]] = {}
        for match in matches:
            if match.story_id in cards:
                by_follow.setdefault(match.follow, []).append(cards[match.story_id])
        digest = compose(subscription, by_follow, now, max_stories=self.config.digest.max_stories)
        seen = latest if left_from is None else max(subscription.seen_through, left_from - 1)
        return Planned(subscription, slot, digest if digest.stories else None, seen)

    def prepare(self, now: datetime) -> list[Planned]:
        """Write every due digest to the outbox, each subscriber in its own transaction."""
        self._cards.clear()
        done = []
        for listed in storage.active_subscriptions(self.store):
            if self.stop.is_set():
                break
            assert listed.id is not None
            with self.store.transaction():
                subscription = storage.subscription_by_id(self.store, listed.id)
                planned = self.plan(subscription, now)
                if planned is None:
                    continue
                if planned.digest is not None:
                    self._enqueue_digest(planned.digest, planned.slot, now)
                storage.advance(self.store, listed.id, planned.slot, planned.seen_through)
            done.append(planned)
        return done

    def _enqueue_digest(self, digest: Digest, slot: datetime, now: datetime) -> int:
        subscription = digest.subscription
        assert subscription.id is not None
        number = int(slot.timestamp())
        mid = message_id("digest", number, subscription.uid, self.links.domain)
        message = digest_message(
            digest,
            self.links,
            sender=self.sender,
            message_id=mid,
            unsubscribe_mailto=self.config.digest.unsubscribe_mailto,
        )
        return storage.add_delivery(
            self.store,
            subscription.id,
            "digest",
            message_id=mid,
            message=_bytes(message),
            now=now,
            slot=slot,
            stories=[(s.story_id, s.article_ids) for s in digest.stories],
        )

    def enqueue_confirmation(self, subscription: Subscription) -> int:
        """Write the double opt-in email (with its signed link) to the outbox."""
        assert subscription.id is not None
        now = self.clock()
        mid = message_id("confirm", int(now.timestamp()), subscription.uid, self.links.domain)
        message = confirmation_message(
            subscription, self.links, sender=self.sender, message_id=mid, sent_at=now
        )
        return storage.add_delivery(
            self.store,
            subscription.id,
            "confirmation",
            message_id=mid,
            message=_bytes(message),
            now=now,
        )

    # --------------------------------------------------------------------- send

    def send_pending(self, only: set[int] | None = None) -> SendReport:
        """Send what the outbox holds (or only the deliveries ``only``), oldest first.

        The caller holds :func:`sender_lock`. A delivery the server refuses for good is
        marked failed; one that may pass later stays pending for the next run, and an
        unreachable server ends this round (the next run tries again).
        """
        report = SendReport()
        pending = [
            d for d in storage.pending_deliveries(self.store) if only is None or d.id in only
        ]
        if not pending:
            return report
        with self._mailer() as mailer:
            for index, delivery in enumerate(pending):
                if self.stop.is_set():
                    report.left_pending += len(pending) - index
                    break
                try:
                    attempts = mailer.send(delivery.message, self.sender[1], delivery.recipient)
                except PermanentDeliveryError as error:
                    storage.mark_failed(self.store, delivery.id, 1, str(error), final=True)
                    report.failed += 1
                    report.errors.append(f"{delivery.recipient}: {error}")
                    continue
                except DeliveryError as error:
                    tried = self.config.smtp.retries + 1
                    final = delivery.attempts + tried >= MAX_ATTEMPTS
                    storage.mark_failed(self.store, delivery.id, tried, str(error), final=final)
                    report.errors.append(f"{delivery.recipient}: {error}")
                    if final:
                        report.failed += 1
                    else:
                        report.left_pending += 1
                    if isinstance(error, ServerUnreachableError):
                        report.left_pending += len(pending) - index - 1
                        break
                    continue
                storage.mark_sent(self.store, delivery.id, attempts, self.clock())
                report.sent += 1
                log.info(
                    "sent %s (%s) to %s", delivery.kind, delivery.message_id, delivery.recipient
                )
        return report

    def run(self, *, dry_run: bool = False) -> RunReport:
        """Compose what is due and send the outbox; with ``dry_run`` only say what would be
        composed (nothing is written or sent)."""
        now = self.clock()
        if dry_run:
            self._cards.clear()
            planned = [
                p
                for s in storage.active_subscriptions(self.store)
                if (p := self.plan(s, now)) is not None
            ]
            return RunReport(planned=planned)
        planned = self.prepare(now)
        return RunReport(planned=planned, sending=self.send_pending())


def _bytes(message: EmailMessage) -> bytes:
    return message.as_bytes()


@contextmanager
def sender_lock(db: Path, *, wait: bool = False) -> Iterator[bool]:
    """Hold the outbox's send lock while the block runs; yields False (without waiting)
    when another process holds it, unless ``wait``."""
    if str(db) == ":memory:":
        yield True
        return
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: one sender is the operator's job
        yield True
        return
    path = Path(f"{db}.digest.lock")
    with path.open("a") as handle:
        flags = fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB
        try:
            fcntl.flock(handle, flags)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def require_lock(acquired: bool) -> None:
    if not acquired:
        raise DigestBusyError(
            "another `marsad watch` or `marsad digest send` is sending from this database",
            hint="let it finish, or stop it first",
        )
