"""Digests end to end on a real corpus and a real SMTP server on 127.0.0.1: subscribe
(double opt-in), ingest new reports, `marsad digest send`, the message as received, each
story once per subscriber, dry runs, failures that stay pending, and `marsad watch`
stopped and killed in the middle of a run without losing or repeating a digest."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.digest import storage
from marsad.digest.config import load_config
from marsad.digest.service import DigestService
from marsad.digest.tokens import Purpose, TokenSigner
from marsad.ingest.runner import ingest
from marsad.store import Store
from tests.digest_support import Received, SmtpServer

SECRET = "digest-test-secret-0123456789abcdef"
HTML = Path(__file__).parent / "fixtures" / "html"
FIRST = ["constructed__news_portal.html", "constructed__tv_channel.html"]
LATER = [
    "constructed__legacy_tables_cp1256.html",
    "constructed__news_agency.html",
    "goose3__test_cnn_arabic.html",
]
runner = CliRunner()


@pytest.fixture
def corpus(tmp_path: Path, fixtures: Path) -> Path:
    """A database holding the seed report and two constructed pages (Aden, Daesh)."""
    db = tmp_path / "marsad.db"
    first = tmp_path / "first"
    first.mkdir()
    shutil.copy(fixtures / "seed-article.txt", first / "seed-article.txt")
    for name in FIRST:
        shutil.copy(HTML / name, first / name)
    with Store(db) as store:
        stats = ingest(store, [str(first)])
    assert stats.added == 3
    return db


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    with SmtpServer() as server:
        yield server


@pytest.fixture
def config(tmp_path: Path, smtp: SmtpServer, monkeypatch: pytest.MonkeyPatch) -> Path:
    later = tmp_path / "later"
    later.mkdir()
    path = tmp_path / "marsad.toml"
    path.write_text(
        "[digest]\n"
        'sender = "مرصد <digest@marsad.example.org>"\n'
        'base_url = "https://marsad.example.org"\n'
        'unsubscribe_mailto = "leave@marsad.example.org"\n'
        "[smtp]\n"
        f'host = "127.0.0.1"\nport = {smtp.port}\nsecurity = "none"\nretries = 1\nbackoff = 0\n'
        "[watch]\n"
        f"feeds = [{str(later)!r}]\ninterval = 3600\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("MARSAD_DIGEST_SECRET", SECRET)
    monkeypatch.delenv("MARSAD_SMTP_PASSWORD", raising=False)
    return path


def _cli(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def _add_later(tmp_path: Path, names: list[str] = LATER) -> None:
    for name in names:
        shutil.copy(HTML / name, tmp_path / "later" / name)


def _ingest_later(db: Path, tmp_path: Path, names: list[str] = LATER) -> None:
    _add_later(tmp_path, names)
    with Store(db) as store:
        ingest(store, [str(tmp_path / "later")])


def _subscribe(db: Path, config: Path, email: str, *follow: str, confirmed: bool = True) -> None:
    extra = ["--confirmed"] if confirmed else []
    code, output = _cli("subscribe", email, "--db", str(db), "--config", str(config),
                        "--frequency", "instant", *follow, *extra)  # fmt: skip
    assert code == 0, output


def _digests(received: list[Received]) -> list[Received]:
    return [r for r in received if r.message["Subject"].startswith("مرصد: ") and
            "أكِّد" not in r.message["Subject"]]  # fmt: skip


def test_bad_input_is_refused_with_clear_errors(corpus: Path, config: Path) -> None:
    base = ["subscribe", "--db", str(corpus), "--config", str(config)]
    code, output = _cli(*base, "not-an-address", "--place", "عدن")
    assert code == 2 and "E601" in output and "no '@'" in output
    code, output = _cli(*base, "reader@example.org", "--place", "عدن", "--name", "x\nBcc: v@e.net")
    assert code == 2 and "E602" in output
    code, output = _cli(*base, "reader@example.org", "--place", "عدنن")
    assert code == 2 and "E603" in output and "did you mean عدن" in output
    code, output = _cli(*base, "reader@example.org", "--hashtag", "#لا_يوجد_وسم_كهذا")
    assert code == 2 and "E603" in output
    code, output = _cli(*base, "reader@example.org", "--search", "عدن", "--filter", "colour=red")
    assert code == 2 and "E600" in output and "unknown search filter 'colour'" in output
    code, output = _cli(*base, "reader@example.org", "--search", "-عدن")
    assert code == 2 and "E502" in output
    code, output = _cli(*base, "reader@example.org", "--place", "عدن", "--timezone", "Mars/Base")
    assert code == 2 and "E600" in output
    code, output = _cli(*base, "reader@example.org")
    assert code == 2 and "at least one followed item" in output
    with Store(corpus) as store:
        assert storage.list_subscriptions(store, include_unsubscribed=True) == []


def test_double_opt_in_then_a_digest_of_the_new_stories(
    corpus: Path, config: Path, smtp: SmtpServer, tmp_path: Path
) -> None:
    code, output = _cli(
        "subscribe", "reader@example.org", "--db", str(corpus), "--config", str(config),
        "--place", "عدن", "--hashtag", "#داعش", "--search", "صواريخ",
        "--filter", "publisher=CNNArabic", "--name", "قارئ", "--timezone", "Asia/Aden",
        "--frequency", "instant",
    )  # fmt: skip
    assert code == 0, output
    assert "pending" in output and "confirmation email sent" in output
    (confirmation,) = smtp.messages
    text = confirmation.message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    token = re.search(r"/subscribe/confirm/(\S+)", text).group(1)  # type: ignore[union-attr]
    signer = TokenSigner(SECRET)
    uid = signer.verify(Purpose.confirm, token)

    # Nothing goes to a pending subscription.
    _ingest_later(corpus, tmp_path)
    code, output = _cli("digest", "send", "--db", str(corpus), "--config", str(config))
    assert code == 0, output
    assert len(smtp.messages) == 1

    # Confirmed: reports stored from now on are news to this subscriber.
    with Store(corpus) as store:
        storage.confirm(store, uid, datetime.now(UTC))
    _ingest_later(corpus, tmp_path, ["newspaper4k__arabic_article.html"])
    fresh = tmp_path / "later" / "fresh.html"
    fresh.write_bytes((HTML / "constructed__amp_page.html").read_bytes())
    with Store(corpus) as store:
        ingest(store, [str(tmp_path / "later")])
    code, output = _cli("digest", "send", "--db", str(corpus), "--config", str(config))
    assert code == 0, output
    digests = _digests(smtp.messages)
    assert len(digests) == 1, [m.message["Subject"] for m in smtp.messages]
    message = digests[0].message
    assert message["To"].addresses[0].addr_spec == "reader@example.org"
    plain = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "معارضون يسيطرون على مخازن للصواريخ بريف دمشق" in plain
    assert "مقاومة عدن" in plain
    assert 'dir="rtl"' in html
    unsubscribe = re.search(r"<(https://[^>]+)>", str(message["List-Unsubscribe"])).group(1)  # type: ignore[union-attr]
    assert signer.verify(Purpose.unsubscribe, unsubscribe.rsplit("/", 1)[1]) == uid
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # The CNN story was stored twice (two saves of one page): one story, counted once.
    assert plain.count("معارضون يسيطرون على مخازن للصواريخ بريف دمشق") == 1

    # A second run finds nothing new: no story reaches a subscriber twice.
    code, output = _cli("digest", "send", "--db", str(corpus), "--config", str(config))
    assert code == 0 and len(_digests(smtp.messages)) == 1
    with Store(corpus) as store:
        (subscription,) = storage.find_subscriptions(store, "reader@example.org")
        deliveries = storage.deliveries_of(store, subscription.id or 0)
    assert [(d.kind, d.status) for d in deliveries] == [
        ("confirmation", "sent"), ("digest", "sent"),
    ]  # fmt: skip

    code, output = _cli("subscriptions", "--db", str(corpus), "--json")
    assert code == 0 and '"status": "active"' in output and '"sent": 2' in output
    code, output = _cli("unsubscribe", "reader@example.org", "--db", str(corpus))
    assert code == 0 and "unsubscribed" in output
    code, output = _cli("unsubscribe", "reader@example.org", "--db", str(corpus))
    assert code == 2 and "no active subscription" in output


def test_dry_run_writes_and_sends_nothing(
    corpus: Path, config: Path, smtp: SmtpServer, tmp_path: Path
) -> None:
    _subscribe(corpus, config, "reader@example.org", "--place", "عدن")
    _ingest_later(corpus, tmp_path)
    code, output = _cli("digest", "send", "--db", str(corpus), "--config", str(config), "--dry-run")
    assert code == 0, output
    assert "reader@example.org" in output and "would send 2 stories" in output
    assert smtp.messages == []
    with Store(corpus) as store:
        (subscription,) = storage.list_subscriptions(store)
        assert storage.deliveries_of(store, subscription.id or 0) == []
        assert subscription.last_slot is None
    code, output = _cli("digest", "send", "--db", str(corpus), "--config", str(config))
    assert code == 0 and len(smtp.messages) == 1


def test_a_server_that_is_down_leaves_the_digest_pending_not_lost(
    corpus: Path, config: Path, smtp: SmtpServer, tmp_path: Path
) -> None:
    _subscribe(corpus, config, "reader@example.org", "--place", "عدن")
    _ingest_later(corpus, tmp_path)
    smtp.recorder.refuse = ["451 4.3.0 try later", "451 4.3.0 try later"]  # both attempts
    code, output = _cli("digest", "send", "--db", str(corpus), "--config", str(config))
    assert code == 7 and "still pending 1" in output
    assert smtp.messages == []
    code, output = _cli("digest", "send", "--db", str(corpus), "--config", str(config))
    assert code == 0, output
    assert len(smtp.messages) == 1
    with Store(corpus) as store:
        (subscription,) = storage.list_subscriptions(store)
        (delivery,) = storage.deliveries_of(store, subscription.id or 0)
    assert delivery.status == "sent" and delivery.attempts == 3


def test_a_permanent_refusal_is_recorded_and_others_still_get_theirs(
    corpus: Path, config: Path, smtp: SmtpServer, tmp_path: Path
) -> None:
    _subscribe(corpus, config, "gone@example.org", "--place", "عدن")
    _subscribe(corpus, config, "reader@example.org", "--place", "عدن")
    _ingest_later(corpus, tmp_path)
    smtp.recorder.refuse = ["550 5.1.1 no such mailbox"]
    code, output = _cli("digest", "send", "--db", str(corpus), "--config", str(config))
    assert code == 7 and "550 5.1.1" in output
    assert [m.recipients for m in smtp.messages] == [["reader@example.org"]]
    with Store(corpus) as store:
        statuses = {
            s.email: [d.status for d in storage.deliveries_of(store, s.id or 0)]
            for s in storage.list_subscriptions(store)
        }
    assert statuses == {"gone@example.org": ["failed"], "reader@example.org": ["sent"]}


def test_stories_over_the_cap_wait_for_the_next_digest(
    corpus: Path, config: Path, smtp: SmtpServer, tmp_path: Path
) -> None:
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("[digest]\n", "[digest]\nmax_stories = 1\n"), "utf-8")
    _subscribe(corpus, config, "reader@example.org", "--place", "عدن")
    _ingest_later(corpus, tmp_path)  # two new Aden stories
    for _ in range(3):
        code, output = _cli("digest", "send", "--db", str(corpus), "--config", str(config))
        assert code == 0, output
    counts = _story_counts(smtp.messages)
    assert len(_digests(smtp.messages)) == 2  # one story each, then nothing left
    assert len(counts) == 2 and set(counts.values()) == {1}


def test_daily_digests_wait_for_the_local_hour(corpus: Path, config: Path, tmp_path: Path) -> None:
    _subscribe(corpus, config, "reader@example.org", "--place", "عدن")
    with Store(corpus) as store:
        (subscription,) = storage.list_subscriptions(store)
        store.connection.execute(
            "UPDATE subscriptions SET frequency = 'daily', timezone = 'Asia/Aden', "
            "confirmed_at = ? WHERE id = ?",
            ("2024-05-01T00:00:00+00:00", subscription.id),
        )
    _ingest_later(corpus, tmp_path)
    settings = load_config(config)
    # 03:59 UTC is 06:59 in Aden: the 07:00 digest of 2 May is not due yet.
    with Store(corpus) as store:
        before = DigestService(
            store, settings, clock=lambda: datetime(2024, 5, 2, 3, 59, tzinfo=UTC)
        )
        assert before.run(dry_run=True).planned[0].slot == datetime(2024, 5, 1, 4, tzinfo=UTC)
        after = DigestService(store, settings, clock=lambda: datetime(2024, 5, 2, 4, 0, tzinfo=UTC))
        (planned,) = after.prepare(after.clock())
        assert planned.slot == datetime(2024, 5, 2, 4, tzinfo=UTC)
        assert planned.digest is not None
        assert after.prepare(after.clock() + timedelta(hours=5)) == []  # once per slot


def _watch(db: Path, config: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "MARSAD_DIGEST_SECRET": SECRET,
        "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src"),
    }
    command = [sys.executable, "-m", "marsad.cli", "watch", "--once"]
    command += ["--db", str(db), "--config", str(config)]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _story_counts(received: list[Received]) -> Counter[tuple[str, str]]:
    """(recipient, story link) pairs over every digest received."""
    counts: Counter[tuple[str, str]] = Counter()
    for message in _digests(received):
        plain = message.message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
        for link in re.findall(r"https://marsad\.example\.org/stories/\d+", plain):
            counts[(message.recipients[0], link)] += 1
    return counts


@pytest.mark.parametrize("how", ["killed", "stopped"])
def test_watch_restarted_in_the_middle_of_a_run_neither_loses_nor_repeats(
    corpus: Path, config: Path, smtp: SmtpServer, tmp_path: Path, how: str
) -> None:
    readers = [f"reader{i}@example.org" for i in range(5)]
    for reader in readers:
        _subscribe(corpus, config, reader, "--place", "عدن", "--hashtag", "#داعش")
    _add_later(tmp_path)  # watch ingests these: new Aden reports for everyone
    process: list[subprocess.Popen[bytes]] = []
    interrupted = threading.Event()

    def interrupt_at_the_third(received: Received) -> str | None:
        with smtp.recorder.lock:
            seen = len(smtp.recorder.messages)
        if seen == 2 and not interrupted.is_set():
            interrupted.set()
            if how == "killed":  # dies before the server accepts the third message
                process[0].kill()
                return "451 4.3.0 connection lost"
            process[0].send_signal(signal.SIGTERM)  # asked to stop: finishes this one
        return None

    smtp.recorder.on_data = interrupt_at_the_third
    process.append(_watch(corpus, config))
    output = process[0].communicate(timeout=120)[0].decode()
    assert interrupted.is_set(), output
    first_run = len(smtp.messages)
    assert first_run == (2 if how == "killed" else 3), output
    with Store(corpus) as store:
        pending = storage.pending_deliveries(store)
    assert len(pending) == len(readers) - first_run

    smtp.recorder.on_data = None
    restarted = _watch(corpus, config)
    output = restarted.communicate(timeout=120)[0].decode()
    assert restarted.returncode == 0, output

    received = _digests(smtp.messages)
    assert sorted(r.recipients[0] for r in received) == readers  # each exactly one digest
    counts = _story_counts(smtp.messages)
    assert counts and max(counts.values()) == 1  # no story twice to anyone
    per_reader = {reader: {link for (r, link) in counts if r == reader} for reader in readers}
    assert len({frozenset(links) for links in per_reader.values()}) == 1  # nothing lost
    ids = [r.message["Message-ID"] for r in received]
    assert len(set(ids)) == len(ids)
    with Store(corpus) as store:
        assert storage.pending_deliveries(store) == []

    # And a third start has nothing left to send.
    again = _watch(corpus, config)
    again.communicate(timeout=120)
    assert len(_digests(smtp.messages)) == len(readers)


def test_two_senders_never_run_at_once(corpus: Path, config: Path) -> None:
    from marsad.digest.service import sender_lock

    with sender_lock(corpus) as first, sender_lock(corpus) as second:
        assert first and not second
    code, output = _cli("digest", "send", "--db", str(corpus), "--config", str(config))
    assert code == 0, output
    with sender_lock(corpus):
        process = _watch(corpus, config)
        output = process.communicate(timeout=120)[0].decode()
    assert process.returncode == 7 and "E607" in output
    code, output = _cli("digest", "send", "--db", str(corpus), "--config", str(config))
    assert code == 0, output  # released with the block that held it


def test_the_migration_starts_existing_subscriptions_where_they_confirmed(tmp_path: Path) -> None:
    import sqlite3

    from marsad.store.schema import MIGRATIONS

    db = tmp_path / "old.db"
    raw = sqlite3.connect(db)
    for version, script in enumerate(MIGRATIONS[:4], start=1):
        raw.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;")
    for number, added in enumerate(["2024-05-01T10:00:00+00:00", "2024-05-03T10:00:00+00:00"]):
        raw.execute(
            "INSERT INTO documents (id, key, source, origin, media_type, fetched_at, "
            "content_hash, size, raw, added_at) VALUES (?, ?, 's', 'folder', 'text', ?, '', 0, "
            "X'', ?)",
            (number + 1, f"file:{number}", added, added),
        )
    raw.execute(
        "INSERT INTO subscriptions (uid, email, frequency, timezone, status, created_at, "
        "confirmed_at) VALUES ('u1', 'r@example.org', 'daily', 'UTC', 'active', "
        "'2024-05-02T00:00:00+00:00', '2024-05-02T00:00:00+00:00')"
    )
    raw.commit()
    raw.close()
    with Store(db) as store:
        (subscription,) = storage.list_subscriptions(store)
    assert subscription.seen_through == 1  # the report stored before it confirmed


def test_watch_polls_a_feed_over_http_and_sends_the_digest(
    corpus: Path, config: Path, smtp: SmtpServer, tmp_path: Path, fixtures: Path
) -> None:
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from marsad.digest.watch import watch

    served = tmp_path / "site"
    served.mkdir()
    shutil.copy(fixtures / "feeds" / "constructed__atom.xml", served / "feed.xml")

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(served)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    feed = f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    text = config.read_text(encoding="utf-8").split("[watch]")[0]
    config.write_text(
        text + f'[watch]\nfeeds = ["{feed}"]\nfollow = false\nallow_addresses = ["127.0.0.1"]\n',
        encoding="utf-8",
    )
    _subscribe(corpus, config, "reader@example.org", "--search", "صواريخ")
    try:
        with Store(corpus) as store:
            cycles = watch(store, load_config(config), stop=threading.Event(), once=True)
    finally:
        server.shutdown()
    assert cycles == 1
    (received,) = _digests(smtp.messages)
    plain = received.message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "الجيش الحر يسيطر على مستودعات صواريخ قرب دمشق" in plain
    # The opposition source who asked not to be named is shown as anonymous.
    speakers = [s.strip() for s in re.findall(r"\n\s+— (.+)", plain)]
    opposition = [s for s in speakers if "مصدر في المعارضة" in s]
    assert opposition and all(s.startswith("مصدر مجهول") for s in opposition), speakers
