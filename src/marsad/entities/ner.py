"""The Arabic NER tagger: a feature CRF and character-CNN + BiLSTMs that vote (no torch).

The model is one folder (``marsad/data/ner`` by default), all built by
``scripts/train_ner.py``: the crfsuite weights, the word clusters learnt from unlabelled
news, a gazetteer of names by type, and the BiLSTMs (``bilstm*.npz``) whose label
probabilities are averaged with the CRF's marginals. Without a BiLSTM the CRF tags alone.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from marsad.arabic import Token, split_sentences, tokenize
from marsad.entities.conll import entities, repair
from marsad.entities.features import FeatureExtractor, word_key
from marsad.errors import ModelDataError

if TYPE_CHECKING:
    from marsad.entities.bilstm import BiLstmTagger

MODEL_FILE = "model.crfsuite"
CLUSTERS_FILE = "clusters.tsv.gz"
GAZETTEER_FILE = "gazetteer.tsv.gz"
BILSTM_FILE = "bilstm.npz"  # optional: with it, the CRF and a BiLSTM vote
BILSTM_PATTERN = "bilstm*.npz"  # every BiLSTM of the folder (bilstm.npz, bilstm-2.npz) votes
ENSEMBLE_WEIGHT = 0.5  # the BiLSTMs' share of the vote (1: CRF not consulted), chosen on dev
OUTSIDE_BIAS = 0.0  # added to O's log probability in the vote (< 0: more names), tried on dev
PROPAGATION_WINDOW = 20  # sentences either side; chosen on the dev block (5: 71.0, 20: 71.1)


def default_model_dir() -> Path:
    return Path(str(resources.files("marsad") / "data" / "ner"))


def read_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    clusters: dict[str, tuple[str, ...]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        sizes = handle.readline().lstrip("#").split()
        for line in handle:
            word, *ids = line.rstrip("\n").split("\t")
            clusters[word] = tuple(f"{k}:{c}" for k, c in zip(sizes, ids, strict=True))
    return clusters


# Gazetteer sources precise enough to find a name in text without the tagger: CLDR
# countries and the Syrian and Iraqi governorates and districts (not sub-districts, whose
# names include ordinary words, nor WikiFANE names).
FINDING_SOURCES = ("cldr", "sy-admin", "iq-admin")


def read_gazetteer(path: Path) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """Gazetteer names (word keys joined by spaces) → their types; and the names that may
    be found without the tagger → their type."""
    names: dict[str, tuple[str, ...]] = {}
    finders: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            name, kind, source = line.rstrip("\n").split("\t")
            names[name] = (*names.get(name, ()), kind)
            if source in FINDING_SOURCES:
                finders[name] = kind
    return names, finders


class NerModel:
    """Tags token sequences with IOB2 labels of PER, ORG, LOC and MISC."""

    version = "crf-1+propagation"

    def __init__(
        self,
        extractor: FeatureExtractor,
        crf_path: Path | None = None,
        finders: dict[str, str] | None = None,
    ) -> None:
        self.extractor = extractor
        self.finders = finders or {}
        self.bilstms: list[BiLstmTagger] = []
        self.ensemble_weight = ENSEMBLE_WEIGHT
        self.outside_bias = OUTSIDE_BIAS
        self._tagger = None
        if crf_path is not None:
            import pycrfsuite

            tagger = pycrfsuite.Tagger()
            try:
                tagger.open(str(crf_path))
            except OSError as error:
                raise ModelDataError(f"cannot read the NER model {crf_path}: {error}") from error
            self._tagger = tagger

    @classmethod
    def load_parts(cls, clusters: Path, gazetteer: Path) -> NerModel:
        """The feature side only (for training)."""
        names, finders = read_gazetteer(gazetteer)
        return cls(FeatureExtractor(read_clusters(clusters), names), finders=finders)

    def with_crf(self, crf_path: Path) -> NerModel:
        return NerModel(self.extractor, crf_path, self.finders)

    @classmethod
    def load(cls, folder: Path | None = None) -> NerModel:
        folder = folder or default_model_dir()
        missing = [
            f for f in (MODEL_FILE, CLUSTERS_FILE, GAZETTEER_FILE) if not (folder / f).exists()
        ]
        if missing:
            raise ModelDataError(
                f"NER model files {missing} are missing from {folder}",
                hint="reinstall marsad, or rebuild with scripts/train_ner.py",
            )
        model = cls.load_parts(folder / CLUSTERS_FILE, folder / GAZETTEER_FILE).with_crf(
            folder / MODEL_FILE
        )
        for path in sorted(folder.glob(BILSTM_PATTERN)):
            model.with_bilstm(path)
        return model

    def with_bilstm(self, path: Path) -> NerModel:
        """Add a BiLSTM to the vote from now on: the BiLSTMs' probabilities are averaged,
        then mixed with the CRF's label marginals (``ensemble_weight`` 1: BiLSTMs alone)."""
        from marsad.entities.bilstm import BiLstmTagger

        self.bilstms.append(BiLstmTagger(path, self.extractor.gazetteer))
        count = len(self.bilstms)
        self.version = "crf+bilstm-1" + (f"x{count}" if count > 1 else "") + "+propagation"
        return self

    def clear_caches(self) -> None:
        """Forget per-word results (benchmarks start each corpus cold, as a new process)."""
        self.extractor.clear_cache()
        word_key.cache_clear()
        for bilstm in self.bilstms:
            bilstm.clear_cache()

    def tag(self, tokens: Sequence[str]) -> list[str]:
        return self.tag_many([tokens])[0]

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 tags of each sentence (the BiLSTMs, when loaded, read them in batches; with
        ``ensemble_weight`` 1 the CRF is not consulted)."""
        tagger = self._tagger
        if tagger is None:
            raise ModelDataError("this NER model has no CRF weights loaded")
        if not self.bilstms:
            return [
                repair(tagger.tag(self.extractor.sentence_features(t))) if t else []
                for t in sentences
            ]
        votes = [bilstm.probabilities(sentences) for bilstm in self.bilstms]
        labels = self.bilstms[0].labels
        outside = labels.index("O")
        weight = self.ensemble_weight
        out: list[list[str]] = []
        for i, tokens in enumerate(sentences):
            if not tokens:
                out.append([])
                continue
            mixed = sum(vote[i] for vote in votes) * (weight / len(votes))
            if weight < 1.0:
                tagger.set(self.extractor.sentence_features(tokens))
                known = set(tagger.labels())
                crf = np.array(
                    [
                        [tagger.marginal(label, t) if label in known else 0.0 for label in labels]
                        for t in range(len(tokens))
                    ]
                )
                mixed = mixed + (1 - weight) * crf
            scores = np.log(mixed + 1e-9)
            scores[:, outside] += self.outside_bias
            out.append(viterbi_iob2(scores, labels))
        return out

    def tag_document(
        self, sentences: Sequence[Sequence[str]], window: int = PROPAGATION_WINDOW
    ) -> list[list[str]]:
        """Tag consecutive sentences of one text, then spread each name to its untagged
        repeats within ``window`` sentences: a name the tagger recognised once in a report
        is the same name where the context was poorer (+0.4 F1 on dev, window picked there).
        """
        tagged = self.tag_many(sentences)
        keys = [[word_key(t) for t in tokens] for tokens in sentences]
        names = [
            [(tuple(k[s:e]), kind) for kind, s, e in entities(tags) if sum(map(len, k[s:e])) >= 3]
            for k, tags in zip(keys, tagged, strict=True)
        ]
        out = [list(tags) for tags in tagged]
        for i, words in enumerate(keys):
            present = set(words)
            near: dict[tuple[str, ...], set[str]] = {}
            for found in names[max(0, i - window) : i + window + 1]:
                for name, kind in found:
                    if name[0] in present:
                        near.setdefault(name, set()).add(kind)
            for name, kinds in sorted(near.items(), key=lambda item: -len(item[0])):
                if len(kinds) == 1:
                    _mark_repeats(words, out[i], name, next(iter(kinds)))
        return out

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
        """(type, start, end) character spans of the entities in ``text[start:end]``."""
        sentences: list[list[Token]] = [
            tokenize(text, s_start, s_end) for s_start, s_end in split_sentences(text, start, end)
        ]
        tagged = self.tag_document([[t.text for t in tokens] for tokens in sentences])
        found = []
        for tokens, tags in zip(sentences, tagged, strict=True):
            for kind, first, last in sorted(entities(tags), key=lambda e: e[1]):
                found.append((kind, tokens[first].start, tokens[last - 1].end))
        return found


def viterbi_iob2(log_probs: np.ndarray, labels: Sequence[str]) -> list[str]:
    """The most probable label sequence that is valid IOB2 (no I-X after O or I-Y)."""
    greedy = [labels[i] for i in log_probs.argmax(axis=1)]
    if repair(greedy) == greedy:  # allowed transitions cost nothing: greedy is optimal
        return greedy
    transition, start = _iob2_costs(tuple(labels))
    best = log_probs[0] + start
    back = []
    for t in range(1, len(log_probs)):
        candidates = best[:, None] + transition
        back.append(candidates.argmax(axis=0))
        best = candidates.max(axis=0) + log_probs[t]
    path = [int(best.argmax())]
    for pointers in reversed(back):
        path.append(int(pointers[path[-1]]))
    return [labels[i] for i in reversed(path)]


@lru_cache(maxsize=4)
def _iob2_costs(labels: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Transition and start costs: 0 where IOB2 allows, -1e9 where it does not."""
    allowed = np.array(
        [[not (b.startswith("I-") and a[2:] != b[2:]) for b in labels] for a in labels]
    )
    start = np.array([-1e9 if b.startswith("I-") else 0.0 for b in labels])
    return np.where(allowed, 0.0, -1e9), start


def _mark_repeats(words: list[str], tags: list[str], name: tuple[str, ...], kind: str) -> None:
    """Tag each untagged occurrence of ``name`` in ``words`` as ``kind``."""
    n = len(name)
    for s in range(len(words) - n + 1):
        if tuple(words[s : s + n]) == name and all(t == "O" for t in tags[s : s + n]):
            tags[s : s + n] = ["B-" + kind] + ["I-" + kind] * (n - 1)


@lru_cache(maxsize=1)
def default_model() -> NerModel:
    """The shipped model, loaded once per process."""
    return NerModel.load()


__all__ = ["NerModel", "default_model", "word_key"]
