"""Composes the components: ``marsad.analyze(text_or_html) -> Analysis``.

Each component declares what it reads and writes (as spaCy's do) and may only fill the
fields it writes; the pipeline checks this after every step, so a later component can
never silently rewrite an earlier one's results.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Protocol, runtime_checkable

from marsad.errors import ComponentContractError
from marsad.extract import extract_document
from marsad.ingest.text import read_input
from marsad.model import Analysis, Document

# The default components, in order, as "module:factory". Each factory takes no arguments
# and returns a ready component whose model (if any) ships in marsad/data.
DEFAULT_COMPONENTS: tuple[str, ...] = (
    "marsad.entities.component:entities_component",
    "marsad.places.component:places_component",
    "marsad.quotes.component:quotes_component",
    "marsad.topics.component:topics_component",
    "marsad.events.component:events_component",
)

# Analysis fields a component may name in ``writes``.
ANALYSIS_FIELDS = ("entities", "mentions", "places", "sources", "quotes", "topics", "events")


@runtime_checkable
class Component(Protocol):
    name: str
    version: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]

    def __call__(self, analysis: Analysis) -> None: ...


class Pipeline:
    def __init__(self, components: Sequence[Component]) -> None:
        for component in components:
            unknown = set(component.writes) - set(ANALYSIS_FIELDS) - {"warnings"}
            if unknown:
                raise ComponentContractError(
                    f"component {component.name!r} declares unknown fields {sorted(unknown)}"
                )
        self.components = list(components)

    @property
    def versions(self) -> dict[str, str]:
        from marsad import __version__

        return {"marsad": __version__} | {c.name: c.version for c in self.components}

    def run(self, analysis: Analysis) -> Analysis:
        analysis.pipeline = self.versions
        for component in self.components:
            before = {f: len(getattr(analysis, f)) for f in ANALYSIS_FIELDS}
            component(analysis)
            for field, count in before.items():
                if field not in component.writes and len(getattr(analysis, field)) != count:
                    raise ComponentContractError(
                        f"component {component.name!r} changed {field!r}, "
                        f"which it does not declare in writes={component.writes}"
                    )
        return analysis


def load_component(spec: str) -> Component:
    module_name, _, factory_name = spec.partition(":")
    factory = getattr(importlib.import_module(module_name), factory_name)
    component = factory()
    if not isinstance(component, Component):
        raise ComponentContractError(f"{spec} did not return a pipeline component")
    return component


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """Loaded once per process: models are read from disk a single time."""
    return Pipeline([load_component(spec) for spec in DEFAULT_COMPONENTS])


def analyze_document(
    document: Document, pipeline: Pipeline | None = None, *, published: date | None = None
) -> Analysis:
    """Extract the article from a stored document and run the components over it.

    ``published`` is the report's date when the caller knows it better than the document
    says (plain text has none): relative dates (أمس، الأحد) resolve against it.
    """
    article, warnings = extract_document(document)
    if published is not None:
        article.published = published
    analysis = Analysis(document=document, article=article, warnings=warnings)
    return (pipeline or default_pipeline()).run(analysis)


def analyze(
    source: str | bytes | Path,
    *,
    url: str | None = None,
    pipeline: Pipeline | None = None,
) -> Analysis:
    """Analyse one report given as text, HTML (str or bytes) or a path to a file.

    Raises :class:`marsad.errors.InputError` subclasses for input that cannot be read
    (empty, binary, too large) and :class:`marsad.errors.ExtractionError` when no article
    text could be found.
    """
    document = read_input(source, url=url)
    return analyze_document(document, pipeline)
