"""The application factory: ``create_app(WebSettings(...))`` → a FastAPI app.

Pages (Jinja2, readable without JavaScript) and the JSON API share one app; the OpenAPI
description is at ``/openapi.json`` and Swagger UI, served from files installed with
``fastapi-offline``, at ``/docs`` — nothing is fetched from a CDN.
"""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from marsad import __version__
from marsad.errors import MarsadError
from marsad.web import api, pages
from marsad.web.corpus import open_corpus
from marsad.web.security import BodyLimitMiddleware, SecurityHeadersMiddleware
from marsad.web.settings import WebSettings
from marsad.web.views import template_filters

HERE = Path(__file__).parent
SWAGGER_STATIC = Path(fastapi_offline.__file__).parent / "static"
# Swagger UI styles its widgets inline; only its page gets this looser policy.
DOCS_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)

DESCRIPTION = """Marsad's corpus and analyser over HTTP. Every fact in an analysis is a span
(`start`, `end`, `text`) of `article.text`; `GET /api/articles/{id}` and `POST /api/analyze`
return the same JSON as `marsad analyze --json`. Read-only unless the server was started
with an admin token."""


def create_app(settings: WebSettings | None = None) -> FastAPI:
    settings = settings or WebSettings()
    app = FastAPI(
        title="Marsad — مرصد",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.corpus = open_corpus(settings.db)
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(template_filters())
    app.state.templates = Jinja2Templates(env=environment)

    app.mount("/static/swagger", StaticFiles(directory=SWAGGER_STATIC), name="swagger")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    # Digest pages (sign-up, unsubscribe, feeds); imported here because marsad.digest
    # itself uses this package's view helpers.
    from marsad.web import subscriptions

    app.include_router(subscriptions.router)

    @app.get("/docs", include_in_schema=False)
    def swagger_ui(request: Request) -> Response:
        response = app.state.templates.TemplateResponse(request, "docs.html", {})
        response.headers["content-security-policy"] = DOCS_CSP
        return response

    _add_error_handlers(app)
    # Outermost last: host check, then size limit, then headers on every response.
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_upload_bytes)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts))
    app.add_middleware(SecurityHeadersMiddleware)
    return app


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith(("/api/", "/openapi", "/static/"))


def _add_error_handlers(app: FastAPI) -> None:
    async def marsad_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, MarsadError)
        return _error(request, 422, str(error), error.code)

    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        headers = dict(error.headers) if error.headers else None
        return _error(request, error.status_code, str(error.detail), None, headers)

    async def validation_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        if not _wants_html(request):
            # The submitted input is not echoed back: it can be large, binary or hostile.
            detail = [{k: e[k] for k in ("type", "loc", "msg") if k in e} for e in error.errors()]
            return JSONResponse({"detail": detail}, status_code=422)
        message = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        return _error(request, 422, message, None)

    app.add_exception_handler(MarsadError, marsad_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)


def _error(
    request: Request,
    status: int,
    message: str,
    code: str | None,
    headers: dict[str, str] | None = None,
) -> Response:
    if not _wants_html(request):
        body: dict[str, object] = {"detail": message}
        if code:
            body["code"] = code
        return JSONResponse(body, status_code=status, headers=headers)
    templates: Jinja2Templates = request.app.state.templates
    context = {"status": status, "message": message, "code": code}
    response: HTMLResponse = templates.TemplateResponse(
        request, "error.html", context, status_code=status, headers=headers
    )
    return response
