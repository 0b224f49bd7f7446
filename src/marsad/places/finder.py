"""Find place names in Article.text with the gazetteer, the Arabic way.

Words are matched through the one normaliser's keys, longest name first, with proclitics
(``بدير الزور``, ``وسوريا``, ``لتركيا``) and the article read off; hashtag words
(``#دير_الزور``) join on the underscore. A designator before the name (``محافظة``,
``قرية``, ``ريف``, ``شرق`` …) says what kind of place it is and how it relates; country
adjectives (``التركية``, ``أوربية``) are found as such. NER LOC mentions, when present,
let names through that are also common words and link places to entities.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, NamedTuple

from marsad.arabic import clitic_stems, match_key, normalize, tokenize
from marsad.model import Mention
from marsad.places.gazetteer import Gazetteer
from marsad.places.lexicon_data import (
    DESIGNATORS,
    DIRECTION_ADJECTIVES,
    ITS_COUNTRYSIDE,
    SPAN_RELATIONS,
)

MatchRelation = Literal["mention", "near", "countryside", "adjective"]

MAX_WORDS = 5  # longer gazetteer names (official country names) are rare in running text
MIN_BARE_LETTERS = 3
MAX_LEAD = 12  # clitics or a designator between a LOC mention's start and the name
OPEN_QUOTES = frozenset("«“\"'")
CLOSE_QUOTES = frozenset("»”\"'")


class Word(NamedTuple):
    start: int
    end: int
    key: str
    joined: bool  # follows the previous word with only spaces or "_" between
    hashtag: int  # index of the hashtag it belongs to, or -1


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A place name found in the text, before disambiguation."""

    start: int  # span in Article.text: the name, plus designator words for near/countryside
    end: int
    key: str
    places: tuple[int, ...]  # gazetteer entry numbers
    relation: MatchRelation = "mention"
    kinds: frozenset[str] | None = None  # kinds the designator asks for
    entity_id: str | None = None
    from_ner: bool = False


@lru_cache(maxsize=1 << 16)
def word_key(text: str) -> str:
    return match_key(text)


def words_of(text: str) -> list[Word]:
    """Word units with keys: tokens of the one tokenizer, hashtag words split on ``_``."""
    words: list[Word] = []
    previous_end = -1  # end of the previous word token when nothing but space follows it
    hashtags = 0
    for token in tokenize(text):
        if not token.is_word:
            previous_end = -1
            continue
        hashtag = -1
        if token.start > 0 and text[token.start - 1] in "#＃":
            hashtag = hashtags
            hashtags += 1
        spaced = previous_end >= 0 and text[previous_end : token.start].isspace()
        offset = token.start
        first = True
        for part in token.text.split("_"):
            start, end = offset, offset + len(part)
            offset = end + 1
            if not part:
                continue
            joined = not first or (spaced and hashtag < 0)
            words.append(Word(start, end, word_key(part), joined, hashtag))
            first = False
        previous_end = -1 if hashtag >= 0 else token.end
    return words


