"""A sentence as matching keys, word by word, with the readings its proclitics allow.

Rules match lexicon phrases against these readings, so `وبالغارات`, `الغارات` and
`غارات` all meet the entry `غارات`; offsets stay those of the article text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from marsad.arabic import clitic_stems, match_key, normalize
from marsad.arabic.chars import TASHKEEL

_WORD = re.compile(r"\w+")
# Object pronouns a verb may carry: "استهدفهما", "قصفوها".
_OBJECT_PRONOUNS = ("هما", "هم", "هن", "ها", "ه")
_MIN_VERB = 3
_MARKS = "".join(sorted(TASHKEEL))  # marks that may follow a word's last letter


@dataclass(frozen=True, slots=True)
class KeyToken:
    start: int  # offsets into the article text
    end: int
    key: str
    readings: tuple[str, ...]
    ta_marbuta: bool = False  # written with a final ة, which the key folds into ه

    def without_object(self) -> tuple[str, ...]:
        """Readings with an object pronoun taken off, for matching verbs only. A final ة
        is no pronoun: "سيطرة" (control) is not "سيطره" (he controlled it)."""
        bare = []
        for reading in self.readings:
            for pronoun in _OBJECT_PRONOUNS:
                if self.ta_marbuta and pronoun == "ه":
                    continue
                if reading.endswith(pronoun) and len(reading) - len(pronoun) >= _MIN_VERB:
                    bare.append(reading[: -len(pronoun)])
                    break
        return tuple(bare)

    def proclitic(self, reading: str) -> str:
        """What was stripped to reach ``reading`` ('' for the word itself)."""
        if self.key.endswith(reading):
            return self.key[: len(self.key) - len(reading)]
        return self.key[: self.key.find("ل") + 1]  # لل + stem read as ال + stem


class PhraseSet:
    """Phrases (as matching keys) indexed by their first word."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            words = tuple(match_key(phrase).split())
            if words:
                self.by_first.setdefault(words[0], []).append(words)
        for alternatives in self.by_first.values():
            alternatives.sort(key=len, reverse=True)


class KeyedSentence:
    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        norm = normalize(text[start:end], "match")
        self.tokens: list[KeyToken] = []
        for m in _WORD.finditer(norm.text):
            o_start, o_end = norm.to_original(m.start(), m.end())
            key = m.group()
            written = text[start + o_start : start + o_end].rstrip(_MARKS)
            self.tokens.append(
                KeyToken(
                    start + o_start, start + o_end, key, clitic_stems(key), written.endswith("ة")
                )
            )

    def __len__(self) -> int:
        return len(self.tokens)

    def match_at(self, phrases: PhraseSet, index: int) -> tuple[tuple[str, ...], str] | None:
        """The longest phrase starting at token ``index``, with the reading its first word used."""
        token = self.tokens[index]
        for reading in token.readings:
            for words in phrases.by_first.get(reading, ()):
                if self._rest_matches(words, index):
                    return words, reading
        return None

    def _rest_matches(self, words: tuple[str, ...], index: int) -> bool:
        if index + len(words) > len(self.tokens):
            return False
        return all(w in self.tokens[index + k].readings for k, w in enumerate(words) if k)

    def has(self, phrases: PhraseSet, lo: int = 0, hi: int | None = None) -> bool:
        """Whether a phrase starts at a token in ``[lo, hi)``."""
        return self.first(phrases, lo, hi) is not None

    def first(self, phrases: PhraseSet, lo: int = 0, hi: int | None = None) -> int | None:
        hi = len(self.tokens) if hi is None else min(hi, len(self.tokens))
        for index in range(max(lo, 0), hi):
            if self.match_at(phrases, index):
                return index
        return None

    def last(self, phrases: PhraseSet, lo: int, hi: int) -> int | None:
        """The last token index in ``[lo, hi)`` where a phrase starts."""
        for index in range(min(hi, len(self.tokens)) - 1, max(lo, 0) - 1, -1):
            if self.match_at(phrases, index):
                return index
        return None

    def token_index(self, offset: int) -> int:
        """Index of the first token that ends after ``offset`` (article offsets)."""
        for index, token in enumerate(self.tokens):
            if token.end > offset:
                return index
        return len(self.tokens)
