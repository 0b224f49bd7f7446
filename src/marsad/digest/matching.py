"""Which stories a subscription's followed items match, through the store's own search.

A followed entity, place or hashtag is the store filter of that name (so a followed
governorate matches every place inside it, and spelling variants meet as in search); a
saved search is a query plus filters. A digest takes the stories with a report stored
since the subscription last looked (it starts looking when the subscriber confirms) that
were not sent to them before; the feed takes the newest matching stories.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from datetime import datetime

from pydantic import ValidationError

from marsad.digest.compose import StoryCard, rank, story_card
from marsad.digest.subscription import Follow, Subscription
from marsad.errors import StoreError, SubscriptionError, UnknownFollowError
from marsad.store import Filters, Store
from marsad.store.query import parse_query
from marsad.store.search import filter_sql, parse_day
from marsad.store.terms import filter_key

# Filters a saved search may carry; ``since``/``until`` may be relative ("7d").
SEARCH_FILTERS = tuple(name for name in Filters.model_fields if name != "story")
DAY_FILTERS = ("since", "until")
# Where the names of each kind of followed item are found, to suggest close ones.
_NAMES = {
    "entity": "SELECT name FROM entities UNION SELECT text FROM mentions",
    "place": "SELECT coalesce(name, text) FROM places UNION SELECT admin1 FROM places "
    "WHERE admin1 IS NOT NULL UNION SELECT admin2 FROM places WHERE admin2 IS NOT NULL",
    "hashtag": "SELECT tag FROM hashtags",
}
MAX_NAMES = 50_000


@dataclass(frozen=True)
class Match:
    """A story a followed item matched, with the matching reports and when the newest
    of them was stored."""

    follow: Follow
    story_id: int
    article_ids: tuple[int, ...]
    added_at: datetime


def search_filters(follow: Follow) -> Filters:
    """The store filters a follow stands for (checked: unknown names are refused)."""
    if follow.kind != "search":
        return Filters.model_validate({follow.kind: follow.value})
    unknown = sorted(set(follow.filters) - set(SEARCH_FILTERS))
    if unknown:
        raise SubscriptionError(
            f"unknown search filter {', '.join(map(repr, unknown))}",
            hint=f"filters: {', '.join(SEARCH_FILTERS)}",
        )
    values: dict[str, object] = dict(follow.filters)
    for name in DAY_FILTERS:
        if name in values:
            values[name] = parse_day(str(values[name]))
    try:
        return Filters.model_validate(values)
    except ValidationError as error:
        problems = "; ".join(f"{e['loc'][0]}: {e['msg']}" for e in error.errors())
        raise SubscriptionError(f"bad search filter: {problems}") from None


def check_follows(store: Store, follows: list[Follow]) -> None:
    """Refuse a followed entity, place or hashtag that no stored report carries, and a
    search whose query or filters cannot be understood (E603, E600, E502)."""
    for follow in follows:
        source, where, params = _follow_sql(follow)
        if follow.kind == "search":
            continue
        found = store.connection.execute(
            f"SELECT 1 FROM {source} WHERE {' AND '.join(where)} LIMIT 1", params
        ).fetchone()
        if found is None:
            close = suggestions(store, follow)
            raise UnknownFollowError(
                f"no report in the corpus names the {follow.kind} {follow.value!r}",
                hint=f"did you mean {' or '.join(close)}?"
                if close
                else "check the spelling, or follow a search for it instead",
            )


def suggestions(store: Store, follow: Follow, limit: int = 3) -> list[str]:
    """Known names close to an unknown one, compared by their matching keys."""
    names: dict[str, str] = {}
    for (name,) in store.connection.execute(f"{_NAMES[follow.kind]} LIMIT {MAX_NAMES}"):
        if name:
            names.setdefault(filter_key(name), name)
    close = difflib.get_close_matches(filter_key(follow.value), list(names), n=limit, cutoff=0.6)
    return [names[key] for key in close]


def new_matches(store: Store, subscription: Subscription, through: int) -> list[Match]:
    """Stories with a report stored since the subscription last looked (document ids
    after ``seen_through``, up to ``through``) that were never sent to this subscriber —
    neither the story nor any of the matching reports."""
    assert subscription.id is not None
    matches = []
    for follow in subscription.follows:
        source, where, params = _follow_sql(follow)
        rows = store.connection.execute(
            f"SELECT a.story_id, group_concat(a.id), max(d.added_at) FROM {source} "
            "JOIN documents d ON d.id = a.id "
            f"WHERE {' AND '.join(where)} AND a.story_id IS NOT NULL "
            "AND a.id > ? AND a.id <= ? "
            "AND a.story_id NOT IN "
            "(SELECT story_id FROM delivered_stories WHERE subscription_id = ?) "
            "AND a.id NOT IN "
            "(SELECT article_id FROM delivered_articles WHERE subscription_id = ?) "
            "GROUP BY a.story_id ORDER BY a.story_id",
            (*params, subscription.seen_through, through, subscription.id, subscription.id),
        ).fetchall()
        matches.extend(_matches(follow, rows))
    return matches


def choose(
    subscription: Subscription, matches: list[Match], store: Store, limit: int
) -> tuple[list[Match], int | None]:
    """The matches of the (at most ``limit``) stories a digest shows — by followed item in
    the subscriber's order, the most widely carried first, as :func:`compose` orders them —
    and the lowest report id of a story left for the next digest (None: nothing left)."""
    ids = sorted({m.story_id for m in matches})
    stats = {
        row[0]: row[1:]
        for row in store.connection.execute(
            "SELECT id, independent_source_count, article_count, coalesce(last_seen, '') "
            "FROM stories WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
    }
    kept: set[int] = set()
    for follow in subscription.follows:
        ranked = sorted(
            (m.story_id for m in matches if m.follow == follow and m.story_id in stats),
            key=lambda i: rank(stats[i][0], stats[i][1], stats[i][2], i),
        )
        for story_id in ranked:
            if len(kept) < limit:
                kept.add(story_id)
    left = [min(m.article_ids) for m in matches if m.story_id not in kept and m.story_id in stats]
    return [m for m in matches if m.story_id in kept], min(left, default=None)


def recent_matches(store: Store, subscription: Subscription, limit: int) -> list[Match]:
    """The newest matching stories of each followed item, for the feed."""
    matches = []
    for follow in subscription.follows:
        source, where, params = _follow_sql(follow)
        rows = store.connection.execute(
            f"SELECT a.story_id, group_concat(a.id), max(d.added_at) FROM {source} "
            "JOIN documents d ON d.id = a.id "
            f"WHERE {' AND '.join(where)} AND a.story_id IS NOT NULL "
            "GROUP BY a.story_id ORDER BY max(a.id) DESC LIMIT ?",
            (*params, limit),
        ).fetchall()
        matches.extend(_matches(follow, rows))
    return matches


def story_cards(
    store: Store,
    story_ids: set[int],
    *,
    max_quotes: int,
    cache: dict[int, StoryCard] | None = None,
) -> dict[int, StoryCard]:
    """A card per story (read from its first report with a title); a story that was
    refolded away in the meantime is left out. ``cache`` keeps cards between calls."""
    cache = {} if cache is None else cache
    cards = {}
    for story_id in sorted(story_ids):
        if story_id in cache:
            cards[story_id] = cache[story_id]
            continue
        try:
            story = store.story(story_id)
        except StoreError:
            continue
        if not story.articles:
            continue
        shown = next((a for a in story.articles if a.title), story.articles[0])
        analysis = store.get_analysis(shown.id, include_raw=False)
        cards[story_id] = cache[story_id] = story_card(
            analysis,
            story_id=story_id,
            article_count=story.article_count,
            independent_source_count=story.independent_source_count,
            article_ids=[a.id for a in story.articles],
            max_quotes=max_quotes,
        )
    return cards


def _matches(follow: Follow, rows: list[tuple[int, str, str]]) -> list[Match]:
    return [
        Match(
            follow=follow,
            story_id=int(story_id),
            article_ids=tuple(sorted(int(i) for i in str(ids).split(","))),
            added_at=datetime.fromisoformat(added_at),
        )
        for story_id, ids, added_at in rows
    ]


def _follow_sql(follow: Follow) -> tuple[str, list[str], list[object]]:
    """FROM clause, conditions and parameters selecting the reports ``follow`` matches."""
    filters = search_filters(follow)
    parsed = parse_query(follow.value if follow.kind == "search" else "")
    where, params = filter_sql(filters)
    if parsed.fts is None:
        return "articles a", where or ["1"], params
    source = "search_index f JOIN articles a ON a.id = f.rowid"
    return source, ["search_index MATCH ?", *where], [parsed.fts, *params]
