"""The sources-and-quotes section of ``marsad analyze``'s terminal view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from marsad.model import Analysis, Quote, Source

if TYPE_CHECKING:
    from marsad.render import View

KIND_NAMES = {
    "person": "شخص — person",
    "organisation": "جهة — organisation",
    "role": "صفة — role",
    "collective": "جماعة — collective",
    "initials": "أحرف أولى — initials",
    "unknown": "غير محدد — unknown",
}
QUOTE_KINDS = {
    "direct": "مباشر — direct",
    "indirect": "غير مباشر — indirect",
    "mixed": "مختلط — mixed",
}


def render_quotes(analysis: Analysis, view: View) -> None:
    if not analysis.quotes:
        return
    view.heading("المصادر والاقتباسات — sources and quotes")
    by_source: dict[str | None, list[Quote]] = {}
    for quote in analysis.quotes:
        by_source.setdefault(quote.source_id, []).append(quote)
    for source in analysis.sources:
        _render_source(source, view)
        for quote in by_source.get(source.id, []):
            _render_quote(quote, view)
    if None in by_source:
        view.console.print()
        view.console.print(Text(view.ar("بلا مصدر — no speaker found"), style="bold yellow"))
        for quote in by_source[None]:
            _render_quote(quote, view)


def _render_source(source: Source, view: View) -> None:
    label = source.name or source.description
    view.console.print()
    view.console.print(
        Text.assemble(
            (f"[{source.id}] ", "bold"),
            (view.ar(label.text) if label else "?", "bold magenta"),
            f"  ({view.ar(KIND_NAMES[source.kind])})",
        )
    )
    if source.name is not None and source.description is not None:
        view.field("  description", source.description.text)
    if source.anonymous:
        reason = source.anonymity_reason.text if source.anonymity_reason else "—"
        view.console.print(
            Text.assemble(
                ("  " + view.ar("مجهول الهوية — anonymous") + ": ", "bold red"), view.ar(reason)
            )
        )


def _render_quote(quote: Quote, view: View) -> None:
    cue = view.ar(quote.cue.text) if quote.cue else "—"
    view.console.print(
        Text(
            f"  • {view.ar(QUOTE_KINDS[quote.kind])}  cue: {cue}  "
            f"[{quote.span.start}:{quote.span.end}]  confidence {quote.confidence:.2f}",
            style="cyan",
        )
    )
    view.paragraph(quote.span.text)
