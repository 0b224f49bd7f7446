"""Bad input gets a clear one-line error or a flagged result — never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad import analyze
from marsad.cli import app
from marsad.errors import BinaryInputError, EmptyInputError, InputTooLargeError

runner = CliRunner()

ARABIC_REPORT = (
    "دمشق — أعلنت السلطات السورية اليوم فتح معبر حدودي جديد مع الأردن أمام حركة البضائع، "
    "بحسب ما نقلت وكالة الأنباء الرسمية.\n\nوقال مسؤول في الجمارك إن المعبر سيعمل يومياً."
)


def _run(*args: str, stdin: bytes | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=stdin)


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n\n ")
    result = _run("analyze", str(empty))
    assert result.exit_code == 3
    assert "error E101" in result.output and "is empty" in result.output
    with pytest.raises(EmptyInputError):
        analyze(b"")


def test_binary_file(tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    result = _run("analyze", str(pdf))
    assert result.exit_code == 3
    assert "error E102" in result.output and "PDF" in result.output
    with pytest.raises(BinaryInputError):
        analyze(b"\x00\x01\x02garbage\x00" * 10)


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
def test_legacy_arabic_encodings_as_text_and_html(tmp_path: Path, encoding: str) -> None:
    text_file = tmp_path / "report.txt"
    text_file.write_bytes(ARABIC_REPORT.encode(encoding, errors="replace"))
    analysis = analyze(text_file)
    assert analysis.document.encoding == encoding
    assert "السلطات السورية" in analysis.article.text
    page = f"<html><head><title>معبر جديد</title></head><body><article><p>{ARABIC_REPORT}</p></article></body></html>"
    html_file = tmp_path / "page.html"
    html_file.write_bytes(page.encode(encoding, errors="replace"))
    analysis = analyze(html_file)
    assert "السلطات السورية" in analysis.article.text


def test_huge_file_is_refused_with_a_hint(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    huge.write_bytes(("نص عربي طويل جدا. " * 1_200_000).encode("utf-8"))  # ~ 20 MB
    assert huge.stat().st_size > 20_000_000
    result = _run("analyze", str(huge))
    assert result.exit_code == 3
    assert "error E103" in result.output and "--max-size" in result.output
    with pytest.raises(InputTooLargeError):
        analyze(huge)


def test_truncated_html_still_yields_its_text(tmp_path: Path) -> None:
    page = (
        "<html><head><title>تقرير</title></head><body><div class='article'><p>"
        + ARABIC_REPORT.replace("\n\n", "</p><p>")
        + "</p><p>وأضاف أن العمل"
    )
    cut = tmp_path / "cut.html"
    cut.write_text(page, encoding="utf-8")
    result = _run("analyze", str(cut), "--json")
    assert result.exit_code == 0, result.output
    assert "السلطات السورية" in result.output


def test_page_without_text_is_an_extraction_error(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><head><script>var a=1;</script></head><body></body></html>")
    result = _run("analyze", str(page))
    assert result.exit_code == 4
    assert "error E200" in result.output


def test_non_arabic_page_is_flagged_not_refused(tmp_path: Path) -> None:
    page = tmp_path / "english.html"
    page.write_text(
        "<html><body><article><h1>Border crossing reopens</h1>"
        "<p>Syrian authorities reopened a border crossing with Jordan on Tuesday, "
        "the state news agency said, allowing trucks to pass for the first time in years.</p>"
        "<p>A customs official said the crossing would operate daily.</p></article></body></html>"
    )
    analysis = analyze(page)
    assert analysis.article.language == "und"
    assert any(w.startswith("W201") for w in analysis.warnings)


def test_missing_file_and_directory() -> None:
    result = _run("analyze", "/no/such/report.txt")
    assert result.exit_code == 3 and "error E104" in result.output
    result = _run("analyze", "/")
    assert result.exit_code == 3 and "directory" in result.output


def test_invalid_utf8_bytes_are_replaced_and_flagged() -> None:
    raw = ARABIC_REPORT.encode("utf-8") + b"\xff\xfe\xfa trailing"
    analysis = analyze(raw)
    assert analysis.document.encoding == "utf-8"
    assert "السلطات السورية" in analysis.article.text
    assert any(w.startswith("W101") for w in analysis.warnings)
