"""The ``quotes`` pipeline component: the report's sources and what each of them said."""

from __future__ import annotations

from marsad.model import Analysis
from marsad.quotes.finder import find_quotes


class QuotesComponent:
    """Rules and word lists only (no model file), so there is nothing to load."""

    name = "quotes"
    version = "4"  # 4: "another", "a third" anonymous; a name after a kin noun is no speaker
    reads: tuple[str, ...] = ("article.text", "article.blocks", "mentions")
    writes: tuple[str, ...] = ("sources", "quotes")

    def __call__(self, analysis: Analysis) -> None:
        article = analysis.article
        if article.language != "ar" or not article.text.strip():
            return
        paragraphs = [(b.start, b.end) for b in article.blocks if b.kind != "byline"]
        found = find_quotes(article.text, paragraphs or None, analysis.mentions)
        analysis.sources.extend(found.sources)
        analysis.quotes.extend(found.quotes)


def quotes_component() -> QuotesComponent:
    """Factory for ``DEFAULT_COMPONENTS``."""
    return QuotesComponent()
