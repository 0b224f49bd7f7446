"""Digest and confirmation emails: multipart (plain text and RTL HTML), safe headers.

The HTML part is laid out with tables and inline styles only (mail clients drop
``<style>`` blocks and never load remote CSS) and holds no images, so it reads the same
with images blocked. Every header value goes through :func:`check_header_text` first:
a line break in a name or a subject is refused, not folded into a new header. Digests
carry ``List-Unsubscribe`` with an HTTPS link and ``List-Unsubscribe-Post:
List-Unsubscribe=One-Click`` (RFC 8058), so a mail client can unsubscribe with one POST.
"""

from __future__ import annotations

from datetime import datetime
from email.headerregistry import Address, BaseHeader, HeaderRegistry, UnstructuredHeader
from email.message import EmailMessage
from email.policy import SMTP, Policy
from email.utils import format_datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from marsad.digest.addresses import MAX_HEADER_LINE, check_header_text
from marsad.digest.compose import Digest, shorten
from marsad.digest.links import Links
from marsad.digest.subscription import Subscription
from marsad.web.views import arabic_date, external_url

TEMPLATES = Path(__file__).parent / "templates"
SUBJECT_CHARS = 150
FREQUENCY_NAMES = {"instant": "الفوري", "daily": "اليومي", "weekly": "الأسبوعي"}


class ListHeader(UnstructuredHeader, BaseHeader):
    """``List-*`` headers hold ``<URL>``s that clients read verbatim: folded only between
    the ``<…>`` items, never turned into encoded words (the default for long values)."""

    def fold(self, *, policy: Policy) -> str:
        items = [item.strip() for item in str(self).split(",")]
        return f"{self.name}: " + f",{policy.linesep} ".join(items) + policy.linesep


def _policy() -> Policy:
    registry = HeaderRegistry()
    for name in ("list-unsubscribe", "list-id"):
        registry.map_to_type(name, ListHeader)
    return SMTP.clone(header_factory=registry)


POLICY = _policy()


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(external_url=external_url, arabic_date=arabic_date)
    env.globals["frequency_names"] = FREQUENCY_NAMES
    return env


def render_template(name: str, **context: Any) -> str:
    return environment().get_template(name).render(**context)


def stories_phrase(count: int) -> str:
    """ "N new stories" with the Arabic noun in the form the number takes."""
    if count == 1:
        return "قصة جديدة"
    if count == 2:
        return "قصتان جديدتان"
    if 3 <= count % 100 <= 10:
        return f"{count} قصص جديدة"
    return f"{count} قصة جديدة"


def digest_subject(digest: Digest) -> str:
    labels = "، ".join(section.follow.label for section in digest.sections)
    return shorten(f"مرصد: {stories_phrase(len(digest.stories))} — {labels}", SUBJECT_CHARS)


def digest_message(
    digest: Digest,
    links: Links,
    *,
    sender: tuple[str, str],
    message_id: str,
    unsubscribe_mailto: str | None = None,
) -> EmailMessage:
    subscription = digest.subscription
    unsubscribe_url = links.unsubscribe(subscription.uid)
    subject = digest_subject(digest)
    context = {
        "digest": digest,
        "subject": subject,
        "links": links,
        "unsubscribe_url": unsubscribe_url,
        "feed_url": links.feed(subscription.uid),
    }
    message = _message(
        sender,
        subscription,
        subject,
        message_id,
        digest.generated_at,
        text=render_template("digest.txt", **context),
        html=render_template("digest.html", **context),
    )
    targets = [f"<{unsubscribe_url}>"]
    if unsubscribe_mailto:
        targets.append(f"<mailto:{unsubscribe_mailto}?subject=unsubscribe%20{subscription.uid}>")
    _set(message, "List-Unsubscribe", ", ".join(targets))
    _set(message, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
    _set(message, "List-Id", f"Marsad digest <digest.{links.domain}>")
    return message


def confirmation_message(
    subscription: Subscription,
    links: Links,
    *,
    sender: tuple[str, str],
    message_id: str,
    sent_at: datetime,
) -> EmailMessage:
    subject = "مرصد: أكِّد اشتراكك في الموجز"
    context = {
        "subscription": subscription,
        "subject": subject,
        "confirm_url": links.confirm(subscription.uid),
        "hours": int(links.confirm_valid_for.total_seconds() // 3600),
    }
    return _message(
        sender,
        subscription,
        subject,
        message_id,
        sent_at,
        text=render_template("confirm.txt", **context),
        html=render_template("confirm.html", **context),
    )


def message_id(kind: str, number: int, uid: str, domain: str) -> str:
    """A Message-ID fixed by what the message is, so a resend after a crash repeats it
    (and a receiving server or client can tell the two copies are one message)."""
    return f"<{kind}.{number}.{uid}@{domain}>"


def _message(
    sender: tuple[str, str],
    subscription: Subscription,
    subject: str,
    message_id: str,
    date: datetime,
    *,
    text: str,
    html: str,
) -> EmailMessage:
    message = EmailMessage(policy=POLICY)
    sender_name, sender_address = sender
    message["From"] = _address(sender_name, sender_address)
    message["To"] = _address(subscription.name or "", subscription.email)
    _set(message, "Subject", subject)
    _set(message, "Date", format_datetime(date))
    _set(message, "Message-ID", message_id)
    _set(message, "Content-Language", "ar")
    _set(message, "Auto-Submitted", "auto-generated")
    message.set_content(text, subtype="plain", charset="utf-8")
    message.add_alternative(html, subtype="html", charset="utf-8")
    return message


def _address(name: str, address: str) -> Address:
    check_header_text(name, "display name")
    check_header_text(address, "email address")
    username, _, domain = address.rpartition("@")
    return Address(display_name=name, username=username, domain=domain)


def _set(message: EmailMessage, name: str, value: str) -> None:
    message[name] = check_header_text(value, f"{name} header", MAX_HEADER_LINE)
