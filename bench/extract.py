"""Extraction speed: Marsad's extraction against trafilatura alone, same pages, same run.

Marsad runs trafilatura and then does more (encoding detection, Arabic boilerplate rules,
bylines, headings, datelines, hashtags, offsets), so the ratio says what that costs.
Goal: ≤ 1.3× trafilatura's time.

    .venv/bin/python bench/extract.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import trafilatura

from marsad.extract import extract_document
from marsad.ingest.encoding import decode
from marsad.ingest.text import read_input

PAGES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "html"


def _time(fn, pages) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    for page in pages:
        fn(page)
    return (time.perf_counter() - start) / len(pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    raw_pages = [p.read_bytes() for p in sorted(PAGES.glob("*.html"))]
    # The peer gets the page already decoded (its best case); Marsad starts from bytes.
    decoded = [decode(raw)[0] for raw in raw_pages]

    def peer(page: str) -> None:
        trafilatura.extract(page, with_metadata=True, include_formatting=True)

    def peer_bare(page: str) -> None:
        trafilatura.bare_extraction(page, with_metadata=True, include_formatting=True)

    def marsad(raw: bytes) -> None:
        extract_document(read_input(raw))

    peer_times, bare_times, marsad_times = [], [], []
    for _ in range(args.rounds):  # interleaved, so drift hits all alike
        peer_times.append(_time(peer, decoded))
        bare_times.append(_time(peer_bare, decoded))
        marsad_times.append(_time(marsad, raw_pages))
    peer_ms = statistics.median(peer_times) * 1000
    bare_ms = statistics.median(bare_times) * 1000
    marsad_ms = statistics.median(marsad_times) * 1000
    print(f"pages: {len(raw_pages)} (tests/fixtures/html), rounds: {args.rounds}, median per page")
    print(f"trafilatura.extract      {peer_ms:7.2f} ms/page")
    print(f"trafilatura.bare_extr.   {bare_ms:7.2f} ms/page  (no serialisation)")
    print(f"marsad extract_document  {marsad_ms:7.2f} ms/page")
    print(f"ratio marsad/trafilatura.extract        {marsad_ms / peer_ms:5.2f}x  (goal <= 1.30x)")
    print(f"ratio marsad/trafilatura.bare_extraction {marsad_ms / bare_ms:5.2f}x")


if __name__ == "__main__":
    main()
