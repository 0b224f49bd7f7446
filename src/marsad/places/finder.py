"""Find place names in Article.text with the gazetteer, the Arabic way.

Words are matched through the one normaliser's keys, longest name first, with proclitics
(``بدير الزور``, ``وسوريا``, ``لتركيا``) and the article read off; hashtag words
(``#دير_الزور``) join on the underscore. A designator before the name (``محافظة``,
``قرية``, ``ريف``, ``شرق`` …) says what kind of place it is and how it relates; country
adjectives (``التركية``, ``أوربية``) are found as such. NER LOC mentions, when present,
let names through that are also common words and link places to entities.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from marsad.arabic import clitic_stems, match_key, normalize, strip_conjunction, word_tokens
from marsad.arabic.chars import CLOSING_QUOTES, OPENING_QUOTES, TANWIN
from marsad.arabic.clitics import ARTICLE, CONJUNCTIONS, MIN_STEM, PREPOSITIONS
from marsad.model import Mention
from marsad.places.gazetteer import Gazetteer
from marsad.places.lexicon_data import (
    DESIGNATORS,
    DIRECTION_ADJECTIVES,
    DUAL_DESIGNATORS,
    GOVERNORATE_KINDS,
    ITS_COUNTRYSIDE,
    LANGUAGE_CUES,
    LIST_JOINTS,
    LISTED_NAME_WORDS,
    NAME_FIRST_WORDS,
    NAMING_DESIGNATORS,
    NEVER_ALONE,
    NOT_ADJECTIVES_AS_WRITTEN,
    NOT_DESIGNATED_NAMES,
    NOT_NAME_OPENERS,
    NOT_PLACE_AFTER,
    NOT_PLACE_BEFORE,
    NOT_PLACES_AS_WRITTEN,
    QUOTED_NAME_WORDS,
    REGION_COUNTRIES,
    REGION_DESIGNATOR,
    SPAN_RELATIONS,
    TERRITORY_NOUNS,
)

MatchRelation = Literal["mention", "near", "countryside", "adjective"]

MAX_WORDS = 5  # longer gazetteer names (official country names) are rare in running text
MIN_BARE_LETTERS = 3
MAX_LEAD = 12  # clitics or a designator between a LOC mention's start and the name
CACHE_LIMIT = 200_000  # distinct words memoised; news rarely holds more
# What a word with proclitics may begin with, and how many letters they may take.
PROCLITIC_INITIALS = frozenset(c[0] for c in (*CONJUNCTIONS, *PREPOSITIONS, ARTICLE) if c)
PROCLITIC_LETTERS = frozenset("".join((*CONJUNCTIONS, *PREPOSITIONS, ARTICLE)))
MAX_PROCLITIC_LETTERS = max(map(len, CONJUNCTIONS)) + max(map(len, PREPOSITIONS)) + len(ARTICLE)
# How designators of several words end (what follows one of their spaces).
DESIGNATOR_ENDINGS = frozenset(
    key[at + 1 :] for key in DESIGNATORS for at, letter in enumerate(key) if letter == " "
)
PARTICLES_IN_AL = frozenset({"الي", "الا", "الذي", "التي", "الذين", "اللذين", "اللتين"})
NAMING_WORDS = NAMING_DESIGNATORS | DUAL_DESIGNATORS
QUOTED_NAME_CHARS = 40  # from a designator's opening quote to its closing one, at most


class WordReading(NamedTuple):
    """What a word may be, whatever the text around it."""

    readings: tuple[str, ...]  # its clitic readings, when one opens a name (else empty)
    opening: tuple[str, ...]  # those that open a name, in the same order
    name: str | None  # the first that is a name in itself
    opens_longer: bool  # one of them opens a name of several words
    adjective: tuple[str, str] | None  # (country adjective key, the form the span shows)
    countryside: bool  # ``وريفها``: the countryside of the place just named
    notable: bool  # any of the above: the scan stops at the word


NO_NAME: tuple[NameMatch | None, int] = (None, 0)  # no name here, no word used
QUIET_WORD = WordReading((), (), None, False, None, False, False)  # most words: nothing
ITS_COUNTRYSIDE_WORD = WordReading((), (), None, False, None, True, True)


class Word(NamedTuple):
    start: int
    end: int
    key: str
    joined: bool  # follows the previous word with only spaces or "_" between
    hashtag: int  # start of the hashtag it belongs to, or -1
    reading: WordReading


# A word token's ``_``-separated parts: (offset, length, match key, reading) each.
WordParts = tuple[tuple[int, int, str, WordReading], ...]


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


class PlaceFinder:
    """Scans a text for gazetteer names. What it learns about a word (its key, whether it
    may open a name, its adjective reading) is memoised per distinct word: news repeats
    its words, and most of them open no name."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.max_words = min(MAX_WORDS, gazetteer.max_words)
        names = gazetteer.names
        # Proper word prefixes of the names of two words or more: a scan reads on while
        # the words so far may still grow into a name.
        self._prefixes = frozenset(
            " ".join(words[:n]) for words in (key.split(" ") for key in names if " " in key)
            for n in range(1, len(words))
        )  # fmt: skip
        # Every single word a clitic reading must equal to matter: a name of one word,
        # the first word of a longer one, an adjective.
        self._stems = frozenset(
            {key for key in names if " " not in key} | gazetteer.first_words
            | {key for key in gazetteer.adjectives if " " not in key}
        )  # fmt: skip
        # What a clitic reading must be to open a name: a name, or a longer one's first word.
        self._openers = frozenset(names) | gazetteer.first_words
        self._parts: dict[str, WordParts] = {}
        self._designators: dict[str, tuple[str, MatchRelation, frozenset[str] | None] | None] = {}
        self._naming: dict[str, str | None] = {}

    def clear_caches(self) -> None:
        """Forget the memoised words (a benchmark's cold pass; memory in a long run)."""
        self._parts.clear()
        self._designators.clear()
        self._naming.clear()

    def words_of(self, text: str) -> list[Word]:
        """Word units with keys: tokens of the one tokenizer, hashtag words split on ``_``."""
        words: list[Word] = []
        append = words.append
        cache = self._parts
        previous_end = -1  # end of the previous word token when nothing but space follows it
        for start, end, token in word_tokens(text):
            parts = cache.get(token)
            if parts is None:
                parts = self._parts_of(token)
            if start and text[start - 1] in "#＃":
                hashtag, joined = start, False
            else:
                hashtag = -1
                joined = previous_end >= 0 and text[previous_end:start].isspace()
            if len(parts) == 1:
                _, _, key, reading = parts[0]
                append(Word(start, end, key, joined, hashtag, reading))
            else:
                for offset, length, key, reading in parts:
                    append(
                        Word(start + offset, start + offset + length, key, joined, hashtag, reading)
                    )
                    joined = True  # the next part of a hashtag word follows on its ``_``
            previous_end = -1 if hashtag >= 0 else end
        return words

    def _parts_of(self, token: str) -> WordParts:
        """A word token's ``_``-separated parts, with what each may be (memoised)."""
        if "_" not in token:
            key = match_key(token)
            found: WordParts = ((0, len(token), key, self._reading(key)),)
        else:
            parts = []
            offset = 0
            for part in token.split("_"):
                if part:
                    key = match_key(part)
                    parts.append((offset, len(part), key, self._reading(key)))
                offset += len(part) + 1
            found = tuple(parts)
        if len(self._parts) < CACHE_LIMIT:
            self._parts[token] = found
        return found

    def _reading(self, key: str) -> WordReading:
        """What a word may be: the clitic readings under which it opens a name (and
        whether one opens a name of several words), its country-adjective reading."""
        countryside = key in ITS_COUNTRYSIDE
        if not _may_read_as(key, self._stems):
            return ITS_COUNTRYSIDE_WORD if countryside else QUIET_WORD
        readings = clitic_stems(key)  # only a name's first word has clitics
        openers, names = self._openers, self.gazetteer.names
        opening = tuple(r for r in readings if r in openers)
        name = next((r for r in opening if r in names), None)
        adjectives = self.gazetteer.adjectives
        shown = None
        if not adjectives.keys().isdisjoint(readings):
            adjective = next(r for r in readings if r in adjectives)
            shown = (adjective, "ال" + adjective if "ال" + adjective in readings else adjective)
        opens_longer = not self.gazetteer.first_words.isdisjoint(opening)
        notable = bool(opening) or shown is not None or countryside
        return WordReading(
            readings if opening else (), opening, name, opens_longer, shown, countryside, notable
        )

    def find(self, text: str, mentions: Sequence[Mention] = ()) -> list[NameMatch]:
        words = self.words_of(text)
        loc = [
            m
            for m in mentions
            if m.label == "LOC" and not _addressed(text, m.span.start, m.span.end)
        ]
        blocked = [m for m in mentions if m.label in ("PER", "ORG")]
        found: list[NameMatch] = []
        free = 0  # words before this one are part of a name already found
        for i in [i for i, word in enumerate(words) if word.reading.notable]:
            if i < free:
                continue
            reading = words[i].reading
            listed = _listed_kinds(text, found[-1] if found else None, words[i])
            match, used = (
                self._name_at(text, words, i, loc, blocked, listed) if reading.opening else NO_NAME
            )
            if used == 0:
                if reading.countryside:
                    match = self._countryside_of_previous(words[i], text, found)
                if match is None and reading.adjective is not None:
                    match = self._adjective_at(text, words, i, blocked)
            if match is not None:
                found.append(match)
            free = i + max(used, 1)
        found.extend(self._designated_unknown(text, words, [*found, *blocked]))
        found.extend(self._unmatched_loc(text, loc, found))
        return sorted(found, key=lambda m: (m.start, m.end))

    # ----------------------------------------------------------------------- names

    def _longest_name(self, words: list[Word], i: int) -> tuple[str, str, int] | None:
        """The longest name that starts at word ``i`` under one of its clitic readings
        (the first such reading when several are as long): (the name, the reading of the
        first word, its number of words)."""
        reading = words[i].reading
        if not reading.opens_longer:
            return None if reading.name is None else (reading.name, reading.name, 1)
        names, prefixes = self.gazetteer.names, self._prefixes
        last = min(i + self.max_words, len(words))  # the words a name may run over
        best: tuple[str, str, int] | None = None
        for first in reading.opening:
            found = (first, first, 1) if first in names else None
            phrase = first
            j = i + 1
            while j < last and phrase in prefixes and words[j].joined:
                phrase = phrase + " " + words[j].key
                j += 1
                if phrase in names:
                    found = (phrase, first, j - i)
            if found is not None and (best is None or found[2] > best[2]):
                best = found
        return best

    def _name_at(
        self,
        text: str,
        words: list[Word],
        i: int,
        loc: Sequence[Mention],
        blocked: Sequence[Mention],
        listed: frozenset[str] | None = None,
    ) -> tuple[NameMatch | None, int]:
        """The name at word ``i``; ``listed``: the kinds the designator of a list it is in
        asks for ("محافظات مأرب وعمران": Amran is a governorate too)."""
        longest = self._longest_name(words, i)
        if longest is None:
            return None, 0
        name, first_reading, n = longest
        hit = self.gazetteer.names[name]
        if (
            n == 1
            and name in self.gazetteer.adjectives
            and "ال" + name in words[i].reading.readings
        ):
            return None, 0  # السورية: the adjective, not the name سورية
        if n == 1 and name in DESIGNATORS and not _covering(loc, *_span(words, i, 1)):
            return None, 0  # مدينة, قرية …: a designator, not the town called so
        if _article_dropped(words[i].key.partition(" ")[0], first_reading.partition(" ")[0]):
            return None, 0  # المالي "financial" is no mention of مالي: names keep their form
        if strip_conjunction(words[i].key) in NOT_PLACES_AS_WRITTEN or (
            i > 0 and words[i - 1].key in NOT_PLACE_AFTER
        ):
            return None, 0  # بحجة "on the pretext"; صلاة المغرب "the sunset prayer"
        if i + n < len(words) and words[i + n].key in NOT_PLACE_BEFORE.get(name, ()):
            return None, n  # باليمن والبركة "with good fortune"
        if name.startswith("ال") and self._another_countrys(words, i + n, hit.places):
            return None, n  # الجنوب اليمني: Yemen's south, not Lebanon's South governorate
        first, last = words[i], words[i + n - 1]
        if first.hashtag >= 0 and not self._whole_hashtag(words, i, n):
            return None, 0
        if not TANWIN.isdisjoint(text[first.start : last.end]):
            return None, 0  # دوماً "always": names take no indefinite ending
        start = first.start + _prefix_length(
            text[first.start : first.end], first.key, first_reading
        )
        end = last.end
        mention = _named_by(text, loc, start, end)
        if _covering(blocked, start, end) is not None and mention is None:
            return None, n
        if _addressed(text, start, end):
            return None, n
        if n == 1 and self._feminine_adjective(name) and i > 0 and words[i].joined:
            previous = words[i - 1].key
            if (
                previous.startswith("ال")
                and previous not in PARTICLES_IN_AL
                and not _after_territory(words, i)
            ):
                # الطائرة السعودية: Saudi, not Saudi Arabia (إلى السعودية is the country)
                country = self.gazetteer.adjectives[name[2:-1]]
                return NameMatch(start, end, name, (country,), relation="adjective"), n
        relation, kinds, span_start = self._designator(text, words, i)
        if kinds is None and relation == "mention" and span_start == words[i].start:
            kinds = listed
        if kinds is None and self._a_region(text, span_start, words[i].start, hit.places):
            kinds = GOVERNORATE_KINDS  # "أمير منطقة الرياض": the Riyadh Region, not the city
        if len(name) - name.count(" ") < MIN_BARE_LETTERS and kinds is None:
            return None, 0  # إب only as "محافظة إب", "مدينة إب"
        # A direction or "near" word alone (جنوب البلاد, محيط المدينة) does not make a
        # common word a place; a designator of a kind (قرية, مدينة) or ريف does.
        designated = kinds is not None or relation == "countryside"
        introduced = span_start != words[i].start  # a designator: منطقة «عسير» is a place
        weak = (
            not hit.bare
            or (_quoted(text, start, end) and not introduced)
            or self._indefinite(name, hit.places)
        )
        if not designated and (name in NEVER_ALONE or (mention is None and weak)):
            return None, 0 if n == 1 else n  # one word may still be an adjective
        if relation in SPAN_RELATIONS:
            start = span_start
            end = self._direction_after(words, i + n, end)
        return (
            NameMatch(
                start=start,
                end=end,
                key=name,
                places=hit.places,
                relation=relation,
                kinds=kinds,
                entity_id=mention.entity_id if mention else None,
                from_ner=mention is not None,
            ),
            n,
        )

    def _a_region(self, text: str, start: int, name_start: int, places: tuple[int, ...]) -> bool:
        """ "منطقة" before the name of a province of a country that calls its provinces so
        (Saudi Arabia's thirteen: ``REGION_COUNTRIES``)."""
        if match_key(text[start:name_start]).split()[-1:] != [REGION_DESIGNATOR]:
            return False
        entries = [self.gazetteer.entries[n] for n in places]
        return any(e.kind == "governorate" and e.country in REGION_COUNTRIES for e in entries)

    def _another_countrys(self, words: list[Word], j: int, places: tuple[int, ...]) -> bool:
        """Whether word ``j`` is the definite adjective of a country none of ``places`` lies
        in, agreeing with a definite name before it."""
        if j >= len(words) or not words[j].joined:
            return False
        adjective = words[j].reading.adjective
        if adjective is None or not words[j].key.startswith("ال"):  # "اسرائيل والفلسطينيين"
            return False
        entries = self.gazetteer.entries
        country = entries[self.gazetteer.adjectives[adjective[0]]].country
        return country is not None and all(entries[p].country != country for p in places)

    def _feminine_adjective(self, name: str) -> bool:
        """A country named by its feminine adjective (السعودية): after a definite noun it is
        the adjective again."""
        return (
            name.startswith("ال")
            and name.endswith("يه")
            and name[2:-1] in self.gazetteer.adjectives
        )

    def _indefinite(self, name: str, places: tuple[int, ...]) -> bool:
        """A name written without the article that its place carries (``ميادين القتال``
        "battlefields", not الميادين): a common noun unless designated or tagged."""
        definite = self.gazetteer.names.get("ال" + name)
        return definite is not None and not set(places).isdisjoint(definite.places)

    def _designator(
        self, text: str, words: list[Word], i: int
    ) -> tuple[MatchRelation, frozenset[str] | None, int]:
        """The designator right before word ``i`` (one or two words), if any."""
        if i == 0 or not _follows(text, words[i - 1], words[i]):
            return "mention", None, words[i].start
        for n in (2, 1):
            if i - n < 0 or (n == 2 and words[i - 1].key not in DESIGNATOR_ENDINGS):
                continue
            before = words[i - n : i]
            if any(w.hashtag >= 0 for w in before) or not all(w.joined for w in before[1:]):
                continue
            phrase = " ".join(w.key for w in before)
            found = self._designator_reading(phrase)
            if found is not None:
                reading, relation, kinds = found
                first = before[0]
                cut = _prefix_length(text[first.start : first.end], phrase, reading)
                return relation, kinds, first.start + cut
        return "mention", None, words[i].start

    def _designator_reading(
        self, phrase: str
    ) -> tuple[str, MatchRelation, frozenset[str] | None] | None:
        """The designator a phrase is, clitics read off (memoised): (reading, relation,
        kinds)."""
        if phrase in self._designators:
            return self._designators[phrase]
        found = None
        for reading in clitic_stems(phrase) if _may_read_as(phrase, DESIGNATORS) else ():
            designator = DESIGNATORS.get(reading)
            dropped = phrase[: len(phrase) - len(reading)]
            if designator is not None and "ال" not in dropped:  # الشرق is no designator
                found = (reading, *designator)
                break
        if len(self._designators) < CACHE_LIMIT:
            self._designators[phrase] = found
        return found

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
        if not word.reading.countryside or not found:
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
        self,
        text: str,
        words: list[Word],
        i: int,
        blocked: Sequence[Mention],
    ) -> NameMatch | None:
        word = words[i]
        if word.reading.adjective is None:
            return None
        if word.hashtag >= 0 and not self._whole_hashtag(words, i, 1):
            return None  # #الحل_السوري names one thing, not something Syrian
        if _covering(blocked, word.start, word.end) is not None:
            return None
        if text[word.start : word.end].endswith(NOT_ADJECTIVES_AS_WRITTEN):
            return None
        if _quoted(text, word.start, word.end):
            return None  # مقهى «البرازيلية»: a name (a café's), not something Brazilian
        adjective, shown = word.reading.adjective
        cut = _prefix_length(text[word.start : word.end], word.key, shown)
        prefix = text[word.start : word.start + cut].lstrip("وف")
        if shown.endswith("يه") and (
            prefix[:1] in ("ب", "ل") or (i > 0 and words[i - 1].key in LANGUAGE_CUES)
        ):
            return None  # إلى الإنجليزية، بالتركية: the language, no place
        territory = _after_territory(words, i)
        return NameMatch(
            start=word.start + cut,
            end=word.end,
            key=adjective,
            places=(self.gazetteer.adjectives[adjective],),
            relation="mention" if territory else "adjective",  # الأراضي السورية: Syria
        )

    def _designated_unknown(
        self, text: str, words: list[Word], taken: Sequence[NameMatch | Mention]
    ) -> list[NameMatch]:
        """Names a designator introduces that the gazetteer does not know: unresolved places
        (``في مديرية «كتاف»``, ``بلدتي الوهط وصبر``)."""
        spans = [
            (t.span.start, t.span.end) if isinstance(t, Mention) else (t.start, t.end)
            for t in taken
        ]
        missing: list[NameMatch] = []
        for i, word in enumerate(words[:-1]):
            designator = self._naming_designator(word.key)
            if designator is None or text[word.end - 1] == "ه":  # بلده "his country"
                continue
            names = _quoted_name(text, word.end)
            if names is None and designator in DUAL_DESIGNATORS:
                names = self._dual_names(text, words, i + 1)
            for start, end in names or ():
                key = match_key(text[start:end])
                if key in NOT_DESIGNATED_NAMES or any(a < end and start < b for a, b in spans):
                    continue
                missing.append(NameMatch(start=start, end=end, key=key, places=()))
        return missing

    def _dual_names(self, text: str, words: list[Word], j: int) -> list[tuple[int, int]] | None:
        """The two names right after a dual designator: ``بلدتي الوهط وصبر``, ``منطقتي خشم
        رميد ومثلث العبر``; the second opened by a glued و, each of one word or two when
        the first is one of ``NAME_FIRST_WORDS``, the pair ended by punctuation, a
        particle or a designator with a preposition (``بجبل الأكراد``)."""
        names: list[list[Word]] = []
        while j < len(words) and words[j].joined and len(names) <= 2:
            word = words[j]
            if word.key in NOT_NAME_OPENERS or self._naming_designator(word.key[1:]) is not None:
                break
            opens = word.key.startswith("و") and text[word.start] == "و"
            if not names or opens:
                names.append([word])
            elif len(names[-1]) < LISTED_NAME_WORDS and names[-1][0].key.lstrip("و") in (
                NAME_FIRST_WORDS
            ):
                names[-1].append(word)
            else:
                break
            j += 1
        if len(names) != 2:
            return None
        return [(names[0][0].start, names[0][-1].end), (names[1][0].start + 1, names[1][-1].end)]

    def _naming_designator(self, key: str) -> str | None:
        """The designator of ``NAMING_WORDS`` a word is, proclitics read off (memoised)."""
        if key in self._naming:
            return self._naming[key]
        found = None
        if _may_read_as(key, NAMING_WORDS):
            readings = (r for r in clitic_stems(key) if r in NAMING_WORDS)
            # المنطقة «حفظه الله»: a definite designator introduces no name
            found = next((r for r in readings if not _article_dropped(key, r)), None)
        if len(self._naming) < CACHE_LIMIT:
            self._naming[key] = found
        return found

    def _unmatched_loc(
        self, text: str, loc: Sequence[Mention], found: list[NameMatch]
    ) -> list[NameMatch]:
        """LOC mentions the gazetteer does not know: kept as unresolved places."""
        missing = []
        for mention in loc:
            span = mention.span
            if any(m.start < span.end and span.start < m.end for m in found):
                continue
            if match_key(text[span.start : span.end]) in NEVER_ALONE:
                continue
            if not TANWIN.isdisjoint(text[span.start : span.end]):
                continue  # 230 سورياً "230 Syrians": names take no indefinite ending
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