class PlaceFinder:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.max_words = min(MAX_WORDS, gazetteer.max_words)
        self._readings_cache: dict[str, tuple[tuple[str, ...], bool]] = {}

    def _readings(self, key: str) -> tuple[tuple[str, ...], bool]:
        """Clitic readings of a word if one may begin a name (memoised: most words do not),
        and whether one begins a name of several words."""
        cached = self._readings_cache.get(key)
        if cached is None:
            readings = clitic_stems(key)  # only a name's first word has clitics
            names, first_words = self.gazetteer.names, self.gazetteer.first_words
            if any(r in names or r in first_words for r in readings):
                cached = (readings, any(r in first_words for r in readings))
            else:
                cached = ((), False)
            if len(self._readings_cache) < 200_000:
                self._readings_cache[key] = cached
        return cached

    def find(self, text: str, mentions: Sequence[Mention] = ()) -> list[NameMatch]:
        words = words_of(text)
        loc = [m for m in mentions if m.label == "LOC"]
        blocked = [m for m in mentions if m.label in ("PER", "ORG")]
        found: list[NameMatch] = []
        i = 0
        while i < len(words):
            match, used = self._name_at(text, words, i, loc, blocked)
            if used == 0:
                match = self._countryside_of_previous(words[i], text, found)
                if match is None:
                    match = self._adjective_at(text, words, i, blocked)
            if match is not None:
                found.append(match)
            i += max(used, 1)
        found.extend(self._unmatched_loc(text, loc, found))
        return sorted(found, key=lambda m: (m.start, m.end))

    # ----------------------------------------------------------------------- names

    def _name_at(
        self,
        text: str,
        words: list[Word],
        i: int,
        loc: Sequence[Mention],
        blocked: Sequence[Mention],
    ) -> tuple[NameMatch | None, int]:
        first_readings, opens_longer = self._readings(words[i].key)
        if not first_readings:
            return None, 0
        run = 1
        if opens_longer:
            while run < self.max_words and i + run < len(words) and words[i + run].joined:
                run += 1
        for n in range(run, 0, -1):
            rest = "".join(" " + w.key for w in words[i + 1 : i + n])
            phrase = words[i].key + rest
            readings = tuple(r + rest for r in first_readings) if rest else first_readings
            for reading in readings:
                hit = self.gazetteer.names.get(reading)
                if hit is None:
                    continue
                if n == 1 and reading in self.gazetteer.adjectives and "ال" + reading in readings:
                    return None, 0  # السورية: the adjective, not the name سورية
                if n == 1 and reading in DESIGNATORS and not _covering(loc, *_span(words, i, 1)):
                    return None, 0  # مدينة, قرية …: a designator, not the town called so
                first, last = words[i], words[i + n - 1]
                if first.hashtag >= 0 and not self._whole_hashtag(words, i, n):
                    return None, 0
                start = first.start + _prefix_length(text[first.start : first.end], phrase, reading)
                end = last.end
                mention = _named_by(loc, start, end)
                if _covering(blocked, start, end) is not None and mention is None:
                    return None, n
                relation, kinds, span_start = self._designator(text, words, i)
                designated = kinds is not None or relation != "mention"
                letters = len(reading.replace(" ", ""))
                if letters < MIN_BARE_LETTERS:
                    return None, 0
                weak = not hit.bare or _quoted(text, start, end)
                if mention is None and not designated and weak:
                    return None, 0 if n == 1 else n  # one word may still be an adjective
                if relation in SPAN_RELATIONS:
                    start = span_start
                    end = self._direction_after(words, i + n, end)
                return (
                    NameMatch(
                        start=start,
                        end=end,
                        key=reading,
                        places=hit.places,
                        relation=relation,
                        kinds=kinds,
                        entity_id=mention.entity_id if mention else None,
                        from_ner=mention is not None,
                    ),
                    n,
                )
        return None, 0

    def _designator(
        self, text: str, words: list[Word], i: int
    ) -> tuple[MatchRelation, frozenset[str] | None, int]:
        """The designator right before word ``i`` (one or two words), if any."""
        for n in (2, 1):
            if i - n < 0 or not _follows(text, words[i - 1], words[i]):
                continue
            before = words[i - n : i]
            if any(w.hashtag >= 0 for w in before) or not all(w.joined for w in before[1:]):
                continue
            phrase = " ".join(w.key for w in before)
            for reading in clitic_stems(phrase):
                found = DESIGNATORS.get(reading)
                dropped = phrase[: len(phrase) - len(reading)]
                if found is not None and "ال" not in dropped:  # الشرق is no designator
                    relation, kinds = found
                    first = before[0]
                    cut = _prefix_length(text[first.start : first.end], phrase, reading)
                    return relation, kinds, first.start + cut
        return "mention", None, words[i].start

    def _direction_after(self, words: list[Word], j: int, end: int) -> int:
        if j < len(words) and words[j].joined and words[j].key in DIRECTION_ADJECTIVES:
            return words[j].end
        return end

    @staticmethod
    def _whole_hashtag(words: list[Word], i: int, n: int) -> bool:
        tag = words[i].hashtag
        before = i > 0 and words[i - 1].hashtag == tag
        after = i + n < len(words) and words[i + n].hashtag == tag
        parts = [w for w in words[i : i + n] if w.hashtag == tag]
        return not before and not after and len(parts) == n

    # ------------------------------------------------------------------ the others

    def _countryside_of_previous(
        self, word: Word, text: str, found: list[NameMatch]
    ) -> NameMatch | None:
        """``بدير الزور وريفها``: ``ريفها`` is the countryside of the place just named."""
        if word.key not in ITS_COUNTRYSIDE or not found:
            return None
        previous = found[-1]
        if previous.relation == "adjective" or word.start - previous.end > 40:
            return None
        at = word.key.index("ريف")
        cut = normalize(text[word.start : word.end]).to_original(at, at + 1)[0]
        start = word.start + cut
        return NameMatch(
            start=start,
            end=word.end,
            key=previous.key,
            places=previous.places,
            relation="countryside",
            entity_id=previous.entity_id,
        )

    def _adjective_at(
        self, text: str, words: list[Word], i: int, blocked: Sequence[Mention]
    ) -> NameMatch | None:
        word = words[i]
        if word.hashtag >= 0 and not self._whole_hashtag(words, i, 1):
            return None  # #الحل_السوري names one thing, not something Syrian
        readings = clitic_stems(word.key)
        for reading in readings:
            number = self.gazetteer.adjectives.get(reading)
            if number is None:
                continue
            if _covering(blocked, word.start, word.end) is not None:
                return None
            shown = "ال" + reading if "ال" + reading in readings else reading
            cut = _prefix_length(text[word.start : word.end], word.key, shown)
            return NameMatch(
                start=word.start + cut,
                end=word.end,
                key=reading,
                places=(number,),
                relation="adjective",
            )
        return None

    def _unmatched_loc(
        self, text: str, loc: Sequence[Mention], found: list[NameMatch]
    ) -> list[NameMatch]:
        """LOC mentions the gazetteer does not know: kept as unresolved places."""
        missing = []
        for mention in loc:
            span = mention.span
            if any(m.start < span.end and span.start < m.end for m in found):
                continue
            missing.append(
                NameMatch(
                    start=span.start,
                    end=span.end,
                    key=match_key(text[span.start : span.end]),
                    places=(),
                    entity_id=mention.entity_id,
                    from_ner=True,
                )
            )
        return missing


