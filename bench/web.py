"""Server time of the web interface over the demo corpus: the report view and a search.

Goal: under 200 ms each (issue 7). Requests go through the whole ASGI app in-process
(routing, store queries, highlighting, templates), so the figures are the server's time
without the network. Run after `make run` has built the demo database, or give --db:

    .venv/bin/python bench/web.py [--db demo/marsad-demo.sqlite] [--rounds 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import warnings
from pathlib import Path
from urllib.parse import quote

from marsad.store import Store
from marsad.web import WebSettings, create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ["داعش", "دير الزور", "سوريا", "العراق", "الحوثيين", "مجلس الأمن", "اليمن", "الموصل"]


def timed(client: TestClient, path: str) -> float:
    started = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        sys.exit(f"{path} answered {response.status_code}")
    return elapsed


def report(label: str, samples: list[float]) -> None:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(
        f"{label:<28} n={len(samples):<4} p50 {statistics.median(samples):7.1f} ms   "
        f"p95 {p95:7.1f} ms   max {ordered[-1]:7.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "demo" / "marsad-demo.sqlite")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--articles", type=int, default=50, help="report pages to time")
    args = parser.parse_args()
    if not args.db.is_file():
        sys.exit(f"no database at {args.db}: run `make run` once (it builds the demo corpus)")
    with Store(args.db) as store:
        counts = store.counts()
        ids = list(store.article_ids())
    random.seed(7)
    sample = random.sample(ids, min(args.articles, len(ids)))
    client = TestClient(create_app(WebSettings(db=args.db, allowed_hosts=("testserver",))))
    timed(client, "/")  # warm: templates compiled, models loaded, caches filled
    print(f"corpus: {counts['articles']} articles, {counts['stories']} stories ({args.db})")
    pages, apis, searches, facets = [], [], [], []
    for _ in range(args.rounds):
        for article_id in sample:
            pages.append(timed(client, f"/articles/{article_id}"))
            apis.append(timed(client, f"/api/articles/{article_id}"))
        for query in QUERIES:
            searches.append(timed(client, "/search?q=" + quote(query)))
            facets.append(timed(client, "/api/search?q=" + quote(query)))
    home = [timed(client, "/") for _ in range(5)]
    report("report view /articles/{id}", pages)
    report("analysis JSON /api/...", apis)
    report("search page /search", searches)
    report("search API /api/search", facets)
    report("latest stories /", home)
    worst = max(statistics.median(pages), statistics.median(searches))
    print(f"goal < 200 ms (p50 of report view and search): {'met' if worst < 200 else 'NOT met'}")


if __name__ == "__main__":
    main()