def _may_read_as(key: str, table: Collection[str]) -> bool:
    """False when no clitic reading of ``key`` can be in ``table``: a cheap test before
    :func:`marsad.arabic.clitic_stems` (a superset: it may say True in vain). A reading is
    the key, the key less up to four leading letters (a proclitic first), or ``ال`` put
    back after ``لل``; what is left of the first word is never shorter than a stem."""
    if key in table:
        return True
    if key[:1] not in PROCLITIC_INITIALS:
        return False
    first = key.find(" ")
    first = len(key) if first < 0 else first  # letters of the first word
    for cut in range(1, min(MAX_PROCLITIC_LETTERS, first - MIN_STEM) + 1):
        if key[cut:] in table:
            return True
    # ``لل`` (alone, or after و or ف) read as ``ال``
    return first - 2 > MIN_STEM and (
        ARTICLE + key[2:] in table or (first - 3 > MIN_STEM and ARTICLE + key[3:] in table)
    )


def _article_dropped(word_key: str, reading: str) -> bool:
    """Whether ``reading`` is ``word_key`` less an article (``المالي`` → ``مالي``, ``للثوره``
    → ``ثوره``) rather than less conjunctions and prepositions only."""
    if reading.startswith("ال") or not word_key.endswith(reading):
        return False
    dropped = word_key[: len(word_key) - len(reading)]
    return dropped.endswith(("ال", "لل"))


