"""Search speed at 10k and 100k real reports, against a naive LIKE scan in the same run.

    .venv/bin/python bench/ingest.py --limit 10000 --keep-db /tmp/bench-10k.db
    .venv/bin/python bench/search.py --db /tmp/bench-10k.db [--scale 100000]

The 10k database is the one bench/ingest.py built from SaudiNewsNet (analysed by the full
pipeline). The larger one is that database grown by copies with variation: each copy of a
report gets its paragraphs rotated, a paragraph of another report appended, another
publisher, URL and day, and is stored with the original's analysis facts (the facts are
not re-derived: this measures the store, not the analysers). The grown index is then merged
into one FTS5 segment ('optimize'); the 10k one is measured as ingest left it.

Queries are real words and phrases of the corpus (places, actors, topics, frequent and
rare words), some with filters. For each: ``Store.search`` as the CLI runs it (10 hits,
snippets, facets), timed by the wall clock and by the thread's CPU clock (steady when other
work shares the cores), the same without facets, and the naive peer: ``LIKE '%word%'``
over the article text for every word, newest 10 plus the count. p50/p95 in milliseconds.
Every repetition runs the whole search again: nothing caches results.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from marsad.store import Filters, Store
from marsad.store.terms import words

QUERIES: list[tuple[str, Filters]] = [
    ("السعودية", Filters()),
    ("الرياض", Filters()),
    ("داعش", Filters()),
    ("تنظيم داعش", Filters()),
    ('"الأمم المتحدة"', Filters()),
    ("اليمن الحوثيين", Filters()),
    ("سوريا", Filters()),
    ("وسوريا", Filters()),
    ("أوروبا", Filters()),
    ("الرقة", Filters()),
    ("دير الزور", Filters()),
    ("إيران الاتفاق النووي", Filters()),
    ("وزير الخارجية", Filters()),
    ("مجلس الأمن", Filters()),
    ("الهلال النصر", Filters()),
    ("أسعار النفط", Filters()),
    ("الملك سلمان", Filters()),
    ("عاصفة الحزم", Filters()),
    ("المملكة", Filters(since=date(2015, 8, 1))),
    ("الحوثي", Filters(publisher="aawsat")),
    ("انفجار", Filters(until=date(2015, 7, 31))),
    ("الشرطة", Filters(place="الرياض")),
    ("مصدر", Filters(anonymous_only=True)),
    ("الإرهاب", Filters(topic="middle_east")),
    ("تركيا الأكراد", Filters()),
    ("الطائرات", Filters()),
    ("مستشفى", Filters()),
    ("كرة القدم", Filters()),
    ("الاقتصاد", Filters()),
    ("قال", Filters()),
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(
    run: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter
) -> list[float]:
    times = []
    for _ in range(repeat):
        started = clock()
        run()
        times.append((clock() - started) * 1000)
    return times


def like_scan(store: Store, query: str, filters: Filters) -> tuple[int, list[int]]:
    """The naive peer: every query word as a LIKE pattern over the text, no Arabic folding."""
    terms = [t.strip('"') for t in query.split() if t.strip('"')]
    where = " AND ".join("text LIKE ?" for _ in terms)
    params: list[object] = [f"%{t}%" for t in terms]
    if filters.since:
        where += " AND day >= ?"
        params.append(filters.since.isoformat())
    if filters.until:
        where += " AND day <= ?"
        params.append(filters.until.isoformat())
    if filters.publisher:
        where += " AND publisher_key = ?"
        params.append(filters.publisher)
    total = store.connection.execute(
        f"SELECT count(*) FROM articles WHERE {where}", params
    ).fetchone()[0]
    rows = store.connection.execute(
        f"SELECT id FROM articles WHERE {where} ORDER BY day DESC, id DESC LIMIT 10", params
    ).fetchall()
    return total, [r[0] for r in rows]


def measure(store: Store, label: str, repeat: int) -> None:
    n = store.counts()["articles"]
    rows: dict[str, list[float]] = {
        "marsad": [],
        "marsad, CPU time": [],
        "marsad, no facets": [],
        "LIKE scan": [],
    }
    totals = []
    for query, filters in QUERIES:
        store.search(query, filters)  # warm the page cache once per query
        rows["marsad"] += timed(lambda q=query, f=filters: store.search(q, f), repeat)
        # the same on this thread's CPU clock: what other processes take of the cores
        # does not count (SQLite runs on the calling thread)
        rows["marsad, CPU time"] += timed(
            lambda q=query, f=filters: store.search(q, f), repeat, time.thread_time
        )
        rows["marsad, no facets"] += timed(
            lambda q=query, f=filters: store.search(q, f, facets=False), repeat
        )
        rows["LIKE scan"] += timed(lambda q=query, f=filters: like_scan(store, q, f), repeat)
        totals.append(
            (store.search(query, filters, facets=False).total, like_scan(store, query, filters)[0])
        )
    print(f"\n{label}: {n:,} reports, {len(QUERIES)} queries x {repeat}")
    for name, values in rows.items():
        p50, p95 = percentile(values, 0.5), percentile(values, 0.95)
        print(f"  {name:18s} p50 {p50:8.1f} ms   p95 {p95:8.1f} ms   max {max(values):8.1f} ms")
    found = sum(m for m, _ in totals)
    naive = sum(like for _, like in totals)
    print(f"  matches over all queries: marsad {found:,}, LIKE {naive:,}")
    print("  (LIKE misses spelling and clitic variants, and matches inside longer words)")


def grow(store: Store, target: int, seed: int = 7) -> None:
    """Copies of the stored reports with variation until the store holds ``target``."""
    rng = random.Random(seed)
    publishers = [
        r[0] for r in store.connection.execute("SELECT DISTINCT publisher FROM articles") if r[0]
    ]
    paragraphs_of = [
        r[0].split("\n\n") for r in store.connection.execute("SELECT text FROM articles")
    ]
    # a grown database is grown further from where it stopped
    copy = max(
        [int(r[0].split(":")[1]) for r in store.connection.execute(
            "SELECT key FROM documents WHERE key LIKE 'copy:%' ORDER BY id DESC LIMIT 1")],
        default=0,
    )  # fmt: skip
    originals = [
        r[0] for r in store.connection.execute(
            "SELECT d.id FROM documents d JOIN articles a ON a.id = d.id "
            "WHERE d.key NOT LIKE 'copy:%' ORDER BY d.id")
    ]  # fmt: skip
    count = store.counts()["articles"]
    started = time.perf_counter()
    while count < target:
        copy += 1
        batch = originals[: min(len(originals), target - count)]
        for offset in range(0, len(batch), 200):
            with store.transaction():
                for article_id in batch[offset : offset + 200]:
                    analysis = store.get_analysis(article_id)
                    paragraphs = analysis.article.text.split("\n\n")
                    turn = copy % max(1, len(paragraphs))
                    extra = rng.choice(rng.choice(paragraphs_of))
                    analysis.article.text = "\n\n".join(
                        paragraphs[turn:] + paragraphs[:turn] + [extra]
                    )
                    analysis.article.publisher = rng.choice(publishers) if publishers else None
                    analysis.article.url = f"https://copy{copy}.example.net/{article_id}"
                    day = analysis.article.published or analysis.document.fetched_at
                    analysis.article.published = (
                        day if isinstance(day, date) else date.today()
                    ) + timedelta(days=rng.randint(-200, 200))
                    analysis.document.url = analysis.article.url
                    store.put(
                        f"copy:{copy}:{article_id}",
                        analysis.document,
                        origin="bench",
                        analysis=analysis,
                    )
                    count += 1
        print(f"  grown to {count:,} reports ({time.perf_counter() - started:.0f} s)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", required=True, help="the database bench/ingest.py --keep-db wrote")
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--grown", help="keep the grown database here (reused when it exists)")
    args = parser.parse_args()
    assert words("أوروبا")  # the normaliser is importable before timing anything
    with Store(args.db) as store:
        measure(store, "as ingested", args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        grown = Path(args.grown) if args.grown else Path(tmp) / "grown.db"
        if not grown.exists():
            shutil.copy(args.db, grown)
        with Store(grown) as store:
            grow(store, args.scale)
            store.connection.execute("PRAGMA optimize")
            store.connection.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")
        with Store(grown) as store:
            measure(store, "grown with variation", args.repeat)
            size = sum(f.stat().st_size for f in grown.parent.glob(grown.name + "*")) / 1e6
            print(f"  database: {size:,.0f} MB")


if __name__ == "__main__":
    main()
