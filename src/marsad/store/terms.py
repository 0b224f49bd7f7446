"""Search terms: how words of a report become FTS5 tokens, built on the one normaliser.

Each word is indexed twice, at the same position, in two columns so phrases still work:
``exact`` holds its matching key (``match_key``: diacritics, hamza seats, ة/ه, alef forms
folded) and ``stem`` a looser form — proclitics (و ف ب ل ك ال لل) stripped until stable,
then the long vowels و/ي removed inside the word — so ``وسوريا``/``سوريا``,
``بدير الزور``/``دير الزور`` and ``أوروبا``/``أوربا`` meet. Queries match either column and
rank a hit on ``exact`` higher, which keeps the loose form from drowning exact matches.
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from operator import or_

from marsad.arabic import clitic_stems, match_key, strip_article, tokenize

# A stem shorter than this is not taken (ولد must not become لد).
MIN_STEM_LETTERS = 3
# Long vowels whose spelling varies inside transliterated names (أوروبا/أوربا, جنيف/جينيف).
LOOSE_VOWELS = frozenset("وي")
# Words shorter than this keep their vowels: short words collide too easily without them.
MIN_SKELETON_LETTERS = 4


@dataclass(frozen=True, slots=True)
class Word:
    """A word of the original text (offsets into it) with its two index forms."""

    start: int
    end: int
    exact: str
    stem: str


def words(text: str) -> Iterator[Word]:
    """The indexable words of ``text``; hashtags and ``_``-joined words count word by word."""
    for token in tokenize(text):
        if not token.is_word:
            continue
        offset = token.start
        for part in token.text.split("_"):
            start, offset = offset, offset + len(part) + 1
            for exact, stem in _forms(part):
                yield Word(start, start + len(part), exact, stem)


@lru_cache(maxsize=1 << 18)
def _forms(part: str) -> tuple[tuple[str, str], ...]:
    """(exact, stem) of each word in one written word (cached: news vocabulary repeats)."""
    return tuple((piece, stem_form(piece)) for piece in match_key(part).split())


@lru_cache(maxsize=1 << 16)
def stem_form(key: str) -> str:
    """The loose form of one word's matching key (see the module docstring)."""
    current = key
    while True:
        shorter = [s for s in clitic_stems(current) if len(s) >= MIN_STEM_LETTERS and " " not in s]
        best = min(shorter, key=len, default=current)
        if len(best) >= len(current):
            break
        current = best
    return _skeleton(current)


def _skeleton(word: str) -> str:
    if len(word) < MIN_SKELETON_LETTERS:
        return word
    inner = "".join(c for c in word[1:-1] if c not in LOOSE_VOWELS)
    return word[0] + inner + word[-1]


def index_columns(text_words: list[Word]) -> tuple[str, str]:
    """The ``exact`` and ``stem`` column texts of a report, one token per word."""
    return " ".join(w.exact for w in text_words), " ".join(w.stem for w in text_words)


@lru_cache(maxsize=1 << 16)
def filter_key(value: str) -> str:
    """Key for comparing names in filters: ``الرقة``, ``الرقه`` and ``رقة`` are equal."""
    return " ".join(strip_article(w) for w in match_key(value).split())


def encode_offsets(text_words: list[Word]) -> bytes:
    """Where each indexed word is in the text: (gap from the previous word, length) pairs."""
    pairs = array("I")
    previous_end = 0
    for word in text_words:
        pairs.append(word.start - previous_end)
        pairs.append(word.end - word.start)
        previous_end = word.end
    return zlib.compress(pairs.tobytes(), 1)


def stored_words(
    exact: str, stem: str, offsets: bytes, among: tuple[Set[str], Set[str]] | None = None
) -> list[Word] | None:
    """The words of a report rebuilt from what was indexed (see :func:`encode_offsets`);
    with ``among`` (exact forms, stem forms) only the words having one of those forms,
    which is all a snippet needs: a long report is not rebuilt word by word. None when
    what was stored does not line up."""
    pairs = array("I")
    pairs.frombytes(zlib.decompress(offsets))
    exact_forms, stem_forms = exact.split(" "), stem.split(" ")
    if len(pairs) != 2 * len(exact_forms) or len(exact_forms) != len(stem_forms):
        return None
    # running sums of (gap, length) pairs: each word's start, then its end
    bounds = list(accumulate(pairs))
    chosen: Iterable[int] = range(len(exact_forms))
    if among is not None:
        wanted_exact, wanted_stem = among
        chosen = compress(
            chosen,
            map(
                or_,
                map(wanted_exact.__contains__, exact_forms),
                map(wanted_stem.__contains__, stem_forms),
            ),
        )
    return [Word(bounds[2 * i], bounds[2 * i + 1], exact_forms[i], stem_forms[i]) for i in chosen]