def _prefix_length(word_text: str, phrase_key: str, reading: str) -> int:
    """Characters of ``word_text`` taken by the proclitics that ``reading`` drops.

    ``بدير`` read as ``دير`` drops one letter; ``للرقه`` read as ``الرقه`` drops ``لل``
    (the article is fused with the preposition, so the span starts after both).
    """
    first_key = phrase_key.partition(" ")[0]
    reading_first = reading.partition(" ")[0]
    dropped = len(first_key) - len(reading_first)
    if dropped <= 0:
        if reading_first.startswith("ال") and not first_key.startswith("ال"):
            dropped = 2  # للرقه → الرقه
        else:
            return 0
    if len(word_text) == len(first_key):
        return dropped  # nothing folded away: offsets agree
    normalized = normalize(word_text)
    if dropped >= len(normalized.text):
        return 0
    return normalized.to_original(dropped, dropped + 1)[0]


def _span(words: list[Word], i: int, n: int) -> tuple[int, int]:
    return words[i].start, words[i + n - 1].end


def _named_by(loc: Sequence[Mention], start: int, end: int) -> Mention | None:
    """The LOC mention that is this name (give or take proclitics and a designator): a
    name inside a longer LOC mention (بحر in بحر الصين) gets no say from it."""
    for mention in loc:
        span = mention.span
        if span.start <= start and end == span.end and start - span.start <= MAX_LEAD:
            return mention
    return None


def _covering(mentions: Sequence[Mention], start: int, end: int) -> Mention | None:
    for mention in mentions:
        if mention.span.start <= start and end <= mention.span.end:
            return mention
    return None


def _follows(text: str, previous: Word, word: Word) -> bool:
    """Only spaces (and a hashtag's ``#``) between two words: ``محافظة #دير_الزور``."""
    if word.hashtag >= 0 and previous.hashtag == word.hashtag:
        return False
    gap = text[previous.end : word.start]
    return gap.strip(" \t#＃") == "" and gap.count("#") + gap.count("＃") <= 1


def _quoted(text: str, start: int, end: int) -> bool:
    """«الشرق الأوسط» in quotes is more often a title or an organisation than a place."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return before in OPEN_QUOTES and after in CLOSE_QUOTES
