"""The ``marsad`` command line. Errors print as one line (``error E101: …``), never a
traceback, and exit with the status documented in docs/errors.md."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from marsad.errors import MarsadError
from marsad.ingest.text import MAX_INPUT_BYTES, read_input
from marsad.model import json_schema
from marsad.pipeline import analyze_document
from marsad.render import render
from marsad.terminal import BidiMode, wants_reordering

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
) -> None:
    """Analyse one report (plain text or HTML) and show what Marsad read from it."""
    with user_errors():
        if source == "-":
            document = read_input(sys.stdin.buffer.read(), url=url, max_bytes=max_size, name="-")
        else:
            document = read_input(Path(source), url=url, max_bytes=max_size)
        analysis = analyze_document(document)
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


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
