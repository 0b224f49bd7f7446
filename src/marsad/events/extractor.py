"""From an analysed report to its ACLED-style events, each with its evidence sentence.

Reads what earlier components found — entities (actors), places, topics — and works
without them: actors and places are then left empty rather than guessed. The same event
told twice in one report (headline and body, or a quote repeating it) is one event.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from itertools import pairwise

from marsad.arabic import (
    DateMatch,
    clitic_stems,
    find_dates,
    match_key,
    split_sentences,
    strip_conjunction,
)
from marsad.entities.linking import ANONYMOUS, LOCAL
from marsad.entities.registry import default_registry
from marsad.events import fatalities_data as numbers
from marsad.events import lexicon_data as lex
from marsad.events.clauses import clause_ids
from marsad.events.fatalities import Toll, death_toll
from marsad.events.filter import EventFilter, candidate_features
from marsad.events.keyed import KeyedSentence, PhraseSet
from marsad.events.rules import (
    CASUALTY_VERBS,
    RELATIVES,
    STATISTIC,
    VETO,
    VIOLENT_TYPES,
    Candidate,
    SentenceFacts,
    consolidate,
    find_candidates,
    is_recent,
    mentions_the_past,
    sentence_blocked,
)
from marsad.events.taxonomy import type_of
from marsad.model import Analysis, Event, Mention, Place, Quote, Span

ACTOR_LABELS = ("ORG", "MISC", "PER")
BROAD_PLACES = ("continent", "region", "country")
BATTLES = "Battles"
# Place kinds from the most to the least precise, to pick a sentence's event location.
PLACE_RANK = ("village", "town", "city", "subdistrict", "district", "governorate", "other")
SPORT_TOPIC = "sport"
SPORT_SKIP_PROBABILITY = 0.5
CORROBORATION = 0.4  # a telling this likely counts when a likely event of the report matches
CORROBORATING_SENTENCES = 3  # plausible tellings in this many sentences make an event likely
HEADLINE_MAX_WORDS = 16
CAUSES = PhraseSet(lex.CAUSES)
TARGET_MARKERS = PhraseSet(lex.TARGET_MARKERS)
FACED = PhraseSet(lex.FACED)
CONDEMNATIONS = PhraseSet(lex.CONDEMNATIONS)
SELF_REPORTS = frozenset(match_key(w) for w in lex.SELF_REPORTS)
OWN_FORCES = tuple(match_key(w) for w in lex.OWN_FORCES)
COMPLEMENTIZERS = frozenset(match_key(w) for w in lex.COMPLEMENTIZERS)
WAGING = frozenset(match_key(w) for w in lex.WAGING)
SUPPORTERS = frozenset(match_key(w) for w in lex.SUPPORTERS)
LOYAL = frozenset(match_key(w) for w in lex.LOYAL)
SUFFERED_BY = PhraseSet(lex.SUFFERED_BY)
BETWEEN = PhraseSet(lex.BETWEEN)
ONE_SIDE = PhraseSet(lex.ONE_SIDE)
BACKGROUND_LINKS = PhraseSet(lex.BACKGROUND_LINKS)
CITY_WORDS = PhraseSet(lex.CITY_WORDS)
REVENGE = PhraseSet(lex.REVENGE)
FROM = PhraseSet(("من",))
CITY_KINDS = ("city", "town")
OCCASIONS = frozenset(match_key(w) for w in lex.SPEECH_OCCASIONS)
PERSONS = frozenset(match_key(w) for w in lex.PERSON_NOUNS)
COUNT_WORDS = frozenset(
    match_key(w)
    for w in (*lex.PARTITIVE_COUNTS, *numbers.UNITS, *numbers.TEN, *numbers.TENS, *numbers.HUNDREDS)
)
TERMINAL = ".!؟?…:"
CLOSING_QUOTES = '»"”'


@dataclass(frozen=True, slots=True)
class _Context:
    published: date | None
    places: list[Place]
    mentions: list[Mention]
    title: tuple[int, int] | None
    within: dict[str, set[str]]  # place id -> the ids of the areas it lies in
    frames: list[tuple[int, int]]  # "قال في مؤتمر صحافي عقده في أنقرة": before a quote
    self_reports: list[tuple[int, str]]  # "أعلن التحالف أنه شن": where, and who says it did
    names: dict[str, str]  # place id -> its name
    sentences: list[tuple[int, int]]  # the report's sentences, in order


@dataclass(slots=True)
class SentenceReading:
    """One sentence as the filter sees it: its candidates and what was found around them."""

    sentence: KeyedSentence
    clauses: list[int]  # clause number of each token
    candidates: list[Candidate]
    places: list[Place]  # resolved places of the sentence, adjectives ("السوري") left out
    named: list[Place]  # every place named in the sentence, resolved or not, no adjective
    toll: Toll | None
    dates: list[DateMatch]  # offsets into the sentence; no vague ones ("منذ أيام")
    frames: list[tuple[int, int]]  # where quotes of the sentence are introduced (article offsets)

    def features(self, candidate: Candidate) -> list[str]:
        return candidate_features(candidate, self.candidates)

    def place(self, candidate: Candidate) -> Place | None:
        """The most precise place of the trigger's clause, else of the sentence within
        ``PLACE_REACH`` characters of the trigger: a run-on sentence of 700 characters
        tells other stories in its far clauses."""
        at = self.sentence.tokens[candidate.first].start
        near = [p for p in self._places(candidate) if abs(p.span.start - at) <= lex.PLACE_REACH]
        return _most_precise(self._clause_places(candidate) or near, at)

    def listed_with(
        self, candidate: Candidate, place: Place | None, text: str
    ) -> list[tuple[Place | None, Place | None]]:
        """``place`` and the places listed with it where the event took place ("غارات في
        صنعاء وحجة ومأرب", "بأطراف مدينتي الرمادي والفلوجة"): ACLED codes one event at
        each, as (the place that codes it, the place that names it). Names the gazetteer
        lacks, listed just before the place that locates them ("بلدتي الوهط وصبر في محافظة
        لحج"), are coded at that place and named as written; with no place known at all,
        such a list in the trigger's clause still gives one event at each name. A list
        after "بين" or "نحو", or in a relative clause after the trigger ("غارات على التنظيم
        الذي يسيطر على مناطق في سوريا والعراق"), tells no places of the event's."""
        runs = _place_runs(sorted(self.named, key=lambda p: p.span.start), text)
        lone = self.lone_unknown(candidate)
        if place is not None and lone is not None and not self._clause_places(candidate):
            return [(place, lone)]  # coded at the place nearby, named as its clause names it
        if place is None:  # names the gazetteer lacks, listed in the trigger's own clause
            unknown = [
                run
                for run in runs
                if len(run) > 1
                and not any(p.id for p in run)
                and self.clause_at(run[0].span.start) == candidate.clause
            ]
            if not unknown:
                return [(None, lone)]
            place = unknown[0][0]
        listed = next(run for run in runs if any(p is place for p in run))
        area = None
        if len(listed) == 1:
            located = [
                run
                for run in runs
                if len(run) > 1
                and not any(p.id for p in run)
                and lex.LOCATED_BY.fullmatch(match_key(text[run[-1].span.end : place.span.start]))
            ]
            if located:
                listed, area = located[0], place
            else:
                apart = self._countries_apart(candidate, place, text)
                if len(apart) > 1:
                    return [(p, p) for p in apart]
        lead_at = max(0, listed[0].span.start - lex.PLACE_LIST_LEAD_CHARS)
        lead = match_key(text[lead_at : listed[0].span.start])
        if (
            len(listed) == 1
            or not lex.PLACE_LIST_LEAD.search(lead)
            or (  # "عاملون في مؤسسات طبية بمناطق عدن، ولحج، وتعز … جراء القصف": whose words
                listed[0].span.start < self.sentence.tokens[candidate.first].start
                and self.clause_at(listed[0].span.start) != candidate.clause
            )
            or self.sentence.has(  # "التي" right after the trigger describes the event
                RELATIVES, candidate.last + 1, self.sentence.token_index(listed[0].span.start)
            )
        ):
            return [(place, place)]
        if area is not None:
            return [(area, p) for p in listed]
        broad = place.kind in BROAD_PLACES
        return [(p, p) for p in listed if (p.kind in BROAD_PLACES) == broad]

    def lone_unknown(self, candidate: Candidate) -> Place | None:
        """The one name the gazetteer lacks after the trigger in its clause, the event's
        place as written ("واستهدف القصف موقعا للحوثيين بمنطقة سناح"): a second strike of
        the sentence somewhere else, not the first told again."""
        after = self.sentence.tokens[candidate.last - 1].end
        unknown = [
            p
            for p in self.named
            if not p.id
            and p.span.start >= after
            and self.clause_at(p.span.start) == candidate.clause
        ]
        return unknown[0] if len(unknown) == 1 else None

    def _countries_apart(self, candidate: Candidate, place: Place, text: str) -> list[Place]:
        """Countries each brought in by "في" after the trigger, in one clause with it: "شن
        غارات على مواقع داعش في سوريا ومتمردي حزب العمال في شمال العراق" tells strikes in
        two countries, one event in each."""
        if place.kind not in BROAD_PLACES:
            return []
        found: list[Place] = []
        for other in sorted(self.places, key=lambda p: p.span.start):
            if (
                other.kind in BROAD_PLACES
                and other.country
                and other.span.start > self.sentence.tokens[candidate.last - 1].end
                and self.clause_at(other.span.start) == candidate.clause
                and match_key(text[max(0, other.span.start - 4) : other.span.start]).endswith("في")
                and all(other.country != f.country for f in found)
            ):
                found.append(other)
        return found if any(p is place for p in found) else []

    def clause_place(self, candidate: Candidate) -> Place | None:
        """The most precise place of the trigger's own clause, if it names one."""
        at = self.sentence.tokens[candidate.first].start
        return _most_precise(self._clause_places(candidate), at)

    def clause_at(self, offset: int) -> int:
        """The clause number of the word at ``offset`` (article offsets)."""
        return self.clauses[min(self.sentence.token_index(offset), len(self.clauses) - 1)]

    def date(self, candidate: Candidate) -> DateMatch | None:
        """The date stated nearest the trigger in its clause, else the sentence's first:
        "تبني حزب العمال الأربعاء قتل شرطيين …، ردا على هجوم انتحاري وقع الاثنين". A date
        in the frame of the quote that tells the event is when it was said ("قال بيان
        للقيادة اليوم الجمعة إن … نفذت 41 ضربة جوية أمس الخميس"): the event's only when
        the sentence gives no other. A date in a relative clause before the trigger dates
        that clause's noun ("قرب قاعدة العند التي استعادها الثوار يوم الإثنين دارت
        مواجهات"), never the event."""
        at = self.sentence.tokens[candidate.first].start - self.sentence.start
        dates = [d for d in self.dates if not self._describes_a_noun(d, candidate)]
        told = [
            d
            for d in dates
            if not any(
                start <= self.sentence.start + d.start < end <= self.sentence.start + at
                for start, end in self.frames
            )
        ]
        in_clause = [
            d for d in told if self.clause_at(self.sentence.start + d.start) == candidate.clause
        ]
        if in_clause:
            return min(in_clause, key=lambda d: abs(d.start - at))
        told = told or dates  # only the day it was said: the best the report gives
        return told[0] if told else None

    def _describes_a_noun(self, stated: DateMatch, candidate: Candidate) -> bool:
        at = self.sentence.token_index(self.sentence.start + stated.start)
        return at < candidate.first and self.sentence.has(
            RELATIVES, at - lex.RELATIVE_DATE_REACH, at
        )

    def agent(self, candidate: Candidate) -> Place | None:
        """A country right after the trigger, or after a verb of waging just before it, with
        no preposition: who did it, not where ("قصف تركيا لقرية", "غارات تشنها الولايات
        المتحدة", "قصفت تركيا مواقع", "شن الولايات المتحدة أول غارات")."""
        tokens = self.sentence.tokens
        starts = {tokens[at].start for at in _authors_at(self.sentence, candidate)}
        for place in self.places:
            if (
                place.kind == "country"
                and place.relation == "mention"
                and place.span.start in starts  # not "بتركيا", "لتركيا"
            ):
                return place
        return None

    def _places(self, candidate: Candidate) -> list[Place]:
        """The places that may be the event's: not its author (``agent``), nor one told
        after a link to an earlier event ("في أعقاب …", "ردا على …")."""
        agent = self.agent(candidate)
        link = self.sentence.first(BACKGROUND_LINKS, candidate.last)
        cut = self.sentence.end if link is None else self.sentence.tokens[link].start
        return [p for p in self.places if p is not agent and p.span.start < cut]

    def _clause_places(self, candidate: Candidate) -> list[Place]:
        return [
            p for p in self._places(candidate) if self.clause_at(p.span.start) == candidate.clause
        ]


@lru_cache(maxsize=1)
def default_filter() -> EventFilter:
    return EventFilter.from_disk()


def extract_events(analysis: Analysis, event_filter: EventFilter | None = None) -> list[Event]:
    """The events a report tells, in order of first mention, duplicates merged.

    A candidate the filter finds likely (at least its threshold) is an event, unless a
    vetoing signal says it did not happen (yet): negated, threatened in its own clause…
    One it finds only plausible (at least ``CORROBORATION``) is kept aside as a telling:
    when a likely event of the report is the same event, the two merge and the earlier
    telling is the evidence (a lead that says "a wave of defections" is corroborated by
    the body); so do plausible tellings of one event in ``CORROBORATING_SENTENCES``
    sentences or more; alone, it is dropped.
    """
    chosen = event_filter or default_filter()
    context = _context(analysis)
    tellings: list[Event] = []
    support: dict[int, dict[int, float]] = {}  # event index -> sentence start -> probability
    for reading in read_sentences(analysis, context):
        probability = {
            id(c): 0.0 if c.signals & VETO else chosen.probability(reading.features(c))
            for c in reading.candidates
        }
        threshold = {id(c): chosen.threshold_for(type_of()[c.sub_type]) for c in reading.candidates}
        likely = [c for c in reading.candidates if probability[id(c)] >= threshold[id(c)]]
        told = {c.sub_type for c in likely}
        plausible = [
            c
            for c in reading.candidates
            if CORROBORATION <= probability[id(c)] < threshold[id(c)] and c.sub_type not in told
        ]
        for band in (likely, plausible):
            kept = consolidate(band)
            confidence = {  # the likeliest trigger of each sub-type speaks for it
                id(k): max(probability[id(c)] for c in band if c.sub_type == k.sub_type)
                for k in kept
            }
            for other in _told_elsewhere(reading, band, kept, context.within):
                kept.append(other)
                confidence[id(other)] = probability[id(other)]
            for event in _sentence_events(
                analysis.article.text, reading, kept, confidence, context
            ):
                index = _merge_into(tellings, event, context)
                told_in = support.setdefault(index, {})
                told_in[reading.sentence.start] = max(
                    told_in.get(reading.sentence.start, 0.0), event.confidence
                )
    events = [
        event.model_copy(update={"confidence": round(_corroborated(event, support[i]), 2)})
        for i, event in enumerate(tellings)
    ]
    events = [event for event in events if event.confidence >= chosen.threshold_for(event.type)]
    return _fold_headlines(events, context)


def _fold_headlines(events: list[Event], context: _Context) -> list[Event]:
    """A title sums up what the body tells: its event is the body's event of the same type
    even when the sub-types differ ("قصف جوي ومدفعي تركي" over the body's air strikes),
    and the body's telling, more precise, is kept."""
    if context.title is None:
        return events
    title_end = context.title[1]
    kept = [e for e in events if e.evidence.start >= title_end]
    for event in events:
        if event.evidence.start >= title_end:
            continue
        same = next(
            (
                i
                for i, e in enumerate(kept)
                if _same_event(event, e, context.within, sub_type=False)
            ),
            None,
        )
        if same is None:
            kept.append(event)
            continue
        body = kept[same]
        actor1 = body.actor1 or event.actor1
        actor2 = body.actor2 or event.actor2
        kept[same] = body.model_copy(
            update={
                "actor1": actor1,
                "actor2": None if actor2 == actor1 else actor2,
                "fatalities": _max(body.fatalities, event.fatalities),
                "confidence": max(body.confidence, event.confidence),
            }
        )
    return sorted(kept, key=lambda e: e.evidence.start)


def _corroborated(event: Event, told_in: dict[int, float]) -> float:
    """An event told in several sentences of the report, each at least plausibly, is likelier
    than any one telling: past ``CORROBORATING_SENTENCES`` sentences, the chance that at least
    one telling is right (as if they were independent), else its likeliest telling's."""
    if len(told_in) < CORROBORATING_SENTENCES:
        return event.confidence
    unlikely = 1.0
    for probability in told_in.values():
        unlikely *= 1.0 - probability
    return max(event.confidence, 1.0 - unlikely)


def read_sentences(
    analysis: Analysis, context: _Context | None = None
) -> Iterator[SentenceReading]:
    """Every sentence with candidates; none for sport, history, statistics or questions.
    ``context`` is the report's, when the caller has read it already."""
    if _about_sport(analysis):
        return
    context = context or _context(analysis)
    text = analysis.article.text
    for start, end in context.sentences:
        reading = _read(text, start, end, context)
        if reading is not None:
            yield reading


def _context(analysis: Analysis) -> _Context:
    article = analysis.article
    speakers = [q.speaker_span for q in analysis.quotes if q.speaker_span is not None]
    return _Context(
        _as_date(article.published),
        list(analysis.places),
        [m for m in analysis.mentions if _may_act(m, speakers) and not _aside(article.text, m)],
        (article.title_span.start, article.title_span.end) if article.title_span else None,
        _areas(analysis.places),
        [frame for q in analysis.quotes if (frame := _frame(q)) is not None],
        _self_reports(analysis),
        {p.id: p.name for p in analysis.places if p.id and p.name},
        split_sentences(article.text),
    )


def _self_reports(analysis: Analysis) -> list[tuple[int, str]]:
    """Quotes whose content opens with "that it …" said by a party that may act (a state
    too, not an outlet or a monitor): (the content's start, the party's entity id)."""
    parties = {}
    registry = default_registry().by_id
    for source in analysis.sources:
        known = registry.get(source.entity_id or "")
        if known is not None and known.kind not in lex.REPORTING_KINDS:
            parties[source.id] = known.id
    return [
        (q.span.start, parties[q.source_id])
        for q in analysis.quotes
        if q.source_id in parties and _tells_of_itself(q.span.text)
    ]


def _tells_of_itself(said: str) -> bool:
    """What was said opens with "that it …" (إنها، أنه) or with the speaker's own forces
    (أن مقاتليها، قواتها، عناصره …): the speaker tells what it did."""
    words = [match_key(w) for w in said.split()[:2]]
    if not words:
        return False
    if words[0] in SELF_REPORTS:
        return True
    if words[0] in COMPLEMENTIZERS and len(words) > 1:
        words = words[1:]
    return any(
        words[0].startswith(noun) and words[0][len(noun) :] in lex.OBJECT_PRONOUNS
        for noun in OWN_FORCES
    )


def _areas(places: list[Place]) -> dict[str, set[str]]:
    """The areas each resolved place lies in: its governorate and district, and its country
    when the report names it (a title's "غارة بسوريا" is the body's strike near Hasakah)."""
    countries = {p.country: p.id for p in places if p.kind == "country" and p.id and p.country}
    return {
        p.id: {a for a in (p.admin1, p.admin2, countries.get(p.country or "")) if a and a != p.id}
        for p in places
        if p.id
    }


def _frame(quote: Quote) -> tuple[int, int] | None:
    """Where a quote's speaker and verb stand, before what was said."""
    marks = [s.start for s in (quote.cue, quote.speaker_span) if s is not None]
    if not marks or min(marks) >= quote.span.start:
        return None
    return min(marks), quote.span.start


def _may_act(mention: Mention, speakers: list[Span]) -> bool:
    """A named party may be an actor; a person who only tells of the event (the speaker of
    a quote: "كما أعلن أوغلو عن اعتقال…") may not, nor an outlet or a monitor that reports
    it ("وأفاد مراسل الأناضول بأن…", "قال المرصد السوري لحقوق الإنسان إن…"). An
    organisation that speaks stays a possible actor ("قال الجيش إن…"): barring those cost
    cross-validated actor 1 recall (281 right of 352 filled, against 297 of 372)."""
    if mention.label not in ACTOR_LABELS or not mention.entity_id:
        return False
    if mention.entity_id.startswith(ANONYMOUS + ":"):
        return False  # an unnamed source tells of events; it is nobody to code as a party
    known = default_registry().by_id.get(mention.entity_id)
    if known is not None and known.kind in lex.REPORTING_KINDS:
        return False
    return mention.label != "PER" or not any(
        s.start <= mention.span.start and mention.span.end <= s.end for s in speakers
    )


def _aside(text: str, mention: Mention) -> bool:
    """A party that only supports the event ("بدعم من طيران التحالف") or a person the acting
    forces are loyal to, a title or two between ("قوات المقاومة والجيش الموالية للرئيس
    هادي", "وقوات موالية للرئيس اليمني المعزول علي صالح"): no actor."""
    before = match_key(text[max(0, mention.span.start - 60) : mention.span.start]).split()
    last = [strip_conjunction(w) for w in before[-lex.LOYAL_REACH :]]
    if last[-1:] == ["من"]:
        last = last[:-1]
    if any(w in SUPPORTERS for w in last[-2:]):
        return True
    return mention.label == "PER" and any(w in LOYAL for w in last)


def _about_sport(analysis: Analysis) -> bool:
    top = analysis.topics[0] if analysis.topics else None
    return (
        top is not None and top.label == SPORT_TOPIC and top.probability >= SPORT_SKIP_PROBABILITY
    )


def _read(text: str, start: int, end: int, context: _Context) -> SentenceReading | None:
    sentence = KeyedSentence(text, start, end)
    if not sentence.tokens or sentence_blocked(sentence):
        return None
    if mentions_the_past(sentence, context.published):
        return None
    dates = find_dates(text[start:end], context.published)
    if any(not is_recent(_as_date(d.value) or date.min, context.published) for d in dates):
        return None
    toll = death_toll(sentence)
    if toll is not None and toll.count >= STATISTIC:  # a war's count, not an event's toll
        return None
    places = [p for p in context.places if start <= p.span.start and p.span.end <= end]
    locators = _locators(text, places)
    resolved = [  # "ريف دير الزور" is the countryside, not the city inside its name
        p
        for p in places
        if p.id
        and p.relation != "adjective"
        and id(p) not in locators
        and not _where_said(text, p, context.frames)
        and not _elsewhere(text, p)
        and not any(
            o is not p
            and o.span.start <= p.span.start
            and p.span.end <= o.span.end
            and o.span.end - o.span.start > p.span.end - p.span.start
            for o in places
        )
    ]
    facts = SentenceFacts(
        headline=_is_headline(text, start, end, context),
        specific_place=any(p.kind not in BROAD_PLACES for p in places),
        dated=bool(dates),
        deaths=toll is not None,
    )
    clauses = clause_ids(sentence)
    candidates = find_candidates(sentence, facts, clauses)
    if not candidates:
        return None
    named = [p for p in places if p.relation != "adjective" and id(p) not in locators]
    datable = [  # "منذ أيام", "قبل أيام": recent, but no day an event can be dated to
        d
        for d in dates
        if not lex.VAGUE_DATES.fullmatch(match_key(text[start + d.start : start + d.end]))
    ]
    frames = [(a, b) for a, b in context.frames if start <= a and b <= end]
    return SentenceReading(sentence, clauses, candidates, resolved, named, toll, datable, frames)


def _sentence_events(
    text: str,
    reading: SentenceReading,
    kept: list[Candidate],
    confidence: dict[int, float],
    context: _Context,
) -> list[Event]:
    sentence = reading.sentence
    start, end = sentence.start, sentence.end
    toll_owner = _toll_owner(kept, reading.toll)
    events = []
    for candidate in kept:
        actor1, actor2 = _actors(reading, candidate, context.mentions, context.self_reports)
        agent = reading.agent(candidate)
        if actor1 is None and agent is not None and agent.entity_id != actor2:
            actor1 = agent.entity_id  # "قصف تركيا لقرية": the state did it
        fatalities = reading.toll if candidate is toll_owner else None
        stated = reading.date(candidate)
        chosen = reading.place(candidate)
        referred = None if chosen else _city_referred_to(reading, candidate, context)
        listed: list[tuple[Place | None, Place | None]] = [(chosen, chosen)]
        if referred is not None:
            chosen, listed = referred, [(referred, referred)]
        elif type_of()[candidate.sub_type] in lex.CODED_AT_EACH_PLACE:
            listed = reading.listed_with(candidate, chosen, text)
        tolled = next((n for _, n in listed if n is chosen), listed[0][1])  # its toll's place
        for where, named in listed:
            toll = fatalities if named is tolled else None
            events.append(
                Event(
                    type=type_of()[candidate.sub_type],
                    sub_type=candidate.sub_type,
                    actor1=actor1,
                    actor2=actor2,
                    place_id=where.id if where else None,
                    precision=where.precision if where else None,
                    place_span=Span.of(text, named.span.start, named.span.end) if named else None,
                    event_date=_as_date(stated.value) if stated else None,  # never the report's
                    date_span=Span.of(text, start + stated.start, start + stated.end)
                    if stated
                    else None,
                    fatalities=toll.count if toll else None,
                    fatalities_at_least=bool(toll and toll.at_least),
                    evidence=Span.of(text, start, end),
                    confidence=confidence[id(candidate)],
                )
            )
    return events


def _city_referred_to(
    reading: SentenceReading, candidate: Candidate, context: _Context
) -> Place | None:
    """ "المدينة" (the city) in the trigger's clause, with no place of its own, is the city or
    town named last in the sentences just before ("تطهير الأجزاء الشمالية لمدينة عدن …
    تم تحرير الأجزاء الشمالية من المدينة": Aden)."""
    sentence = reading.sentence
    at = sentence.first(CITY_WORDS, 0)
    if at is None or reading.clauses[at] != candidate.clause:
        return None
    here = _sentence_at(context, sentence.start)
    since = context.sentences[max(here - lex.CITY_REFERENCE_REACH, 0)][0]
    named = [
        p
        for p in context.places
        if p.id and p.kind in CITY_KINDS and since <= p.span.start < sentence.start
    ]
    return max(named, key=lambda p: p.span.start) if named else None


def _told_elsewhere(
    reading: SentenceReading,
    band: list[Candidate],
    kept: list[Candidate],
    within: dict[str, set[str]],
) -> list[Candidate]:
    """Triggers of a kept sub-type that tell a second incident: in a clause of their own that
    names a place of its own ("استهدف الطيران مواقع في قعطبة، كما استهدف محطة في شعور"),
    known to the gazetteer or, after a verb, not ("واستهدف القصف ايضا موقعا للحوثيين
    بمنطقة سناح"; but "بتفجير سيارة مفخخة … في حي الجراف" details the bombing told).

    A definite noun ("واستهدف القصف…"), a cause of the first ("دوي انفجار…، ناجم عن انفجار
    عربة مفخخة") or a clause without a place of its own is the same incident told again.
    """
    found: list[Candidate] = []
    for first in kept:
        told = [first]
        for candidate in band:
            if (
                candidate.sub_type != first.sub_type
                or candidate in kept
                or "definite" in candidate.signals
                or any(candidate.clause == t.clause for t in told)
                or reading.sentence.has(CAUSES, candidate.first - lex.NEAR, candidate.first)
            ):
                continue
            place = reading.clause_place(candidate)
            if place is None and (  # a verbal noun there tells the first again, in detail
                candidate.trigger.form == "noun" or reading.lone_unknown(candidate) is None
            ):
                continue
            if place is not None and any(
                _near_place(place, reading.place(t), within) for t in told
            ):
                continue
            told.append(candidate)
            found.append(candidate)
    return found


def _is_headline(text: str, start: int, end: int, context: _Context) -> bool:
    """Headlines use the present tense for past events: the title, or a short unpunctuated line."""
    if context.title and context.title[0] <= start and end <= context.title[1]:
        return True
    line = text[start:end].rstrip()
    if line.endswith(("..", "…")):  # "سلاح الجو التركي يقصف مواقع داعش في سورية ..": a
        line = line.rstrip(" .…")  # headline trailing off, as some sites write them
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
    reading: SentenceReading,
    candidate: Candidate,
    mentions: list[Mention],
    self_reports: list[tuple[int, str]],
) -> tuple[str | None, str | None]:
    """Actor 1 is who acts (the subject near the trigger), actor 2 the party acted on.

    Parties named in the trigger's own clause come first; the rest of the sentence only
    when the clause names none, or names only targets (then a party named before the
    trigger acts). A party named as a target ("مواقع الحوثيين", "ضد داعش", "للحوثيين") is
    never actor 1: with no other party, actor 1 stays empty. A party that says it did it
    ("وأعلن التحالف أنه شن غارات") is actor 1 whoever else the sentence names.
    """
    sentence = reading.sentence
    actor1, actor2 = _sides(sentence, candidate, mentions) or _named_actors(
        reading, candidate, mentions
    )
    said_by = _self_reported(sentence, candidate, self_reports)
    if said_by is not None:
        return said_by, None if actor2 == said_by else actor2
    if actor1 is not None and actor1 == actor2:  # no party acts on itself: it suffered it
        return None, actor2
    return actor1, actor2


def _named_actors(
    reading: SentenceReading, candidate: Candidate, mentions: list[Mention]
) -> tuple[str | None, str | None]:
    sentence = reading.sentence
    everywhere = [
        m for m in mentions if sentence.start <= m.span.start and m.span.end <= sentence.end
    ]
    if type_of()[candidate.sub_type] in lex.GROUP_TYPES:  # a minister who speaks fights no one
        everywhere = [m for m in everywhere if m.label != "PER"]
    in_clause = [m for m in everywhere if reading.clause_at(m.span.start) == candidate.clause]
    inside = in_clause or everywhere
    if not inside:
        return None, None
    trigger_start = sentence.tokens[candidate.first].start
    trigger_end = sentence.tokens[candidate.last - 1].end
    targets = [
        m
        for m in inside
        if _is_target(sentence, m, candidate.last)
        or _befallen(sentence, m, candidate.first)
        or _faced(sentence, m, candidate)
    ]
    for previous, mention in pairwise(inside):  # "مقتل العشرات من الحوثيين وقوات صالح"
        if previous in targets and mention not in targets and _joined(sentence, previous, mention):
            targets.append(mention)
    agents = [m for m in inside if m not in targets]
    borrowed = not agents
    if borrowed:  # "قوات التحالف…، حيث قصفت المقاتلات مواقع للمتمردين": the main subject
        agents = [
            m
            for m in everywhere
            if m.span.end <= trigger_start
            and m not in inside
            and not _is_target(sentence, m, candidate.last)
        ]
        known = [m for m in agents if not (m.entity_id or "").startswith(LOCAL + ":")]
        agents = known or agents  # "قوات الأمن دخلت جامعة الأنبار…": the force, not the campus
    before = [  # "الحكومة العراقية أعلنت رفضها لقصف الطائرات التركية": Iraq only objects
        m
        for m in agents
        if m.span.end <= trigger_start
        and not sentence.has(
            CONDEMNATIONS, sentence.token_index(m.span.start) - lex.NEAR, candidate.first
        )
    ]
    after = [m for m in agents if m.span.start >= trigger_end]
    first: Mention | None
    waged_by = _waged_by(sentence, candidate, inside)
    if waged_by is not None:  # "غارات جوية شنتها مقاتلات التحالف": who waged them
        first = waged_by
    elif before and sentence.token_index(before[-1].span.end - 1) + 1 == candidate.first:
        first = before[-1]  # subject-verb order: "القوات العراقية تتقدم … وداعش يعدم"
    elif candidate.trigger.form != "noun" and after and _near(sentence, trigger_end, after[0]):
        first = after[0]  # verb-subject order: "قصفت قوات المعارضة…"
    elif before:  # the nearest; of another clause's parties, its subject, named first
        first = before[0] if borrowed else before[-1]
    else:  # "قصف قوات النظام…": a party right after the trigger; one further on is acted on
        first = after[0] if after and _near(sentence, trigger_end, after[0]) else None
    actor1 = first.entity_id if first else None
    later = [m for m in inside if m.span.start >= (first.span.end if first else trigger_end)]
    allies = set()  # "قصف الحوثيون وقوات صالح": parties joined to actor 1 act with it,
    last_ally = first  # unless "بين" makes them the two sides ("بين الحوثيين وقوات صالح")
    if first is not None and sentence.has(
        BETWEEN, sentence.token_index(first.span.start) - 2, sentence.token_index(first.span.start)
    ):
        last_ally = None
    for mention in later:
        if last_ally is None or not _joined(sentence, last_ally, mention):
            break
        allies.add(id(mention))
        last_ally = mention
    # An author named after the trigger leaves the party before it to face it: "أحبطت
    # المقاومة هجوما شنه مسلحون حوثيون".
    faced = before if first is not None and first.span.start >= trigger_end else []
    others = [m for m in targets + later + faced if m.entity_id != actor1 and id(m) not in allies]
    others.sort(key=lambda m: (m not in targets, m.span.start < trigger_end, m.span.start))
    actor2 = others[0].entity_id if others else None
    if any(  # "المسلحين الحوثيين وقوات صالح": one side, never two
        {a.entity_id, b.entity_id} == {actor1, actor2} and _joined(sentence, a, b)
        for a, b in pairwise(everywhere)
    ):
        return (None, actor2) if first in targets else (actor1, None)
    return actor1, actor2


def _sides(
    sentence: KeyedSentence, candidate: Candidate, mentions: list[Mention]
) -> tuple[str | None, str | None] | None:
    """The two sides of "بين X و Y من جهة، و Z من جهة أخرى": (X, Z), when both are named."""
    between = sentence.first(
        BETWEEN, candidate.last, min(candidate.last + lex.BETWEEN_REACH, len(sentence))
    )
    if between is None:
        return None
    one_side = sentence.first(ONE_SIDE, between + 1)
    if one_side is None:
        return None
    other_side = sentence.first(ONE_SIDE, one_side + 2)
    end = len(sentence) if other_side is None else other_side

    def first_party(lo: int, hi: int) -> str | None:
        for mention in mentions:
            if mention.span.start >= sentence.end or mention.span.end <= sentence.start:
                continue
            if lo <= sentence.token_index(mention.span.start) < hi:
                return mention.entity_id
        return None

    first, second = first_party(between + 1, one_side), first_party(one_side + 2, end)
    return (first, second) if first and second else None


def _waged_at(sentence: KeyedSentence, candidate: Candidate) -> int | None:
    """The word right after a verb of waging that follows the trigger, where its author is
    named ("غارات شنتها مقاتلات التحالف", "الغارات التي تنفذها الطائرات التركية")."""
    tokens = sentence.tokens
    for index in range(candidate.last, min(candidate.last + lex.WAGING_REACH, len(tokens) - 1)):
        if _waging(tokens[index].key):
            return index + 1
    return None


def _authors_at(sentence: KeyedSentence, candidate: Candidate) -> list[int]:
    """Where the trigger's author would be named: right after it or after its verb of
    waging (``_waged_at``), or right after a verb of waging a few words before it."""
    found = [_waged_at(sentence, candidate) or candidate.last]
    for index in range(max(candidate.first - lex.AUTHOR_REACH, 0), candidate.first):
        if any(_waging(reading) for reading in sentence.tokens[index].readings):
            found.append(index + 1)
    return [at for at in found if at < len(sentence.tokens)]


def _waged_by(
    sentence: KeyedSentence, candidate: Candidate, mentions: list[Mention]
) -> Mention | None:
    """The party named right after the trigger's verb of waging (``_waged_at``)."""
    at = _waged_at(sentence, candidate)
    if at is None:
        return None
    return next((m for m in mentions if sentence.token_index(m.span.start) == at), None)


def _waging(key: str) -> bool:
    """شن، تشنها، ينفذها: a verb of waging, a pronoun glued or not."""
    return any(
        key == verb or (key.startswith(verb) and key[len(verb) :] in lex.OBJECT_PRONOUNS)
        for verb in WAGING
    )


def _self_reported(
    sentence: KeyedSentence, candidate: Candidate, self_reports: list[tuple[int, str]]
) -> str | None:
    """The party that says it did what the trigger tells ("إنها كثفت حملة جوية")."""
    for start, party in self_reports:
        if sentence.start <= start < sentence.end:
            pronoun = sentence.token_index(start)
            if 0 < candidate.first - pronoun <= lex.SELF_REPORT_REACH + 1:
                return party
    return None


def _is_target(sentence: KeyedSentence, mention: Mention, after_trigger: int) -> bool:
    """Whether the party is named as what was hit: a target word just before it, a ل
    glued to it ("مواقع تابعة للحوثيين", "مقر لحزب…") unless it follows the trigger right
    away ("غارات للتحالف": the strikes' author), or a count before it."""
    index = sentence.token_index(mention.span.start)
    glued = match_key(sentence.text[sentence.tokens[index].start : mention.span.start])
    lam = "ل" in glued or (not glued and match_key(mention.span.text).startswith("لل"))
    if lam and index != after_trigger:
        return True
    if sentence.has(REVENGE, index - lex.REVENGE_REACH, index) and sentence.has(
        FROM, index - lex.TARGET_REACH, index
    ):
        return True  # "ثأراً للمسلمين من الرافضة الحوثيين": revenge on them
    return sentence.has(TARGET_MARKERS, index - lex.TARGET_REACH, index) or _counted(
        sentence, index
    )


def _faced(sentence: KeyedSentence, mention: Mention, candidate: Candidate) -> bool:
    """The other side of a battle, after its verb and "مع" ("واشتبكت مع مسلحي داعش"):
    the verb's subject fought it."""
    index = sentence.token_index(mention.span.start)
    return (
        candidate.sub_type == lex.CLASH
        and candidate.trigger.form == "verb"
        and index >= candidate.last
        and sentence.has(FACED, index - lex.TARGET_REACH, index)
    )


def _joined(sentence: KeyedSentence, first: Mention, second: Mention) -> bool:
    """Two parties joined by "و" (or a comma) alone: they share a role."""
    between = sentence.text[first.span.end : second.span.start]
    return match_key(between.strip(" ،,")) in ("", "و")


def _befallen(sentence: KeyedSentence, mention: Mention, trigger: int) -> bool:
    """A party named before "قتلوا في غارة", "لقي حتفه جراء قصف" is the one the event befell
    ("إن قياديا في داعش وخمسة آخرين قتلوا في غارة جوية"), not its author."""
    after = sentence.token_index(mention.span.end - 1) + 1
    for at in range(after, min(trigger, len(sentence.tokens) - 1)):
        if sentence.match_at(CASUALTY_VERBS, at) and sentence.has(
            SUFFERED_BY, at + 1, at + 1 + lex.SUFFERED_REACH
        ):
            return True
    return False


def _counted(sentence: KeyedSentence, index: int) -> bool:
    """A count or a person and من before the party ("590 من عناصر داعش", "عشرات من
    الحوثيين", "استشهاد جندي أول من منسوبي القوات البرية"): the party the event befell."""
    for at in range(index - 1, max(index - 3, 1) - 1, -1):
        if sentence.tokens[at].key == "من":
            before = sentence.tokens[max(at - 2, 0) : at]
            return any(
                t.key.isdigit() or t.key in COUNT_WORDS or not PERSONS.isdisjoint(t.readings)
                for t in before
            )
    return False


def _near(sentence: KeyedSentence, offset: int, mention: Mention) -> bool:
    return sentence.token_index(mention.span.start) - sentence.token_index(offset) <= lex.NEAR


def _where_said(text: str, place: Place, frames: list[tuple[int, int]]) -> bool:
    """A place in a quote's frame after the occasion of the words ("في مؤتمر صحافي عقده في
    أنقرة") is where they were said, not where the event was; the place of a source
    ("قال مراسل … في الحسكة إن") may well be the event's, and stays."""
    for start, end in frames:
        if start <= place.span.start and place.span.end <= end:
            words = match_key(text[start : place.span.start]).split()[-lex.OCCASION_REACH :]
            if any(reading in OCCASIONS for word in words for reading in clitic_stems(word)):
                return True
    return False


def _elsewhere(text: str, place: Place) -> bool:
    """ "قرب الحدود مع العراق", "قادمة من المكلا", "التحالف الذي تقوده الولايات المتحدة":
    the country across the border, where the attackers came from and who leads them are
    not the event's place."""
    before = match_key(text[max(place.span.start - 20, 0) : place.span.start]).strip()
    return before.endswith(lex.ACROSS_BORDER + lex.ORIGINS + lex.LEADERS)


def _locators(text: str, places: list[Place]) -> set[int]:
    """The near-places that only say where the resolved place before them lies ("مأرب،
    شرق صنعاء": the place is Marib). One that locates an unresolved place stays: "دار سعد
    شمال عدن" is near Aden as far as the gazetteer can tell."""
    found = set()
    ordered = sorted(places, key=lambda p: p.span.start)
    for before, place in pairwise(ordered):
        if place.relation != "near" or not before.id or before.relation == "adjective":
            continue
        between = match_key(text[before.span.end : place.span.start].strip(" ،,"))
        if all(word in lex.LOCATOR_LINKS for word in between.split()):
            found.add(id(place))
    return found


def _place_runs(ordered: list[Place], text: str) -> list[list[Place]]:
    """The places in reading order, grouped into lists joined by ``PLACE_LIST_JOINT``."""
    runs: list[list[Place]] = []
    for place in ordered:
        if runs and lex.PLACE_LIST_JOINT.fullmatch(text[runs[-1][-1].span.end : place.span.start]):
            runs[-1].append(place)
        else:
            runs.append([place])
    return runs


def _most_precise(places: list[Place], trigger_at: int) -> Place | None:
    """The most precise place, nearest the trigger on ties."""

    def rank(place: Place) -> tuple[int, int]:
        kind = place.kind or "other"
        order = PLACE_RANK.index(kind) if kind in PLACE_RANK else len(PLACE_RANK)
        return order, abs(place.span.start - trigger_at)

    return min(places, key=rank) if places else None


def _merge_into(events: list[Event], new: Event, context: _Context) -> int:
    """Add ``new`` unless it is an event already told; then fill what the first telling lacked.

    A finer place inside the first telling's replaces it, unless it is the capital that
    shares the area's name: "محافظة دير الزور" told first stays the governorate when a
    later sentence says only "دير الزور". Tellings that do not name the same place are one
    event only from the lead or a few sentences apart (``MERGE_REACH``): further on, the
    report has moved to other fronts ("اشتباكات في عدد من المواقع" in Taiz is not the attack
    in Sanaa five sentences later). Returns the index of the event it is now part of.
    """
    within, names = context.within, context.names
    for index, old in enumerate(events):
        if _same_event(old, new, within) and not _placed_far_apart(old, new, context):
            finer = (
                new
                if old.place_id in within.get(new.place_id or "", ())
                and names.get(old.place_id or "") != names.get(new.place_id or "")
                else old
            )
            actor1 = old.actor1 or new.actor1
            actor2 = old.actor2 or new.actor2
            events[index] = old.model_copy(
                update={
                    "actor1": actor1,
                    "actor2": None if actor2 == actor1 else actor2,  # no party acts on itself
                    "place_id": finer.place_id or new.place_id,
                    "precision": finer.precision or new.precision,
                    "place_span": finer.place_span if finer.place_id else new.place_span,
                    "date_span": old.date_span or new.date_span,
                    "event_date": old.event_date
                    if old.date_span or not new.date_span
                    else new.event_date,
                    "fatalities": _max(old.fatalities, new.fatalities),
                    "fatalities_at_least": old.fatalities_at_least or new.fatalities_at_least,
                    "confidence": max(old.confidence, new.confidence),
                }
            )
            return index
    events.append(new)
    return len(events) - 1


def _placed_far_apart(first: Event, later: Event, context: _Context) -> bool:
    """The tellings lie more than ``MERGE_REACH`` sentences apart, the first after the
    lead, and do not name the same place (one names none, or a place inside the other's)."""
    if first.place_id == later.place_id and (first.place_span is None) == (
        later.place_span is None
    ):
        return False
    at = _sentence_at(context, first.evidence.start)
    later_at = _sentence_at(context, later.evidence.start)
    return at > lex.LEAD_SENTENCES and later_at - at > lex.MERGE_REACH


def _sentence_at(context: _Context, offset: int) -> int:
    """The number of the report's sentence that holds ``offset``."""
    return bisect_right(context.sentences, offset, key=lambda sentence: sentence[0]) - 1


def _same_event(a: Event, b: Event, within: dict[str, set[str]], *, sub_type: bool = True) -> bool:
    """Same sub-type (or only type), and no two places, stated dates or actors that tell
    them apart.

    A city and the governorate it lies in do not tell two events apart.
    """
    if a.type != b.type or (sub_type and a.sub_type != b.sub_type):
        return False
    if a.place_id and b.place_id and not _nested(a.place_id, b.place_id, within):
        return False
    if _named_apart(a, b):
        return False
    if a.date_span and b.date_span and not _same_day(a.event_date, b.event_date):
        return False
    if a.type == BATTLES:  # a battle has sides, not an author: either may be named first
        sides_a, sides_b = {a.actor1, a.actor2} - {None}, {b.actor1, b.actor2} - {None}
        return sides_a <= sides_b or sides_b <= sides_a
    return all(
        x == y or x is None or y is None for x, y in ((a.actor1, b.actor1), (a.actor2, b.actor2))
    )


def _named_apart(a: Event, b: Event) -> bool:
    """Places the ids cannot tell apart but their names do: two names of one sentence's
    list ("بلدتي الوهط وصبر": one event at each), or two names the gazetteer lacks."""
    if a.place_span is None or b.place_span is None:
        return False
    if a.evidence == b.evidence:
        return a.place_span != b.place_span
    return not (a.place_id or b.place_id) and match_key(a.place_span.text) != match_key(
        b.place_span.text
    )


def _same_day(a: date | None, b: date | None) -> bool:
    """Stated dates a day apart are one day told two ways in one report ("اليوم الأحد" and
    "أمس … الموافق 26 يوليو"): reports are dated by their collection, not always their
    writing."""
    return a is None or b is None or abs((a - b).days) <= 1


def _near_place(place: Place, other: Place | None, within: dict[str, set[str]]) -> bool:
    """The same place, one inside the other, or no place to tell them apart.

    A country beside a place below country level ("في سوريا" and "قرب دير الزور") does not
    tell two incidents apart; two countries, or two places below country level, do.
    """
    if other is None or not other.id or not place.id:
        return True
    if (place.kind in BROAD_PLACES) != (other.kind in BROAD_PLACES):
        return True
    return _nested(place.id, other.id, within)


def _nested(a: str, b: str, within: dict[str, set[str]]) -> bool:
    return a == b or a in within.get(b, set()) or b in within.get(a, set())


def _max(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def _as_date(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value
