"""The ``topics`` pipeline component: what a report is about, with probabilities."""

from __future__ import annotations

from pathlib import Path

from marsad.model import Analysis, Topic
from marsad.topics.model import TopicModel

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "topics"
# Topics below this probability are left out; the best one is always kept.
MIN_PROBABILITY = 0.15


class TopicsComponent:
    name = "topics"
    version = "1"
    reads: tuple[str, ...] = ()
    writes: tuple[str, ...] = ("topics",)

    def __init__(self, model: TopicModel) -> None:
        self.model = model

    def __call__(self, analysis: Analysis) -> None:
        article = analysis.article
        if article.language != "ar" or not article.text.strip():
            return
        ranked = sorted(self.model.predict_proba(article.text).items(), key=lambda kv: -kv[1])
        analysis.topics.extend(
            Topic(label=label, probability=round(p, 4))
            for rank, (label, p) in enumerate(ranked)
            if rank == 0 or p >= MIN_PROBABILITY
        )

    def to_disk(self, path: Path) -> None:
        self.model.to_disk(path)

    @classmethod
    def from_disk(cls, path: Path) -> TopicsComponent:
        return cls(TopicModel.from_disk(path))


def topics_component() -> TopicsComponent:
    """Factory for ``DEFAULT_COMPONENTS``: the model shipped in ``marsad/data/topics``."""
    return TopicsComponent.from_disk(DATA_DIR)
