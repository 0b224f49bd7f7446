"""The addresses a digest points to, on the server of ``digest.base_url``.

The routes are served by :mod:`marsad.web.subscriptions` (and ``/stories/{id}`` by the
corpus pages); the signed tokens come from :mod:`marsad.digest.tokens`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from marsad.digest.tokens import Purpose, TokenSigner


@dataclass(frozen=True)
class Links:
    base_url: str
    signer: TokenSigner
    confirm_valid_for: timedelta = timedelta(hours=72)

    @property
    def domain(self) -> str:
        return urlsplit(self.base_url).hostname or "localhost"

    def story(self, story_id: int) -> str:
        return f"{self.base_url}/stories/{story_id}"

    def confirm(self, uid: str) -> str:
        token = self.signer.sign(Purpose.confirm, uid, valid_for=self.confirm_valid_for)
        return f"{self.base_url}/subscribe/confirm/{token}"

    def unsubscribe(self, uid: str) -> str:
        return f"{self.base_url}/unsubscribe/{self.signer.sign(Purpose.unsubscribe, uid)}"

    def feed(self, uid: str) -> str:
        return f"{self.base_url}/feeds/{self.signer.sign(Purpose.feed, uid)}.atom"
