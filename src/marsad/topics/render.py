"""The topic line of ``marsad analyze``'s terminal view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from marsad.model import Analysis
from marsad.topics.labels_data import TOPIC_NAMES

if TYPE_CHECKING:
    from marsad.render import View


def render_topics(analysis: Analysis, view: View) -> None:
    if not analysis.topics:
        return
    view.heading("الموضوع — topic")
    for topic in analysis.topics:
        name = TOPIC_NAMES.get(topic.label, topic.label)
        view.field(f"{topic.label} {topic.probability:.2f}", name)
