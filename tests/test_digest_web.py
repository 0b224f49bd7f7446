"""The digest pages of the web server: sign-up with double opt-in, links that change
nothing when opened, RFC 8058 one-click unsubscribe, and the Atom feed — against a real
corpus and a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient
from lxml import etree

from marsad.digest import storage
from marsad.digest.atom import ATOM
from marsad.digest.config import load_config
from marsad.digest.service import DigestService
from marsad.ingest.runner import ingest
from marsad.store import Store
from marsad.web import WebSettings, create_app
from tests.digest_support import SmtpServer

SECRET = "digest-web-test-secret-0123456789"
HTML = Path(__file__).parent / "fixtures" / "html"


@pytest.fixture(scope="module")
def smtp() -> Iterator[SmtpServer]:
    with SmtpServer() as server:
        yield server


@pytest.fixture
def site(
    tmp_path: Path, fixtures: Path, smtp: SmtpServer, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[TestClient, Path]]:
    first = tmp_path / "first"
    first.mkdir()
    shutil.copy(fixtures / "seed-article.txt", first / "seed-article.txt")
    shutil.copy(HTML / "constructed__news_portal.html", first / "portal.html")
    db = tmp_path / "marsad.db"
    with Store(db) as store:
        ingest(store, [str(first)])
    config = tmp_path / "marsad.toml"
    config.write_text(
        '[digest]\nsender = "مرصد <digest@marsad.example.org>"\n'
        'base_url = "http://127.0.0.1"\n'
        f'[smtp]\nhost = "127.0.0.1"\nport = {smtp.port}\nsecurity = "none"\nretries = 0\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("MARSAD_CONFIG", str(config))
    monkeypatch.setenv("MARSAD_DIGEST_SECRET", SECRET)
    smtp.recorder.messages.clear()
    with TestClient(create_app(WebSettings(db=db)), base_url="http://127.0.0.1") as client:
        yield client, db


def _csrf(client: TestClient, path: str = "/subscribe") -> str:
    page = client.get(path)
    assert page.status_code == 200
    found = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert found is not None
    return found.group(1)


def _link(message: EmailMessage, pattern: str) -> str:
    plain = message.get_body(("plain",))
    assert isinstance(plain, EmailMessage)
    found = re.search(pattern, plain.get_content())
    assert found is not None
    return urlsplit(found.group(0)).path


def test_sign_up_confirm_read_the_feed_and_unsubscribe_in_one_click(
    site: tuple[TestClient, Path], smtp: SmtpServer, tmp_path: Path
) -> None:
    client, db = site
    form = client.get("/subscribe?place=عدن")
    assert form.status_code == 200 and 'value="عدن"' in form.text
    token = _csrf(client)
    answer = client.post(
        "/subscribe",
        data={
            "csrf_token": token, "email": "Reader@Example.org", "name": "قارئ",
            "place": "عدن", "hashtag": "#داعش", "frequency": "instant",
            "timezone": "Asia/Aden",
        },
    )  # fmt: skip
    assert answer.status_code == 200, answer.text
    assert "تحقّق من بريدك" in answer.text
    again = client.post(
        "/subscribe", data={"csrf_token": token, "email": "reader@example.org", "place": "عدن"}
    )
    assert again.status_code == 200 and "تحقّق من بريدك" in again.text
    (confirmation,) = smtp.messages  # a form cannot make the server mail someone repeatedly
    assert confirmation.recipients == ["Reader@example.org"]
    confirm_path = _link(confirmation.message, r"http://127\.0\.0\.1/subscribe/confirm/\S+")

    # Opening the link (as a mail scanner would) changes nothing.
    page = client.get(confirm_path)
    assert page.status_code == 200 and "أكِّد الاشتراك" in page.text
    with Store(db) as store:
        (subscription,) = storage.list_subscriptions(store)
    assert subscription.status == "pending"
    done = client.post(confirm_path)
    assert done.status_code == 200 and "تمّ تأكيد الاشتراك" in done.text
    with Store(db) as store:
        (subscription,) = storage.list_subscriptions(store)
    assert subscription.status == "active"

    # The feed, linked from the confirmation page: valid Atom with the matching stories.
    feed_path = urlsplit(re.search(r'href="([^"]+\.atom)"', done.text).group(1)).path  # type: ignore[union-attr]
    feed = client.get(feed_path)
    assert feed.status_code == 200
    assert feed.headers["content-type"].startswith("application/atom+xml")
    root = etree.fromstring(feed.content)
    titles = [e.findtext(f"{{{ATOM}}}title") for e in root.iter(f"{{{ATOM}}}entry")]
    assert "وصول الطائرة الإغاثية الثالثة إلى عدن" in titles
    assert any(t and t.startswith("تعرّض تنظيم الدولة الإسلامية") for t in titles)  # #داعش

    # A digest arrives; its List-Unsubscribe URL takes a one-click POST without cookies.
    later = tmp_path / "later"
    later.mkdir()
    shutil.copy(HTML / "constructed__news_agency.html", later / "agency.html")
    with Store(db) as store:
        ingest(store, [str(later)])
        DigestService(store, load_config()).run()
    digest = smtp.messages[-1].message
    assert "عدن" in digest["Subject"]
    target = re.search(
        r"<(http://127\.0\.0\.1/unsubscribe/[^>]+)>", str(digest["List-Unsubscribe"])
    )
    assert target is not None and digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_path = urlsplit(target.group(1)).path
    client.cookies.clear()
    one_click = client.post(
        unsubscribe_path,
        content=b"List-Unsubscribe=One-Click",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert one_click.status_code == 200, one_click.text
    with Store(db) as store:
        (subscription,) = storage.list_subscriptions(store, include_unsubscribed=True)
    assert subscription.status == "unsubscribed"
    again = client.get(unsubscribe_path)
    assert again.status_code == 200 and "أُلغي هذا الاشتراك من قبل" in again.text
    assert client.get(feed_path).status_code == 410


def test_bad_sign_ups_are_shown_with_the_form(
    site: tuple[TestClient, Path], smtp: SmtpServer
) -> None:
    client, db = site
    token = _csrf(client)
    cases = {
        "not-an-address": ("place", "عدن", "E601"),
        "reader@example.org": ("place", "مدينة لا وجود لها", "E603"),
        "reader2@example.org": ("hashtag", "#وسم\r\nBcc: victim@example.net", "E602"),
    }
    for email, (field, value, code) in cases.items():
        answer = client.post("/subscribe", data={"csrf_token": token, "email": email, field: value})
        assert answer.status_code == 422, (email, answer.text)
        assert code in answer.text
        assert 'name="email"' in answer.text  # the form again, with what was typed
    assert (
        client.post("/subscribe", data={"email": "x@example.org", "place": "عدن"}).status_code
        == 403
    )
    assert smtp.messages == []
    with Store(db) as store:
        assert storage.list_subscriptions(store, include_unsubscribed=True) == []


def test_forged_or_mismatched_tokens_are_refused(site: tuple[TestClient, Path]) -> None:
    client, _ = site
    for path in (
        "/unsubscribe/abc.0.AAAAAAAAAAAAAAAAAAAAAA",
        "/feeds/abc.0.AAAAAAAAAAAAAAAAAAAAAA.atom",
    ):
        answer = client.get(path)
        assert answer.status_code == 422 and "E604" in answer.text
    assert client.post("/unsubscribe/not-a-token").status_code == 422


def test_without_digest_settings_the_pages_are_not_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv("MARSAD_CONFIG", raising=False)
    monkeypatch.delenv("MARSAD_DIGEST_SECRET", raising=False)
    with TestClient(create_app(WebSettings()), base_url="http://127.0.0.1") as client:
        answer = client.get("/subscribe")
    assert answer.status_code == 404 and "digests are not set up" in answer.text


def test_a_sign_up_does_not_wait_for_a_server_that_is_down(
    site: tuple[TestClient, Path], smtp: SmtpServer
) -> None:
    client, db = site
    smtp.recorder.refuse = ["451 4.3.0 try later"]  # one refusal: the request does not retry
    answer = client.post(
        "/subscribe",
        data={"csrf_token": _csrf(client), "email": "later@example.org", "place": "عدن"},
    )
    assert answer.status_code == 200 and "بعد قليل" in answer.text
    assert smtp.messages == []
    with Store(db) as store:
        (pending,) = storage.pending_deliveries(store)
        assert pending.kind == "confirmation" and pending.attempts == 1
        DigestService(store, load_config()).send_pending()  # what marsad watch does next
    assert [m.recipients for m in smtp.messages] == [["later@example.org"]]