def _prefix_length(word_text: str, phrase_key: str, reading: str) -> int:
    """Characters of ``word_text`` taken by the proclitics that ``reading`` drops.

    ``بدير`` read as ``دير`` drops one letter; ``للرقه`` read as ``الرقه`` drops ``لل``
    (the article is fused with the preposition, so the span starts after both).
    """
    first_key = phrase_key.partition(" ")[0]
    reading_first = reading.partition(" ")[0]
    dropped = len(first_key) - len(reading_first)
    if reading_first.startswith("ال") and not first_key.endswith(reading_first):
        dropped += 2  # للرقه → الرقه, وللرقه → الرقه: the article is fused with ل
    if dropped <= 0:
        return 0
    if len(word_text) == len(first_key):
        return dropped  # nothing folded away: offsets agree
    normalized = normalize(word_text)
    if dropped >= len(normalized.text):
        return 0
    return normalized.to_original(dropped, dropped + 1)[0]


def _span(words: list[Word], i: int, n: int) -> tuple[int, int]:
    return words[i].start, words[i + n - 1].end


def _named_by(text: str, loc: Sequence[Mention], start: int, end: int) -> Mention | None:
    """The LOC mention that is this name (give or take proclitics and a designator): a
    name inside a longer LOC mention (بحر in بحر الصين) gets no say from it."""
    for mention in loc:
        span = mention.span
        if (
            span.start <= start
            and end == span.end
            and start - span.start <= MAX_LEAD
            and _only_lead(text[span.start : start])
        ):
            return mention
    return None


