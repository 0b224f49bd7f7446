"""Which ACLED events a sentence may report: triggers, the signals around them, sub-types.

Every trigger in a sentence becomes a candidate with the signals a reader would weigh:
negation, denial, future, plan, threat, call or condition before it (within a few words,
and within its clause), a cause or time reference ("بعد أيام من سيطرة…"), an aim
("لتحرير"), a count in thousands ("50 ألف غارة"), a definite noun that refers back,
and whether a weak trigger (معارك، سيطرة، مقتل…) has an armed actor nearby and something
specific (a place, a date, a toll).
``accepted`` is the precision-first rule verdict over those signals; the learned filter
(filter.py) weighs them with the words around the trigger. Sentences that are questions,
statistics, history or sport give no candidates at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from marsad.arabic import match_key
from marsad.arabic.chars import CLOSING_QUOTES, OPENING_QUOTES
from marsad.arabic.dates_data import MONTHS
from marsad.events import lexicon_data as lex
from marsad.events.keyed import KeyedSentence, PhraseSet
from marsad.events.taxonomy import type_of

HISTORY_DAYS = 30
STATISTIC = 1000  # a stated toll this large is a war's count, not one event


@dataclass(frozen=True, slots=True)
class Trigger:
    words: tuple[str, ...]
    sub_type: str
    strength: str  # strong | weak
    form: str  # noun | verb | present
    needs: str  # requirement name, or ""


@dataclass(slots=True)
class Candidate:
    sub_type: str
    first: int  # token span of the trigger
    last: int
    trigger: Trigger
    clause: int = 0
    signals: frozenset[str] = frozenset()
    accepted: bool = True  # the rules' verdict

    @property
    def killing(self) -> bool:
        """Told only by its dead ("مقتل 19 مسلحا"): it yields to any other violent event."""
        return self.trigger.needs == "victim"


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    """What the rest of the pipeline knows about the sentence."""

    headline: bool = False
    specific_place: bool = False  # a resolved place below country level
    dated: bool = False
    deaths: bool = False


def _triggers() -> PhraseSet:
    phrases = PhraseSet(())
    for sub_type, strength, form, needs, words in lex.TRIGGERS:
        for phrase in words:
            keys = tuple(match_key(phrase).split())
            if keys in _TRIGGER_OF:
                raise ValueError(f"trigger {phrase!r} is listed twice")
            _TRIGGER_OF[keys] = Trigger(keys, sub_type, strength, form, needs)
            phrases.by_first.setdefault(keys[0], []).append(keys)
    for alternatives in phrases.by_first.values():
        alternatives.sort(key=len, reverse=True)
    return phrases


def _single_words(form: str) -> dict[str, Trigger]:
    """One-word triggers of a form: past-tense verbs may carry an object pronoun, nouns a
    possessive one ("كثفت قصفها")."""
    return {t.words[0]: t for t in _TRIGGER_OF.values() if t.form == form and len(t.words) == 1}


_TRIGGER_OF: dict[tuple[str, ...], Trigger] = {}
TRIGGERS = _triggers()
VERBS = _single_words("verb")
NOUNS = _single_words("noun")
NOT_EVENTS = PhraseSet(lex.NOT_EVENTS)
MODALITY = PhraseSet(lex.FUTURE + lex.THREATS + lex.DENIALS + lex.CALLS + lex.CONDITIONS)
NEGATIONS = PhraseSet(lex.NEGATIONS)
VERB_NEGATIONS = PhraseSet(lex.VERB_NEGATIONS)
BACKGROUND = PhraseSet(lex.BACKGROUND)
DISCOURSE_LINKS = PhraseSet(lex.DISCOURSE_LINKS)
CASUALTY_VERBS = PhraseSet(lex.CASUALTY_VERBS)
CAUSE_LINKS = PhraseSet(lex.CAUSE_LINKS)
AFTER_WORDS = PhraseSet(lex.AFTER_WORDS)
TIME_UNITS = PhraseSet(lex.TIME_UNITS)
GENERIC = PhraseSet(lex.GENERIC)
ROUTINE = PhraseSet(lex.ROUTINE)
PERIODS = PhraseSet(lex.PERIODS)
EPITHET_CUES = frozenset(match_key(w) for w in lex.EPITHET_CUES)
SPORT = PhraseSet(lex.SPORT)
UNDERGO = PhraseSet(lex.UNDERGO)
NOT_DENIALS = PhraseSet((*lex.STILL, *lex.UNINFORMED))
THOUSANDS = PhraseSet(lex.THOUSANDS)
SEIZURES = PhraseSet(lex.SEIZURES)
VIOLENT = {lex.CLASH, lex.REGAIN, lex.OVERTAKE, lex.ATTACK, lex.ABDUCTION, lex.SEXUAL}
ARMED = PhraseSet(lex.ARMED)
AIR_CUES = PhraseSet(lex.AIR_CUES)
IMPACTS = PhraseSet(lex.IMPACTS)
STATE_FORCES = PhraseSet(lex.STATE_FORCES)
NON_STATE = PhraseSet(lex.NON_STATE)
PLACE_WORDS = PhraseSet(lex.PLACE_WORDS)
KILLING = PhraseSet(lex.KILLING)
DISPERSAL = PhraseSet(lex.DISPERSAL_CUES)
PROTESTERS = PhraseSet(lex.PROTESTERS)
RELATIVES = PhraseSet(lex.RELATIVES)
OCCURRED = PhraseSet(lex.OCCURRED)
OPINION = PhraseSet(lex.OPINION)
ACCUSATIONS = PhraseSet(lex.ACCUSATIONS)
TIME_WORDS = PhraseSet(lex.TIME_WORDS)
COMBATANTS = PhraseSet(lex.COMBATANTS)
HABITUAL = PhraseSet(lex.HABITUAL)
PROGRESSIVE = PhraseSet(lex.PROGRESSIVE)
CIVILIANS = PhraseSet(lex.CIVILIANS)
VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")
NEEDS: dict[str, tuple[PhraseSet, int, int]] = {
    # requirement -> (cues, words before the trigger, words after it)
    "target": (PhraseSet(lex.MILITARY_TARGETS + lex.LAUNCHERS), 6, 6),
    "control": (PhraseSet(lex.CONTROL_VERBS), lex.WINDOW + 2, 0),
    "aircraft": (AIR_CUES, lex.WINDOW, lex.NEAR),
    "group": (PhraseSet(lex.GROUP_CUES), lex.WINDOW, lex.WINDOW),
    "announce": (PhraseSet(lex.AGREEMENT_VERBS), lex.WINDOW, lex.NEAR),
    "crowd": (PhraseSet(lex.CROWD), 2 * lex.WINDOW, 2 * lex.WINDOW),
    "armed": (ARMED, lex.WINDOW, lex.WINDOW),
    "weapon": (PhraseSet(lex.WEAPONS), 0, 5),
}
BARE_SHELLING = {match_key(w) for w in ("قصف", "قصفت", "قصفوا", "تقصف", "يقصف")}
BLASTS = {match_key(w) for w in ("تفجير", "تفجيران", "تفجيرين", "انفجار", "انفجاران")}
SUICIDE_WORDS = PhraseSet(
    ("انتحاري", "انتحارية", "انتحاريا", "الانتحاري", "انتحاريان", "انتحاريين", "انتحاريون")
)
ATTACKS = {match_key(w) for w in ("هاجم", "هاجمت", "هاجموا", "هجوم", "هجوما", "هجمات")}
ENABLING_VERBS = PhraseSet(lex.ENABLING_VERBS)
ENABLED_BY = frozenset(match_key(w) for w in lex.ENABLED_BY)
CARRIED_OUT = PhraseSet(lex.CARRIED_OUT)
ANTI_AIRCRAFT = PhraseSet(lex.ANTI_AIRCRAFT)
GROUND_FORCES = PhraseSet(lex.GROUND_FORCES)
TERRITORY = {lex.REGAIN, lex.OVERTAKE}
EXPLOSIONS = {lex.AIR, lex.SHELLING, lex.SUICIDE, lex.IED, lex.GRENADE, lex.CHEMICAL}
_MONTH_MARKERS = {
    match_key(w) for w in ("شهر", "في", "خلال", "منذ", "نهاية", "بداية", "أواخر", "أوائل", "منتصف")
}
_NAMED_FOR_A_DATE = {match_key(w) for w in lex.NAMED_FOR_A_DATE}
_MONTH_KEYS = {match_key(m): n for m, n in MONTHS.items() if len(match_key(m)) > 3}


def sentence_blocked(sentence: KeyedSentence) -> bool:
    """The whole sentence is a question, a general statement or sport."""
    text = sentence.text[sentence.start : sentence.end]
    if "؟" in text or "?" in text:
        return True
    return sentence.has(GENERIC) or _count(sentence, SPORT) >= lex.SPORT_MIN


def _count(sentence: KeyedSentence, phrases: PhraseSet) -> int:
    return sum(1 for i in range(len(sentence)) if sentence.match_at(phrases, i))


def mentions_the_past(sentence: KeyedSentence, published: date | None) -> bool:
    """A year before the report's, or a month named more than a month before it.

    The whole sentence is then history: tried per clause, it let through more background
    than events (cross-validated).
    """
    if published is None:
        return False
    for index, token in enumerate(sentence.tokens):
        word = token.key
        if word.isdigit() and len(word) == 4 and 1900 <= int(word) < published.year:
            return True
        month = _MONTH_KEYS.get(word) or _MONTH_KEYS.get(token.readings[-1])
        if month and _dated_month(sentence, index) and (published.month - month) % 12 >= 2:
            return True
    return False


def _dated_month(sentence: KeyedSentence, index: int) -> bool:
    """A month name used as a date: after a day number, 'شهر' or 'في'; not in a name that
    is a date ("قصر 22 مايو", "ثورة 26 سبتمبر")."""
    if index == 0:
        return False
    before = sentence.tokens[index - 1].key
    if before.isdigit():
        return index < 2 or _NAMED_FOR_A_DATE.isdisjoint(sentence.tokens[index - 2].readings)
    return before in _MONTH_MARKERS


def find_candidates(
    sentence: KeyedSentence, facts: SentenceFacts, clauses: list[int]
) -> list[Candidate]:
    """Every trigger of the sentence with its signals and the rules' verdict, in reading order.

    ``clauses`` is ``clause_ids(sentence)``.
    """
    found: list[Candidate] = []
    index = 0
    while index < len(sentence):
        matched = sentence.match_at(TRIGGERS, index) or _with_pronoun(sentence, index)
        if matched is None:
            index += 1
            continue
        words, reading = matched
        trigger = _TRIGGER_OF[words]
        end = index + len(words)
        signals = _signals(sentence, clauses, trigger, index, end, reading, facts)
        sub_type = _refine(sentence, trigger, index, end)
        if sub_type is None:  # territory taken, by whom unknown
            sub_type, signals = trigger.sub_type, signals | {"taker_unknown"}
        if sub_type != trigger.sub_type and sub_type in (lex.SUICIDE, lex.CLASH):
            signals -= {"needs_unmet"}  # a suicide bomber, or fighters on the ground, targeting
        if "needs_unmet" in signals and _repeats_a_verb(found, trigger, sub_type):
            signals -= {"needs_unmet"}  # "استهدف الطيران …، كما استهدف محطة": its subject
        accepted = not signals & BLOCKING
        found.append(Candidate(sub_type, index, end, trigger, clauses[index], signals, accepted))
        index = end
    if any(not c.killing and type_of()[c.sub_type] in VIOLENT_TYPES for c in found):
        found = [c for c in found if not c.killing]  # the dead are that battle's or blast's
    return found


def _repeats_a_verb(found: list[Candidate], trigger: Trigger, sub_type: str) -> bool:
    """The verb was used before in the sentence, its need met there: said again with no
    subject, it goes on with the same one."""
    return trigger.form == "verb" and any(
        c.trigger.form == "verb" and c.sub_type == sub_type and "needs_unmet" not in c.signals
        for c in found
    )


def _with_pronoun(sentence: KeyedSentence, index: int) -> tuple[tuple[str, ...], str] | None:
    """A verb with its object ("قصفوها"), or a noun with its owner right after a verb of
    waging or going on ("كثفت قصفها", "واصلت هجومها"); other possessed nouns mostly refer
    back to an event already told."""
    for reading in sentence.tokens[index].without_object():
        if reading in VERBS:
            return VERBS[reading].words, ""
        if reading in NOUNS and (
            sentence.has(OCCURRED, index - lex.NEAR, index)
            or sentence.has(CARRIED_OUT, index - 1, index)
        ):
            return NOUNS[reading].words, ""  # "وقامت باعتقاله"
    return None


# Signals that make a trigger no event whatever else surrounds it: what the filter weighs
# is whether the rest says an event happened, not whether a threat or a denial did.
VETO = frozenset(
    {
        "present_in_body", "inside_not_event", "modal_before", "negated", "negated_clause",
        "time_reference", "purpose", "refers_back", "statistic", "seized", "epithet",
        "routine", "period",
    }
)  # fmt: skip
# Signals that, for the rules, make a trigger no event.
BLOCKING = frozenset(
    {
        "present_in_body", "inside_not_event", "modal_before", "negated", "negated_clause",
        "background", "time_reference", "purpose", "refers_back", "weak_unmet", "needs_unmet",
        "taker_unknown", "statistic", "seized", "epithet",
    }
)  # fmt: skip


def _causes_the_casualties(sentence: KeyedSentence, start: int) -> bool:
    """ "وقتل ثمانية أشخاص عندما انفجرت سيارة", "إن شرطيين قتلا وأصيب ثلاثة آخرون اليوم
    الأحد عندما انفجرت عبوة": casualties told just before, and the trigger, right after
    عندما, بعد أن, إثر …, is what caused them."""
    link = sentence.last(CAUSE_LINKS, start - 3, start)
    return link is not None and sentence.has(
        CASUALTY_VERBS, max(0, link - lex.CASUALTY_REACH), link
    )


def _signals(
    sentence: KeyedSentence, clauses: list[int], trigger: Trigger, start: int, end: int,
    reading: str, facts: SentenceFacts,
) -> frozenset[str]:  # fmt: skip
    """What around this trigger says whether it reports an event here."""
    found: set[str] = set()
    clause_start = clauses.index(clauses[start])
    clause_end = start
    while clause_end < len(clauses) and clauses[clause_end] == clauses[start]:
        clause_end += 1
    if trigger.form == "present" and not facts.headline:
        if sentence.has(PROGRESSIVE, start - lex.NEAR, start):
            found.add("progressive")
        else:
            found.add("present_in_body")
    if _inside_not_event(sentence, start, end):
        found.add("inside_not_event")
    if _in_epithet(sentence, start):
        found.add("epithet")
    if sentence.has(MODALITY, max(start - lex.WINDOW, clause_start), start):
        found.add("modal_before")  # within a few words, in the trigger's own clause
    elif sentence.has(MODALITY, start - lex.WINDOW, start):
        found.add("modal_in_earlier_clause")
    if sentence.has(MODALITY, end, min(end + lex.NEAR, clause_end)):
        found.add("modal_after")
    if _negates(sentence, sentence.last(NEGATIONS, start - 2, start)):
        found.add("negated")
    if _negates(sentence, sentence.last(NEGATIONS, clause_start, start)):
        found.add("negation_in_clause")
    if sentence.has(THOUSANDS, start - 2, start):
        found.add("statistic")
    if trigger.sub_type in EXPLOSIONS and sentence.has(
        SEIZURES, max(start - lex.SEIZURE_REACH, clause_start), start
    ):  # "وضبط عشرات العبوات الناسفة والسيارات المفخخة": both seized
        found.add("seized")
    if _negates(sentence, sentence.last(VERB_NEGATIONS, clause_start, start)):
        found.add("negated_clause")
    if _causes_the_casualties(sentence, start):
        found.add("casualty_cause")
    elif _background(sentence, start):
        found.add("background")
    after = sentence.last(AFTER_WORDS, start - 4, start)
    if after is not None and sentence.has(TIME_UNITS, after + 1, start + 1):
        found.add("time_reference")
    after = sentence.last(AFTER_WORDS, clause_start, start)
    if after is not None:
        found.add("after_in_clause")
        if sentence.has(TIME_UNITS, after + 1, after + 3):  # "بعد يومين من الاعتداء الذي…"
            found.add("time_reference_in_clause")
    if trigger.form == "noun" and _purpose(sentence, start, reading):
        found.add("purpose")
    definite = (  # a headline's article is no reference: "الغارات التركية تتواصل"
        trigger.form == "noun" and not facts.headline and _definite(sentence, start, trigger)
    )
    if definite:
        found.add("definite")
        if trigger.needs in ("target", "victim"):  # "الهجوم", "القتلى": told before
            found.add("refers_back")
    weak = trigger.strength == "weak" or (
        definite and (trigger.sub_type in VIOLENT or trigger.sub_type in EXPLOSIONS)
    )
    if weak and not _weak_ok(sentence, trigger, start, end, facts):
        found.add("weak_unmet")
    if trigger.needs in NEEDS and not _needs_met(sentence, trigger.needs, start, end, clause_start):
        found.add("needs_unmet")
    if clauses[start] == 0:
        found.add("first_clause")
    if sentence.has(RELATIVES, clause_start, start):
        found.add("relative_clause")
    if sentence.has(OCCURRED, start - lex.NEAR, start) or sentence.has(
        OCCURRED, end, min(end + 2, clause_end)
    ):
        found.add("occurred")
    if sentence.has(OPINION, clause_start, clause_end):
        found.add("opinion")
    if sentence.has(HABITUAL, clause_start, clause_end):
        found.add("habitual")
    if sentence.has(ROUTINE, clause_start, clause_end):
        found.add("routine")  # "غارات جوية بشكل يومي": what is done day after day
    if type_of()[trigger.sub_type] in VIOLENT_TYPES and sentence.has(
        PERIODS, clause_start, clause_end
    ):
        found.add("period")  # "خلال الشهرين الماضيين الكثير من الاشتباكات": many incidents
    if sentence.has(ACCUSATIONS, start - lex.WINDOW, start):
        found.add("accusation")
    if sentence.has(CIVILIANS, start - lex.NEAR, end + 2 * lex.NEAR):
        found.add("civilians_near")  # "وقتل مسلحون ثلاثة مدنيين": whom it befell
    if trigger.needs == "victim" and sentence.has(COMBATANTS, end, end + lex.NEAR):
        found.add("combatants_killed")  # "قتل 13 مسلحا حوثيا": a battle's dead
    if sentence.has(TIME_WORDS, start - lex.WINDOW, end + lex.WINDOW):
        found.add("time_word")
    if sentence.has(PLACE_WORDS, start - lex.NEAR, end + lex.WINDOW):
        found.add("place_word_near")
    if sentence.has(ARMED, start - lex.WINDOW, end + lex.WINDOW):
        found.add("armed_near")
    found |= {name for name, present in _facts(facts) if present}
    return frozenset(found)


def _facts(facts: SentenceFacts) -> tuple[tuple[str, bool], ...]:
    return (
        ("headline", facts.headline),
        ("specific_place", facts.specific_place),
        ("dated", facts.dated),
        ("deaths", facts.deaths),
    )


def _definite(sentence: KeyedSentence, start: int, trigger: Trigger) -> bool:
    """'القصف', 'بالغارات': a definite noun often refers back to an event told before.

    Phrases listed with their article ('القبض على') are idioms, not references.
    """
    if trigger.words[0].startswith("ال") or sentence.has(CARRIED_OUT, start - 1, start):
        return False
    return sentence.tokens[start].key.lstrip("وف").lstrip("بلك").startswith(("ال", "ل"))


def _needs_met(
    sentence: KeyedSentence, needs: str, start: int, end: int, clause_start: int
) -> bool:
    """The trigger's requirement is there, and is itself no background ("قبل إعلان هدنة")."""
    if (
        needs == "control"
        and start > 0
        and ENABLED_BY & set(sentence.tokens[start - 1].readings)
        and sentence.has(ENABLING_VERBS, clause_start, start)
    ):
        return True
    cues, before, after = NEEDS[needs]
    cue = sentence.last(cues, start - before, start)
    if (
        cue is not None
        and not _blocked_before(sentence, cue)
        and not sentence.has(AFTER_WORDS, cue - 1, cue)
    ):
        return True
    return sentence.has(cues, end, end + after)


