"""What a subscriber follows, how often, in which time zone — validated on the way in.

Everything a subscriber typed ends up in an email header or a database row, so the
checks here are the first wall: a malformed address, a line break in a name or a
followed item, an unknown time zone or frequency are refused with an error that says
what to fix. Whether a followed entity, place or hashtag is *known* is decided against
the corpus (:mod:`marsad.digest.matching`).
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field

from marsad.digest.addresses import check_header_text, normalize_address
from marsad.errors import SubscriptionError

FollowKind = Literal["entity", "place", "hashtag", "search"]
FOLLOW_KINDS: tuple[FollowKind, ...] = ("entity", "place", "hashtag", "search")
Frequency = Literal["instant", "daily", "weekly"]
FREQUENCIES: tuple[Frequency, ...] = ("instant", "daily", "weekly")
Status = Literal["pending", "active", "unsubscribed"]
MAX_FOLLOWS = 50


class Follow(BaseModel):
    """One followed item. ``value`` is an entity or place name (or id), a hashtag without
    ``#``, or a search query; a search may carry store filters (``place``, ``topic``…)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: FollowKind
    value: str
    filters: dict[str, str] = Field(default_factory=dict)

    def __hash__(self) -> int:
        return hash((self.kind, self.value, tuple(sorted(self.filters.items()))))

    @property
    def label(self) -> str:
        """How the item is named in a digest, a subject line and a feed."""
        if self.kind == "hashtag":
            return f"#{self.value}"
        if self.kind == "search":
            shown = [f"«{self.value}»"] if self.value else []
            shown += [f"{name}: {value}" for name, value in sorted(self.filters.items())]
            return "بحث: " + " · ".join(shown)
        return self.value


def make_follow(kind: str, value: str, filters: dict[str, str] | None = None) -> Follow:
    """A checked :class:`Follow`: one line of text, a known kind, filters only on searches."""
    if kind not in FOLLOW_KINDS:
        raise SubscriptionError(
            f"cannot follow a {kind!r}", hint=f"follow one of: {', '.join(FOLLOW_KINDS)}"
        )
    value = check_header_text(value, f"followed {kind}")
    if kind == "hashtag":
        value = value.lstrip("#").strip().replace(" ", "_")
    checked: dict[str, str] = {}
    for name, filter_value in (filters or {}).items():
        if kind != "search":
            raise SubscriptionError(f"only a search takes filters (not a {kind})")
        checked[check_header_text(name, "filter name")] = check_header_text(
            filter_value, f"value of the filter {name!r}"
        )
    if not value and not checked:
        raise SubscriptionError(f"the followed {kind} is empty")
    return Follow(kind=kind, value=value, filters=checked)


class Subscription(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: int | None = None
    uid: str = Field(description="Public, random id: what signed links name.")
    email: str
    name: str | None = None
    follows: list[Follow]
    frequency: Frequency = "daily"
    timezone: str = "UTC"
    status: Status = "pending"
    created_at: datetime
    confirmed_at: datetime | None = None
    unsubscribed_at: datetime | None = None
    last_slot: datetime | None = Field(
        default=None, description="The scheduled time the last digest run covered."
    )
    seen_through: int = Field(
        default=0, description="Reports stored up to this document id were considered."
    )

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def new_subscription(
    email: str,
    follows: list[Follow],
    *,
    name: str | None = None,
    frequency: str = "daily",
    timezone: str = "UTC",
) -> Subscription:
    """A pending subscription (active once confirmed), every field checked."""
    if not follows:
        raise SubscriptionError(
            "a subscription needs at least one followed item",
            hint="follow an entity, a place, a hashtag or a search",
        )
    if len(follows) > MAX_FOLLOWS:
        raise SubscriptionError(f"at most {MAX_FOLLOWS} followed items per subscription")
    return Subscription(
        uid=secrets.token_urlsafe(12),
        email=normalize_address(email),
        name=(check_header_text(name, "name") or None) if name else None,
        follows=list(dict.fromkeys(follows)),
        frequency=check_frequency(frequency),
        timezone=check_timezone(timezone),
        created_at=datetime.now(UTC),
    )


def check_frequency(frequency: str) -> Frequency:
    if frequency not in FREQUENCIES:
        raise SubscriptionError(
            f"unknown frequency {frequency!r}", hint=f"one of: {', '.join(FREQUENCIES)}"
        )
    return frequency


def check_timezone(name: str) -> str:
    """An IANA time zone name that this system's zoneinfo knows."""
    name = check_header_text(name, "time zone")
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SubscriptionError(
            f"unknown time zone {name!r}", hint="an IANA name such as Asia/Damascus or UTC"
        ) from None
    return name
