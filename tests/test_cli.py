from __future__ import annotations

import json

from typer.testing import CliRunner

from marsad.cli import app
from marsad.model import Analysis
from tests.conftest import FIXTURES

runner = CliRunner()


def test_analyze_json_round_trips_through_the_schema() -> None:
    result = runner.invoke(app, ["analyze", str(FIXTURES / "seed-article.txt"), "--json"])
    assert result.exit_code == 0, result.output
    analysis = Analysis.model_validate_json(result.output)
    assert analysis.article.byline == "حمزة فراتي"
    assert analysis.document.raw == b""  # raw bytes only with --include-raw
    assert len(analysis.document.content_hash) == 64


def test_analyze_reads_standard_input() -> None:
    data = (FIXTURES / "seed-article.txt").read_bytes()
    result = runner.invoke(app, ["analyze", "-", "--json", "--include-raw"], input=data)
    assert result.exit_code == 0, result.output
    analysis = Analysis.model_validate_json(result.output)
    assert analysis.document.raw == data
    assert analysis.document.source == "-"


def test_readable_view_shows_article_parts_in_logical_order() -> None:
    result = runner.invoke(app, ["analyze", str(FIXTURES / "seed-article.txt"), "--bidi", "off"])
    assert result.exit_code == 0, result.output
    assert "حمزة فراتي" in result.output
    assert "عوائق بوجه المنشقين" in result.output
    assert "newsletter" in result.output


def test_readable_view_can_reorder_for_plain_terminals() -> None:
    result = runner.invoke(app, ["analyze", str(FIXTURES / "seed-article.txt"), "--bidi", "on"])
    assert result.exit_code == 0, result.output
    assert "حمزة فراتي" not in result.output  # shaped and reordered for display


def test_published_date_resolves_relative_event_dates_of_plain_text() -> None:
    text = (
        "قال مصدر محلي إن طائرات التحالف شنت أمس غارات على مواقع للحوثيين في مدينة تعز "
        "اليمنية، ما أدى إلى مقتل 12 مسلحاً."
    )
    args = ["analyze", "-", "--json"]
    undated = Analysis.model_validate_json(runner.invoke(app, args, input=text).output)
    assert undated.events and undated.events[0].event_date is None
    result = runner.invoke(app, [*args, "--published", "2015-08-02"], input=text)
    assert result.exit_code == 0, result.output
    dated = Analysis.model_validate_json(result.output)
    assert str(dated.article.published) == "2015-08-02"
    assert str(dated.events[0].event_date) == "2015-08-01"  # أمس
    assert runner.invoke(app, [*args, "--published", "2015-13-02"], input=text).exit_code == 2


def test_bad_bidi_value_is_a_usage_error() -> None:
    result = runner.invoke(app, ["analyze", str(FIXTURES / "seed-article.txt"), "--bidi", "x"])
    assert result.exit_code == 2


def test_schema_is_json_schema_of_the_analysis() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["title"] == "Analysis"
    assert {"article", "document", "entities", "quotes", "places"} <= set(schema["properties"])
    assert "Span" in schema["$defs"]


def test_version_lists_the_pipeline() -> None:
    result = runner.invoke(app, ["version"])
    assert result.exit_code == 0
    assert result.output.startswith("marsad ")
