"""The JSON API under ``/api``. Analyses are returned exactly as ``marsad analyze --json``
prints them (``Analysis.to_json()``), so a script can switch between CLI and server."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field

from marsad.ingest.text import read_input
from marsad.model import Analysis
from marsad.pipeline import analyze_document
from marsad.store import Filters, SearchResults, Story, profiles
from marsad.web.corpus import not_found, store_of
from marsad.web.filters import search_filters
from marsad.web.security import check_admin

router = APIRouter(prefix="/api", tags=["api"])

ANALYSIS_RESPONSE = {200: {"model": Analysis, "description": "The analysis, as the CLI's JSON."}}


class Saved(BaseModel):
    id: int = Field(description="The article's id: GET /api/articles/{id} returns it.")


class AnalyzeRequest(BaseModel):
    content: str = Field(description="The report: plain text or a whole HTML page.")
    url: str | None = Field(default=None, description="The page's address, if known.")


@router.post("/analyze", response_class=Response, responses=ANALYSIS_RESPONSE)  # type: ignore[arg-type]
def analyze(request: AnalyzeRequest) -> Response:
    """Analyse one report without storing it; the JSON of `marsad analyze --json`."""
    document = read_input(request.content, url=request.url, name="<api>")
    return json_response(analyze_document(document))


def json_response(analysis: Analysis) -> Response:
    return Response(analysis.to_json(), media_type="application/json")


@router.get("/articles")
def articles(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[profiles.ArticleRow]:
    """Stored reports, newest first."""
    return profiles.list_articles(store_of(request), limit=limit, offset=offset)


@router.post("/articles", status_code=201)
def save_article(request: Request, body: AnalyzeRequest) -> Saved:
    """Analyse a report and store it (needs `Authorization: Bearer <admin token>`)."""
    check_admin(request)
    document = read_input(body.content, url=body.url, name="<api>")
    analysis = analyze_document(document)
    key = f"url:{body.url}" if body.url else f"web:{document.content_hash}"
    store = store_of(request)
    return Saved(id=store.put(key, document, origin="web", analysis=analysis))


@router.get("/articles/{article_id}", response_class=Response, responses=ANALYSIS_RESPONSE)  # type: ignore[arg-type]
def article(request: Request, article_id: int) -> Response:
    """One stored report's analysis: the JSON of `marsad analyze --json`."""
    with not_found():
        analysis = store_of(request).get_analysis(article_id, include_raw=False)
    return json_response(analysis)


@router.get("/search")
def search(
    request: Request,
    filters: Annotated[Filters, Depends(search_filters)],
    q: Annotated[str, Query(description='Words; "a phrase"; OR; -excluded.')] = "",
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> SearchResults:
    """Ranked reports with snippets and facets (the search of `marsad search --json`)."""
    return store_of(request).search(q, filters, limit=limit, offset=offset)


@router.get("/stories")
def stories(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    min_articles: Annotated[int, Query(ge=1)] = 1,
) -> list[Story]:
    """Stories, the most widely carried first, with their reports."""
    return store_of(request).stories(limit=limit, min_articles=min_articles)


@router.get("/stories/{story_id}")
def story(request: Request, story_id: int) -> Story:
    with not_found():
        return store_of(request).story(story_id)


@router.get("/entities/{ident}")
def entity(request: Request, ident: str) -> profiles.EntityProfile:
    """An entity across the corpus (registry id, or canonical name): reports per day,
    quotes attributed to it by name, entities named with it."""
    found = profiles.entity_profile(store_of(request), ident)
    if found is None:
        raise HTTPException(404, f"no entity {ident!r} in the corpus")
    return found


@router.get("/places/{place_id}")
def place(request: Request, place_id: str) -> profiles.PlaceProfile:
    """A place by gazetteer id: its admin hierarchy and the reports there."""
    found = profiles.place_profile(store_of(request), place_id)
    if found is None:
        raise HTTPException(404, f"no place {place_id!r} in the corpus")
    return found


@router.get("/hashtags/{tag}")
def hashtag(request: Request, tag: str) -> profiles.HashtagProfile:
    found = profiles.hashtag_profile(store_of(request), tag)
    if found is None:
        raise HTTPException(404, f"no report carries #{tag}")
    return found
