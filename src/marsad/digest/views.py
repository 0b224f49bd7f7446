"""What the digest commands print, and the reading of their follow options."""

from __future__ import annotations

import json

from rich.console import Console
from rich.table import Table

from marsad.digest.service import Planned, RunReport, SendReport
from marsad.digest.subscription import Follow, Subscription, make_follow
from marsad.digest.watch import Cycle
from marsad.errors import SubscriptionError


def follows_from_options(
    entities: list[str] | None,
    places: list[str] | None,
    hashtags: list[str] | None,
    searches: list[str] | None,
    filters: list[str] | None,
) -> list[Follow]:
    """``--filter KEY=VALUE`` options apply to every ``--search``; alone, they make one
    search with no words (follow a topic, a publisher, a speaker…)."""
    parsed: dict[str, str] = {}
    for item in filters or []:
        key, equals, value = item.partition("=")
        if not equals or not key.strip():
            raise SubscriptionError(
                f"--filter {item!r} is not KEY=VALUE", hint="e.g. topic=conflict"
            )
        parsed[key.strip()] = value.strip()
    follows = [make_follow("entity", v) for v in entities or []]
    follows += [make_follow("place", v) for v in places or []]
    follows += [make_follow("hashtag", v) for v in hashtags or []]
    follows += [make_follow("search", v, parsed) for v in searches or []]
    if parsed and not searches:
        follows.append(make_follow("search", "", parsed))
    return follows


def subscriptions_json(found: list[Subscription], counts: dict[int, dict[str, int]]) -> str:
    payload = [s.model_dump(mode="json") | {"deliveries": counts.get(s.id or 0, {})} for s in found]
    return json.dumps(payload, ensure_ascii=False, indent=2)


def render_subscriptions(
    found: list[Subscription], counts: dict[int, dict[str, int]], console: Console
) -> None:
    if not found:
        console.print("no subscriptions")
        return
    table = Table("#", "email", "status", "schedule", "follows", "sent", "pending", "failed")
    for s in found:
        done = counts.get(s.id or 0, {})
        table.add_row(
            str(s.id),
            s.email,
            s.status,
            f"{s.frequency} ({s.timezone})",
            "\n".join(f.label for f in s.follows),
            str(done.get("sent", 0)),
            str(done.get("pending", 0)),
            str(done.get("failed", 0)),
        )
    console.print(table)


def render_sending(report: SendReport | None, console: Console, what: str) -> None:
    if report is None:
        console.print(f"the {what} is queued; the running `marsad watch` sends it")
    elif report.sent:
        console.print(f"{what} sent")
    else:
        console.print(
            f"the {what} is queued but not sent yet: {'; '.join(report.errors)}", highlight=False
        )


def render_run(report: RunReport, console: Console, *, dry_run: bool = False) -> None:
    verb = "would send" if dry_run else "composed"
    for planned in report.planned:
        console.print(_planned_line(planned, verb), highlight=False)
        if planned.digest is not None:
            for story in planned.digest.stories:
                console.print(f"    • {story.headline}", highlight=False)
    console.print(f"{report.composed} digest(s) {verb}", highlight=False)
    if not dry_run:
        sending = report.sending
        console.print(
            f"sent {sending.sent}, failed {sending.failed}, still pending {sending.left_pending}",
            highlight=False,
        )
        for error in sending.errors:
            console.print(f"  [red]{error}[/]", highlight=False)


def render_cycle(cycle: Cycle, console: Console) -> None:
    parts = [f"cycle {cycle.number}"]
    if cycle.ingested is not None:
        stats = cycle.ingested
        parts.append(f"ingested {stats.added} new, {stats.updated} updated, {stats.failed} failed")
    sending = cycle.digests.sending
    parts.append(
        f"{cycle.digests.composed} digest(s) composed, sent {sending.sent}, "
        f"failed {sending.failed}, pending {sending.left_pending}"
    )
    console.print("; ".join(parts), highlight=False)
    for error in sending.errors:
        console.print(f"  [red]{error}[/]", highlight=False)


def _planned_line(planned: Planned, verb: str) -> str:
    subscription = planned.subscription
    local = planned.slot.astimezone(subscription.zone).strftime("%Y-%m-%d %H:%M")
    when = f"{subscription.frequency}, {local} {subscription.timezone}"
    head = f"#{subscription.id} {subscription.email} ({when})"
    if planned.digest is None:
        return f"{head}: nothing new"
    return f"{head}: {verb} {len(planned.digest.stories)} stories"
