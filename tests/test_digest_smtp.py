"""SMTP delivery against a real server on 127.0.0.1: plain, STARTTLS, implicit TLS, login,
retries with backoff for what may pass, none for what will not, and no password in logs."""

from __future__ import annotations

import logging
from email.message import EmailMessage

import pytest
from pydantic import SecretStr

from marsad.digest.config import SmtpSettings
from marsad.digest.smtp import Mailer, PermanentDeliveryError, ServerUnreachableError
from marsad.errors import DeliveryError
from tests.digest_support import CERT, SmtpServer, free_port

PASSWORD = "s3cret-pass-phrase"


def _message(subject: str = "مرصد: اختبار") -> bytes:
    message = EmailMessage()
    message["From"] = "digest@example.org"
    message["To"] = "reader@example.org"
    message["Subject"] = subject
    message.set_content("نص الرسالة")
    return message.as_bytes()


def _settings(server: SmtpServer, **fields: object) -> SmtpSettings:
    values: dict[str, object] = {
        "host": "127.0.0.1",
        "port": server.port,
        "security": server.mode,
        "ca_file": CERT,
        "retries": 2,
        "backoff": 0.5,
    }
    return SmtpSettings.model_validate({**values, **fields})


@pytest.mark.parametrize("mode", ["none", "starttls", "tls"])
def test_a_message_arrives_in_each_security_mode(mode: str) -> None:
    with SmtpServer(mode) as server, Mailer(_settings(server)) as mailer:
        assert mailer.send(_message(), "digest@example.org", "reader@example.org") == 1
        assert mailer.send(_message("ثانية"), "digest@example.org", "other@example.org") == 1
    received = server.messages
    assert [m.recipients for m in received] == [["reader@example.org"], ["other@example.org"]]
    assert received[0].sender == "digest@example.org"
    assert received[0].message["Subject"] == "مرصد: اختبار"
    assert received[0].message.get_content().strip() == "نص الرسالة"


def test_login_over_starttls_and_the_password_is_never_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    with SmtpServer("starttls", login=("digest", PASSWORD)) as server:
        settings = _settings(server, username="digest")
        settings.password = SecretStr(PASSWORD)
        with Mailer(settings) as mailer:
            mailer.send(_message(), "digest@example.org", "reader@example.org")
        assert server.logins == [("digest", PASSWORD)]
        settings.password = SecretStr("wrong-" + PASSWORD)
        with Mailer(settings) as mailer, pytest.raises(PermanentDeliveryError) as caught:
            mailer.send(_message(), "digest@example.org", "reader@example.org")
    assert "smtp.username" in str(caught.value)
    assert len(server.messages) == 1
    assert PASSWORD not in caplog.text
    assert PASSWORD not in str(caught.value)
    assert PASSWORD not in repr(settings)


def test_temporary_refusals_are_retried_with_doubling_backoff() -> None:
    waits: list[float] = []
    with SmtpServer() as server:
        server.recorder.refuse = ["451 4.3.0 try again later", "421 4.4.2 busy"]
        with Mailer(_settings(server), sleep=waits.append) as mailer:
            attempts = mailer.send(_message(), "digest@example.org", "reader@example.org")
    assert attempts == 3
    assert waits == [0.5, 1.0]
    assert len(server.messages) == 1


def test_a_permanent_refusal_is_not_retried() -> None:
    waits: list[float] = []
    with SmtpServer() as server:
        server.recorder.refuse = ["550 5.1.1 no such mailbox"]
        mailer = Mailer(_settings(server), sleep=waits.append)
        with mailer, pytest.raises(PermanentDeliveryError, match=r"550 5\.1\.1 no such mailbox"):
            mailer.send(_message(), "digest@example.org", "reader@example.org")
    assert waits == []
    assert server.messages == []


def test_an_unreachable_server_fails_after_the_retries() -> None:
    waits: list[float] = []
    settings = SmtpSettings(host="127.0.0.1", port=free_port(), security="none", retries=2)
    mailer = Mailer(settings, sleep=waits.append)
    with mailer, pytest.raises(DeliveryError, match=r"cannot reach 127\.0\.0\.1") as caught:
        mailer.send(_message(), "digest@example.org", "reader@example.org")
    assert isinstance(caught.value, ServerUnreachableError)
    assert caught.value.code == "E606"
    assert waits == [2.0, 4.0]


def test_starttls_required_but_not_offered_fails_at_once() -> None:
    waits: list[float] = []
    with SmtpServer("none") as server:
        mailer = Mailer(_settings(server, security="starttls"), sleep=waits.append)
        with mailer, pytest.raises(PermanentDeliveryError, match="STARTTLS"):
            mailer.send(_message(), "digest@example.org", "reader@example.org")
    assert waits == []


def test_an_untrusted_certificate_fails_at_once() -> None:
    with SmtpServer("tls") as server:
        mailer = Mailer(_settings(server, ca_file=None))
        with mailer, pytest.raises(PermanentDeliveryError, match=r"TLS with 127\.0\.0\.1"):
            mailer.send(_message(), "digest@example.org", "reader@example.org")
    assert server.messages == []
