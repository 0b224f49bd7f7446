"""From an analysed report to its ACLED-style events, each with its evidence sentence.

Reads what earlier components found — entities (actors), places, topics — and works
without them: actors and places are then left empty rather than guessed. The same event
told twice in one report (headline and body, or a quote repeating it) is one event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from marsad.arabic import find_dates, split_sentences
from marsad.events import lexicon_data as lex
from marsad.events.fatalities import Toll, death_toll
from marsad.events.keyed import KeyedSentence
from marsad.events.rules import (
    STATISTIC,
    Candidate,
    SentenceFacts,
    find_candidates,
    is_recent,
    sentence_blocked,
)
from marsad.events.taxonomy import type_of
from marsad.model import Analysis, Event, Mention, Place, Span

ACTOR_LABELS = ("ORG", "MISC", "PER")
BROAD_PLACES = ("continent", "region", "country")
# Place kinds from the most to the least precise, to pick a sentence's event location.
PLACE_RANK = ("village", "town", "city", "subdistrict", "district", "governorate", "other")
VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")
SPORT_TOPIC = "sport"
SPORT_SKIP_PROBABILITY = 0.5
HEADLINE_MAX_WORDS = 16
TERMINAL = '.!؟?…:»"”'
BASE_CONFIDENCE = {"strong": 0.75, "weak": 0.6}
BONUS = 0.05
MAX_CONFIDENCE = 0.95


@dataclass(frozen=True, slots=True)
class _Context:
    published: date | None
    places: list[Place]
    mentions: list[Mention]
    title: tuple[int, int] | None


def extract_events(analysis: Analysis) -> list[Event]:
    """The events a report tells, in order of first mention, duplicates merged."""
    article = analysis.article
    if _about_sport(analysis):
        return []
    published = _as_date(article.published)
    context = _Context(
        published,
        list(analysis.places),
        [m for m in analysis.mentions if m.label in ACTOR_LABELS and m.entity_id],
        (article.title_span.start, article.title_span.end) if article.title_span else None,
    )
    events: list[Event] = []
    for start, end in split_sentences(article.text):
        for event in _sentence_events(article.text, start, end, context):
            _merge_into(events, event)
    return events


def _about_sport(analysis: Analysis) -> bool:
    top = analysis.topics[0] if analysis.topics else None
    return (
        top is not None and top.label == SPORT_TOPIC and top.probability >= SPORT_SKIP_PROBABILITY
    )


def _sentence_events(text: str, start: int, end: int, context: _Context) -> list[Event]:
    sentence = KeyedSentence(text, start, end)
    if not sentence.tokens or sentence_blocked(sentence, context.published):
        return []
    dates = find_dates(text[start:end], context.published)
    if any(not is_recent(_as_date(d.value) or date.min, context.published) for d in dates):
        return []
    places = [p for p in context.places if start <= p.span.start and p.span.end <= end]
    toll = death_toll(sentence)
    if toll is not None and toll.count >= STATISTIC:
        return []
    facts = SentenceFacts(
        headline=_is_headline(text, start, end, context),
        specific_place=any(p.kind not in BROAD_PLACES for p in places),
        dated=bool(dates),
        deaths=toll is not None,
    )
    candidates = find_candidates(sentence, facts)
    if not candidates:
        return []
    toll_owner = _toll_owner(candidates, toll)
    first_date = dates[0] if dates else None
    events = []
    for candidate in candidates:
        event_type = type_of()[candidate.sub_type]
        actor1, actor2 = _actors(sentence, candidate, context.mentions)
        place = _place(sentence, candidate, places)
        fatalities = toll if candidate is toll_owner else None
        event_date = _as_date(first_date.value) if first_date else context.published
        events.append(
            Event(
                type=event_type,
                sub_type=candidate.sub_type,
                actor1=actor1,
                actor2=actor2,
                place_id=place.id if place else None,
                precision=place.precision if place else None,
                event_date=event_date,
                date_span=Span.of(text, start + first_date.start, start + first_date.end)
                if first_date
                else None,
                fatalities=fatalities.count if fatalities else None,
                fatalities_at_least=fatalities.at_least if fatalities else False,
                evidence=Span.of(text, start, end),
                confidence=_confidence(candidate, actor1, place, first_date, fatalities),
            )
        )
    return events


def _is_headline(text: str, start: int, end: int, context: _Context) -> bool:
    """Headlines use the present tense for past events: the title, or a short unpunctuated line."""
    if context.title and context.title[0] <= start and end <= context.title[1]:
        return True
    line = text[start:end].rstrip()
    return bool(line) and line[-1] not in TERMINAL and len(line.split()) <= HEADLINE_MAX_WORDS


def _toll_owner(candidates: list[Candidate], toll: Toll | None) -> Candidate | None:
    """The violent event nearest the stated toll gets it; others get none (never invented)."""
    if toll is None:
        return None
    violent = [c for c in candidates if type_of()[c.sub_type] in VIOLENT_TYPES]
    violent += [c for c in candidates if c.sub_type == lex.EXCESSIVE]
    if not violent:
        return None
    return min(violent, key=lambda c: abs(c.first - toll.token))


def _actors(
    sentence: KeyedSentence, candidate: Candidate, mentions: list[Mention]
) -> tuple[str | None, str | None]:
    """Actor 1 is who acts (the subject near the trigger), actor 2 the first other party after."""
    inside = [m for m in mentions if sentence.start <= m.span.start and m.span.end <= sentence.end]
    if not inside:
        return None, None
    trigger_start = sentence.tokens[candidate.first].start
    trigger_end = sentence.tokens[candidate.last - 1].end
    before = [m for m in inside if m.span.end <= trigger_start]
    after = [m for m in inside if m.span.start >= trigger_end]
    if candidate.trigger.form != "noun" and after and _near(sentence, trigger_end, after[0]):
        first = after[0]  # verb-subject order: "قصفت قوات المعارضة…"
    elif before:
        first = before[-1]
    else:
        first = after[0] if after else inside[0]
    others = [
        m for m in after if m.entity_id != first.entity_id and m.span.start > first.span.start
    ]
    return first.entity_id, others[0].entity_id if others else None


def _near(sentence: KeyedSentence, offset: int, mention: Mention) -> bool:
    return sentence.token_index(mention.span.start) - sentence.token_index(offset) <= lex.NEAR


def _place(sentence: KeyedSentence, candidate: Candidate, places: list[Place]) -> Place | None:
    """The most precise resolved place of the sentence, nearest the trigger on ties.

    Adjectives ("السوري") name a country, not where the event happened.
    """
    resolved = [p for p in places if p.id and p.relation != "adjective"]
    if not resolved:
        return None
    trigger_at = sentence.tokens[candidate.first].start

    def rank(place: Place) -> tuple[int, int]:
        kind = place.kind or "other"
        order = PLACE_RANK.index(kind) if kind in PLACE_RANK else len(PLACE_RANK)
        return order, abs(place.span.start - trigger_at)

    return min(resolved, key=rank)


def _confidence(
    candidate: Candidate,
    actor: str | None,
    place: Place | None,
    stated_date: object,
    toll: Toll | None,
) -> float:
    score = BASE_CONFIDENCE[candidate.trigger.strength]
    score += BONUS * sum(x is not None for x in (actor, place, stated_date, toll))
    return round(min(score, MAX_CONFIDENCE), 2)


def _merge_into(events: list[Event], new: Event) -> None:
    """Add ``new`` unless it is an event already told; then fill what the first telling lacked."""
    for index, old in enumerate(events):
        if _same_event(old, new):
            events[index] = old.model_copy(
                update={
                    "actor1": old.actor1 or new.actor1,
                    "actor2": old.actor2 or new.actor2,
                    "place_id": old.place_id or new.place_id,
                    "precision": old.precision or new.precision,
                    "date_span": old.date_span or new.date_span,
                    "event_date": old.event_date
                    if old.date_span or not new.date_span
                    else new.event_date,
                    "fatalities": _max(old.fatalities, new.fatalities),
                    "fatalities_at_least": old.fatalities_at_least or new.fatalities_at_least,
                    "confidence": max(old.confidence, new.confidence),
                }
            )
            return
    events.append(new)


def _same_event(a: Event, b: Event) -> bool:
    if (a.type, a.sub_type) != (b.type, b.sub_type):
        return False
    if a.place_id and b.place_id and a.place_id != b.place_id:
        return False
    if a.date_span and b.date_span and a.event_date != b.event_date:
        return False
    return all(
        x == y or x is None or y is None for x, y in ((a.actor1, b.actor1), (a.actor2, b.actor2))
    )


def _max(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def _as_date(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value
