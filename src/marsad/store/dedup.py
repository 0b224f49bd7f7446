"""Near-duplicate detection: MinHash over normalised word shingles, found with LSH.

Shingles are runs of :data:`SHINGLE_WORDS` matching keys from :func:`marsad.store.terms.words`,
so Arabic punctuation, diacritics, tatweel and spelling variants never split or drop a
word. Signatures are stored with each article and the LSH index is rebuilt from them.
"""

from __future__ import annotations

import hashlib

import numpy as np
from datasketch import MinHash, MinHashLSH

from marsad.store.terms import words

SHINGLE_WORDS = 3
NUM_PERM = 64
# Estimated Jaccard similarity of shingle sets above which two reports are one story.
THRESHOLD = 0.5
_SCHEME = "affine32"


def text_hash(keys: list[str]) -> str:
    """Hash of the normalised words: equal for texts that differ only in spelling marks."""
    return hashlib.sha256(" ".join(keys).encode("utf-8")).hexdigest()


def word_keys(text: str) -> list[str]:
    """The matching keys of the words of ``text``, in order (what shingles are made of)."""
    return [w.exact for w in words(text)]


def shingles(keys: list[str]) -> set[bytes]:
    if len(keys) < SHINGLE_WORDS:
        return {" ".join(keys).encode("utf-8")} if keys else set()
    return {
        " ".join(keys[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(keys) - SHINGLE_WORDS + 1)
    }


def signature(keys: list[str]) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, scheme=_SCHEME)
    pieces = shingles(keys)
    if pieces:
        minhash.update_batch(list(pieces))
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    return np.asarray(minhash.hashvalues, dtype=np.uint32).tobytes()


def from_bytes(blob: bytes) -> MinHash:
    values = np.frombuffer(blob, dtype=np.uint32).astype(np.uint64)
    return MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=_SCHEME)


class DuplicateIndex:
    """An in-memory LSH index of article signatures."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[int, MinHash] = {}
        self.threshold = threshold

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, article_id: int, minhash: MinHash) -> None:
        if article_id in self._signatures:
            self.remove(article_id)
        if minhash.is_empty():
            return
        self._lsh.insert(article_id, minhash)
        self._signatures[article_id] = minhash

    def remove(self, article_id: int) -> None:
        if self._signatures.pop(article_id, None) is not None:
            self._lsh.remove(article_id)

    def most_similar(self, minhash: MinHash) -> tuple[int, float] | None:
        """The closest indexed article at or above the threshold, with its similarity."""
        if minhash.is_empty():
            return None
        best: tuple[int, float] | None = None
        for candidate in self._lsh.query(minhash):
            similarity = minhash.jaccard(self._signatures[candidate])
            if similarity >= self.threshold and (
                best is None or (similarity, -candidate) > (best[1], -best[0])
            ):
                best = (candidate, similarity)
        return best
