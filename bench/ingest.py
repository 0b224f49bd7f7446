"""Ingest speed on real reports: end to end, and where the time goes.

    .venv/bin/python bench/ingest.py [--limit 10000] [--workers 1] [--shared-data ../shared/data]

SaudiNewsNet (real Arabic news, 27k articles in daily ZIPs) is written out as one JSONL
file, then, in the same run:

1. end to end: ``marsad.ingest.runner.ingest`` of that file into a fresh database (read,
   extract, analyse with the default pipeline, store, index, fold into stories);
2. analysis alone: the same documents through ``analyse`` (no store);
3. storage alone: the analyses of (2) written with ``Store.put`` (facts, FTS, MinHash/LSH
   stories), in batches as ingest writes them (2 and 3 run on the first ``--sample``);
4. the naive floor: the raw records INSERTed into a bare SQLite table;
5. a second run of (1): idempotence (nothing added) and the speed of skipping.

Ingest is "limited by analysis, not storage" when (3) is several times faster than (2).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

from marsad.ingest.items import Item, analyse
from marsad.ingest.jsonl import records_items
from marsad.ingest.runner import IngestOptions, ingest
from marsad.model import Analysis
from marsad.pipeline import default_pipeline
from marsad.store import Store

ROOT = Path(__file__).resolve().parent.parent


def shared_data(explicit: str | None) -> Path:
    return Path(explicit or os.environ.get("MARSAD_SHARED_DATA") or ROOT.parent / "shared" / "data")


def saudinewsnet_records(shared: Path, limit: int) -> Iterator[dict[str, str]]:
    """Up to ``limit`` SaudiNewsNet articles with text, in date order."""
    count = 0
    for archive in sorted((shared / "corpus" / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(archive) as zipped:
            for name in zipped.namelist():
                for record in json.loads(zipped.read(name)):
                    if not (record.get("content") or "").strip():
                        continue
                    yield record
                    count += 1
                    if count >= limit:
                        return


def write_jsonl(records: list[dict[str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--sample", type=int, default=2000, help="reports for steps 2 and 3")
    parser.add_argument("--keep-db", help="copy the end-to-end database here (for bench/search.py)")
    parser.add_argument("--shared-data")
    args = parser.parse_args()

    records = list(saudinewsnet_records(shared_data(args.shared_data), args.limit))
    default_pipeline()  # load models once, outside the timings
    print(f"{len(records):,} SaudiNewsNet reports; pipeline {default_pipeline().versions}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "saudinewsnet.jsonl"
        write_jsonl(records, corpus)
        size_mb = corpus.stat().st_size / 1e6

        started = time.perf_counter()
        with Store(folder / "end-to-end.db") as store:
            stats = ingest(store, [str(corpus)], IngestOptions(workers=args.workers))
            counts = store.counts()
        end_to_end = time.perf_counter() - started
        db_mb = sum(f.stat().st_size for f in folder.glob("end-to-end.db*")) / 1e6

        if args.keep_db:
            with Store(folder / "end-to-end.db") as store:
                store.connection.execute("VACUUM INTO ?", (args.keep_db,))
        items: list[Item] = list(records_items(corpus))[: args.sample]
        started = time.perf_counter()
        analyses: list[tuple[Item, Analysis]] = []
        for item in items:
            if item.document is not None and item.error is None:
                analyses.append((item, analyse(item.document, item.hints)))
        analysis_only = time.perf_counter() - started

        started = time.perf_counter()
        with Store(folder / "storage.db") as store:
            for offset in range(0, len(analyses), 64):
                with store.transaction():
                    for item, analysis in analyses[offset : offset + 64]:
                        assert item.document is not None
                        store.put(
                            item.key,
                            item.document,
                            origin="jsonl",
                            hints=item.hints,
                            analysis=analysis,
                        )
        storage_only = time.perf_counter() - started

        started = time.perf_counter()
        naive = sqlite3.connect(folder / "naive.db")
        naive.execute("CREATE TABLE reports (id INTEGER PRIMARY KEY, record TEXT)")
        with naive:
            naive.executemany(
                "INSERT INTO reports (record) VALUES (?)",
                ((json.dumps(r, ensure_ascii=False),) for r in records),
            )
        naive.close()
        naive_floor = time.perf_counter() - started

        started = time.perf_counter()
        with Store(folder / "end-to-end.db") as store:
            again = ingest(store, [str(corpus)], IngestOptions(workers=args.workers))
        second_run = time.perf_counter() - started

    n, a = len(records), len(analyses)
    print(f"input: {size_mb:.1f} MB JSONL; database after ingest: {db_mb:.1f} MB; {counts}")
    rows = [
        (f"1. end to end ({args.workers} worker(s))", n, end_to_end,
         f"added {stats.added:,}, failed {stats.failed:,}"),
        ("2. analysis alone", a, analysis_only, ""),
        ("3. storage alone", a, storage_only, ""),
        ("4. naive INSERT of raw rows", n, naive_floor, ""),
        ("5. second run (idempotent)", n, second_run,
         f"added {again.added}, updated {again.updated}, unchanged {again.unchanged:,}"),
    ]  # fmt: skip
    for label, count, seconds, note in rows:
        print(f"{label:32s} {count / seconds:9.1f} reports/s  ({seconds:.1f} s) {note}")
    share = storage_only / (analysis_only + storage_only)
    print(f"storage is {share:.0%} of analysis + storage time")


if __name__ == "__main__":
    main()
