"""Composition of a digest from real Arabic reports, the multipart email as a mail client
receives it over SMTP, and the Atom feed — parsed and checked, not string-matched."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import etree
from markupsafe import escape

from marsad.digest.atom import ATOM, FeedEntry, atom_feed
from marsad.digest.compose import Digest, StoryCard, compose, shorten, story_card
from marsad.digest.config import SmtpSettings
from marsad.digest.links import Links
from marsad.digest.message import (
    confirmation_message,
    digest_message,
    message_id,
    stories_phrase,
)
from marsad.digest.smtp import Mailer
from marsad.digest.subscription import Subscription, make_follow, new_subscription
from marsad.digest.tokens import Purpose, TokenSigner
from marsad.errors import HeaderInjectionError
from marsad.ingest.text import read_input
from marsad.model import Analysis
from marsad.pipeline import analyze, analyze_document
from tests.digest_support import CERT, SmtpServer

SIGNER = TokenSigner("a-test-secret-of-enough-length-0123456789")
LINKS = Links("https://marsad.example.org", SIGNER)
SENDER = ("مرصد", "digest@example.org")
NOW = datetime(2024, 5, 2, 7, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def seed(fixtures: Path) -> Analysis:
    return analyze((fixtures / "seed-article.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def cnn(fixtures: Path) -> Analysis:
    return analyze_document(read_input(fixtures / "html" / "goose3__test_cnn_arabic.html"))


@pytest.fixture(scope="module")
def assabah(fixtures: Path) -> Analysis:
    path = fixtures / "html" / "trafilatura__assabah.com.tn.article.html"
    return analyze_document(read_input(path))


@pytest.fixture(scope="module")
def subscription() -> Subscription:
    follows = [
        make_follow("place", "دير الزور"),
        make_follow("hashtag", "#داعش"),
        make_follow("search", "صواريخ", {"place": "دمشق"}),
    ]
    made = new_subscription(
        "reader@example.org", follows, name="قارئ مرصد", timezone="Asia/Damascus"
    )
    return made.model_copy(update={"status": "active", "confirmed_at": NOW})


@pytest.fixture(scope="module")
def digest(subscription: Subscription, seed: Analysis, cnn: Analysis, assabah: Analysis) -> Digest:
    seed_card = story_card(seed, story_id=11, article_count=3, independent_source_count=2)
    cnn_card = story_card(cnn, story_id=12, article_count=1, independent_source_count=1)
    assabah_card = story_card(assabah, story_id=13)
    place, hashtag, search = subscription.follows
    matches = {place: [seed_card], hashtag: [seed_card], search: [cnn_card, assabah_card]}
    return compose(subscription, matches, NOW)


class MailClientView(HTMLParser):
    """Collects what a mail client would look at: links, images, styles, scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.tags: list[str] = []
        self.direction: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"] or "")
        if tag == "html":
            self.direction = values.get("dir")


def test_story_cards_read_headline_counts_quotes_and_places(seed: Analysis, cnn: Analysis) -> None:
    card = story_card(seed, story_id=1, article_count=4, independent_source_count=3)
    assert card.headline.startswith("تعرّض تنظيم الدولة الإسلامية")
    assert len(card.headline) <= 141
    assert (card.article_count, card.independent_source_count) == (4, 3)
    assert len(card.quotes) == 2
    anonymous = [q for q in card.quotes if q.anonymous]
    named = [q for q in card.quotes if not q.anonymous]
    assert anonymous and named
    # The anonymous source stays anonymous: only what the report said about it is shown.
    assert anonymous[0].speaker.startswith("مصدر مجهول")
    assert "لدواعي أمنية" in anonymous[0].speaker_detail
    assert named[0].speaker == "محمد العمر"
    for quote in card.quotes:
        assert quote.text.replace("…", "")[:40] in " ".join(seed.article.text.split())
    cnn_card = story_card(cnn, story_id=2)
    assert cnn_card.headline == "معارضون يسيطرون على مخازن للصواريخ بريف دمشق"
    assert cnn_card.publisher == "CNNArabic"
    assert cnn_card.url and cnn_card.url.startswith("http://arabic.cnn.com/")
    assert cnn_card.places and len(cnn_card.places) <= 6


def test_stories_are_grouped_by_followed_item_and_shown_once(
    digest: Digest, subscription: Subscription
) -> None:
    place, _hashtag, search = subscription.follows
    assert [s.follow for s in digest.sections] == [place, search]
    assert sorted(digest.story_ids) == [11, 12, 13]
    assert digest.also_matched == {11: ("#داعش",)}


