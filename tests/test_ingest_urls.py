"""Canonical URLs: the same report under tracking parameters, AMP and fragments is one key."""

from __future__ import annotations

from marsad.ingest.urls import canonical_url, url_host


def test_tracking_amp_and_fragments_are_removed() -> None:
    canonical = "https://example.org/news/2024/syria-report"
    for variant in (
        "https://example.org/news/2024/syria-report",
        "http://www.example.org/news/2024/syria-report/",
        "https://example.org/news/2024/syria-report?utm_source=twitter&utm_medium=social",
        "https://example.org/news/2024/syria-report#comments",
        "https://example.org/news/2024/syria-report/amp",
        "https://amp.example.org/news/2024/syria-report?fbclid=abc",
        "https://example.org/news/2024/syria-report.amp",
        "https://example-org.cdn.ampproject.org/c/s/example.org/news/2024/syria-report/amp",
        "https://EXAMPLE.org:443/news/2024/syria-report?outputType=amp",
    ):
        assert canonical_url(variant) == canonical, variant


def test_meaningful_parameters_stay_and_are_sorted() -> None:
    assert (
        canonical_url("https://x.net/a?id=5&page=2&utm_campaign=z") == "https://x.net/a?id=5&page=2"
    )
    assert canonical_url("https://x.net/a?page=2&id=5") == "https://x.net/a?id=5&page=2"
    assert canonical_url("https://x.net:8080/a") == "https://x.net:8080/a"


def test_arabic_paths_meet_whatever_their_encoding() -> None:
    raw = "https://aawsat.com/home/article/410826/بريطانيا-أربعة-محاور"
    encoded = "https://aawsat.com/home/article/410826/%D8%A8%D8%B1%D9%8A%D8%B7%D8%A7%D9%86%D9%8A%D8%A7-%D8%A3%D8%B1%D8%A8%D8%B9%D8%A9-%D9%85%D8%AD%D8%A7%D9%88%D8%B1"
    assert canonical_url(raw) == canonical_url(encoded)
    assert url_host("http://www.alyaum.com/a") == "alyaum.com"