def _only_lead(lead: str) -> bool:
    """Whether what a LOC mention holds before a name is only proclitics or a designator
    (``وب``, ``محافظة``), not another word (``حدنان بجبل`` does not make ``جبل`` a place)."""
    key = match_key(lead)
    if not key or (len(key) <= MAX_PROCLITIC_LETTERS and set(key) <= PROCLITIC_LETTERS):
        return True
    return any(reading in DESIGNATORS for reading in clitic_stems(key))


def _covering(mentions: Sequence[Mention], start: int, end: int) -> Mention | None:
    for mention in mentions:
        if mention.span.start <= start and end <= mention.span.end:
            return mention
    return None


def _listed_kinds(text: str, previous: NameMatch | None, word: Word) -> frozenset[str] | None:
    """The kinds a list's designator asks for, when ``word`` follows the list's last name
    with only a conjunction between them (after a comma or not)."""
    if previous is None or previous.kinds is None or previous.end > word.start:
        return None
    gap = "".join(text[previous.end : word.start].split())
    if text[word.start : word.end].startswith("و"):
        gap += "و"  # وعمران: the conjunction glued to the name
    return previous.kinds if gap in LIST_JOINTS else None


def _after_territory(words: list[Word], i: int) -> bool:
    """Word ``i`` follows "الأراضي" ("داخل الأراضي السورية"): its adjective names the land."""
    return i > 0 and not TERRITORY_NOUNS.isdisjoint(clitic_stems(words[i - 1].key))


