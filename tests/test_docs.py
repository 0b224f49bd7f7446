"""Docs cannot drift: every CLI command and option is documented (as datasette does)."""

from __future__ import annotations

from pathlib import Path

import typer

from marsad.cli import app

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _commands() -> dict[str, list[str]]:
    group = typer.main.get_command(app)
    commands: dict[str, list[str]] = {}
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        options: list[str] = []
        for param in command.params:
            options.extend(o for o in param.opts if o.startswith("--"))
        commands[name] = options
        for sub_name, sub in getattr(command, "commands", {}).items():
            commands[f"{name} {sub_name}"] = [
                o for p in sub.params for o in p.opts if o.startswith("--")
            ]
    return commands


def test_every_cli_command_and_option_is_in_the_docs() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    missing = []
    for name, options in _commands().items():
        if f"marsad {name}" not in text:
            missing.append(f"marsad {name}")
        missing.extend(f"marsad {name} {o}" for o in options if f"`{o}" not in text)
    assert not missing, f"undocumented in docs/cli.md: {missing}"


def test_every_error_code_is_in_the_docs() -> None:
    from marsad import errors

    text = (DOCS / "errors.md").read_text(encoding="utf-8")
    codes = {
        cls.code
        for cls in vars(errors).values()
        if isinstance(cls, type) and issubclass(cls, errors.MarsadError)
    }
    assert not [c for c in codes if c not in text]
