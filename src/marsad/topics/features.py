"""What the topic model reads: clitic-stripped word stems from the start of a report.

Training and inference share this one function, so the shipped weights always meet the
features they were fitted on. Only the first ``limit`` characters count: the title and
lede say what a report is about, and a fixed budget keeps classification fast.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from marsad.arabic import clitic_stems, match_key, tokenize

DEFAULT_LIMIT = 1500
MIN_STEM_CHARS = 2


@lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """The shortest proclitic-free reading of a word's matching key ('' to skip it)."""
    key = match_key(word)
    if len(key) < MIN_STEM_CHARS or key.isdigit():
        return ""
    return min(clitic_stems(key), key=len)


def topic_features(text: str, limit: int = DEFAULT_LIMIT) -> Counter[str]:
    """Stem counts of the first ``limit`` characters of ``text``."""
    counts: Counter[str] = Counter()
    for token in tokenize(text, 0, min(limit, len(text))):
        if token.is_word:
            feature = stem(token.text)
            if feature:
                counts[feature] += 1
    return counts
