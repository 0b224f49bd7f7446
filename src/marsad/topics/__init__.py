"""Topic classification: which of six sections a report belongs to (see docs/topics.md)."""

from marsad.topics.component import TopicsComponent, topics_component
from marsad.topics.model import TopicModel

__all__ = ["TopicModel", "TopicsComponent", "topics_component"]
