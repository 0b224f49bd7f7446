"""A digest's content: the matching stories, grouped by what the subscriber follows.

Each story is shown as a card read from one of its reports: headline, publisher, how many
reports and independent publishers carried it, a few key quotes with their speakers, and
its places. A speaker is named exactly as the report view names it
(:func:`marsad.web.highlight.speaker_of`): an anonymous source is shown as anonymous, with
only what the report itself said about it, and is never joined to a person.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from marsad.arabic import split_sentences
from marsad.digest.subscription import Follow, Subscription
from marsad.model import Analysis, Quote
from marsad.web.highlight import speaker_of

HEADLINE_CHARS = 140
QUOTE_CHARS = 240
MIN_QUOTE_CHARS = 20
MAX_PLACES = 6
ELLIPSIS = "…"
# Direct words first: they are what the speaker said, not the reporter's paraphrase.
QUOTE_KIND_ORDER = {"direct": 0, "mixed": 1, "indirect": 2}


@dataclass(frozen=True)
class KeyQuote:
    text: str
    speaker: str
    anonymous: bool
    speaker_detail: str = ""


@dataclass(frozen=True)
class StoryCard:
    """One story cluster as a digest shows it."""

    story_id: int
    headline: str
    day: str
    publisher: str | None = None
    url: str | None = None
    article_count: int = 1
    independent_source_count: int = 1
    quotes: tuple[KeyQuote, ...] = ()
    places: tuple[str, ...] = ()
    article_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Section:
    follow: Follow
    stories: tuple[StoryCard, ...]


@dataclass(frozen=True)
class Digest:
    subscription: Subscription
    sections: tuple[Section, ...]
    generated_at: datetime
    also_matched: dict[int, tuple[str, ...]] = field(default_factory=dict)

    @property
    def stories(self) -> list[StoryCard]:
        return [story for section in self.sections for story in section.stories]

    @property
    def story_ids(self) -> list[int]:
        return [story.story_id for story in self.stories]


def story_card(
    analysis: Analysis,
    *,
    story_id: int,
    article_count: int = 1,
    independent_source_count: int = 1,
    article_ids: Sequence[int] = (),
    max_quotes: int = 2,
) -> StoryCard:
    """The card of a story, read from ``analysis`` (one of its reports)."""
    article = analysis.article
    published = article.published.isoformat()[:10] if article.published else None
    return StoryCard(
        story_id=story_id,
        headline=headline(analysis),
        day=published or analysis.document.fetched_at.date().isoformat(),
        publisher=article.publisher,
        url=article.url or analysis.document.url,
        article_count=article_count,
        independent_source_count=independent_source_count,
        quotes=tuple(key_quotes(analysis, max_quotes)),
        places=tuple(place_names(analysis)),
        article_ids=tuple(article_ids),
    )


def headline(analysis: Analysis) -> str:
    """The report's title, else its first sentence (shortened at a word)."""
    article = analysis.article
    if article.title and article.title.strip():
        return shorten(article.title.strip(), HEADLINE_CHARS)
    bodies = article.blocks_of("paragraph") or article.blocks
    for block in bodies:
        text = article.block_text(block)
        sentences = split_sentences(text)
        first = text[sentences[0][0] : sentences[0][1]] if sentences else text
        if first.strip():
            return shorten(first.strip(), HEADLINE_CHARS)
    return shorten(" ".join(article.text.split()), HEADLINE_CHARS) or "—"


def key_quotes(analysis: Analysis, limit: int) -> list[KeyQuote]:
    """Up to ``limit`` quotes, direct and confident first, one per speaker, in text order."""
    candidates = [q for q in analysis.quotes if len(q.span.text.strip()) >= MIN_QUOTE_CHARS]
    candidates.sort(key=lambda q: (QUOTE_KIND_ORDER[q.kind], -q.confidence, q.span.start))
    chosen: list[Quote] = []
    speakers: set[str | None] = set()
    for quote in candidates:
        if len(chosen) == limit:
            break
        who = quote.source_id or (quote.speaker_span.text if quote.speaker_span else None)
        if who is not None and who in speakers:
            continue
        speakers.add(who)
        chosen.append(quote)
    out = []
    for quote in sorted(chosen, key=lambda q: q.span.start):
        speaker = speaker_of(quote, analysis)
        text = shorten(" ".join(quote.span.text.split()), QUOTE_CHARS)
        out.append(KeyQuote(text, speaker.name, speaker.anonymous, speaker.detail))
    return out


def place_names(analysis: Analysis) -> list[str]:
    """The report's places, the most mentioned first, by gazetteer name when resolved."""
    counts: Counter[str] = Counter(
        place.name or place.span.text for place in analysis.places if place.relation != "adjective"
    )
    return [name for name, _ in counts.most_common(MAX_PLACES)]


def compose(
    subscription: Subscription,
    matches: Mapping[Follow, Sequence[StoryCard]],
    generated_at: datetime,
    *,
    max_stories: int = 20,
) -> Digest:
    """Group the matching stories by followed item, in the subscription's order.

    A story that matches several items is shown once, under the first; the others are
    listed with it. The most widely carried stories come first within a section, and the
    digest stops at ``max_stories`` (the rest wait for the next digest).
    """
    seen: dict[int, Follow] = {}
    also: dict[int, list[str]] = {}
    sections: list[Section] = []
    budget = max_stories
    for follow in subscription.follows:
        ranked = sorted(
            matches.get(follow, ()),
            key=lambda s: rank(s.independent_source_count, s.article_count, s.day, s.story_id),
        )
        kept: list[StoryCard] = []
        for story in ranked:
            if story.story_id in seen:
                if seen[story.story_id] != follow:
                    also.setdefault(story.story_id, []).append(follow.label)
                continue
            if budget == 0:
                break
            seen[story.story_id] = follow
            kept.append(story)
            budget -= 1
        if kept:
            sections.append(Section(follow=follow, stories=tuple(kept)))
    return Digest(
        subscription=subscription,
        sections=tuple(sections),
        generated_at=generated_at,
        also_matched={k: tuple(v) for k, v in also.items()},
    )


def rank(independent_sources: int, articles: int, day: str, story_id: int) -> tuple[int, ...]:
    """Sort key of stories in a digest: most independent publishers, then most reports,
    then the most recent day."""
    try:
        ordinal = date.fromisoformat(day[:10]).toordinal()
    except ValueError:
        ordinal = 0
    return (-independent_sources, -articles, -ordinal, story_id)


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters (with an ellipsis)."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ،,.:؛") + ELLIPSIS
