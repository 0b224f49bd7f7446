"""The corpus commands end to end: ingest, search, stories, export, reanalyze."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from marsad.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
runner = CliRunner()


def test_ingest_search_stories_export_reanalyze(tmp_path: Path) -> None:
    db = str(tmp_path / "corpus.db")
    inputs = [
        str(FIXTURES / "seed-article.txt"),
        str(FIXTURES / "html"),
        str(FIXTURES / "feeds" / "constructed__atom.xml"),
    ]
    result = runner.invoke(app, ["ingest", *inputs, "--db", db, "--no-follow"])
    assert result.exit_code == 0, result.output
    assert "added" in result.output and "what failed" in result.output
    again = runner.invoke(app, ["ingest", *inputs, "--db", db, "--no-follow"])
    assert "0 added, 0 updated" in again.output

    found = runner.invoke(app, ["search", "دير الزور", "--db", db, "--json", "--hashtag", "#داعش"])
    assert found.exit_code == 0, found.output
    payload = json.loads(found.stdout)
    assert payload["total"] == 1
    snippet = payload["hits"][0]["snippet"]
    assert snippet["highlights"]
    table = runner.invoke(app, ["search", "داعش", "--db", db, "--bidi", "off"])
    assert table.exit_code == 0 and "reports" in table.output

    stories = runner.invoke(app, ["stories", "--db", db, "--json"])
    assert stories.exit_code == 0
    assert all(s["article_count"] >= 1 for s in json.loads(stories.stdout))

    exported = runner.invoke(
        app, ["export", "--db", db, "--format", "csv", "--since", "2000-01-01"]
    )
    assert exported.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert rows and all(r["id"] for r in rows)
    out = tmp_path / "events.csv"
    acled = runner.invoke(app, ["export", "--db", db, "--format", "acled", "-o", str(out)])
    assert acled.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("event_date,event_type")
    bad = runner.invoke(app, ["export", "--db", db, "--format", "xml"])
    assert bad.exit_code == 2 and "E502" in bad.output

    stale = runner.invoke(app, ["reanalyze", "--db", db, "--dry-run"])
    assert stale.exit_code == 0 and "reports to analyse" in stale.output
    redo = runner.invoke(app, ["reanalyze", "--db", db, "--all"])
    assert redo.exit_code == 0, redo.output
    assert "updated" in redo.output
