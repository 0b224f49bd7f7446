"""HTML pages. Every page reads and searches with plain links and GET forms, so it works
without JavaScript; the one form that posts (analyse a report) carries a CSRF token."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from marsad.ingest.text import read_input
from marsad.model import Analysis
from marsad.pipeline import analyze_document
from marsad.store import Filters, profiles
from marsad.web.charts import timeline_svg
from marsad.web.corpus import not_found, store_of
from marsad.web.filters import FACET_FILTERS, search_filters
from marsad.web.highlight import Linker, no_links, render_article, speaker_of
from marsad.web.mapsvg import Pin, draw_map
from marsad.web.security import CSRF_COOKIE, CSRF_FIELD, check_csrf, csrf_token_for

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 20
COLLECTIONS = {"entity": "entities", "place": "places", "hashtag": "hashtags"}
# The front page's window, in days back from the corpus's newest report (0: all of it).
RECENT_DAYS = (7, 30, 0)


def render(request: Request, template: str, context: dict[str, Any]) -> Response:
    settings = request.app.state.settings
    token = csrf_token_for(request)
    full = {
        "csrf_field": CSRF_FIELD,
        "csrf_token": token,
        "read_only": settings.read_only,
        "query": request.query_params.get("q", ""),
        "max_upload_bytes": settings.max_upload_bytes,
        **context,
    }
    response: HTMLResponse = request.app.state.templates.TemplateResponse(request, template, full)
    if request.cookies.get(CSRF_COOKIE) != token:
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict")
    return response


def report_context(analysis: Analysis, link: Linker = no_links) -> dict[str, Any]:
    """What the report template needs: the highlighted blocks and the side lists."""
    quotes = []
    for said in sorted(analysis.quotes, key=lambda q: q.span.start):
        quotes.append({"quote": said, "speaker": speaker_of(said, analysis)})
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
        "entity_ident": profiles.entity_ident,
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


def corpus_links(kind: str, ident: str) -> str | None:
    """Where a highlighted name, place or hashtag leads in a stored corpus."""
    return f"/{COLLECTIONS[kind]}/{quote(ident, safe='')}" if ident else None


@router.get("/")
def home(request: Request) -> Response:
    """Latest stories: reports folded into stories, the most widely carried first."""
    if request.app.state.corpus is None:
        return render(request, "analyze.html", {})
    store = store_of(request)
    latest = profiles.latest_day(store)
    since, stories = None, []
    for days in RECENT_DAYS:  # widen the window until it holds a page of stories
        since = latest - timedelta(days=days - 1) if latest and days else None
        stories = store.stories(since=since, limit=PAGE_SIZE)
        if len(stories) == PAGE_SIZE:
            break
    context = {"stories": stories, "counts": store.counts(), "since": since}
    return render(request, "home.html", context)


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: int) -> Response:
    with not_found():
        story = store_of(request).story(story_id)
    return render(request, "story.html", {"story": story})


@router.get("/articles")
def articles_page(request: Request, page: Annotated[int, Query(ge=1)] = 1) -> Response:
    rows = profiles.list_articles(store_of(request), limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return render(request, "articles.html", {"articles": rows, "page": page})


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: int) -> Response:
    store = store_of(request)
    with not_found():
        analysis = store.get_analysis(article_id, include_raw=False)
    story_id = profiles.story_of(store, article_id)
    story = store.story(story_id) if story_id is not None else None
    others = [a for a in story.articles if a.id != article_id] if story else []
    context = report_context(analysis, corpus_links) | {
        "article_id": article_id,
        "story": story if others else None,
        "story_articles": others,
    }
    return render(request, "report.html", context)


@router.get("/entities/{ident}")
def entity_page(request: Request, ident: str) -> Response:
    profile = profiles.entity_profile(store_of(request), ident)
    if profile is None:
        raise HTTPException(404, f"no entity {ident!r} in the corpus")
    chart = timeline_svg([(c.key, c.count) for c in profile.timeline], "التقارير في اليوم")
    return render(request, "entity.html", {"entity": profile, "chart": chart})


@router.get("/places/{place_id}")
def place_page(request: Request, place_id: str) -> Response:
    profile = profiles.place_profile(store_of(request), place_id)
    if profile is None:
        raise HTTPException(404, f"no place {place_id!r} in the corpus")
    pins = [
        Pin(p.lat, p.lon, f"{p.name} ({p.count})", corpus_links("place", p.id))
        for p in profile.inside
    ]
    if profile.lat is not None and profile.lon is not None:
        pins.append(Pin(profile.lat, profile.lon, profile.name, None, focus=True))
    drawn = draw_map(pins, profile.country, f"خريطة {profile.name}")
    return render(request, "place.html", {"place": profile, "map": drawn})


@router.get("/hashtags/{tag}")
def hashtag_page(request: Request, tag: str) -> Response:
    profile = profiles.hashtag_profile(store_of(request), tag)
    if profile is None:
        raise HTTPException(404, f"no report carries #{tag}")
    chart = timeline_svg([(c.key, c.count) for c in profile.timeline], "التقارير في اليوم")
    return render(request, "hashtag.html", {"tag": profile, "chart": chart})


@router.get("/search")
def search_page(
    request: Request,
    filters: Annotated[Filters, Depends(search_filters)],
    q: str = "",
    page: Annotated[int, Query(ge=1)] = 1,
) -> Response:
    """Search with facets; each facet value and active filter is a plain link."""
    store = store_of(request)
    results = store.search(q, filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    current = {k: v for k, v in request.query_params.items() if v and k != "page"}

    def with_param(name: str, value: str | None) -> str:
        changed = {k: v for k, v in current.items() if k != name}
        if value:
            changed[name] = value
        return "/search?" + urlencode(changed)

    active = [
        (name, current[name], with_param(name, None))
        for name in (*FACET_FILTERS.values(), "speaker", "since", "until", "anonymous")
        if name in current
    ]
    context = {
        "results": results,
        "filters": filters,
        "facet_filters": FACET_FILTERS,
        "with_param": with_param,
        "active": active,
        "page": page,
        "page_size": PAGE_SIZE,
        "next_page": with_param("page", str(page + 1)),
        "previous_page": with_param("page", str(page - 1)),
    }
    return render(request, "search.html", context)
