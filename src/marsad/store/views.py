"""Terminal views of search results and stories (the CLI's table output)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from marsad.store.search import Hit, SearchResults
from marsad.store.stories import Story
from marsad.terminal import visual


def _cell(text: str | None, reorder: bool) -> str:
    text = " ".join((text or "").split())
    return visual(text) if reorder and text else text


def _snippet(hit: Hit, reorder: bool) -> Text:
    if hit.snippet is None:
        return Text("")
    snippet = hit.snippet
    if reorder:
        return Text(_cell(snippet.text, reorder))
    text = Text(snippet.text.replace("\n", " "))
    for start, end in snippet.highlights:
        text.stylize("bold yellow", start - snippet.start, end - snippet.start)
    return text


def render_search(results: SearchResults, console: Console, reorder: bool) -> None:
    table = Table(
        title=f"{results.total:,} reports ({results.took_ms:.0f} ms)",
        show_lines=True,
        expand=True,
    )
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("day", no_wrap=True)
    table.add_column("publisher", max_width=18)
    table.add_column("title", ratio=2)
    table.add_column("snippet", ratio=3)
    for hit in results.hits:
        table.add_row(
            str(hit.id),
            hit.day,
            _cell(hit.publisher, reorder),
            _cell(hit.title, reorder),
            _snippet(hit, reorder),
        )
    console.print(table)
    for name, values in results.facets.items():
        if values:
            shown = ", ".join(f"{_cell(v.value, reorder)} ({v.count})" for v in values)
            console.print(f"[bold]{name}:[/] {shown}", highlight=False)
    if results.facets and results.facets_from < results.total:
        console.print(f"[dim]facets count the best {results.facets_from:,} matches[/]")


def render_stories(stories: list[Story], console: Console, reorder: bool) -> None:
    table = Table(title=f"{len(stories)} stories", show_lines=True, expand=True)
    table.add_column("story", justify="right", no_wrap=True)
    table.add_column("seen", no_wrap=True)
    table.add_column("articles", justify="right")
    table.add_column("sources", justify="right")
    table.add_column("title", ratio=3)
    table.add_column("publishers", ratio=1)
    for story in stories:
        seen = story.first_seen or ""
        if story.last_seen and story.last_seen != story.first_seen:
            seen = f"{seen} → {story.last_seen}"
        publishers = dict.fromkeys(a.publisher for a in story.articles if a.publisher)
        table.add_row(
            str(story.id),
            seen,
            str(story.article_count),
            str(story.independent_source_count),
            _cell(story.title, reorder),
            _cell(", ".join(publishers), reorder),
        )
    console.print(table)
