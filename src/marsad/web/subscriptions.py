"""Digest pages: sign up (double opt-in), confirm, unsubscribe in one click, Atom feeds.

Enabled when the server has a corpus and the digest settings (``$MARSAD_CONFIG`` with
``digest.base_url`` and ``digest.sender``, and ``MARSAD_DIGEST_SECRET``): otherwise these
routes answer 404. The sign-up form carries a CSRF token like every form here. The links
in emails carry signed tokens instead, which are their own proof: opening one (GET) only
shows a page with a button, so a mail scanner that follows links changes nothing, and
the button (or a mail client's RFC 8058 one-click ``POST``, which has no cookie and no
CSRF token) does the change.
"""

from __future__ import annotations

import logging
import re
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import Response

from marsad.digest import storage
from marsad.digest.addresses import normalize_address
from marsad.digest.atom import MEDIA_TYPE, FeedEntry, atom_feed
from marsad.digest.config import DigestConfig, load_config
from marsad.digest.matching import recent_matches, story_cards
from marsad.digest.message import FREQUENCY_NAMES
from marsad.digest.service import utc_now
from marsad.digest.signup import create_subscription, request_confirmation
from marsad.digest.subscription import Follow, Subscription, make_follow
from marsad.digest.tokens import Purpose
from marsad.errors import MarsadError
from marsad.store import Store
from marsad.web.corpus import store_of
from marsad.web.pages import render
from marsad.web.security import check_csrf

router = APIRouter(include_in_schema=False)
log = logging.getLogger("marsad.digest")
FEED_ENTRIES = 30
# A form cannot make the server mail one address more often than this.
RESEND_AFTER = timedelta(hours=1)
# Time zones offered first in the form (any IANA name is accepted).
COMMON_ZONES = (
    "Asia/Damascus", "Asia/Baghdad", "Asia/Beirut", "Asia/Amman", "Asia/Jerusalem",
    "Asia/Riyadh", "Asia/Aden", "Asia/Dubai", "Africa/Cairo", "Africa/Tripoli",
    "Africa/Tunis", "Africa/Algiers", "Africa/Casablanca", "Africa/Khartoum",
    "Europe/Istanbul", "Europe/Berlin", "Europe/London", "UTC",
)  # fmt: skip
_SEPARATORS = re.compile(r"[,،]")


def digest_config(request: Request) -> DigestConfig:
    """The digest settings, read once per app; 404 when digests are not set up here."""
    state = request.app.state
    config: DigestConfig | None = getattr(state, "digest_config", None)
    if config is None:
        try:
            config = load_config()
            config.links()  # a secret and an address to sign and point links with
            config.sender()
        except MarsadError as error:
            log.warning("digest pages disabled: %s", error)
            raise HTTPException(404, "digests are not set up on this server") from None
        state.digest_config = config
    return config


@router.get("/subscribe")
def subscribe_form(request: Request) -> Response:
    config = digest_config(request)
    store_of(request)
    values = {k: request.query_params.get(k, "") for k in ("entity", "place", "hashtag", "search")}
    return _form(request, config, values | {"frequency": "daily"}, None)


@router.post("/subscribe")
def subscribe_submit(
    request: Request,
    csrf_token: Annotated[str, Form()] = "",
    email: Annotated[str, Form()] = "",
    name: Annotated[str, Form()] = "",
    entity: Annotated[str, Form()] = "",
    place: Annotated[str, Form()] = "",
    hashtag: Annotated[str, Form()] = "",
    search: Annotated[str, Form()] = "",
    frequency: Annotated[str, Form()] = "daily",
    timezone: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf_token)
    config = digest_config(request)
    store = store_of(request)
    values = {
        "email": email, "name": name, "entity": entity, "place": place, "hashtag": hashtag,
        "search": search, "frequency": frequency, "timezone": timezone,
    }  # fmt: skip
    now = utc_now()
    try:
        follows = _follows(entity, place, hashtag, search)
        address = normalize_address(email)
        if storage.recently_requested(store, address, now - RESEND_AFTER):
            return _check_inbox(request, address, sent=True)
        subscription = create_subscription(
            store,
            address,
            follows,
            now=now,
            name=name or None,
            frequency=frequency,
            timezone=timezone or config.digest.default_timezone,
        )
    except MarsadError as error:
        return _form(request, config, values, error)
    report = request_confirmation(store, config, subscription)
    return _check_inbox(request, subscription.email, sent=report is None or report.sent > 0)


def _check_inbox(request: Request, address: str, *, sent: bool) -> Response:
    first = (
        f"أرسلنا إلى {address} رابطًا لتأكيد الاشتراك."
        if sent
        else f"سنرسل إلى {address} رابطًا لتأكيد الاشتراك بعد قليل."
    )
    lines = [first, "لن يصلك الموجز قبل أن تفتح الرابط وتؤكّد."]
    return render(request, "digest_message.html", {"heading": "تحقّق من بريدك", "lines": lines})


