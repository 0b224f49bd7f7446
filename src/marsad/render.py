"""The readable terminal view of an Analysis (``marsad analyze`` without ``--json``).

Each section is a function of (analysis, view); components add theirs to ``SECTIONS``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.console import Console
from rich.text import Text

from marsad.entities.render import render_entities
from marsad.events.render import render_events
from marsad.model import Analysis
from marsad.places.render import render_places
from marsad.quotes.render import render_quotes
from marsad.terminal import visual, visual_lines
from marsad.topics.render import render_topics


@dataclass
class View:
    console: Console
    reorder: bool

    @property
    def width(self) -> int:
        return max(self.console.width - 4, 20)

    def heading(self, label: str) -> None:
        self.console.print()
        self.console.rule(Text(self.ar(label), style="bold cyan"))

    def ar(self, text: str) -> str:
        """One short line of Arabic, ready to print."""
        return visual(text) if self.reorder else text

    def paragraph(self, text: str, style: str = "") -> None:
        for line in visual_lines(text, self.width, self.reorder):
            self.console.print(Text(line, style=style), justify="right" if self.reorder else "left")

    def field(self, label: str, value: object) -> None:
        if value in (None, "", []):
            return
        shown = self.ar(str(value))
        self.console.print(Text.assemble((f"{label}: ", "bold"), shown))


def render_article(analysis: Analysis, view: View) -> None:
    article = analysis.article
    view.heading("المقال — article")
    view.field("title", article.title)
    view.field("byline", article.byline)
    view.field("published", article.published)
    view.field("publisher", article.publisher)
    view.field("language", article.language)
    view.field("source", analysis.document.source)
    for warning in analysis.warnings:
        view.console.print(Text(f"warning {warning}", style="yellow"))
    view.console.print()
    for block in article.blocks:
        if block.kind in ("title", "byline"):
            continue
        style = "bold" if block.kind == "heading" else ""
        view.paragraph(article.block_text(block), style)
        view.console.print()
    if article.hashtags:
        view.field("hashtags", "  ".join("#" + h.tag for h in article.hashtags))
    if article.boilerplate:
        view.heading("ما أزيل — removed boilerplate")
        for removed in article.boilerplate:
            view.console.print(Text(f"[{removed.reason}]", style="dim"))
            view.paragraph(removed.text, "dim")


SECTIONS: list[Callable[[Analysis, View], None]] = [
    render_article,
    render_entities,
    render_places,
    render_quotes,
    render_topics,
    render_events,
]


def render(analysis: Analysis, console: Console, reorder: bool) -> None:
    view = View(console, reorder)
    for section in SECTIONS:
        section(analysis, view)
