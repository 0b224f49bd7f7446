"""Ingest end to end against a local HTTP server on 127.0.0.1 serving real saved pages and
feeds, a WARC written here, and bad input of every kind (nothing may be lost)."""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import shutil
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.errors import (
    AddressRefusedError,
    FetchTimeoutError,
    HTTPStatusError,
    RobotsDisallowedError,
)
from marsad.ingest import fetch as fetch_module
from marsad.ingest.fetch import Fetcher, FetchPolicy
from marsad.ingest.runner import IngestOptions, ingest
from marsad.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
PAGE = "constructed__news_portal.html"
ENGLISH = (
    b"<html><head><title>Weather</title></head><body><p>"
    + b"Sunny skies are expected over the coast all week, with light winds. " * 8
    + b"</p></body></html>"
)


class Site:
    """What the test server serves and what it saw."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str]] = []  # (path, user agent)
        self.flaky_failures = 1
        self.base = ""


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _send(
            self,
            status: int,
            body: bytes,
            content_type: str = "text/html; charset=utf-8",
            **headers: str,
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)  # the client may have given up (the timeout test)

        def do_GET(self) -> None:
            site.requests.append((self.path, self.headers.get("User-Agent", "")))
            path = self.path.split("?", 1)[0]
            if path == "/robots.txt":
                return self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
            if path.startswith("/html/"):
                page = FIXTURES / "html" / path.removeprefix("/html/")
                if page.is_file():
                    return self._send(200, page.read_bytes())
            if path.startswith("/feeds/"):
                feed = FIXTURES / "feeds" / path.removeprefix("/feeds/")
                if feed.is_file():
                    body = feed.read_text(encoding="utf-8").replace("{base}", site.base)
                    return self._send(200, body.encode("utf-8"), "application/rss+xml")
            if path == "/english.html":
                return self._send(200, ENGLISH)
            if path == "/slow.html":
                time.sleep(1.0)
                return self._send(200, (FIXTURES / "html" / PAGE).read_bytes())
            if path == "/flaky.html":
                if site.flaky_failures > 0:
                    site.flaky_failures -= 1
                    return self._send(503, b"busy", Retry_After="0")
                return self._send(200, (FIXTURES / "html" / PAGE).read_bytes())
            if path == "/moved":
                return self._send(301, b"", Location="/html/" + PAGE)
            if path == "/huge.html":
                return self._send(200, b"<p>" + "نص ".encode() * 200_000 + b"</p>")
            if path == "/error.html":
                return self._send(500, b"error")
            return self._send(404, b"not found")

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


def _policy(**overrides: object) -> FetchPolicy:
    fields: dict[str, object] = {
        "timeout": 5.0,
        "retries": 1,
        "backoff": 0.01,
        "min_interval": 0.0,
        "allow": ("127.0.0.1",),
    }
    fields.update(overrides)
    return FetchPolicy(**fields)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "marsad.db") as opened:
        yield opened


def _options(**overrides: object) -> IngestOptions:
    fields: dict[str, object] = {"fetch": _policy(), "batch_size": 3}
    fields.update(overrides)
    return IngestOptions(**fields)  # type: ignore[arg-type]


# ------------------------------------------------------------------------- fetching


def test_fetch_names_marsad_and_follows_redirects(site: Site) -> None:
    with Fetcher(_policy()) as fetcher:
        response = fetcher.fetch(site.base + "/moved")
    assert response.url.endswith("/html/" + PAGE)
    assert "عدن".encode() in response.body
    agents = {agent for path, agent in site.requests}
    assert agents and all(agent.startswith("Marsad/") for agent in agents)
    assert site.requests[0][0] == "/robots.txt"


def test_loopback_is_refused_unless_allowed(site: Site) -> None:
    with Fetcher(_policy(allow=())) as fetcher, pytest.raises(AddressRefusedError):
        fetcher.fetch(site.base + "/html/" + PAGE)
    assert site.requests == []
    for private in ("http://10.1.2.3/a", "http://169.254.169.254/latest", "http://[::1]/a"):
        with Fetcher(_policy(allow=())) as fetcher, pytest.raises(AddressRefusedError):
            fetcher.check_address(private)


def test_robots_txt_is_respected(site: Site) -> None:
    with Fetcher(_policy()) as fetcher, pytest.raises(RobotsDisallowedError):
        fetcher.fetch(site.base + "/private/secret.html")
    assert "/private/secret.html" not in [path for path, _ in site.requests]


def test_http_errors_and_timeouts_raise_after_retries(site: Site) -> None:
    with Fetcher(_policy()) as fetcher:
        with pytest.raises(HTTPStatusError, match="404"):
            fetcher.fetch(site.base + "/missing.html")
        with pytest.raises(HTTPStatusError, match="500"):
            fetcher.fetch(site.base + "/error.html")
    assert [p for p, _ in site.requests].count("/error.html") == 2  # one retry
    with Fetcher(_policy(timeout=0.2)) as fetcher, pytest.raises(FetchTimeoutError):
        fetcher.fetch(site.base + "/slow.html")


def test_a_busy_server_is_retried_with_backoff(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    sleeps: list[float] = []
    monkeypatch.setattr(fetch_module.time, "sleep", sleeps.append)
    with Fetcher(_policy(backoff=0.5)) as fetcher:
        response = fetcher.fetch(site.base + "/flaky.html")
    assert response.status == 200
    assert [p for p, _ in site.requests].count("/flaky.html") == 2
    assert sleeps == [0.0]  # the server's Retry-After: 0 wins over the backoff


def test_requests_to_one_host_are_spaced(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    sleeps: list[float] = []
    monkeypatch.setattr(fetch_module.time, "sleep", sleeps.append)
    with Fetcher(_policy(min_interval=5.0)) as fetcher:
        fetcher.fetch(site.base + "/html/" + PAGE)
        fetcher.fetch(site.base + "/html/constructed__tv_channel.html")
    # robots.txt, then two pages: each request after the first waits for the interval
    assert len(sleeps) == 2 and all(4.0 < s <= 5.0 for s in sleeps)


# --------------------------------------------------------------------------- ingest


def test_feed_url_is_ingested_politely_and_idempotently(site: Site, store: Store) -> None:
    stats = ingest(store, [site.base + "/feeds/constructed__rss.xml"], _options())
    assert (stats.added, stats.failed) == (2, 2)
    codes = sorted(error.split()[0] for _, error in stats.failures)
    assert codes == ["E402", "E403"]
    failures = {f.url: f.error for f in store.failures()}
    assert any(url and url.endswith("/missing.html") for url in failures)
    hit = store.search("عدن").hits[0]
    assert hit.title == "وصول الطائرة الإغاثية الثالثة إلى عدن"
    assert hit.url is not None and "utm_source" in hit.url  # kept as fetched; the key is canonical
    again = ingest(store, [site.base + "/feeds/constructed__rss.xml"], _options())
    assert (again.added, again.updated) == (0, 0)
    assert store.counts()["documents"] == 4
    fetched_twice = [p for p, _ in site.requests if p.startswith("/html/")]
    assert len(fetched_twice) == len(set(fetched_twice))  # stored pages are not fetched again


def test_feed_files_with_inline_content_and_malformed_feeds(store: Store) -> None:
    feeds = FIXTURES / "feeds"
    stats = ingest(
        store,
        [str(feeds / "constructed__atom.xml"), str(feeds / "constructed__malformed.xml")],
        _options(follow_links=False),
    )
    assert stats.added == 1
    assert sorted(e.split()[0] for _, e in stats.failures) == ["E101", "E110"]
    analysis = store.get_analysis(store.search("صواريخ").hits[0].id)
    assert analysis.article.title == "الجيش الحر يسيطر على مستودعات صواريخ قرب دمشق"
    assert analysis.article.byline == "مراسل الاختبار"
    assert str(analysis.article.published).startswith("2015-07-22")
    malformed = [f for f in store.failures() if "malformed" in f.source]
    assert malformed and store.get_document(malformed[0].document_id).raw.startswith(b"<?xml")
    again = ingest(store, [str(feeds)], _options(follow_links=False))
    assert (again.added, again.updated) == (0, 0)


def _warc(path: Path, base: str) -> None:
    pages = [
        (f"{base}/a", FIXTURES / "html" / PAGE),
        (f"{base}/b", FIXTURES / "html" / "constructed__tv_channel.html"),
    ]
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, page in pages:
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(page.read_bytes()), http_headers=http
                )
            )
            request = StatusAndHeaders(
                "GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "request", payload=io.BytesIO(b""), http_headers=request
                )
            )
        missing = StatusAndHeaders(
            "404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                f"{base}/gone", "response", payload=io.BytesIO(b"<p>gone</p>"), http_headers=missing
            )
        )
    # a damaged record at the end: a gzip member whose WARC header is garbage
    with path.open("ab") as out:
        out.write(
            gzip.compress(
                b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n"
                + "شظايا".encode()
            )
        )


def test_warc_pages_are_ingested_and_damage_is_reported(tmp_path: Path, store: Store) -> None:
    archive = tmp_path / "crawl.warc.gz"
    _warc(archive, "https://example.org")
    stats = ingest(store, [str(archive)], _options())
    assert stats.added == 2
    assert [e.split()[0] for _, e in stats.failures] == ["E111"]
    hit = store.search("عدن").hits[0]
    assert hit.url == "https://example.org/a"
    assert store.get_document(hit.id).raw == (FIXTURES / "html" / PAGE).read_bytes()
    again = ingest(store, [str(archive)], _options())
    assert (again.added, again.updated, again.failed) == (0, 0, 0)


def test_folder_of_reports_keeps_every_failure(tmp_path: Path, store: Store) -> None:
    folder = tmp_path / "reports"
    (folder / "nested").mkdir(parents=True)
    shutil.copy(FIXTURES / "seed-article.txt", folder / "seed.txt")
    shutil.copy(FIXTURES / "html" / PAGE, folder / "nested" / "page.html")
    (folder / "english.html").write_bytes(ENGLISH)
    (folder / "empty.txt").write_bytes(b"  \n")
    (folder / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")  # not a report kind: skipped
    (folder / "records.jsonl").write_text(
        json.dumps(
            {
                "url": "https://www.aawsat.com/x/1?utm_source=t",
                "title": "بريطانيا: محاور لاستراتيجية جديدة",
                "content": "حدد رئيس الوزراء البريطاني ملامح استراتيجية للتصدي للتطرف داخل بريطانيا وخارجها.",
                "source": "aawsat",
                "date_extracted": "2015-07-21 02:51:32",
            },
            ensure_ascii=False,
        )
        + "\n{not json\n",
        encoding="utf-8",
    )
    stats = ingest(store, [str(folder)], _options())
    assert stats.added == 4
    assert sorted(e.split()[0] for _, e in stats.failures) == ["E100", "E101", "E102"]
    english = store.search("sunny").hits[0]
    assert store.get_analysis(english.id).article.language != "ar"
    record = store.search(
        "التطرف",
    ).hits[0]
    assert (record.publisher, record.day) == ("aawsat", "2015-07-21")
    (folder / "seed.txt").write_text(
        (FIXTURES / "seed-article.txt").read_text(encoding="utf-8") + "\nتحديث.", encoding="utf-8"
    )
    again = ingest(store, [str(folder)], _options())
    assert (again.added, again.updated) == (0, 1)
    assert store.counts()["documents"] == 7


def test_huge_pages_and_non_arabic_pages_are_kept(site: Site, store: Store) -> None:
    stats = ingest(
        store,
        [site.base + "/huge.html", site.base + "/english.html"],
        _options(max_bytes=100_000, fetch=_policy(max_bytes=100_000)),
    )
    assert stats.added == 1
    assert [e.split()[0] for _, e in stats.failures] == ["E103"]


def test_parallel_workers_give_the_same_store(tmp_path: Path) -> None:
    folder = FIXTURES / "html"
    with Store(tmp_path / "one.db") as one, Store(tmp_path / "two.db") as two:
        ingest(one, [str(folder)], _options())
        ingest(two, [str(folder)], _options(workers=2))
        titles = sorted((r[0] or "") for r in one.connection.execute("SELECT title FROM articles"))
        assert titles == sorted(
            (r[0] or "") for r in two.connection.execute("SELECT title FROM articles")
        )
