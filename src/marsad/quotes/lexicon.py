"""The quote lexicon compiled into matching keys, and a small phrase matcher over tokens.

Every word list of :mod:`marsad.quotes.lexicon_data` is looked up by ``match_key``, the
key the rest of Marsad uses, so spelling variants (أكد/اكد, مؤكداً/مؤكدا) meet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from marsad.arabic import match_key, strip_article, strip_conjunction
from marsad.arabic.names_data import GIVEN_NAMES
from marsad.quotes import lexicon_data as data

Aspect = Literal["past", "present", "participle"]


@dataclass(frozen=True, slots=True)
class VerbForm:
    """A token read as a reporting verb."""

    lemma: str
    aspect: Aspect
    conjunction: int  # characters of a leading و/ف to leave out of the cue span
    preps: frozenset[str]
    nominal: bool
    marked: bool = False


@dataclass(frozen=True, slots=True)
class _Position:
    alternatives: frozenset[str]
    optional: bool


class PhraseMatcher:
    """Finds the longest listed phrase starting at a token.

    A phrase is a sequence of positions; ``a|b`` lists alternatives and a trailing ``?``
    makes a position optional. The first word may carry a conjunction (و, ف).
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        self._by_first: dict[str, list[tuple[_Position, ...]]] = {}
        for phrase in phrases:
            positions = tuple(_compile_position(p) for p in phrase.split())
            for first in positions[0].alternatives:
                self._by_first.setdefault(first, []).append(positions)

    def match(self, keys: Sequence[str], i: int) -> int:
        """Index just past the longest phrase starting at ``keys[i]``, or ``i`` if none."""
        best = i
        for first in _without_conjunction(keys[i]):
            for positions in self._by_first.get(first, ()):
                best = max(best, _match_rest(positions, 1, keys, i + 1))
        return best


def _compile_position(text: str) -> _Position:
    optional = text.endswith("?")
    words = text.rstrip("?").split("|")
    return _Position(frozenset(match_key(w) for w in words), optional)


def _match_rest(positions: tuple[_Position, ...], p: int, keys: Sequence[str], i: int) -> int:
    if p == len(positions):
        return i
    position = positions[p]
    best = -1
    if i < len(keys) and keys[i] in position.alternatives:
        best = _match_rest(positions, p + 1, keys, i + 1)
    if position.optional:
        best = max(best, _match_rest(positions, p + 1, keys, i))
    return best


def _without_conjunction(key: str) -> tuple[str, ...]:
    """The key, and the key without a leading و/ف when what remains is a word."""
    bare = strip_conjunction(key)
    return (key,) if bare == key else (key, bare)


class _GivenNames(frozenset[str]):
    """Given names, and any name written as one word with ``عبد`` (``عبدالستار``)."""

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str) and key.startswith("عبدال") and len(key) > 6:
            return True
        return super().__contains__(key)


_POSSESSIVES = ("هما", "هم", "ها", "ه", "ي")


def _keys(words: Iterable[str]) -> frozenset[str]:
    return frozenset(match_key(w) for w in words)


