"""Token features for the NER tagger, shared by training and inference.

A token's own features (normalised form, clitic-stripped stem, affixes, shape, word
clusters, gazetteer hits) are computed once per distinct word and cached, because news
repeats its words; context features are then borrowed from the neighbours' cached lists.
Everything works on matching keys from :mod:`marsad.arabic`, so spelling variants
(hamza, ة/ه, tashkeel, tatweel) meet the same features.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from marsad.arabic import clitic_stems, match_key

_DIGITS = re.compile(r"\d")
_ARABIC = re.compile(r"[\u0621-\u064a]")
_LATIN = re.compile(r"[a-z]")
CACHE_LIMIT = 200_000

# Window of neighbours whose features a token sees, and which of their features.
CONTEXT = (-2, -1, 1, 2)
CONTEXT_KINDS = ("k", "s", "c1", "c2", "g")
FAR_CONTEXT_KINDS = ("k", "c1", "g")


@lru_cache(maxsize=1 << 17)
def word_key(token: str) -> str:
    """The form features and clusters use: the matching key with digits folded to 0."""
    return _DIGITS.sub("0", match_key(token))


def shape(key: str) -> str:
    if not key:
        return "empty"
    if _ARABIC.search(key):
        return "ar" if len(key) > 1 else "ar1"
    if _LATIN.search(key):
        return "lat"
    if "0" in key:
        return "num"
    return "punct"


class FeatureExtractor:
    """Turns a sentence (list of token strings) into crfsuite feature lists.

    ``clusters`` maps a word key to its cluster ids (coarse to fine); ``names`` maps a
    name (word keys joined by spaces) to its types. A token gets the ``B-``/``I-`` labels
    its word carries in any name (matching whole names in the sentence was tried and
    scored no better on dev).
    """

    def __init__(
        self,
        clusters: Mapping[str, Sequence[str]] | None = None,
        names: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.clusters = clusters or {}
        self.names = names or {}
        labels: dict[str, dict[str, None]] = {}
        for name, kinds in self.names.items():
            for i, word in enumerate(name.split(" ")):
                for kind in kinds:
                    labels.setdefault(word, {})[("B-" if i == 0 else "I-") + kind] = None
        self.gazetteer = {word: tuple(found) for word, found in labels.items()}
        self._cache: dict[str, tuple[list[str], dict[str, list[str]]]] = {}

    def word_features(self, token: str) -> tuple[list[str], dict[str, list[str]]]:
        """Own features of one token, and the subset its neighbours see (by kind)."""
        cached = self._cache.get(token)
        if cached is not None:
            return cached
        key = word_key(token)
        stems = clitic_stems(key)
        stem = stems[-1] if stems else key
        feats = ["b", "k=" + key, "s=" + stem, "sh=" + shape(key), f"len={min(len(key), 8)}"]
        for n in (1, 2, 3, 4):
            if len(key) > n:
                feats.append(f"p{n}=" + key[:n])
                feats.append(f"x{n}=" + key[-n:])
        for n in (2, 3):
            if len(stem) > n:
                feats.append(f"sp{n}=" + stem[:n])
                feats.append(f"sx{n}=" + stem[-n:])
        if token != key and any(c in token for c in "\u064b\u064c\u064d\u064e\u064f\u0650\u0651"):
            feats.append("diac")
        context: dict[str, list[str]] = {"k": ["k=" + key], "s": ["s=" + stem]}
        cluster_ids = self._clusters_of(key, stems)
        context["c1"] = [f"c{i}=" + c for i, c in enumerate(cluster_ids[:1])]
        context["c2"] = [f"c{i}=" + c for i, c in enumerate(cluster_ids) if i > 0]
        feats.extend(context["c1"])
        feats.extend(context["c2"])
        gaz = self._gazetteer_of(key, stems)
        context["g"] = ["g=" + g for g in gaz]
        feats.extend(context["g"])
        result = (feats, context)
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        self._cache[token] = result
        return result

    def clear_cache(self) -> None:
        self._cache.clear()

    def _clusters_of(self, key: str, stems: Sequence[str]) -> Sequence[str]:
        for form in (key, *stems):
            ids = self.clusters.get(form)
            if ids is not None:
                return ids
        return ()

    def _gazetteer_of(self, key: str, stems: Sequence[str]) -> list[str]:
        found: dict[str, None] = {}
        for form in (key, *stems):
            for label in self.gazetteer.get(form, ()):
                found.setdefault(label, None)
        return list(found)

    def sentence_features(self, tokens: Sequence[str]) -> list[list[str]]:
        own = [self.word_features(t) for t in tokens]
        n = len(tokens)
        out: list[list[str]] = []
        for i, (feats, _) in enumerate(own):
            row = list(feats)
            if i == 0:
                row.append("BOS")
            if i == n - 1:
                row.append("EOS")
            for offset in CONTEXT:
                j = i + offset
                if 0 <= j < n:
                    ctx = own[j][1]
                    prefix = f"{offset}:"
                    for kind in CONTEXT_KINDS if abs(offset) == 1 else FAR_CONTEXT_KINDS:
                        row.extend(prefix + f for f in ctx[kind])
            if i > 0:
                row.append("kk-=" + own[i - 1][1]["k"][0] + "|" + own[i][1]["k"][0])
            if i < n - 1:
                row.append("kk+=" + own[i][1]["k"][0] + "|" + own[i + 1][1]["k"][0])
            out.append(row)
        return out