def _follows(text: str, previous: Word, word: Word) -> bool:
    """Only spaces (and a hashtag's ``#``, or the opening quote of a quoted name) between
    two words: ``محافظة #دير_الزور``, ``ولاية «أديامان»``."""
    if word.hashtag >= 0 and previous.hashtag == word.hashtag:
        return False
    gap = text[previous.end : word.start]
    if gap.rstrip(" ")[-1:] in OPENING_QUOTES:
        gap = gap.rstrip(" ")[:-1]
    return gap.strip(" \t#＃") == "" and gap.count("#") + gap.count("＃") <= 1


def _addressed(text: str, start: int, end: int) -> bool:
    """A name in quotes that a source speaks to (لـ«الشرق الأوسط», ل"الرياض") is the
    newspaper, never the place, even when the tagger calls it LOC."""
    if not _quoted(text, start, end):
        return False
    before = text[max(0, start - 4) : start - 1].replace("ـ", "")
    return before.endswith("ل") and (len(before) < 2 or not before[-2].isalpha())


def _quoted_name(text: str, after: int) -> list[tuple[int, int]] | None:
    """The span of a short name in quotes right after offset ``after``, if one is there."""
    at = after
    while at < len(text) and text[at] == " ":
        at += 1
    if at >= len(text) or text[at] not in OPENING_QUOTES:
        return None
    closers = [text.find(mark, at + 1, at + QUOTED_NAME_CHARS) for mark in CLOSING_QUOTES]
    close = min((c for c in closers if c > at), default=-1)
    if close < 0:
        return None
    start, end = at + 1, close
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    name = text[start:end]
    words = name.split()
    if not words or len(words) > QUOTED_NAME_WORDS or match_key(words[0]) in NOT_NAME_OPENERS:
        return None  # منطقة «من دون مخاطر»: a phrase, not a name
    if len(words) == 1 and name.endswith(("ية", "يه")) and not name.startswith("ال"):
        return None  # منطقة «عسكرية»: what kind of zone, not its name
    return [(start, end)]


def _quoted(text: str, start: int, end: int) -> bool:
    """«الشرق الأوسط» in quotes is more often a title or an organisation than a place; so
    is »الرياض», with the marks the wrong way round as some sites type them."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return (before in OPENING_QUOTES and after in CLOSING_QUOTES) or before + after in (
        "»»",
        "««",
    )
