"""HTML pages. Every page reads and searches with plain links and GET forms, so it works
without JavaScript; the one form that posts (analyse a report) carries a CSRF token."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from marsad.ingest.text import read_input
from marsad.model import Analysis
from marsad.pipeline import analyze_document
from marsad.web.highlight import Linker, no_links, render_article, speaker_of
from marsad.web.security import CSRF_COOKIE, CSRF_FIELD, check_csrf, csrf_token_for

router = APIRouter(include_in_schema=False)


def render(request: Request, template: str, context: dict[str, Any], status: int = 200) -> Response:
    settings = request.app.state.settings
    token = csrf_token_for(request)
    full = {
        "csrf_field": CSRF_FIELD,
        "csrf_token": token,
        "read_only": settings.read_only,
        "has_corpus": request.app.state.corpus is not None,
        "query": request.query_params.get("q", ""),
        "max_upload_bytes": settings.max_upload_bytes,
        **context,
    }
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request, template, full, status_code=status
    )
    if request.cookies.get(CSRF_COOKIE) != token:
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict")
    return response


def report_context(analysis: Analysis, link: Linker = no_links) -> dict[str, Any]:
    """What the report template needs: the highlighted blocks and the side lists."""
    quotes = []
    for quote in sorted(analysis.quotes, key=lambda q: q.span.start):
        speaker, anonymous = speaker_of(quote, analysis)
        quotes.append({"quote": quote, "speaker": speaker, "anonymous": anonymous})
    entities = sorted(analysis.entities, key=lambda e: -e.mention_count)
    places = {p.id or p.span.text: p for p in analysis.places}
    return {
        "analysis": analysis,
        "article": analysis.article,
        "blocks": render_article(analysis, link),
        "quotes": quotes,
        "entities": entities,
        "places": list(places.values()),
        "link": link,
    }


@router.get("/analyze")
def analyze_form(request: Request) -> Response:
    return render(request, "analyze.html", {})


@router.post("/analyze")
def analyze_submit(
    request: Request,
    csrf_token: Annotated[str, Form()] = "",
    text: Annotated[str, Form()] = "",
    url: Annotated[str, Form()] = "",
    page: Annotated[UploadFile | None, File()] = None,
) -> Response:
    """Analyse pasted text or an uploaded page and show it as a report (not stored)."""
    check_csrf(request, csrf_token)
    upload = page.file.read() if page is not None and page.filename else b""
    source: str | bytes = upload or text
    name = page.filename if upload and page is not None else "<form>"
    document = read_input(source, url=url or None, name=name)
    analysis = analyze_document(document)
    return render(request, "report.html", report_context(analysis) | {"unsaved": True})