def _inside_not_event(sentence: KeyedSentence, start: int, end: int) -> bool:
    """The trigger is part of a phrase that is no event ("في مواجهة"), unless that phrase
    lies within a longer trigger ("باتت تحت السيطرة" holds "تحت سيطرة")."""
    for index in range(max(start - 3, 0), end):
        matched = sentence.match_at(NOT_EVENTS, index)
        if (
            matched
            and index + len(matched[0]) > start
            and not (start < index and index + len(matched[0]) <= end)
        ):
            return True
    return False


def _in_epithet(sentence: KeyedSentence, start: int) -> bool:
    """A trigger inside a short quotation that names or describes something ("وصفه بأنه
    «معركة متزامنة ضد الإرهاب»", "عملية «عاصفة الحزم»"): a name, not an event."""
    text, at = sentence.text, sentence.tokens[start].start
    opener = max(text.rfind(mark, sentence.start, at) for mark in OPENING_QUOTES)
    if opener < sentence.start or any(
        mark in text[opener + 1 : at] for mark in CLOSING_QUOTES - OPENING_QUOTES
    ):
        return False
    first = sentence.token_index(opener)
    closer = min(
        (i for i in (text.find(mark, at, sentence.end) for mark in CLOSING_QUOTES) if i >= 0),
        default=-1,
    )
    if closer < 0 or sentence.token_index(closer) - first > lex.EPITHET_WORDS:
        return False
    return first > 0 and sentence.tokens[first - 1].key in EPITHET_CUES


