"""Signed links: confirm a subscription, unsubscribe with one click, read a private feed.

A token is ``<subscription uid>.<expiry>.<signature>``; the signature is an HMAC-SHA256
over the purpose, the uid and the expiry with the server's secret
(``MARSAD_DIGEST_SECRET``), so a token for one purpose never works for another, and
nobody without the secret can make one. Unsubscribe and feed tokens do not expire (a link
in a year-old email must still unsubscribe); confirmation tokens do.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from marsad.errors import DigestConfigError, TokenError

MIN_SECRET_BYTES = 16
SIGNATURE_BYTES = 16  # 128 bits: short enough for a URL, far beyond guessing
NEVER = "0"
_TOKEN = re.compile(r"([A-Za-z0-9_-]{1,64})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})")


class Purpose(StrEnum):
    confirm = "confirm"
    unsubscribe = "unsubscribe"
    feed = "feed"


class TokenSigner:
    def __init__(self, secret: str | bytes) -> None:
        key = secret.encode("utf-8") if isinstance(secret, str) else secret
        if len(key) < MIN_SECRET_BYTES:
            raise DigestConfigError(
                f"the digest secret is {len(key)} bytes; it needs at least {MIN_SECRET_BYTES}",
                hint="set MARSAD_DIGEST_SECRET to the output of `openssl rand -hex 32`",
            )
        self._key = key

    def sign(self, purpose: Purpose, uid: str, *, valid_for: timedelta | None = None) -> str:
        expiry = NEVER
        if valid_for is not None:
            expiry = _base36(int((datetime.now(UTC) + valid_for).timestamp()))
        return f"{uid}.{expiry}.{self._signature(purpose, uid, expiry)}"

    def verify(self, purpose: Purpose, token: str, *, now: datetime | None = None) -> str:
        """The subscription uid the token was made for; :class:`TokenError` otherwise."""
        match = _TOKEN.fullmatch(token)
        if match is None:
            raise TokenError("the link is damaged (it may have been cut when copied)")
        uid, expiry, signature = match.groups()
        expected = self._signature(purpose, uid, expiry)
        if not hmac.compare_digest(signature, expected):
            raise TokenError(f"the link is not a valid {purpose.value} link")
        if expiry != NEVER:
            moment = now or datetime.now(UTC)
            if moment.timestamp() > int(expiry, 36):
                raise TokenError(
                    f"the {purpose.value} link has expired", hint="subscribe again for a new one"
                )
        return uid

    def _signature(self, purpose: Purpose, uid: str, expiry: str) -> str:
        message = f"marsad-digest\x00{purpose.value}\x00{uid}\x00{expiry}".encode()
        digest = hmac.new(self._key, message, hashlib.sha256).digest()[:SIGNATURE_BYTES]
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out or "0"
