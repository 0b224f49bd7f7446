"""The ``marsad`` command line. Errors print as one line (``error E101: …``), never a
traceback, and exit with the status documented in docs/errors.md."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from marsad.errors import MarsadError
from marsad.ingest.text import MAX_INPUT_BYTES, read_input
from marsad.model import json_schema
from marsad.pipeline import analyze_document
from marsad.render import render
from marsad.terminal import BidiMode, wants_reordering

if TYPE_CHECKING:
    from marsad.store import Filters

app = typer.Typer(
    name="marsad",
    help="Marsad (مرصد): Arabic news reports into structured, attributable knowledge.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err_console = Console(stderr=True)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn Marsad's errors into one readable line and a stable exit status."""
    try:
        yield
    except MarsadError as error:
        err_console.print(f"[bold red]error {error.code}:[/] {error}", highlight=False)
        raise typer.Exit(error.exit_code) from None
    except KeyboardInterrupt:
        err_console.print("interrupted")
        raise typer.Exit(130) from None
    except Exception as error:
        if os.environ.get("MARSAD_DEBUG"):
            raise
        err_console.print(
            f"[bold red]internal error:[/] {type(error).__name__}: {error} "
            "(set MARSAD_DEBUG=1 for the traceback, and please report it)",
            highlight=False,
        )
        raise typer.Exit(1) from None


@app.command()
def analyze(
    source: Annotated[str, typer.Argument(help="A text or HTML file, or '-' for stdin.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the analysis as JSON.")] = False,
    url: Annotated[str | None, typer.Option(help="The page's address, if known.")] = None,
    include_raw: Annotated[
        bool, typer.Option("--include-raw", help="Include the raw bytes (base64) in the JSON.")
    ] = False,
    max_size: Annotated[
        int, typer.Option("--max-size", help="Refuse inputs larger than this many bytes.")
    ] = MAX_INPUT_BYTES,
    bidi: Annotated[
        BidiMode,
        typer.Option(help="Shape and reorder Arabic for terminals without bidi support."),
    ] = BidiMode.auto,
    published: Annotated[
        datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"],
            help="The report's date (YYYY-MM-DD), for inputs that do not give one: "
            "أمس, الأحد … in the report resolve against it.",
        ),
    ] = None,
) -> None:
    """Analyse one report (plain text or HTML) and show what Marsad read from it."""
    with user_errors():
        if source == "-":
            document = read_input(sys.stdin.buffer.read(), url=url, max_bytes=max_size, name="-")
        else:
            document = read_input(Path(source), url=url, max_bytes=max_size)
        analysis = analyze_document(document, published=published.date() if published else None)
        if as_json:
            sys.stdout.write(analysis.to_json(include_raw=include_raw) + "\n")
            return
        render(analysis, Console(), wants_reordering(bidi))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the analysis that `analyze --json` outputs."""
    sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")


@app.command()
def version() -> None:
    """Print Marsad's version and the versions of its pipeline components."""
    with user_errors():
        from marsad.pipeline import default_pipeline

        for name, component_version in default_pipeline().versions.items():
            typer.echo(f"{name} {component_version}")


@app.command()
def serve(
    db: Annotated[Path | None, typer.Option("--db", help="The corpus database to serve.")] = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on (only this machine by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    admin_token: Annotated[
        str | None,
        typer.Option(
            "--admin-token",
            envvar="MARSAD_ADMIN_TOKEN",
            help="Allow writes to the corpus to whoever presents this token.",
        ),
    ] = None,
    max_upload: Annotated[
        int, typer.Option("--max-upload", help="Refuse request bodies over this many bytes.")
    ] = 2_000_000,
) -> None:
    """Serve the web interface and the REST API (read-only without --admin-token)."""
    with user_errors():
        import uvicorn

        from marsad.web import WebSettings, create_app

        settings = WebSettings.for_host(
            host, db=db, admin_token=admin_token, max_upload_bytes=max_upload
        )
        shown = f"[{host}]" if ":" in host else host
        typer.echo(f"Marsad: http://{shown}:{port}", err=False)
        uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")


# ------------------------------------------------------------------ corpus commands

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="The database file (default: $MARSAD_DB or the data folder)."),
]
WorkersOption = Annotated[
    int, typer.Option("--workers", min=1, help="Processes that analyse reports in parallel.")
]
EntityOption = Annotated[
    str | None, typer.Option("--entity", help="Only reports naming this entity (name or id).")
]
PlaceOption = Annotated[
    str | None,
    typer.Option("--place", help="Only reports about this place or anywhere inside it."),
]
PublisherOption = Annotated[
    str | None, typer.Option("--publisher", help="Only this publisher (name or web host).")
]
SinceOption = Annotated[
    str | None,
    typer.Option("--since", help="From this day: YYYY-MM-DD, today, yesterday or 7d."),
]
UntilOption = Annotated[
    str | None, typer.Option("--until", help="Up to this day (same forms as --since).")
]
HashtagOption = Annotated[str | None, typer.Option("--hashtag", help="Only reports with it.")]
SpeakerOption = Annotated[
    str | None, typer.Option("--speaker", help="Only reports quoting this source.")
]
AnonymousOption = Annotated[
    bool,
    typer.Option("--speaker-anonymous", help="Only reports that quote an anonymous source."),
]
TopicOption = Annotated[str | None, typer.Option("--topic", help="Only reports on this topic.")]
EventTypeOption = Annotated[
    str | None, typer.Option("--event-type", help="Only reports with this event (sub-)type.")
]