def _negates(sentence: KeyedSentence, negation: int | None) -> bool:
    """A negation that denies the event: not "لا تزال" ("still"), nor one of what is known
    of it ("لم يتضح إن كانت الغارة … نفذها الجيش"): ``STILL`` and ``UNINFORMED``."""
    return negation is not None and not sentence.has(NOT_DENIALS, negation + 1, negation + 2)


def _blocked_before(sentence: KeyedSentence, start: int) -> bool:
    if sentence.has(MODALITY, start - lex.WINDOW, start):
        return True
    if _negates(sentence, sentence.last(NEGATIONS, start - 2, start)):
        return True
    if _background(sentence, start):
        return True
    after = sentence.last(AFTER_WORDS, start - 4, start)
    return after is not None and sentence.has(TIME_UNITS, after + 1, start + 1)


def _background(sentence: KeyedSentence, start: int) -> bool:
    """A background word right before the trigger, unless it ends a discourse link."""
    at = sentence.last(BACKGROUND, start - 2, start)
    if at is None:
        return False
    for link_start in range(max(at - 3, 0), at):
        matched = sentence.match_at(DISCOURSE_LINKS, link_start)
        if matched and link_start + len(matched[0]) == at + 1:
            return False
    return True


def _purpose(sentence: KeyedSentence, start: int, reading: str) -> bool:
    """'لتحرير عدن', 'للسيطرة على': an aim, unless something underwent it ('تعرضت للقصف')."""
    proclitic = sentence.tokens[start].proclitic(reading)
    if not proclitic.lstrip("وف").startswith("ل"):
        return False
    return not sentence.has(UNDERGO, start - lex.WINDOW, start)