@router.get("/subscribe/confirm/{token}")
def confirm_page(request: Request, token: str) -> Response:
    subscription = _subscription(request, Purpose.confirm, token)
    return _action_page(request, subscription, f"/subscribe/confirm/{token}", "confirm")


@router.post("/subscribe/confirm/{token}")
def confirm_submit(request: Request, token: str) -> Response:
    subscription = _subscription(request, Purpose.confirm, token)
    store = store_of(request)
    confirmed = storage.confirm(store, subscription.uid, utc_now())
    config = digest_config(request)
    lines = [
        f"اشتراك {confirmed.email} مفعَّل: يصلك الموجز "
        f"{FREQUENCY_NAMES[confirmed.frequency]} بالقصص الجديدة عمّا تتابعه.",
    ]
    return render(
        request,
        "digest_message.html",
        {
            "heading": "تمّ تأكيد الاشتراك",
            "lines": lines,
            "feed_url": config.links().feed(confirmed.uid),
        },
    )


@router.get("/unsubscribe/{token}")
def unsubscribe_page(request: Request, token: str) -> Response:
    subscription = _subscription(request, Purpose.unsubscribe, token)
    return _action_page(request, subscription, f"/unsubscribe/{token}", "unsubscribe")


@router.post("/unsubscribe/{token}")
def unsubscribe_submit(request: Request, token: str) -> Response:
    """The button of the page above, and RFC 8058 one-click unsubscribe (a mail client
    POSTs ``List-Unsubscribe=One-Click``): the signed token is the only credential."""
    subscription = _subscription(request, Purpose.unsubscribe, token)
    cancelled = storage.unsubscribe(store_of(request), subscription.uid, utc_now())
    return render(
        request,
        "digest_message.html",
        {
            "heading": "أُلغي الاشتراك",
            "lines": [f"لن يصل إلى {cancelled.email} موجز من هذا الاشتراك بعد الآن."],
        },
    )


@router.get("/feeds/{token}.atom")
def feed(request: Request, token: str) -> Response:
    subscription = _subscription(request, Purpose.feed, token)
    if subscription.status != "active":
        raise HTTPException(410, "this subscription is not active")
    config = digest_config(request)
    store = store_of(request)
    document = atom_feed(subscription, _entries(store, subscription, config), config.links())
    return Response(document, media_type=MEDIA_TYPE)


def _entries(store: Store, subscription: Subscription, config: DigestConfig) -> list[FeedEntry]:
    matches = recent_matches(store, subscription, FEED_ENTRIES)
    newest: dict[int, FeedEntry] = {}
    labels: dict[int, list[str]] = {}
    for match in matches:
        labels.setdefault(match.story_id, []).append(match.follow.label)
    cards = story_cards(store, set(labels), max_quotes=config.digest.quotes_per_story)
    for match in matches:
        card = cards.get(match.story_id)
        known = newest.get(match.story_id)
        if card is not None and (known is None or match.added_at > known.updated):
            newest[match.story_id] = FeedEntry(card, match.added_at, tuple(labels[card.story_id]))
    ordered = sorted(newest.values(), key=lambda e: e.updated, reverse=True)
    return ordered[:FEED_ENTRIES]


def _follows(entity: str, place: str, hashtag: str, search: str) -> list[Follow]:
    follows = [make_follow("entity", v) for v in _split(entity)]
    follows += [make_follow("place", v) for v in _split(place)]
    follows += [make_follow("hashtag", v) for v in _split(hashtag)]
    if search.strip():
        follows.append(make_follow("search", search))
    return follows


def _split(value: str) -> list[str]:
    return [part.strip() for part in _SEPARATORS.split(value) if part.strip()]


def _subscription(request: Request, purpose: Purpose, token: str) -> Subscription:
    config = digest_config(request)
    uid = config.signer().verify(purpose, token)
    try:
        return storage.get_subscription(store_of(request), uid)
    except MarsadError:
        raise HTTPException(404, "this subscription no longer exists") from None


def _form(
    request: Request, config: DigestConfig, values: dict[str, str], error: MarsadError | None
) -> Response:
    response = render(
        request,
        "digest_subscribe.html",
        {
            "values": values,
            "error": error,
            "zones": COMMON_ZONES,
            "default_zone": config.digest.default_timezone,
            "frequencies": FREQUENCY_NAMES,
        },
    )
    if error is not None:
        response.status_code = 422
    return response


def _action_page(request: Request, subscription: Subscription, action: str, kind: str) -> Response:
    return render(
        request,
        "digest_action.html",
        {"subscription": subscription, "action": action, "kind": kind},
    )
