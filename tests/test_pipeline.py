from __future__ import annotations

import pytest

from marsad import analyze
from marsad.errors import ComponentContractError
from marsad.model import Analysis, Topic
from marsad.pipeline import Pipeline


class _WritesTopics:
    name = "test-topics"
    version = "1"
    reads = ("article.text",)
    writes = ("topics",)

    def __call__(self, analysis: Analysis) -> None:
        analysis.topics.append(Topic(label="test", probability=1.0))


class _Sneaky(_WritesTopics):
    name = "sneaky"
    writes = ("events",)


def test_components_run_in_order_and_are_recorded() -> None:
    analysis = analyze("تقرير قصير عن سوريا.", pipeline=Pipeline([_WritesTopics()]))
    assert analysis.topics[0].label == "test"
    assert analysis.pipeline["test-topics"] == "1"
    assert "marsad" in analysis.pipeline


def test_a_component_may_not_write_what_it_does_not_declare() -> None:
    with pytest.raises(ComponentContractError, match="sneaky"):
        analyze("تقرير قصير عن سوريا.", pipeline=Pipeline([_Sneaky()]))


def test_unknown_declared_fields_are_refused() -> None:
    bad = _WritesTopics()
    bad.writes = ("nonsense",)
    with pytest.raises(ComponentContractError):
        Pipeline([bad])