def test_compose_caps_the_number_of_stories(subscription: Subscription, seed: Analysis) -> None:
    cards = [story_card(seed, story_id=i, independent_source_count=i) for i in range(1, 6)]
    composed = compose(subscription, {subscription.follows[0]: cards}, NOW, max_stories=3)
    assert composed.story_ids == [5, 4, 3]  # the most widely carried first


def test_the_email_as_received_over_smtp(digest: Digest) -> None:
    number = 7
    mid = message_id("digest", number, digest.subscription.uid, LINKS.domain)
    message = digest_message(
        digest, LINKS, sender=SENDER, message_id=mid, unsubscribe_mailto="leave@example.org"
    )
    with SmtpServer("starttls") as server:
        settings = SmtpSettings(
            host="127.0.0.1", port=server.port, security="starttls", ca_file=CERT
        )
        with Mailer(settings) as mailer:
            mailer.send(message.as_bytes(), SENDER[1], digest.subscription.email)
    (received,) = server.messages
    assert received.recipients == ["reader@example.org"]
    parsed = received.message

    # Headers, decoded as a mail client decodes them.
    assert parsed["Subject"] == "مرصد: 3 قصص جديدة — دير الزور، بحث: «صواريخ» · place: دمشق"
    assert parsed["From"].addresses[0].display_name == "مرصد"
    assert parsed["From"].addresses[0].addr_spec == "digest@example.org"
    assert parsed["To"].addresses[0].display_name == "قارئ مرصد"
    assert parsed["To"].addresses[0].addr_spec == "reader@example.org"
    assert parsed["Message-ID"] == mid
    assert parsed["Date"].datetime == NOW
    assert parsed["Auto-Submitted"] == "auto-generated"

    # RFC 8058 one-click unsubscribe: an HTTPS URI that POSTs, plus a mailto.
    targets = re.findall(r"<([^>]+)>", str(parsed["List-Unsubscribe"]))
    assert len(targets) == 2
    https, mailto = targets
    assert https.startswith("https://marsad.example.org/unsubscribe/")
    assert SIGNER.verify(Purpose.unsubscribe, https.rsplit("/", 1)[1]) == digest.subscription.uid
    assert mailto.startswith("mailto:leave@example.org?subject=unsubscribe")
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    raw_headers = received.raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    assert "List-Unsubscribe: <https://marsad.example.org/unsubscribe/" in raw_headers

    # Both parts.
    assert parsed.get_content_type() == "multipart/alternative"
    plain = parsed.get_body(("plain",))
    html = parsed.get_body(("html",))
    assert isinstance(plain, EmailMessage) and isinstance(html, EmailMessage)
    plain_text, html_text = plain.get_content(), html.get_content()
    for story in digest.stories:
        assert story.headline in plain_text
        assert _escaped(story.headline) in html_text
        assert LINKS.story(story.story_id) in plain_text
    assert https in plain_text and https in html_text

    # HTML: right-to-left, inline styles only, no images, no scripts, only http(s) links.
    parser = MailClientView()
    parser.feed(html_text)
    assert parser.direction == "rtl"
    assert not {"img", "style", "link", "script"} & set(parser.tags)
    assert "url(" not in html_text
    assert 'style="' in html_text
    assert all(urlsplit(href).scheme in ("http", "https") for href in parser.hrefs)
    assert LINKS.story(11) in parser.hrefs
    assert "http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html" in parser.hrefs
    feed_links = [h for h in parser.hrefs if "/feeds/" in h]
    assert len(feed_links) == 1
    token = feed_links[0].rsplit("/", 1)[1].removesuffix(".atom")
    assert SIGNER.verify(Purpose.feed, token) == digest.subscription.uid

    # The anonymous source of the seed report is shown as anonymous in both parts.
    assert "مصدر مجهول «ح.م»" in plain_text
    assert "مصدر مجهول «ح.م»" in html_text


def test_report_text_cannot_inject_markup_or_links(subscription: Subscription) -> None:
    hostile = StoryCard(
        story_id=99,
        headline='<script>alert(1)</script><img src="http://tracker.example/x.gif">',
        day="2024-05-01",
        publisher="<b>ناشر</b>",
        url="javascript:alert(1)",
    )
    composed = compose(subscription, {subscription.follows[0]: [hostile]}, NOW)
    message = digest_message(composed, LINKS, sender=SENDER, message_id="<x@example.org>")
    html = message.get_body(("html",))
    assert isinstance(html, EmailMessage)
    text = html.get_content()
    assert "<script>" not in text and "<img" not in text and "<b>" not in text
    assert "javascript:" not in text
    assert "&lt;script&gt;" in text


