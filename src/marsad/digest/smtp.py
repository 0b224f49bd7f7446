"""Sending over SMTP, with retries for what may pass and none for what will not.

A dropped connection, a timeout or a 4xx answer is retried after ``backoff`` seconds,
doubling each time, up to ``retries`` times; a 5xx answer (unknown recipient, refused
login), a certificate that does not verify or a server without STARTTLS fails at once.
One connection serves a whole run and is opened again after a failure. The password is
given to the server and to nothing else: smtplib's debug output (which would show the
AUTH exchange) stays off, and errors carry the server's answer, not the credentials.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
import time
from collections.abc import Callable

from marsad.digest.config import SmtpSettings
from marsad.errors import DeliveryError

log = logging.getLogger("marsad.digest")
MAX_BACKOFF = 300.0


class PermanentDeliveryError(DeliveryError):
    """Sending again will not help (5xx answer, TLS or login refused)."""


class ServerUnreachableError(DeliveryError):
    """No connection to the server: later messages of the same run would fail too."""


class Mailer:
    def __init__(
        self,
        settings: SmtpSettings,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self._sleep = sleep
        self._smtp: smtplib.SMTP | None = None

    def __enter__(self) -> Mailer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def where(self) -> str:
        return f"{self.settings.host}:{self.settings.effective_port}"

    def send(self, message: bytes, sender: str, recipient: str) -> int:
        """Send ``message`` (as composed, CRLF lines) to ``recipient``; returns the number
        of attempts it took."""
        attempts = self.settings.retries + 1
        for attempt in range(1, attempts + 1):
            try:
                smtp = self._connection()
                smtp.sendmail(sender, [recipient], message)
            except Exception as error:
                self.close()
                failure = _classify(error, self.where)
                if isinstance(failure, PermanentDeliveryError) or attempt == attempts:
                    raise failure from None
                wait = min(self.settings.backoff * 2 ** (attempt - 1), MAX_BACKOFF)
                log.warning("attempt %d failed (%s); retrying in %.1fs", attempt, failure, wait)
                self._sleep(wait)
            else:
                return attempt
        raise AssertionError("unreachable: the last attempt returns or raises")

    def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                smtp.close()

    def _connection(self) -> smtplib.SMTP:
        if self._smtp is not None:
            return self._smtp
        settings = self.settings
        port = settings.effective_port
        context = ssl.create_default_context(
            cafile=str(settings.ca_file) if settings.ca_file else None
        )
        smtp: smtplib.SMTP
        if settings.security == "tls":
            smtp = smtplib.SMTP_SSL(settings.host, port, timeout=settings.timeout, context=context)
        else:
            smtp = smtplib.SMTP(settings.host, port, timeout=settings.timeout)
        try:
            if settings.security == "starttls":
                smtp.starttls(context=context)
            if settings.username:
                password = settings.password.get_secret_value() if settings.password else ""
                smtp.login(settings.username, password)
        except BaseException:
            smtp.close()
            raise
        self._smtp = smtp
        return smtp


def _classify(error: Exception, where: str) -> DeliveryError:
    """The error as a user reads it, permanent or worth another try."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        answers = list(error.recipients.values())
        text = "; ".join(f"{code} {_decode(reply)}" for code, reply in answers)
        refused = f"{where} refused the recipient: {text}"
        if all(400 <= code < 500 for code, _ in answers):
            return DeliveryError(refused)
        return PermanentDeliveryError(refused)
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return PermanentDeliveryError(
            f"{where} does not offer {error}", hint="set smtp.security to 'tls' or 'none'"
        )
    if isinstance(error, smtplib.SMTPResponseException):
        answer = f"{where} answered {error.smtp_code} {_decode(error.smtp_error)}"
        if isinstance(error, smtplib.SMTPAuthenticationError):
            return PermanentDeliveryError(
                answer, hint="check smtp.username and MARSAD_SMTP_PASSWORD"
            )
        if 400 <= error.smtp_code < 500:
            return DeliveryError(answer)
        return PermanentDeliveryError(answer)
    if isinstance(error, ssl.SSLError):
        return PermanentDeliveryError(
            f"TLS with {where} failed: {error.reason or error}",
            hint="check smtp.security, smtp.port and smtp.ca_file",
        )
    if isinstance(error, smtplib.SMTPException | OSError):
        return ServerUnreachableError(f"cannot reach {where}: {error or type(error).__name__}")
    raise error


def _decode(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
