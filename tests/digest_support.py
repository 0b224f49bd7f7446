"""A real SMTP server on 127.0.0.1 (aiosmtpd) for the digest tests, and what it received."""

from __future__ import annotations

import email
import socket
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

TLS = Path(__file__).parent / "fixtures" / "tls"
CERT = TLS / "localhost.crt"
KEY = TLS / "localhost.key"


@dataclass
class Received:
    sender: str
    recipients: list[str]
    raw: bytes

    @property
    def message(self) -> EmailMessage:
        parsed = email.message_from_bytes(self.raw, policy=default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class Recorder:
    """The handler: keeps accepted messages; can refuse some or run a hook first."""

    messages: list[Received] = field(default_factory=list)
    refuse: list[str] = field(default_factory=list)  # replies for the next DATA commands
    on_data: Callable[[Received], str | None] | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        received = Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content)
        if self.on_data is not None:
            reply = self.on_data(received)
            if reply is not None:
                return reply
        with self.lock:
            if self.refuse:
                return self.refuse.pop(0)
            self.messages.append(received)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_context() -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(CERT, KEY)
    return context


class SmtpServer:
    """``mode``: 'none' (plain), 'starttls' (required) or 'tls' (implicit TLS)."""

    def __init__(self, mode: str = "none", login: tuple[str, str] | None = None) -> None:
        self.recorder = Recorder()
        self.mode = mode
        self.port = free_port()
        self.logins: list[tuple[str, str]] = []
        kwargs: dict[str, Any] = {}
        if mode == "starttls":
            kwargs.update(tls_context=server_context(), require_starttls=True)
        if mode == "tls":
            kwargs.update(ssl_context=server_context())
        if login is not None:
            kwargs.update(authenticator=self._authenticator(login), auth_required=True)
            if mode == "none":
                kwargs["auth_require_tls"] = False
        self.controller = Controller(self.recorder, hostname="127.0.0.1", port=self.port, **kwargs)

    def _authenticator(self, expected: tuple[str, str]) -> Callable[..., AuthResult]:
        def check(
            server: Any, session: Any, envelope: Any, mechanism: str, data: Any
        ) -> AuthResult:
            if not isinstance(data, LoginPassword):
                return AuthResult(success=False, handled=False)
            given = (data.login.decode(), data.password.decode())
            self.logins.append(given)
            return AuthResult(success=given == expected, handled=False)

        return check

    def __enter__(self) -> SmtpServer:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()

    @property
    def messages(self) -> list[Received]:
        with self.recorder.lock:
            return list(self.recorder.messages)
