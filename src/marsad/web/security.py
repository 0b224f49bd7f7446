"""Guards for a server that shows untrusted text: size limits, CSRF, admin token, headers.

Report content is escaped by the templates and by :mod:`marsad.web.highlight`; the
Content-Security-Policy below is the second wall: no inline script runs even if markup
ever slipped through.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "marsad_csrf"
CSRF_FIELD = "csrf_token"

SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


class BodyLimitMiddleware:
    """Refuses (413) a request body over ``max_bytes``, declared or streamed."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await _too_large(send, self.max_bytes)
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _BodyTooLarge:
            if not started:
                await _too_large(send, self.max_bytes)


class _BodyTooLarge(Exception):
    pass


async def _too_large(send: Send, max_bytes: int) -> None:
    body = f'{{"detail": "request body over the limit of {max_bytes:,} bytes"}}'.encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [
                    (name.encode(), value.encode())
                    for name, value in SECURITY_HEADERS.items()
                    if name.encode() not in present
                ]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


def new_csrf_token(secret: bytes) -> str:
    nonce = secrets.token_urlsafe(18)
    return f"{nonce}.{_sign(secret, nonce)}"


def csrf_token_for(request: Request) -> str:
    """The token already in the visitor's cookie, or a new one (the page sets the cookie)."""
    secret: bytes = request.app.state.settings.secret
    current = request.cookies.get(CSRF_COOKIE, "")
    return current if _valid(secret, current) else new_csrf_token(secret)


def check_csrf(request: Request, submitted: str | None) -> None:
    """Double-submit check: the form's token must equal the cookie's and carry our
    signature, and a browser's Origin, when sent, must be this server."""
    secret: bytes = request.app.state.settings.secret
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if not submitted or not hmac.compare_digest(cookie, submitted) or not _valid(secret, cookie):
        raise HTTPException(403, "CSRF token missing or wrong: reload the form and try again")
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
        raise HTTPException(403, "form sent from another site")


def check_admin(request: Request, submitted: str | None = None) -> None:
    """Writes need the admin token the server was started with (none: read-only)."""
    expected: str | None = request.app.state.settings.admin_token
    if not expected:
        raise HTTPException(403, "this server is read-only (start it with --admin-token)")
    header = request.headers.get("authorization", "")
    given = submitted or (header[7:] if header.lower().startswith("bearer ") else "")
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "admin token missing or wrong")


def _sign(secret: bytes, nonce: str) -> str:
    return hmac.new(secret, nonce.encode(), hashlib.sha256).hexdigest()[:32]


def _valid(secret: bytes, token: str) -> bool:
    nonce, _, signature = token.partition(".")
    return bool(nonce) and hmac.compare_digest(signature, _sign(secret, nonce))
