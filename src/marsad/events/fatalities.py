"""Death tolls a sentence states: digits, Arabic number words and duals, never guesses.

"قتل 25 مقاتلاً على الأقل" -> 25, at least; "مقتل 6 مقاتلين من المقاومة، و11 حوثيا" -> 17;
"مقتل 43 مدنيا وإصابة 173" -> 43. Vague counts (عشرات، مئات) give nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.arabic import match_key
from marsad.events import fatalities_data as data
from marsad.events.keyed import KeyedSentence, PhraseSet

_UNITS = {match_key(k): v for k, v in data.UNITS.items()}
_TEN = {match_key(k) for k in data.TEN}
_TENS = {match_key(k): v for k, v in data.TENS.items()}
_HUNDREDS = {match_key(k): v for k, v in data.HUNDREDS.items()}
_THOUSANDS = {match_key(k): v for k, v in data.THOUSANDS.items()}
_DUALS = PhraseSet(data.DUALS)
_AGE = PhraseSet(data.AGE_BEFORE)
_AMONG = PhraseSet(data.AMONG)
_DEATH_BEFORE = PhraseSet(data.DEATH_BEFORE)
_DEATH_AFTER = PhraseSet(data.DEATH_AFTER)
_WOUNDED = PhraseSet(data.WOUNDED)
_AT_LEAST = PhraseSet(data.AT_LEAST)
_NOT_PEOPLE = PhraseSet(data.NOT_PEOPLE)
_KILLED_AND_WOUNDED = PhraseSet(data.KILLED_AND_WOUNDED)
_FILLERS = {match_key(w) for w in data.FILLERS}
_MAX_DIGITS = 6  # a toll, not a year of seven digits or a phone number
_LOOK_BEFORE = 7
_LOOK_AFTER = 6


@dataclass(frozen=True, slots=True)
class Toll:
    count: int
    at_least: bool
    token: int  # where the first number of the toll is


def death_toll(sentence: KeyedSentence) -> Toll | None:
    """The number of dead the sentence states, summed over its numbers, or None."""
    total, at_least, first = 0, False, -1
    last_death_end = last_number_end = -10
    index = 0
    while index < len(sentence):
        number = _read_number(sentence, index)
        if number is None:
            index += 1
            continue
        value, end = number
        if sentence.has(_AGE, index - 2, index) or (
            first >= 0 and sentence.has(_AMONG, last_death_end, index)
        ):  # "دون سن الـ 18"; "قتل 9 بينهم خمسة أطفال": an age, a part of the toll
            last_number_end = end
            index = end
            continue
        continues = (  # "مقتل 6 من المقاومة، و11 حوثيا", not a breakdown "28 - 17 و11"
            sentence.tokens[index].key.startswith("و")
            and last_number_end == last_death_end
            and index - last_death_end <= _LOOK_BEFORE
            and not sentence.has(_WOUNDED, last_death_end, index)
        )
        if _is_death(sentence, index, end) or (continues and not _counts_other(sentence, end)):
            total += value
            at_least = at_least or _is_at_least(sentence, index, end)
            first = index if first < 0 else first
            last_death_end = end
        last_number_end = end
        index = end
    return Toll(total, at_least, first) if total else None


def _is_death(sentence: KeyedSentence, start: int, end: int) -> bool:
    if _counts_other(sentence, end):
        return False
    cue = sentence.last(_DEATH_BEFORE, start - _LOOK_BEFORE, start)
    if cue is not None and all(t.key in _FILLERS for t in sentence.tokens[cue + 1 : start]):
        return True
    after = sentence.first(_DEATH_AFTER, end, end + _LOOK_AFTER)
    return after is not None and not sentence.has(_WOUNDED, end, after)


def _counts_other(sentence: KeyedSentence, end: int) -> bool:
    """The number counts wounded (alone or with the dead), strikes, years or money rather
    than people killed."""
    return end < len(sentence) and (
        (  # "قتل 12 وجرح 30": the wounded of a clause of their own, after و
            sentence.match_at(_WOUNDED, end) is not None
            and not sentence.tokens[end].key.startswith("و")
        )
        or sentence.match_at(_NOT_PEOPLE, end) is not None
        or sentence.has(_KILLED_AND_WOUNDED, end, end + 2)  # "90 مدنيا بين قتيل وجريح"
    )


def _is_at_least(sentence: KeyedSentence, start: int, end: int) -> bool:
    return sentence.has(_AT_LEAST, start - 4, start) or sentence.has(_AT_LEAST, end, end + 3)


def _read_number(sentence: KeyedSentence, index: int) -> tuple[int, int] | None:
    """A number at token ``index`` (digits, words or a dual noun) and the index after it."""
    word = _bare(sentence.tokens[index].key)
    if word.isdigit():
        return (int(word), index + 1) if len(word) <= _MAX_DIGITS and not _year(word) else None
    if sentence.match_at(_DUALS, index) and (
        sentence.has(_DEATH_BEFORE, index - 2, index)
        or sentence.has(_DEATH_AFTER, index + 1, index + 2)  # "جنديين قتلا"
    ):
        return 2, index + 1
    return _number_words(sentence, index)


def _year(word: str) -> bool:
    return len(word) == 4 and 1900 <= int(word) <= 2100


def _bare(key: str) -> str:
    """A key without a leading conjunction (و11, وعشرين)."""
    return key[1:] if key[:1] in ("و", "ف") and len(key) > 1 else key


def _number_words(sentence: KeyedSentence, index: int) -> tuple[int, int] | None:
    total = current = 0
    position = index
    while position < len(sentence):
        key = sentence.tokens[position].key
        word = key if position == index else _bare(key)
        if position > index and word == key and word not in _TEN and word not in _THOUSANDS:
            break  # later parts are joined by و, except عشر and آلاف
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TEN:
            current += 10
        elif word in _TENS:
            current += _TENS[word]
        elif word in _HUNDREDS:
            current += _HUNDREDS[word]
        elif word in _THOUSANDS:
            total += max(current, 1) * _THOUSANDS[word]
            current = 0
        else:
            break
        position += 1
    value = total + current
    return (value, position) if position > index and value else None
