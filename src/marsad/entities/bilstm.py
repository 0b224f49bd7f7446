"""The neural tagger: a character-CNN + BiLSTM, trained with torch, run here with numpy.

Its input per word: the word2vec vector learnt on SaudiNewsNet (fine-tuned in training,
looked up by the matching key or its clitic-stripped readings), a max-pooled character
CNN over the key, the word's gazetteer labels, its shape and an out-of-vocabulary flag.
It outputs label probabilities that :class:`marsad.entities.ner.NerModel` averages over
its BiLSTMs (and with the CRF's): a softmax per word, or, when the weights carry a CRF
output layer (``transitions``), the label marginals of that chain by forward-backward.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np

from marsad.arabic import clitic_stems
from marsad.entities.features import shape, word_key

GAZETTEER_LABELS = tuple(f"{p}-{t}" for t in ("PER", "ORG", "LOC", "MISC") for p in "BI")
SHAPES = ("ar", "ar1", "lat", "num", "punct", "empty")
MAX_CHARS = 20
BATCH = 64
CACHE_LIMIT = 100_000


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


def _log_step(scores: np.ndarray, exp_transitions: np.ndarray) -> np.ndarray:
    """log(sum_i exp(scores[:, i]) * exp_transitions[i, j]) for each j, kept stable."""
    top = scores.max(axis=1, keepdims=True)
    return np.log(np.exp(scores - top) @ exp_transitions + 1e-30) + top


def chain_scores(
    emissions: np.ndarray,
    mask: np.ndarray,
    transitions: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
) -> np.ndarray:
    """Forward plus backward log scores of each label at each word of a linear-chain CRF
    (log marginals up to each sentence's constant); a sentence ends at its last word."""
    exp_transitions = np.exp(transitions)
    steps = emissions.shape[1]
    alpha = np.zeros_like(emissions)
    alpha[:, 0] = start + emissions[:, 0]
    for t in range(1, steps):
        step = _log_step(alpha[:, t - 1], exp_transitions) + emissions[:, t]
        alpha[:, t] = np.where(mask[:, t : t + 1], step, alpha[:, t - 1])
    beta = np.empty_like(emissions)
    beta[:, steps - 1] = end
    for t in range(steps - 2, -1, -1):
        step = _log_step(emissions[:, t + 1] + beta[:, t + 1], exp_transitions.T)
        beta[:, t] = np.where(mask[:, t + 1 : t + 2], step, end)
    return alpha + beta


class BiLstmTagger:
    def __init__(self, path: Path, gazetteer: Mapping[str, Sequence[str]]) -> None:
        with np.load(path) as data:
            self.weights = {
                k: data[k].astype(np.float32)
                for k in data.files
                if k not in ("words", "labels", "chars")
            }
            words = [str(w) for w in data["words"]]
            self.labels = [str(label) for label in data["labels"]]
            chars = [str(c) for c in data["chars"]]
        self.vocab = {w: i + 2 for i, w in enumerate(words)}  # 0 padding, 1 unknown
        self.chars = {c: i + 2 for i, c in enumerate(chars)}
        self.gazetteer = gazetteer
        self.hidden = self.weights["fwd_w_hh"].shape[1]
        self.feature_size = (
            self.weights["conv_w"].shape[0] + len(GAZETTEER_LABELS) + len(SHAPES) + 1
        )
        self._cache: dict[str, tuple[int, np.ndarray]] = {}

    def clear_cache(self) -> None:
        self._cache.clear()

    def _fill_cache(self, tokens: Iterable[str]) -> None:
        """Word id and fixed features (characters, gazetteer, shape) of each token not yet
        cached; the character CNN reads all the new words at once."""
        wanted = list(dict.fromkeys(tokens))
        new = [t for t in wanted if t not in self._cache]
        if not new:
            return
        if len(self._cache) + len(new) > CACHE_LIMIT:
            self._cache.clear()  # and refill every word of this batch, cached before or not
            new = wanted
        chars = np.zeros((len(new), MAX_CHARS + 2), np.int64)  # one padding slot each side
        extras = np.zeros((len(new), len(GAZETTEER_LABELS) + len(SHAPES) + 1), np.float32)
        idents = []
        for row, token in enumerate(new):
            key = word_key(token)
            ident = self.vocab.get(key)
            readings = clitic_stems(key)
            if ident is None:
                ident = next((self.vocab[r] for r in readings if r in self.vocab), 1)
            idents.append(ident)
            labels = set(self.gazetteer.get(key, ()))
            for reading in readings[1:]:
                labels.update(self.gazetteer.get(reading, ()))
            for label in labels:
                if label in GAZETTEER_LABELS:
                    extras[row, GAZETTEER_LABELS.index(label)] = 1.0
            extras[row, len(GAZETTEER_LABELS) + SHAPES.index(shape(key))] = 1.0
            extras[row, -1] = 0.0 if key in self.vocab else 1.0
            ids = [self.chars.get(c, 1) for c in key[:MAX_CHARS]] or [1]
            chars[row, 1 : len(ids) + 1] = ids
        features = np.concatenate([self._char_features(chars), extras], axis=1)
        for row, token in enumerate(new):
            self._cache[token] = (idents[row], features[row])

    def _char_features(self, chars: np.ndarray) -> np.ndarray:
        """Character CNN (kernel 3, padding 1), ReLU, max over MAX_CHARS positions, of
        each row of padded character ids."""
        w = self.weights
        embedded = w["char_emb"][chars]  # words, positions, dim; row 0 (padding) is zero
        kernel = w["conv_w"]  # filters, dim, width
        conv = sum(
            embedded[:, k : k + MAX_CHARS] @ kernel[:, :, k].T for k in range(kernel.shape[2])
        )
        return np.maximum(conv + w["conv_b"], 0.0).max(axis=1)

    def probabilities(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Per sentence, a (tokens × labels) array of label probabilities."""
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        result: list[np.ndarray] = [np.zeros((0, len(self.labels)), np.float32)] * len(sentences)
        for start in range(0, len(order), BATCH):
            batch = [i for i in order[start : start + BATCH] if sentences[i]]
            if batch:
                probs = self._batch([sentences[i] for i in batch])
                for row, i in enumerate(batch):
                    result[i] = probs[row, : len(sentences[i])]
        return result

    def _batch(self, sentences: list[Sequence[str]]) -> np.ndarray:
        w = self.weights
        n, steps = len(sentences), max(len(t) for t in sentences)
        width = w["word_emb"].shape[1]
        x = np.zeros((n, steps, width + self.feature_size), np.float32)
        mask = np.zeros((n, steps), bool)
        for i, tokens in enumerate(sentences):
            mask[i, : len(tokens)] = True
        self._fill_cache(t for tokens in sentences for t in tokens)
        words = [self._cache[t] for tokens in sentences for t in tokens]
        x[:, :, :width][mask] = w["word_emb"][[ident for ident, _ in words]]
        x[:, :, width:][mask] = np.stack([features for _, features in words])
        forward = self._lstm(x, mask, "fwd", reverse=False)
        backward = self._lstm(x, mask, "bwd", reverse=True)
        logits = np.concatenate([forward, backward], axis=2) @ w["out_w"].T + w["out_b"]
        if "transitions" in w:
            logits = chain_scores(logits, mask, w["transitions"], w["start"], w["end"])
        logits -= logits.max(axis=2, keepdims=True)
        e = np.exp(logits)
        return e / e.sum(axis=2, keepdims=True)

    def _lstm(self, x: np.ndarray, mask: np.ndarray, side: str, reverse: bool) -> np.ndarray:
        """One direction of torch's LSTM (gates i, f, g, o) over padded sentences.

        The backward direction starts at each sentence's own last word, as a packed
        sequence would: padding never reaches real words.
        """
        w = self.weights
        n, steps, _ = x.shape
        h_size = self.hidden
        gates_x = x @ w[f"{side}_w_ih"].T + (w[f"{side}_b_ih"] + w[f"{side}_b_hh"])
        w_hh = w[f"{side}_w_hh"].T
        h = np.zeros((n, h_size), np.float32)
        c = np.zeros((n, h_size), np.float32)
        out = np.zeros((n, steps, h_size), np.float32)
        for t in range(steps - 1, -1, -1) if reverse else range(steps):
            gates = gates_x[:, t] + h @ w_hh
            i = _sigmoid(gates[:, :h_size])
            f = _sigmoid(gates[:, h_size : 2 * h_size])
            g = np.tanh(gates[:, 2 * h_size : 3 * h_size])
            o = _sigmoid(gates[:, 3 * h_size :])
            live = mask[:, t : t + 1]
            c = np.where(live, f * c + i * g, c)
            h = np.where(live, o * np.tanh(c), h)
            out[:, t] = h
        return out