def _filters(
    entity: str | None,
    place: str | None,
    publisher: str | None,
    since: str | None,
    until: str | None,
    hashtag: str | None,
    speaker: str | None,
    anonymous: bool,
    topic: str | None,
    event_type: str | None,
) -> Filters:
    from marsad.store import Filters
    from marsad.store.search import parse_day

    return Filters(
        entity=entity,
        place=place,
        publisher=publisher,
        since=parse_day(since) if since else None,
        until=parse_day(until) if until else None,
        hashtag=hashtag,
        speaker=speaker,
        anonymous_only=anonymous,
        topic=topic,
        event_type=event_type,
    )


@app.command()
def ingest(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Folders, files (.txt .html .jsonl .xml .warc.gz …), feed or page URLs."
        ),
    ],
    db: DbOption = None,
    workers: WorkersOption = 1,
    follow: Annotated[
        bool,
        typer.Option(
            "--follow/--no-follow", help="Fetch each feed entry's page (or keep its text)."
        ),
    ] = True,
    refetch: Annotated[
        bool, typer.Option("--refetch", help="Fetch and analyse again what is already stored.")
    ] = False,
    allow_address: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-address", help="Allow fetching from this private address or network."
        ),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds to wait for a server.")
    ] = 20.0,
    retries: Annotated[int, typer.Option("--retries", min=0, help="Retries after a failure.")] = 2,
    host_delay: Annotated[
        float, typer.Option("--host-delay", help="Seconds between two requests to one host.")
    ] = 1.0,
    max_size: Annotated[
        int, typer.Option("--max-size", help="Refuse reports larger than this many bytes.")
    ] = MAX_INPUT_BYTES,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Reports written per transaction.")
    ] = 64,
) -> None:
    """Ingest folders, JSONL, RSS/Atom feeds, WARC archives and URLs into the store."""
    with user_errors():
        from marsad.ingest.fetch import FetchPolicy
        from marsad.ingest.progress import IngestProgress, render_summary
        from marsad.ingest.runner import IngestOptions
        from marsad.ingest.runner import ingest as run_ingest
        from marsad.store import open_store

        options = IngestOptions(
            workers=workers,
            batch_size=batch_size,
            follow_links=follow,
            refetch=refetch,
            max_bytes=max_size,
            fetch=FetchPolicy(
                timeout=timeout,
                retries=retries,
                min_interval=host_delay,
                allow=tuple(allow_address or ()),
                max_bytes=max_size,
            ),
        )
        with open_store(db) as store, IngestProgress(err_console) as progress:
            stats = run_ingest(store, inputs, options, progress)
        render_summary(stats, err_console)
        if stats.failed and not (stats.added or stats.updated or stats.unchanged):
            raise typer.Exit(1)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words; "a phrase"; OR; -excluded.')] = "",
    db: DbOption = None,
    entity: EntityOption = None,
    place: PlaceOption = None,
    publisher: PublisherOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    hashtag: HashtagOption = None,
    speaker: SpeakerOption = None,
    anonymous: AnonymousOption = False,
    topic: TopicOption = None,
    event_type: EventTypeOption = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Reports to show.")] = 10,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Skip this many first.")] = 0,
    facets: Annotated[
        bool, typer.Option("--facets/--no-facets", help="Count top entities, places, …")
    ] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
    bidi: Annotated[
        BidiMode, typer.Option(help="Shape and reorder Arabic for terminals without bidi.")
    ] = BidiMode.auto,
) -> None:
    """Search the store the Arabic way, with filters, facets and highlighted snippets."""
    with user_errors():
        from marsad.store import open_store
        from marsad.store.views import render_search

        filters = _filters(
            entity, place, publisher, since, until, hashtag, speaker, anonymous, topic, event_type
        )
        with open_store(db) as store:
            results = store.search(query, filters, limit=limit, offset=offset, facets=facets)
        if as_json:
            sys.stdout.write(results.model_dump_json(indent=2) + "\n")
            return
        render_search(results, Console(), wants_reordering(bidi))