def _weak_ok(
    sentence: KeyedSentence, trigger: Trigger, start: int, end: int, facts: SentenceFacts
) -> bool:
    """An armed actor (or, for a munition, its impact) nearby, and something specific."""
    armed = sentence.has(ARMED, start - lex.WINDOW, start) or sentence.has(
        ARMED, end, end + lex.WINDOW
    )
    if trigger.sub_type in EXPLOSIONS and not armed:
        armed = sentence.has(IMPACTS, start - lex.NEAR, end + lex.NEAR)
    located = facts.specific_place or facts.dated or sentence.has(PLACE_WORDS)
    if facts.deaths and located:  # people killed at a place or date: real violence
        return True
    if facts.specific_place and sentence.has(OCCURRED, start - lex.NEAR, start):
        return True  # "وشهدت مأرب مواجهات عنيفة": it took place, and where
    return armed and (located or facts.deaths or sentence.has(KILLING))


def _refine(sentence: KeyedSentence, trigger: Trigger, start: int, end: int) -> str | None:
    sub_type = trigger.sub_type
    near = (start - lex.NEAR, end + lex.NEAR)
    if trigger.words[0] in BARE_SHELLING and (
        _aircraft(sentence, near[0], start) or _aircraft(sentence, end, near[1])
    ):
        return lex.AIR
    if trigger.words[0] in BLASTS | ATTACKS and sentence.has(SUICIDE_WORDS, near[0], near[1]):
        return lex.SUICIDE
    if trigger.needs == "aircraft" and _on_the_ground(sentence, trigger, start, end):
        return lex.CLASH  # "أن مقاتليها استهدفوا دورية عسكرية": fighters, not aircraft
    if sub_type == lex.REGAIN:
        return _who_takes_territory(sentence, trigger, start, end)
    if sub_type == lex.ARRESTS and _by_the_state(sentence, trigger, start, end) is False:
        return lex.ABDUCTION  # held by an armed group: ACLED's abduction, not an arrest
    if trigger.needs == "victim" and _aircraft(sentence, start - lex.AIR_KILLER_REACH, start):
        return lex.AIR  # "طيران التحالف الدولي تدخل وتمكن من قتل 18 عنصرا": killed from the air
    if trigger.needs == "victim" and sentence.has(CIVILIANS, start - lex.NEAR, end + 2 * lex.NEAR):
        return lex.ATTACK
    if sub_type == lex.PEACEFUL:
        if sentence.has(KILLING) and sentence.has(PROTESTERS):
            return lex.EXCESSIVE
        if sentence.has(DISPERSAL):
            return lex.INTERVENTION
    return sub_type


