"""The JSON API under ``/api``. Analyses are returned exactly as ``marsad analyze --json``
prints them (``Analysis.to_json()``), so a script can switch between CLI and server."""

from __future__ import annotations

from fastapi import APIRouter, Response
from pydantic import BaseModel, Field

from marsad.ingest.text import read_input
from marsad.model import Analysis
from marsad.pipeline import analyze_document

router = APIRouter(prefix="/api", tags=["api"])

ANALYSIS_RESPONSE = {200: {"model": Analysis, "description": "The analysis, as the CLI's JSON."}}


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
