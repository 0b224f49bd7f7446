"""The REST API returns what the CLI prints."""

from __future__ import annotations

import json
import warnings

from typer.testing import CliRunner

from marsad.cli import app as cli
from marsad.web import WebSettings, create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def api() -> TestClient:
    return TestClient(create_app(WebSettings(allowed_hosts=("testserver",))))


def without_volatile(analysis: dict) -> dict:
    analysis["document"].pop("fetched_at")
    analysis["document"].pop("source")
    return analysis


def test_analyze_returns_the_same_json_as_the_cli(fixtures, tmp_path) -> None:
    text = (fixtures / "seed-article.txt").read_text(encoding="utf-8")
    response = api().post("/api/analyze", json={"content": text})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    printed = CliRunner().invoke(cli, ["analyze", str(fixtures / "seed-article.txt"), "--json"])
    assert printed.exit_code == 0
    assert without_volatile(response.json()) == without_volatile(json.loads(printed.stdout))


def test_analyze_explains_bad_input_with_the_error_code() -> None:
    response = api().post("/api/analyze", json={"content": "   "})
    assert response.status_code == 422
    assert response.json()["code"] == "E101"


def test_analyze_accepts_json_only() -> None:
    """A plain form or text post (what another site can send unasked) is refused."""
    response = api().post(
        "/api/analyze", content=b"content=x", headers={"content-type": "text/plain"}
    )
    assert response.status_code == 422


def test_the_openapi_description_lists_the_api() -> None:
    spec = api().get("/openapi.json").json()
    assert "/api/analyze" in spec["paths"]
    docs = api().get("/docs")
    assert "swagger-ui-bundle.js" in docs.text and "cdn" not in docs.text.lower()