@pytest.mark.parametrize("field", ["name", "email"])
def test_header_injection_is_refused_even_past_validation(
    subscription: Subscription, seed: Analysis, field: str
) -> None:
    value = {"name": "قارئ\r\nBcc: victim@example.net", "email": "x@example.org\nBcc: v@e.net"}
    forged = subscription.model_copy(update={field: value[field]})
    composed = compose(forged, {forged.follows[0]: [story_card(seed, story_id=1)]}, NOW)
    with pytest.raises(HeaderInjectionError):
        digest_message(composed, LINKS, sender=SENDER, message_id="<x@example.org>")
    with pytest.raises(HeaderInjectionError):
        digest_message(
            compose(subscription, {}, NOW),
            LINKS,
            sender=("مرصد\nBcc: v@e.net", SENDER[1]),
            message_id="<x@example.org>",
        )


def test_the_confirmation_email(subscription: Subscription) -> None:
    pending = subscription.model_copy(update={"status": "pending", "confirmed_at": None})
    message = confirmation_message(
        pending, LINKS, sender=SENDER, message_id="<confirm.1@example.org>", sent_at=NOW
    )
    plain = message.get_body(("plain",))
    assert isinstance(plain, EmailMessage)
    text = plain.get_content()
    link = re.search(r"https://marsad\.example\.org/subscribe/confirm/(\S+)", text)
    assert link is not None
    assert SIGNER.verify(Purpose.confirm, link.group(1)) == subscription.uid
    for follow in subscription.follows:
        assert follow.label in text
    assert "List-Unsubscribe" not in message  # not a list message yet


def test_arabic_number_agreement_in_subjects() -> None:
    assert [stories_phrase(n) for n in (1, 2, 3, 10, 11, 103)] == [
        "قصة جديدة", "قصتان جديدتان", "3 قصص جديدة", "10 قصص جديدة",
        "11 قصة جديدة", "103 قصص جديدة",
    ]  # fmt: skip
    assert shorten("كلمة " * 40, 30).endswith("…")
    assert len(shorten("كلمة " * 40, 30)) <= 31


def test_the_atom_feed_is_valid_atom(digest: Digest) -> None:
    entries = [
        FeedEntry(story, datetime(2024, 5, 1, 9, i, tzinfo=UTC), ("دير الزور",))
        for i, story in enumerate(digest.stories)
    ]
    document = atom_feed(digest.subscription, entries, LINKS)
    root = etree.fromstring(document)
    ns = {"a": ATOM}
    assert root.tag == f"{{{ATOM}}}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "ar"
    # RFC 4287 4.1.1: a feed has exactly one id, title and updated, and an author.
    for name in ("id", "title", "updated"):
        assert len(root.findall(f"a:{name}", ns)) == 1, name
    assert root.find("a:author/a:name", ns) is not None
    self_link = root.find("a:link[@rel='self']", ns)
    assert self_link is not None
    token = self_link.get("href", "").rsplit("/", 1)[1].removesuffix(".atom")
    assert SIGNER.verify(Purpose.feed, token) == digest.subscription.uid
    ids = [root.findtext("a:id", namespaces=ns)]
    found = root.findall("a:entry", ns)
    assert len(found) == 3
    for entry in found:
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"a:{name}", ns)) == 1, name
        ids.append(entry.findtext("a:id", namespaces=ns))
        assert entry.find("a:link[@rel='alternate']", ns) is not None
        content = entry.find("a:content", ns)
        assert content is not None and content.get("type") == "html"
        assert "<blockquote" in (content.text or "") or "<h3" in (content.text or "")
        stamp = entry.findtext("a:updated", namespaces=ns) or ""
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", stamp)
        category = entry.find("a:category", ns)
        assert category is not None and category.get("term") == "دير الزور"
    assert all(i and i.startswith("urn:uuid:") for i in ids)
    assert len(set(ids)) == len(ids)
    # Newest first, and the feed is as new as its newest entry.
    updated = [e.findtext("a:updated", namespaces=ns) for e in found]
    assert updated == sorted(updated, reverse=True)
    assert root.findtext("a:updated", namespaces=ns) == updated[0]


def test_the_feed_survives_characters_xml_cannot_hold(subscription: Subscription) -> None:
    card = StoryCard(story_id=5, headline="عنوان\x0cمع\x00محارف تحكم", day="2024-05-01")
    document = atom_feed(subscription, [FeedEntry(card, NOW)], LINKS)
    entry = etree.fromstring(document).find(f"{{{ATOM}}}entry")
    assert entry is not None
    assert entry.findtext(f"{{{ATOM}}}title") == "عنوانمعمحارف تحكم"


def _escaped(text: str) -> str:
    return str(escape(text))