@app.command()
def stories(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    min_articles: Annotated[
        int, typer.Option("--min-articles", min=1, help="Only stories with this many reports.")
    ] = 1,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Stories to show.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print the stories as JSON.")] = False,
    bidi: Annotated[
        BidiMode, typer.Option(help="Shape and reorder Arabic for terminals without bidi.")
    ] = BidiMode.auto,
) -> None:
    """Story clusters (duplicates folded together), most widely carried first."""
    with user_errors():
        from marsad.store import open_store
        from marsad.store.search import parse_day
        from marsad.store.views import render_stories

        with open_store(db) as store:
            found = store.stories(
                since=parse_day(since) if since else None,
                until=parse_day(until) if until else None,
                min_articles=min_articles,
                limit=limit,
            )
        if as_json:
            payload = [s.model_dump(mode="json") for s in found]
            sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
            return
        render_stories(found, Console(), wants_reordering(bidi))


@app.command()
def export(
    query: Annotated[str, typer.Argument(help="Only reports matching these words.")] = "",
    db: DbOption = None,
    fmt: Annotated[
        str, typer.Option("--format", help="jsonl (full analyses), csv, or acled (per event).")
    ] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    entity: EntityOption = None,
    place: PlaceOption = None,
    publisher: PublisherOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    hashtag: HashtagOption = None,
    speaker: SpeakerOption = None,
    anonymous: AnonymousOption = False,
    topic: TopicOption = None,
    event_type: EventTypeOption = None,
) -> None:
    """Export reports as JSONL, CSV (one row per report) or ACLED-like CSV (one per event)."""
    with user_errors():
        from marsad.store import export as write_export
        from marsad.store import open_store

        filters = _filters(
            entity, place, publisher, since, until, hashtag, speaker, anonymous, topic, event_type
        )
        with open_store(db) as store:
            ids = store.matching_ids(query, filters)
            if output is None:
                rows = write_export(store, ids, sys.stdout, fmt)
            else:
                with output.open("w", encoding="utf-8", newline="") as out:
                    rows = write_export(store, ids, out, fmt)
        err_console.print(f"{rows:,} rows from {len(ids):,} reports", highlight=False)


@app.command()
def reanalyze(
    db: DbOption = None,
    everything: Annotated[
        bool, typer.Option("--all", help="Analyse every stored report, not only stale ones.")
    ] = False,
    workers: WorkersOption = 1,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only count what is stale.")] = False,
) -> None:
    """Analyse stored reports again from their raw bytes after a model upgrade."""
    with user_errors():
        from marsad.ingest.progress import IngestProgress, render_summary
        from marsad.ingest.runner import reanalyze as run_reanalyze
        from marsad.pipeline import default_pipeline
        from marsad.store import open_store

        with open_store(db) as store:
            versions = default_pipeline().versions
            ids = list(store.article_ids()) if everything else store.stale(versions)
            err_console.print(f"{len(ids):,} reports to analyse with {versions}", highlight=False)
            if dry_run or not ids:
                return
            with IngestProgress(err_console, "reanalyze") as progress:
                stats = run_reanalyze(store, ids, workers=workers, progress=progress)
        render_summary(stats, err_console)


# ------------------------------------------------------------------ digest commands

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config", help="Digest settings (default: $MARSAD_CONFIG, ~/.config/marsad/marsad.toml)."
    ),
]
digest_app = typer.Typer(help="Compose and send the digests that are due.", no_args_is_help=True)
app.add_typer(digest_app, name="digest")


