"""Bad input is refused with clear errors: addresses, header injection, follows, tokens,
time zones, schedules and configuration."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from marsad.digest.addresses import check_header_text, normalize_address
from marsad.digest.config import load_config
from marsad.digest.schedule import Schedule
from marsad.digest.subscription import Subscription, make_follow, new_subscription
from marsad.digest.tokens import Purpose, TokenSigner
from marsad.errors import (
    AddressError,
    DigestConfigError,
    HeaderInjectionError,
    SubscriptionError,
    TokenError,
)

SECRET = "a-test-secret-of-enough-length-0123456789"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("reader@example.org", "reader@example.org"),
        ("Reader.Name+digest@Example.ORG", "Reader.Name+digest@example.org"),
        ("  reader@example.org ", "reader@example.org"),
        ("o'brien@sub.example.co.uk", "o'brien@sub.example.co.uk"),
        ("qari@مثال.مصر", "qari@xn--mgbh0fb.xn--wgbh1c"),
    ],
)
def test_well_formed_addresses_are_normalised(given: str, expected: str) -> None:
    assert normalize_address(given) == expected


@pytest.mark.parametrize(
    ("given", "complaint"),
    [
        ("", "empty"),
        ("plainaddress", "no '@'"),
        ("@example.org", "no '@'"),
        ("reader@", "no '@'"),
        ("reader@localhost", "no dot"),
        ("two words@example.org", "not one email address"),
        ("محمد <reader@example.org>", "not one email address"),
        ("reader@example..org", "not a valid domain"),
        ("reader@-example.org", "not a valid domain"),
        ("reader@example.123", "ends in a number"),
        ("reader@[127.0.0.1]", "IP address"),
        (".reader@example.org", "not a valid mailbox"),
        ("re..ader@example.org", "not a valid mailbox"),
        ("قارئ@example.org", "not plain ASCII"),
        ("a" * 65 + "@example.org", "not a valid mailbox"),
        ("reader@" + "a" * 64 + ".org", "not a valid domain"),
    ],
)
def test_malformed_addresses_are_refused_with_the_reason(given: str, complaint: str) -> None:
    with pytest.raises(AddressError, match=complaint) as caught:
        normalize_address(given)
    assert caught.value.code == "E601"


@pytest.mark.parametrize(
    "injected",
    [
        "reader@example.org\r\nBcc: victim@example.net",
        "reader@example.org\nBcc: victim@example.net",
        "reader@example.org\rX-Evil: 1",
    ],
)
def test_a_line_break_in_an_address_is_header_injection(injected: str) -> None:
    with pytest.raises(HeaderInjectionError, match="line break") as caught:
        normalize_address(injected)
    assert caught.value.code == "E602"


@pytest.mark.parametrize("bad", ["محمد\r\nBcc: x@example.net", "a\u2028b", "a\x00b", "tab\there"])
def test_names_and_followed_items_must_be_one_clean_line(bad: str) -> None:
    with pytest.raises(HeaderInjectionError):
        new_subscription("reader@example.org", [make_follow("place", "دير الزور")], name=bad)
    with pytest.raises(HeaderInjectionError):
        make_follow("entity", bad)
    with pytest.raises(HeaderInjectionError):
        make_follow("search", "انشقاق", {"place": bad})


def test_a_too_long_name_is_refused() -> None:
    with pytest.raises(SubscriptionError, match="characters long"):
        check_header_text("ا" * 500, "name")


def test_follows_are_checked_and_hashtags_kept_without_the_sign() -> None:
    assert make_follow("hashtag", "#دير_الزور").value == "دير_الزور"
    assert make_follow("hashtag", "دير الزور").label == "#دير_الزور"
    search = make_follow("search", "انشقاق", {"place": "دير الزور"})
    assert search.label == "بحث: «انشقاق» · place: دير الزور"
    with pytest.raises(SubscriptionError, match="cannot follow"):
        make_follow("person", "محمد العمر")
    with pytest.raises(SubscriptionError, match="only a search takes filters"):
        make_follow("place", "دير الزور", {"topic": "conflict"})
    with pytest.raises(SubscriptionError, match="empty"):
        make_follow("entity", "   ")


def test_a_subscription_checks_frequency_time_zone_and_follows() -> None:
    follow = make_follow("place", "دير الزور")
    subscription = new_subscription(
        "Reader@Example.org", [follow, follow], frequency="weekly", timezone="Asia/Damascus"
    )
    assert subscription.email == "Reader@example.org"
    assert subscription.follows == [follow]  # the same item twice is followed once
    assert subscription.status == "pending"
    assert len(subscription.uid) >= 16
    with pytest.raises(SubscriptionError, match="unknown frequency 'hourly'"):
        new_subscription("reader@example.org", [follow], frequency="hourly")
    with pytest.raises(SubscriptionError, match="unknown time zone 'Mars/Olympus'"):
        new_subscription("reader@example.org", [follow], timezone="Mars/Olympus")
    with pytest.raises(SubscriptionError, match="at least one followed item"):
        new_subscription("reader@example.org", [])


def test_tokens_verify_only_for_their_purpose_and_secret() -> None:
    signer = TokenSigner(SECRET)
    token = signer.sign(Purpose.unsubscribe, "AbC-123_xyz")
    assert signer.verify(Purpose.unsubscribe, token) == "AbC-123_xyz"
    with pytest.raises(TokenError, match="not a valid feed link"):
        signer.verify(Purpose.feed, token)
    with pytest.raises(TokenError):
        TokenSigner(SECRET + "x").verify(Purpose.unsubscribe, token)
    uid, expiry, signature = token.split(".")
    with pytest.raises(TokenError):
        signer.verify(Purpose.unsubscribe, f"{uid}X.{expiry}.{signature}")
    with pytest.raises(TokenError, match="damaged"):
        signer.verify(Purpose.unsubscribe, token[:-3])
    with pytest.raises(TokenError, match="damaged"):
        signer.verify(Purpose.unsubscribe, "../../etc/passwd")


def test_confirmation_tokens_expire() -> None:
    signer = TokenSigner(SECRET)
    token = signer.sign(Purpose.confirm, "uid1234567", valid_for=timedelta(hours=1))
    assert signer.verify(Purpose.confirm, token) == "uid1234567"
    later = datetime.now(UTC) + timedelta(hours=2)
    with pytest.raises(TokenError, match="expired"):
        signer.verify(Purpose.confirm, token, now=later)


def test_a_short_secret_is_refused() -> None:
    with pytest.raises(DigestConfigError, match="at least 16"):
        TokenSigner("short")


def _active(frequency: str, timezone: str, confirmed: datetime) -> Subscription:
    subscription = new_subscription(
        "reader@example.org",
        [make_follow("place", "دير الزور")],
        frequency=frequency,
        timezone=timezone,
    )
    return subscription.model_copy(update={"status": "active", "confirmed_at": confirmed})


def test_daily_digests_go_out_at_the_local_hour_once_per_day() -> None:
    schedule = Schedule(daily_hour=7)
    confirmed = datetime(2024, 3, 10, 12, 0, tzinfo=UTC)
    subscription = _active("daily", "Asia/Damascus", confirmed)  # UTC+3 in 2024
    assert schedule.due_slot(subscription, datetime(2024, 3, 11, 3, 59, tzinfo=UTC)) is None
    slot = schedule.due_slot(subscription, datetime(2024, 3, 11, 4, 0, tzinfo=UTC))
    assert slot == datetime(2024, 3, 11, 4, 0, tzinfo=UTC)  # 07:00 in Damascus
    covered = subscription.model_copy(update={"last_slot": slot})
    assert schedule.due_slot(covered, datetime(2024, 3, 11, 20, 0, tzinfo=UTC)) is None
    # A run that was down for two days sends one digest for the latest slot.
    assert schedule.due_slot(covered, datetime(2024, 3, 13, 9, 0, tzinfo=UTC)) == datetime(
        2024, 3, 13, 4, 0, tzinfo=UTC
    )


def test_weekly_digests_follow_the_weekday_and_daylight_saving() -> None:
    schedule = Schedule(daily_hour=7, weekly_day="monday")
    confirmed = datetime(2024, 3, 20, tzinfo=UTC)
    subscription = _active("weekly", "Europe/Berlin", confirmed)
    # Monday 25 March 2024 is still winter time in Berlin (UTC+1): 06:00 UTC.
    assert schedule.due_slot(subscription, datetime(2024, 3, 24, 23, 0, tzinfo=UTC)) is None
    first = schedule.due_slot(subscription, datetime(2024, 3, 27, tzinfo=UTC))
    assert first == datetime(2024, 3, 25, 6, 0, tzinfo=UTC)
    # Summer time starts on 31 March: the next Monday's 07:00 is 05:00 UTC.
    covered = subscription.model_copy(update={"last_slot": first})
    assert schedule.due_slot(covered, datetime(2024, 3, 31, 12, 0, tzinfo=UTC)) is None
    assert schedule.due_slot(covered, datetime(2024, 4, 1, 5, 0, tzinfo=UTC)) == datetime(
        2024, 4, 1, 5, 0, tzinfo=UTC
    )


def test_instant_and_inactive_subscriptions() -> None:
    schedule = Schedule()
    now = datetime(2024, 5, 1, 10, 30, tzinfo=UTC)
    instant = _active("instant", "UTC", datetime(2024, 5, 1, tzinfo=UTC))
    assert schedule.due_slot(instant, now) == now
    pending = instant.model_copy(update={"status": "pending"})
    assert schedule.due_slot(pending, now) is None


def test_configuration_keys_secrets_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "marsad.toml"
    path.write_text(
        '[digest]\nsender = "مرصد <digest@example.org>"\nbase_url = "https://marsad.example.org/"\n'
        'daily_hour = 6\nweekly_day = "Saturday"\n'
        '[smtp]\nhost = "mail.example.org"\nsecurity = "tls"\nusername = "digest"\n'
        '[watch]\nfeeds = ["https://example.org/feed.xml"]\ninterval = 60\n',
        encoding="utf-8",
    )
    env = {"MARSAD_SMTP_PASSWORD": "hunter2-secret", "MARSAD_DIGEST_SECRET": SECRET}
    config = load_config(path, env)
    assert config.base_url() == "https://marsad.example.org"
    assert config.sender() == ("مرصد", "digest@example.org")
    assert config.smtp.effective_port == 465
    assert config.schedule == Schedule(daily_hour=6, weekly_day="saturday")
    assert config.watch.feeds == ["https://example.org/feed.xml"]
    assert "hunter2-secret" not in repr(config) + str(config.model_dump())
    assert config.smtp.password is not None
    assert config.smtp.password.get_secret_value() == "hunter2-secret"

    path.write_text('[smtp]\npassword = "in-the-file"\n', encoding="utf-8")
    with pytest.raises(DigestConfigError, match=r"smtp\.password") as caught:
        load_config(path, env)
    assert "in-the-file" not in str(caught.value)
    path.write_text('[smtp]\nport = "many"\nsecurity = "ssl"\n', encoding="utf-8")
    with pytest.raises(DigestConfigError, match=r"smtp\.port.*smtp\.security"):
        load_config(path, env)
    path.write_text("[smtp]\nhots = 'typo'\n", encoding="utf-8")
    with pytest.raises(DigestConfigError, match=r"smtp\.hots"):
        load_config(path, env)
    path.write_text("[digest\n", encoding="utf-8")
    with pytest.raises(DigestConfigError, match="not valid TOML"):
        load_config(path, env)
    with pytest.raises(DigestConfigError, match="does not exist"):
        load_config(tmp_path / "missing.toml", env)


def test_missing_settings_say_what_to_set(tmp_path: Path) -> None:
    config = load_config(env={"XDG_CONFIG_HOME": str(tmp_path)})
    with pytest.raises(DigestConfigError, match="MARSAD_DIGEST_SECRET"):
        config.signer()
    with pytest.raises(DigestConfigError, match=r"digest\.base_url"):
        config.base_url()
    with pytest.raises(DigestConfigError, match=r"digest\.sender"):
        config.sender()


def test_every_configuration_key_and_variable_is_documented() -> None:
    from marsad.digest import config as settings

    text = (Path(__file__).resolve().parents[1] / "docs" / "digest.md").read_text("utf-8")
    sections = {
        "digest": settings.DigestSettings,
        "smtp": settings.SmtpSettings,
        "watch": settings.WatchSettings,
    }
    missing = [
        f"{section}.{key}"
        for section, model in sections.items()
        for key in model.model_fields
        if key not in settings.SECRET_KEYS and f"`{section}.{key}`" not in text
    ]
    variables = (settings.CONFIG_ENV, settings.SECRET_ENV, settings.PASSWORD_ENV)
    missing += [name for name in variables if f"`{name}`" not in text]
    assert not missing, f"undocumented in docs/digest.md: {missing}"
