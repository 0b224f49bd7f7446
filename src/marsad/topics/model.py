"""A linear topic model that runs in plain Python (no numpy at inference).

Two softmax heads over one sublinear-tf·idf vector: ``coarse`` tells culture, economy,
news, sport and technology apart; ``region`` splits news into middle_east and
international. The split is learnt apart because only one training outlet files the two
separately; P(middle_east) = P(news) · P(middle_east | news).
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from marsad.errors import ModelDataError
from marsad.topics.features import DEFAULT_LIMIT, topic_features

MODEL_FILE = "topics.json.gz"
FORMAT = 1
NEWS = "news"  # the coarse label the region head refines


@dataclass(frozen=True, slots=True)
class Head:
    """One linear softmax layer: a weight per (feature, label) and an intercept per label."""

    labels: tuple[str, ...]
    intercepts: tuple[float, ...]
    weights: Mapping[str, Sequence[float]]  # feature -> one weight per label


class TopicModel:
    def __init__(
        self,
        idf: Mapping[str, float],
        coarse: Head,
        region: Head,
        *,
        limit: int = DEFAULT_LIMIT,
        meta: Mapping[str, object] | None = None,
    ) -> None:
        self.idf = dict(idf)
        self.coarse = coarse
        self.region = region
        self.limit = limit
        self.meta = dict(meta or {})

    @property
    def labels(self) -> tuple[str, ...]:
        refined = set(self.region.labels)
        return tuple(sorted((set(self.coarse.labels) - {NEWS}) | refined))

    def vector(self, text: str) -> dict[str, float]:
        """The L2-normalised sublinear-tf·idf vector of a report's known features."""
        vector = {
            feature: (1.0 + math.log(count)) * self.idf[feature]
            for feature, count in topic_features(text, self.limit).items()
            if feature in self.idf
        }
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {feature: v / norm for feature, v in vector.items()}

    def predict_proba(self, text: str) -> dict[str, float]:
        """Probability of each topic label, summing to 1."""
        vector = self.vector(text)
        coarse = _softmax_scores(self.coarse, vector)
        news = coarse.pop(NEWS, 0.0)
        region = _softmax_scores(self.region, vector)
        return coarse | {label: news * p for label, p in region.items()}

    # ------------------------------------------------------------------ persistence

    def to_disk(self, path: Path) -> Path:
        path.mkdir(parents=True, exist_ok=True)
        payload = {
            "format": FORMAT,
            "limit": self.limit,
            "meta": self.meta,
            "heads": {name: _head_json(head) for name, head in self._heads().items()},
            "idf": {f: round(v, 4) for f, v in sorted(self.idf.items())},
        }
        target = path / MODEL_FILE
        # mtime=0 keeps the file byte-identical across identical trainings.
        with target.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
            out.write(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode())
        return target

    @classmethod
    def from_disk(cls, path: Path) -> TopicModel:
        target = path / MODEL_FILE
        try:
            payload = json.loads(gzip.decompress(target.read_bytes()))
        except (OSError, ValueError) as exc:
            raise ModelDataError(f"cannot read topic model {target}: {exc}") from exc
        if payload.get("format") != FORMAT:
            raise ModelDataError(f"topic model {target} has format {payload.get('format')!r}")
        heads = {name: _head_from_json(data) for name, data in payload["heads"].items()}
        return cls(
            payload["idf"],
            heads["coarse"],
            heads["region"],
            limit=payload["limit"],
            meta=payload["meta"],
        )

    def _heads(self) -> dict[str, Head]:
        return {"coarse": self.coarse, "region": self.region}


def _softmax_scores(head: Head, vector: Mapping[str, float]) -> dict[str, float]:
    logits = list(head.intercepts)
    for feature, value in vector.items():
        weights = head.weights.get(feature)
        if weights is not None:
            for index, weight in enumerate(weights):
                logits[index] += weight * value
    top = max(logits)
    exps = [math.exp(logit - top) for logit in logits]
    total = sum(exps)
    return {label: e / total for label, e in zip(head.labels, exps, strict=True)}


def _head_json(head: Head) -> dict[str, object]:
    return {
        "labels": list(head.labels),
        "intercepts": [round(v, 4) for v in head.intercepts],
        "weights": {f: [round(w, 4) for w in ws] for f, ws in sorted(head.weights.items())},
    }


def _head_from_json(data: Mapping[str, object]) -> Head:
    try:
        return Head(
            labels=tuple(data["labels"]),  # type: ignore[arg-type]
            intercepts=tuple(data["intercepts"]),  # type: ignore[arg-type]
            weights=data["weights"],  # type: ignore[arg-type]
        )
    except (KeyError, TypeError) as exc:
        raise ModelDataError(f"topic model head is malformed: {exc}") from exc
