"""A server that shows untrusted reports: escaping, CSRF, size limits, hosts, read-only."""

from __future__ import annotations

import re
import warnings

import pytest

from marsad.web import WebSettings, create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

REPORT = (
    "أعلنت وزارة الصحة في بغداد، أمس، أن فرقها الطبية وصلت إلى مدينة الموصل لتقديم "
    "المساعدة للنازحين، وقال المتحدث باسم الوزارة إن الوضع الصحي تحت السيطرة."
)
HOSTILE_PAGE = f"""<!doctype html><html><head><title>تقرير &lt;img src=x onerror=alert(1)&gt;</title></head>
<body><article><h1>عنوان &lt;script&gt;alert("t")&lt;/script&gt;</h1>
<p>{REPORT} &lt;script&gt;alert("p")&lt;/script&gt;</p>
<p>وأضاف أن &lt;iframe src="javascript:alert(2)"&gt; الفرق ستبقى في المدينة حتى نهاية الشهر الجاري.</p>
<script>alert("page")</script></article></body></html>"""


def client(**settings: object) -> TestClient:
    app = create_app(WebSettings(allowed_hosts=("testserver",), **settings))  # type: ignore[arg-type]
    return TestClient(app)


def csrf(c: TestClient, path: str = "/analyze") -> str:
    page = c.get(path)
    match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert match, "the form carries a CSRF token"
    return match.group(1)


def test_a_hostile_uploaded_page_cannot_inject_markup() -> None:
    c = client()
    token = csrf(c)
    files = {"page": ("report.html", HOSTILE_PAGE.encode(), "text/html")}
    response = c.post("/analyze", data={"csrf_token": token}, files=files)
    assert response.status_code == 200
    html = response.text
    assert "الموصل" in html
    assert not re.search(r"<(script|img|iframe)\b(?![^>]*\bsrc=\"/static/)", html)
    assert "&lt;script&gt;" in html
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_forms_refuse_a_missing_or_foreign_csrf_token() -> None:
    c = client()
    assert c.post("/analyze", data={"text": REPORT}).status_code == 403
    other = client()
    foreign = csrf(other)  # valid for another server's secret
    c.get("/analyze")
    assert c.post("/analyze", data={"csrf_token": foreign, "text": REPORT}).status_code == 403
    token = csrf(c)
    ok = c.post("/analyze", data={"csrf_token": token, "text": REPORT})
    assert ok.status_code == 200
    cross = c.post(
        "/analyze",
        data={"csrf_token": token, "text": REPORT},
        headers={"origin": "http://evil.example"},
    )
    assert cross.status_code == 403


def test_bodies_over_the_limit_are_refused() -> None:
    c = client(max_upload_bytes=10_000)
    token = csrf(c)
    big = ("تقرير طويل جدا " * 2000).encode()
    files = {"page": ("big.txt", big, "text/plain")}
    assert c.post("/analyze", data={"csrf_token": token}, files=files).status_code == 413
    assert c.post("/api/analyze", json={"content": big.decode()}).status_code == 413


def test_requests_for_other_host_names_are_refused() -> None:
    """A page elsewhere cannot reach this server through DNS rebinding."""
    c = client()
    assert c.get("/analyze", headers={"host": "attacker.example"}).status_code == 400


def test_read_only_without_an_admin_token() -> None:
    settings = WebSettings()
    assert settings.read_only
    assert settings.allowed_hosts == ("127.0.0.1", "localhost", "[::1]")
    assert not WebSettings(admin_token="s3cret").read_only
    assert "*" in WebSettings.for_host("0.0.0.0").allowed_hosts


@pytest.mark.parametrize("path", ["/analyze", "/docs", "/static/style.css"])
def test_every_response_carries_the_security_headers(path: str) -> None:
    response = client().get(path)
    assert response.status_code == 200
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
