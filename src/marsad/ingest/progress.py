"""The ingest progress bar (counts and rate) and the closing summary of what failed."""

from __future__ import annotations

from collections import defaultdict

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from marsad.ingest.runner import IngestStats

_EXAMPLES_PER_CODE = 3


class IngestProgress:
    """A live line: seen, added, updated, unchanged, failed, and reports per second."""

    def __init__(self, console: Console, label: str = "ingest") -> None:
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]{task.description}"),
            TextColumn("{task.fields[counts]}"),
            TextColumn("[cyan]{task.fields[rate]}"),
            TimeElapsedColumn(),
            console=console,
            transient=False,
        )
        self._task = self._progress.add_task(label, total=None, counts="", rate="")

    def __enter__(self) -> IngestProgress:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    def __call__(self, stats: IngestStats) -> None:
        counts = (
            f"seen {stats.seen:,} · added {stats.added:,} · updated {stats.updated:,} · "
            f"unchanged {stats.unchanged:,} · failed {stats.failed:,}"
        )
        self._progress.update(self._task, counts=counts, rate=f"{stats.rate:,.1f}/s")


def render_summary(stats: IngestStats, console: Console) -> None:
    console.print(
        f"[bold]{stats.added:,} added, {stats.updated:,} updated, {stats.unchanged:,} "
        f"unchanged, {stats.failed:,} failed[/] ({stats.rate:,.1f} reports/s)",
        highlight=False,
    )
    if not stats.failures:
        return
    by_code: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for source, error in stats.failures:
        by_code[error.split(" ", 1)[0]].append((source, error))
    table = Table(title="what failed, and why (kept in the store with its error)")
    table.add_column("code")
    table.add_column("count", justify="right")
    table.add_column("examples")
    for code, failures in sorted(by_code.items(), key=lambda kv: -len(kv[1])):
        examples = "\n".join(
            f"{source}: {error.split(' ', 1)[-1]}"
            for source, error in failures[:_EXAMPLES_PER_CODE]
        )
        table.add_row(code, str(len(failures)), examples)
    console.print(table)