class Lexicon:
    """Every list the quote finder consults, as sets of keys and phrase matchers."""

    def __init__(self) -> None:
        self.verbs: dict[str, VerbForm] = {}
        for lemma, verb in data.REPORTING_VERBS.items():
            preps = _keys(verb.preps)
            by_aspect: tuple[tuple[Aspect, tuple[str, ...]], ...] = (
                ("past", verb.past),
                ("present", verb.present),
                ("participle", verb.participle),
            )
            for aspect, forms in by_aspect:
                for form in forms:
                    self.verbs[match_key(form)] = VerbForm(
                        lemma, aspect, 0, preps, verb.nominal, verb.marked
                    )
        for masdar in data.SAYING_MASDARS:
            self.verbs[match_key(masdar)] = VerbForm("قال", "participle", 0, frozenset(), False)
        self.relay_verbs = frozenset(data.RELAY_VERBS)
        self.ambiguous_forms = _keys(data.AMBIGUOUS_FORMS)
        self.continuation_verbs = frozenset(data.CONTINUATION_VERBS)
        self.unmarked_speech = frozenset(data.UNMARKED_SPEECH_VERBS)
        self.prepositions = _keys(data.PREPOSITIONS)
        self.impersonal = _keys(data.IMPERSONAL_FORMS)
        self.saying_nouns = _keys(data.SAYING_NOUNS)
        self.content_masdars = _keys(data.CONTENT_MASDARS)
        self.complementizers = _keys(data.COMPLEMENTIZERS)
        self.according_to = PhraseMatcher(data.ACCORDING_TO)
        self.statement_nouns = _keys(data.STATEMENT_NOUNS)
        self.issued_statements = _keys(data.ISSUED_STATEMENTS)
        self.issue_verbs = _keys(data.ISSUE_VERBS)
        self.in_their_words = PhraseMatcher(data.IN_THEIR_WORDS)
        self.this_is_what = PhraseMatcher(data.THIS_IS_WHAT)
        self.verb_objects = _keys(data.VERB_OBJECT_PRONOUNS)
        self.connectors = _keys(data.CONNECTORS)
        self.relatives = _keys(data.RELATIVE_PRONOUNS)
        self.clause_breakers = PhraseMatcher(data.CLAUSE_BREAKERS)
        self.outlets = _keys(data.OUTLET_NOUNS)
        self.outlet_names = _keys(data.OUTLET_NAMES)
        self.negations = _keys(data.NEGATIONS)
        self.askers = _keys(data.ASKERS)
        self.asked = _keys(data.ASKED)
        self.asked_about = _keys(data.ASKED_ABOUT)
        self.without = _keys(data.WITHOUT)
        self.topic_shifts = PhraseMatcher(data.TOPIC_SHIFTS)
        self.idiom_subjects = _keys(data.IDIOM_SUBJECTS)
        self.speech_events = _keys(data.SPEECH_EVENTS)
        self.adjuncts = PhraseMatcher(data.ADJUNCT_WORDS)
        self.adverbs = _keys(data.ADVERBS)
        self.roles = _keys(data.ROLE_NOUNS)
        self.collectives = _keys(data.COLLECTIVE_NOUNS)
        self.organisations = _keys(data.ORGANISATION_NOUNS)
        self.back_references = _keys(data.BACK_REFERENCES)
        self.same_words = _keys(data.SAME_WORDS)
        self.anonymous_heads = _keys(data.ANONYMOUS_HEADS)
        self.honorifics = _keys(data.HONORIFICS)
        self.pronoun_titles = _keys(data.PRONOUN_TITLES)
        self.governing_verbs = _keys(data.GOVERNING_VERBS)
        self.blessings = PhraseMatcher(data.BLESSINGS)
        self.given_names = _GivenNames(_keys(GIVEN_NAMES))
        self.kunya = _keys(data.KUNYA)
        self.kin = _keys(data.KIN_NOUNS)
        self.spokespersons = _keys(data.SPOKESPERSON_NOUNS)
        self.on_behalf_of = _keys(data.ON_BEHALF_OF)
        self.name_joiners = _keys(data.NAME_JOINERS)
        self.anonymity_motives = PhraseMatcher(data.ANONYMITY_MOTIVES)
        self.anonymity_requests = PhraseMatcher(data.ANONYMITY_REQUESTS)
        self.anonymity_kinds = PhraseMatcher(data.ANONYMITY_KINDS)
        self.title_nouns = _keys(data.TITLE_NOUNS)
        self.addressee_words = _keys(data.ADDRESSEE_WORDS)
        self.masdar_leads = _keys(data.MASDAR_LEADS)

    def verb(self, key: str) -> VerbForm | None:
        """The reporting verb a token is, with or without a leading conjunction."""
        for reading in _without_conjunction(key):
            form = self.verbs.get(reading)
            if form is not None:
                conj = len(key) - len(reading)
                return VerbForm(
                    form.lemma, form.aspect, conj, form.preps, form.nominal, form.marked
                )
        return None

    def is_in(self, key: str, table: frozenset[str]) -> bool:
        """Whether a word (with or without conjunction and article) is in a list."""
        return any(r in table or strip_article(r) in table for r in _without_conjunction(key))

    def pronoun_suffixed(self, key: str, table: frozenset[str]) -> bool:
        """A word of a list with a pronoun glued to it: ``خلاله``, ``عليها``, ``رئيسها``."""
        return any(
            key.endswith(ending)
            and len(key) - len(ending) >= 2
            and self.is_in(key[: -len(ending)], table)
            for ending in _POSSESSIVES
        )

    def is_in_possessed(self, key: str, table: frozenset[str]) -> bool:
        """Like :meth:`is_in`, also with a possessive ending: ``بيانها``, ``اجتماعه``."""
        for ending in _POSSESSIVES:
            if key.endswith(ending) and len(key) - len(ending) >= 3:
                stem = key[: -len(ending)]
                if stem.endswith("ت"):
                    stem = stem[:-1] + "ه"  # كلمته → كلمه (the key of كلمة)
                if self.is_in(stem, table):
                    return True
        return self.is_in(key, table)


@cache
def lexicon() -> Lexicon:
    """The compiled lexicon, built once per process."""
    return Lexicon()