def _aircraft(sentence: KeyedSentence, lo: int, hi: int) -> bool:
    """Aircraft named in ``[lo, hi)``, not the defence against them ("ومضادات الطيران")."""
    at = sentence.last(AIR_CUES, lo, hi)
    return at is not None and not sentence.has(ANTI_AIRCRAFT, at - 1, at)


def _on_the_ground(sentence: KeyedSentence, trigger: Trigger, start: int, end: int) -> bool:
    """Ground forces just before a targeting verb, or right after its verbal noun (``إثر
    استهداف المقاومة رتلا``), and no aircraft named near it."""
    if _aircraft(sentence, start - lex.WINDOW, start) or _aircraft(sentence, end, end + lex.NEAR):
        return False
    if trigger.form == "noun":
        return sentence.has(GROUND_FORCES, end, end + 1)
    return sentence.has(GROUND_FORCES, start - lex.NEAR, start)


def _who_takes_territory(
    sentence: KeyedSentence, trigger: Trigger, start: int, end: int
) -> str | None:
    """Government forces and their allies regain territory; anyone else overtakes it."""
    by_the_state = _by_the_state(sentence, trigger, start, end)
    if by_the_state is not None:
        return lex.REGAIN if by_the_state else lex.OVERTAKE
    if sentence.has(NON_STATE, end, end + lex.WINDOW):  # taken from a non-state actor
        return lex.REGAIN
    return None


