"""What a running server is allowed to do, fixed when it starts."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# A pasted report or a saved page is far below this; anything bigger is refused (413).
MAX_UPLOAD_BYTES = 2_000_000


@dataclass(frozen=True)
class WebSettings:
    """``admin_token`` None means read-only: nothing can be written to the corpus."""

    db: Path | None = None
    admin_token: str | None = None
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    allowed_hosts: tuple[str, ...] = ("127.0.0.1", "localhost", "[::1]")
    # Signs the CSRF tokens; a new one at each start is enough for a local server.
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)

    @property
    def read_only(self) -> bool:
        return not self.admin_token

    @classmethod
    def for_host(cls, host: str, **fields: object) -> WebSettings:
        """Settings that accept requests addressed to ``host`` (all names for 0.0.0.0)."""
        hosts: tuple[str, ...] = ("*",) if host in ("0.0.0.0", "::") else (host,)
        return cls(allowed_hosts=(*cls.allowed_hosts, *hosts), **fields)  # type: ignore[arg-type]
