"""End to end in a real browser: Debian's Chromium driven by Playwright (never a browser a
test tool downloads). The server runs in a thread of this process on 127.0.0.1 and stops
with the module, so nothing outlives the tests. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
import uvicorn

from marsad.web import WebSettings, create_app
from tests.web_corpus import build_corpus

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


@pytest.fixture(scope="module")
def seed_id(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    db = tmp_path_factory.mktemp("web") / "corpus.db"
    return db, build_corpus(db)


@pytest.fixture(scope="module")
def server(seed_id: tuple[Path, int]) -> Iterator[str]:
    db, _ = seed_id
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        create_app(WebSettings(db=db)), host="127.0.0.1", port=port, log_level="warning"
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        assert time.monotonic() < deadline, "the test server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: the browser tests need Debian's Chromium "
            "(`apt-get install chromium`; .ci/run installs it)",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    opened = context.new_page()
    dialogs: list[str] = []
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield opened
    assert not dialogs, f"a script ran in the page: {dialogs}"
    context.close()


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def tooltip(page, selector: str) -> str:  # type: ignore[no-untyped-def]
    """What the hover/focus tooltip (CSS ::after of the element) says."""
    return page.eval_on_selector(selector, "e => getComputedStyle(e, '::after').content").strip('"')


def test_search_open_a_report_and_see_who_said_a_quote(page, server, seed_id) -> None:  # type: ignore[no-untyped-def]
    _, seed = seed_id
    page.goto(server + "/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    shot(page, "home")

    page.fill("#q-top", "المنشقين")
    page.press("#q-top", "Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator(".hits .card").count() >= 1
    shot(page, "search")
    page.click(f'.hits a[href="/articles/{seed}"]')
    page.wait_for_url(f"**/articles/{seed}")

    named = page.locator(".text .quote:not(.anon)").first
    named.hover()
    said_by = tooltip(page, ".text .quote:not(.anon)")
    assert "محمد العمر" in said_by
    assert named.evaluate("e => getComputedStyle(e, '::after').display") != "none"

    anonymous = page.locator(".text .quote.anon").first
    anonymous.focus()  # keyboard users get the same tooltip
    assert "مصدر مجهول" in tooltip(page, ".text .quote.anon")
    assert (
        page.locator(".text .quote.anon")
        .first.evaluate("e => getComputedStyle(e, '::before').content")
        .strip('"')
        == "مجهول"
    ), "anonymous sources are visibly marked"
    shot(page, "report")

    page.locator(".text a.ent-PER").first.click()  # a highlighted name leads to its page
    page.wait_for_url("**/entities/*")
    assert page.locator("h1").count() == 1

    page.go_back()
    removed = page.locator("details.boilerplate")
    assert not removed.evaluate("e => e.open")
    removed.locator("summary").click()
    assert "نشرتنا البريدية" in removed.inner_text()


def test_entity_place_and_hashtag_pages(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/entities/" + quote("محمد العمر"))
    assert "الانشقاقات توالت" in page.locator(".quotes-list").inner_text()
    shot(page, "entity")
    page.goto(server + "/places/" + quote("gold-place:5"))
    assert page.locator("figure.map svg path.land.focus").count() >= 1
    assert page.locator("figure.map circle.pin").count() >= 1
    shot(page, "place")
    page.goto(server + "/hashtags/" + quote("دير_الزور"))
    assert page.locator(".cards .card").count() >= 1
    shot(page, "hashtag")


def test_search_facets_and_filters_work_without_javascript(browser, server) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/search?q=" + quote("سوريا"))
    total = page.locator(".summary").inner_text()
    page.locator(".facet a").first.click()
    assert page.locator(".active-filters a").count() == 1
    assert page.locator(".summary").inner_text() != total or page.locator(".hits .card").count()
    context.close()


def test_a_pasted_report_with_script_runs_nothing(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/analyze")
    hostile = (
        "قال مسؤول في وزارة الداخلية العراقية إن قوات الأمن <script>alert('x')</script> "
        "أحبطت هجوما في بغداد <img src=x onerror=\"alert('y')\"> صباح اليوم."
    )
    page.fill("#text", hostile)
    page.click(".analyze button[type=submit]")
    page.wait_for_selector(".report")
    assert "<script>alert('x')</script>" in page.locator(".report .text").inner_text()
    assert page.locator(".report img").count() == 0
    shot(page, "analyze-result")


def test_the_api_docs_render_from_vendored_files(page, server) -> None:  # type: ignore[no-untyped-def]
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server + "/docs")
    page.wait_for_selector(".swagger-ui .information-container")
    assert "/api/analyze" in page.locator(".swagger-ui").inner_text()
    assert all(url.startswith(server) for url in requests), "nothing is fetched from elsewhere"
    shot(page, "api-docs")