@app.command()
def subscribe(
    email: Annotated[str, typer.Argument(help="The subscriber's email address.")],
    db: DbOption = None,
    config_path: ConfigOption = None,
    entities: Annotated[
        list[str] | None, typer.Option("--entity", help="Follow this entity (name or id).")
    ] = None,
    places: Annotated[
        list[str] | None, typer.Option("--place", help="Follow this place and what is inside it.")
    ] = None,
    hashtags: Annotated[list[str] | None, typer.Option("--hashtag", help="Follow it.")] = None,
    searches: Annotated[
        list[str] | None, typer.Option("--search", help="Follow this saved search (query).")
    ] = None,
    filters: Annotated[
        list[str] | None,
        typer.Option("--filter", help="KEY=VALUE store filter of the saved searches."),
    ] = None,
    frequency: Annotated[
        str, typer.Option("--frequency", help="instant, daily or weekly.")
    ] = "daily",
    timezone: Annotated[
        str | None, typer.Option("--timezone", help="IANA time zone, e.g. Asia/Damascus.")
    ] = None,
    name: Annotated[str | None, typer.Option("--name", help="The subscriber's name.")] = None,
    confirmed: Annotated[
        bool,
        typer.Option("--confirmed", help="Activate now, without the confirmation email."),
    ] = False,
) -> None:
    """Subscribe an address to digests of entities, places, hashtags or searches."""
    with user_errors():
        from marsad.digest.config import load_config
        from marsad.digest.service import utc_now
        from marsad.digest.signup import create_subscription, request_confirmation
        from marsad.digest.views import follows_from_options, render_sending
        from marsad.store import open_store

        config = load_config(config_path)
        follows = follows_from_options(entities, places, hashtags, searches, filters)
        with open_store(db) as store:
            subscription = create_subscription(
                store,
                email,
                follows,
                now=utc_now(),
                name=name,
                frequency=frequency,
                timezone=timezone or config.digest.default_timezone,
                confirmed=confirmed,
            )
            typer.echo(f"subscription #{subscription.id}: {subscription.status}")
            if not confirmed:
                report = request_confirmation(store, config, subscription)
                render_sending(report, err_console, "confirmation email")


@app.command()
def subscriptions(
    db: DbOption = None,
    everything: Annotated[
        bool, typer.Option("--all", help="Include cancelled subscriptions.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print them as JSON.")] = False,
) -> None:
    """List subscriptions: address, what they follow, schedule, deliveries."""
    with user_errors():
        from marsad.digest.storage import delivery_counts, list_subscriptions
        from marsad.digest.views import render_subscriptions, subscriptions_json
        from marsad.store import open_store

        with open_store(db) as store:
            found = list_subscriptions(store, include_unsubscribed=everything)
            counts = delivery_counts(store)
        if as_json:
            sys.stdout.write(subscriptions_json(found, counts) + "\n")
            return
        render_subscriptions(found, counts, Console())


@app.command()
def unsubscribe(
    who: Annotated[str, typer.Argument(help="An email address, or a subscription's number.")],
    db: DbOption = None,
) -> None:
    """Cancel subscriptions (and whatever was waiting to be sent to them)."""
    with user_errors():
        from marsad.digest.service import utc_now
        from marsad.digest.storage import find_subscriptions
        from marsad.digest.storage import unsubscribe as cancel
        from marsad.errors import SubscriptionError
        from marsad.store import open_store

        with open_store(db) as store:
            found = [s for s in find_subscriptions(store, who) if s.status != "unsubscribed"]
            if not found:
                raise SubscriptionError(f"no active subscription matches {who!r}")
            for subscription in found:
                cancel(store, subscription.uid, utc_now())
                typer.echo(f"unsubscribed #{subscription.id} {subscription.email}")


@digest_app.command("send")
def digest_send(
    db: DbOption = None,
    config_path: ConfigOption = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what is due; write and send nothing.")
    ] = False,
) -> None:
    """Compose the digests that are due and send them (with what earlier runs left)."""
    with user_errors():
        from marsad.digest.config import load_config
        from marsad.digest.service import DigestService, require_lock, sender_lock
        from marsad.digest.views import render_run
        from marsad.store import open_store

        config = load_config(config_path)
        with open_store(db) as store:
            service = DigestService(store, config)
            if dry_run:
                render_run(service.run(dry_run=True), Console(), dry_run=True)
                return
            with sender_lock(store.path) as acquired:
                require_lock(acquired)
                report = service.run()
        render_run(report, Console())
    if report.sending.failed or report.sending.left_pending:
        raise typer.Exit(7)  # as E606: something could not be sent


@app.command()
def watch(
    db: DbOption = None,
    config_path: ConfigOption = None,
    once: Annotated[
        bool, typer.Option("--once", help="Run one cycle (ingest, digests) and stop.")
    ] = False,
) -> None:
    """Poll the configured feeds, ingest, and send due digests until stopped."""
    with user_errors():
        import signal
        import threading

        from marsad.digest.config import load_config
        from marsad.digest.views import render_cycle
        from marsad.digest.watch import watch as run_watch
        from marsad.store import open_store

        config = load_config(config_path)
        stop = threading.Event()

        def request_stop(signum: int, frame: object) -> None:
            err_console.print("stopping after the current step…")
            stop.set()
            signal.signal(signum, signal.SIG_DFL)  # a second signal stops at once

        signal.signal(signal.SIGTERM, request_stop)
        signal.signal(signal.SIGINT, request_stop)
        with open_store(db) as store:
            run_watch(
                store, config, stop=stop, once=once, on_cycle=lambda c: render_cycle(c, err_console)
            )


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