def _by_the_state(sentence: KeyedSentence, trigger: Trigger, start: int, end: int) -> bool | None:
    """Whether the doer is the state or its allies (True), an armed group (False), or not
    known (None): the subject right after a verb or a verbal noun, else the nearest force
    named before."""
    # verb first, then its subject; a verbal noun's subject right after it ("سيطرة المقاومة")
    reach = end + (lex.NEAR if trigger.form != "noun" else 1)
    state_after = sentence.first(STATE_FORCES, end, reach)
    rebel_after = sentence.first(NON_STATE, end, reach)
    if state_after is not None or rebel_after is not None:
        return rebel_after is None
    state = sentence.last(STATE_FORCES, start - lex.WINDOW, start)
    rebel = sentence.last(NON_STATE, start - lex.WINDOW, start)
    if state is not None and (rebel is None or state > rebel):
        return True
    if rebel is not None:
        return False
    return None


def consolidate(found: list[Candidate]) -> list[Candidate]:
    """One candidate per sub-type; the more specific reading of one event wins.

    An "attack" (هجوم) beside an explosion is that explosion, not a second event; a
    place regained and overtaken in one sentence is one taking, read by its first word.
    """
    subs = {c.sub_type for c in found}
    if lex.AIR in subs:  # a bare "قصف" beside air strikes is the air strikes
        for c in found:
            if c.sub_type == lex.SHELLING and c.trigger.words[0] in BARE_SHELLING:
                c.sub_type = lex.AIR
        subs = {c.sub_type for c in found}
    dropped: set[str] = set()
    if subs & TERRITORY:
        dropped |= {lex.CLASH, lex.TRANSFER}
    if subs >= TERRITORY:  # "تعلن تحرير لحج وطرد ميليشيات الحوثي": one taking, read first
        first = min((c for c in found if c.sub_type in TERRITORY), key=lambda c: c.first)
        dropped |= TERRITORY - {first.sub_type}
    if subs & EXPLOSIONS:
        dropped |= {lex.ATTACK, lex.TRANSFER}
        found = [c for c in found if not (c.sub_type == lex.CLASH and c.trigger.needs == "target")]
    if lex.SUICIDE in subs:
        dropped.add(lex.IED)
    if lex.DISRUPTED in subs:  # a bomb defused or an attack foiled did not go off
        dropped |= {lex.IED, lex.SUICIDE, lex.GRENADE}
    if lex.CLASH in subs:
        dropped.add(lex.TRANSFER)
    if subs & {lex.EXCESSIVE, lex.INTERVENTION}:
        dropped.add(lex.PEACEFUL)
    if len({c.sub_type for c in found if type_of()[c.sub_type] in VIOLENT_TYPES}) > 1:
        found = [c for c in found if not _aircraft_unnamed(c)]  # "عملية … استهدفت طقما"
    kept: dict[str, Candidate] = {}
    for candidate in found:
        if candidate.sub_type not in dropped:
            kept.setdefault(candidate.sub_type, candidate)
    return sorted(kept.values(), key=lambda c: c.first)


def _aircraft_unnamed(candidate: Candidate) -> bool:
    """A targeting with no aircraft named ("استهدفت"): beside another violent trigger, it
    tells what that event hit, not an air strike of its own."""
    return candidate.trigger.needs == "aircraft" and "needs_unmet" in candidate.signals


def is_recent(value: date, published: date | None) -> bool:
    """Whether a stated date is news for a report of ``published`` (not history, not future)."""
    if published is None:
        return True
    return published - timedelta(days=HISTORY_DAYS) <= value <= published + timedelta(days=1)
