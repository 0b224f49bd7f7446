"""When a digest is due, in the subscriber's own time zone.

A daily digest goes out at ``daily_hour`` local time, a weekly one at that hour on
``weekly_day``; an instant one at every run that finds new stories. Each run records the
scheduled time ("slot") it covered, so a run that is late, repeated or restarted sends a
slot's digest once and never skips one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from marsad.digest.subscription import Frequency, Subscription

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class Schedule:
    daily_hour: int = 7
    weekly_day: str = "monday"

    def latest_slot(self, frequency: Frequency, zone: ZoneInfo, now: datetime) -> datetime:
        """The most recent scheduled send time at or before ``now`` (in UTC)."""
        if frequency == "instant":
            return now.astimezone(UTC)
        local_day = now.astimezone(zone).date()
        for back in range(8):
            day = local_day - timedelta(days=back)
            if frequency == "weekly" and WEEKDAYS[day.weekday()] != self.weekly_day:
                continue
            slot = datetime.combine(day, time(self.daily_hour), tzinfo=zone).astimezone(UTC)
            if slot <= now:
                return slot
        raise AssertionError("a weekly slot always falls within eight days")

    def due_slot(self, subscription: Subscription, now: datetime) -> datetime | None:
        """The slot to send now, or None: not active, or this slot was already covered
        (a new subscriber's first digest is the first slot after they confirmed)."""
        if subscription.status != "active":
            return None
        slot = self.latest_slot(subscription.frequency, subscription.zone, now)
        covered = subscription.last_slot or subscription.confirmed_at
        if covered is not None and slot <= covered:
            return None
        return slot
