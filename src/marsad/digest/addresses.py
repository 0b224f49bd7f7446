"""Email addresses and one-line header values, checked before anything is stored or sent.

A subscriber's address and name end up in ``To:``; a followed item's label ends up in
``Subject:``. A line break in any of them would let a form field write its own headers
(header injection), so every such value is refused here with a clear error, and the
message builder checks again before a header is set.
"""

from __future__ import annotations

import re
import unicodedata

from marsad.errors import AddressError, HeaderInjectionError, SubscriptionError

MAX_ADDRESS = 254  # RFC 5321: a path is at most 256 octets including the angle brackets
MAX_LOCAL_PART = 64
MAX_LABEL = 63
MAX_HEADER_TEXT = 200  # a name, a followed item, a time zone
MAX_HEADER_LINE = 998  # RFC 5322: what a whole header may hold before folding

# RFC 5322 dot-atom: atext characters in dot-separated runs (no quoted local parts).
_LOCAL_PART = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")


def check_header_text(value: str, what: str, limit: int = MAX_HEADER_TEXT) -> str:
    """``value`` stripped, refused if it holds a line break or another control character."""
    bad = next((c for c in value if _is_control(c)), None)
    if bad is not None:
        shown = "a line break" if bad in "\r\n\u2028\u2029\x85" else f"U+{ord(bad):04X}"
        raise HeaderInjectionError(
            f"the {what} contains {shown}; it must be one line of text",
            hint="remove line breaks and control characters",
        )
    value = value.strip()
    if len(value) > limit:
        raise SubscriptionError(f"the {what} is {len(value)} characters long (at most {limit})")
    return value


def normalize_address(address: str) -> str:
    """The address as it will be sent to: ``local@domain`` with the domain lower-cased and
    an internationalised domain in its ASCII (punycode) form. Anything else is refused."""
    check_header_text(address, "email address")
    address = address.strip()
    if not address:
        raise AddressError("the email address is empty")
    if any(c.isspace() for c in address) or "<" in address or ">" in address:
        raise AddressError(
            f"{address!r} is not one email address",
            hint="give the bare address, like name@example.org; the name goes in --name",
        )
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain:
        raise AddressError(f"{address!r} has no '@' between a name and a domain")
    if not local.isascii():
        raise AddressError(
            f"the part before '@' in {address!r} is not plain ASCII",
            hint="mail servers without SMTPUTF8 cannot deliver to it",
        )
    if len(local) > MAX_LOCAL_PART or not _LOCAL_PART.fullmatch(local):
        raise AddressError(
            f"the part before '@' in {address!r} is not a valid mailbox name",
            hint="letters, digits and !#$%&'*+/=?^_`{|}~- in dot-separated runs",
        )
    ascii_domain = _ascii_domain(domain, address)
    normalized = f"{local}@{ascii_domain}"
    if len(normalized) > MAX_ADDRESS:
        raise AddressError(f"{address!r} is longer than {MAX_ADDRESS} characters")
    return normalized


def _ascii_domain(domain: str, address: str) -> str:
    if domain.startswith("["):
        raise AddressError(
            f"{address!r} names an IP address, not a domain", hint="use the domain name"
        )
    try:
        ascii_domain = domain.rstrip(".").encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise AddressError(f"the domain of {address!r} is not a valid domain name") from None
    labels = ascii_domain.split(".")
    if len(labels) < 2:
        raise AddressError(
            f"the domain of {address!r} has no dot",
            hint="a deliverable domain looks like example.org",
        )
    for label in labels:
        if len(label) > MAX_LABEL or not _LABEL.fullmatch(label):
            raise AddressError(f"the domain of {address!r} is not a valid domain name")
    if labels[-1].isdigit():
        raise AddressError(f"the domain of {address!r} ends in a number, not a top-level domain")
    return ascii_domain


def _is_control(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Zl", "Zp")
