"""Docs cannot drift: every route the server answers is in docs/web.md (as datasette does)."""

from __future__ import annotations

from pathlib import Path

from fastapi.routing import APIRoute
from starlette.routing import Route

from marsad.web import WebSettings, create_app

DOCS = Path(__file__).resolve().parents[1] / "docs" / "web.md"


def test_every_route_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    app = create_app(WebSettings())
    missing = []
    for route in app.routes:
        if not isinstance(route, APIRoute | Route):
            continue  # static files
        for method in sorted((route.methods or set()) - {"HEAD"}):
            shown = route.path if method == "GET" else f"{method} {route.path}"
            if f"`{shown}`" not in text:
                missing.append(shown)
    assert not missing, f"undocumented in docs/web.md: {missing}"
