"""Digest configuration: a TOML file for settings, the environment for secrets.

The file (``--config``, else ``$MARSAD_CONFIG``, else
``$XDG_CONFIG_HOME/marsad/marsad.toml``) has ``[digest]``, ``[smtp]`` and ``[watch]``
tables; every key is documented in docs/digest.md. The SMTP password and the secret
that signs links are read only from ``MARSAD_SMTP_PASSWORD`` and
``MARSAD_DIGEST_SECRET`` and never printed: a file that holds them is refused, so they
do not end up in backups or version control.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from datetime import timedelta
from email.utils import parseaddr
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from marsad.digest.addresses import check_header_text, normalize_address
from marsad.digest.links import Links
from marsad.digest.schedule import WEEKDAYS, Schedule
from marsad.digest.subscription import check_timezone
from marsad.digest.tokens import TokenSigner
from marsad.errors import DigestConfigError, MarsadError

CONFIG_ENV = "MARSAD_CONFIG"
SECRET_ENV = "MARSAD_DIGEST_SECRET"
PASSWORD_ENV = "MARSAD_SMTP_PASSWORD"
DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}
SECRET_KEYS = {"password", "secret"}


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DigestSettings(_Section):
    sender: str | None = Field(default=None, description="From: 'مرصد <digest@example.org>'.")
    base_url: str | None = Field(default=None, description="Where the web interface is served.")
    unsubscribe_mailto: str | None = None
    daily_hour: int = Field(default=7, ge=0, le=23)
    weekly_day: str = "monday"
    default_timezone: str = "UTC"
    max_stories: int = Field(default=20, ge=1, le=200)
    quotes_per_story: int = Field(default=2, ge=0, le=10)
    confirm_hours: int = Field(default=72, ge=1)

    @field_validator("weekly_day")
    @classmethod
    def _weekday(cls, value: str) -> str:
        if value.lower() not in WEEKDAYS:
            raise ValueError(f"one of {', '.join(WEEKDAYS)}")
        return value.lower()

    @field_validator("base_url")
    @classmethod
    def _base_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError("an http(s) address such as https://marsad.example.org")
        return value.rstrip("/")


class SmtpSettings(_Section):
    host: str = "localhost"
    port: int | None = Field(default=None, ge=1, le=65535)
    security: Literal["starttls", "tls", "none"] = "starttls"
    username: str | None = None
    timeout: float = Field(default=30.0, gt=0)
    ca_file: Path | None = None
    retries: int = Field(default=3, ge=0, le=10)
    backoff: float = Field(default=2.0, ge=0)
    password: SecretStr | None = Field(default=None, exclude=True, repr=False)

    @property
    def effective_port(self) -> int:
        return self.port or DEFAULT_PORTS[self.security]


class WatchSettings(_Section):
    feeds: list[str] = Field(default_factory=list, description="What `marsad ingest` takes.")
    interval: float = Field(default=900.0, gt=0, description="Seconds between polls.")
    follow: bool = Field(default=True, description="Fetch each feed entry's page.")
    allow_addresses: list[str] = Field(
        default_factory=list, description="Private addresses or networks that may be fetched."
    )


class DigestConfig(_Section):
    digest: DigestSettings = Field(default_factory=DigestSettings)
    smtp: SmtpSettings = Field(default_factory=SmtpSettings)
    watch: WatchSettings = Field(default_factory=WatchSettings)
    secret: SecretStr | None = Field(default=None, exclude=True, repr=False)
    source: str = Field(default="defaults", description="Where the settings came from.")

    @property
    def schedule(self) -> Schedule:
        return Schedule(daily_hour=self.digest.daily_hour, weekly_day=self.digest.weekly_day)

    def signer(self) -> TokenSigner:
        if self.secret is None:
            raise DigestConfigError(
                f"{SECRET_ENV} is not set; it signs confirmation, unsubscribe and feed links",
                hint=f"export {SECRET_ENV}=$(openssl rand -hex 32) and keep it",
            )
        return TokenSigner(self.secret.get_secret_value())

    def links(self) -> Links:
        """Where emails and feeds point, with tokens signed by the secret."""
        return Links(self.base_url(), self.signer(), timedelta(hours=self.digest.confirm_hours))

    def base_url(self) -> str:
        if not self.digest.base_url:
            raise DigestConfigError(
                f"digest.base_url is not set in {self.source}",
                hint="the address of `marsad serve`, used for links in emails and feeds",
            )
        return self.digest.base_url

    def sender(self) -> tuple[str, str]:
        """(display name, address) of the From header."""
        if not self.digest.sender:
            raise DigestConfigError(
                f"digest.sender is not set in {self.source}",
                hint="e.g. sender = 'مرصد <digest@example.org>'",
            )
        name, address = parseaddr(self.digest.sender)
        return check_header_text(name, "sender name"), normalize_address(address)


def default_config_path(env: Mapping[str, str]) -> Path:
    config_home = env.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config_home) / "marsad" / "marsad.toml"


def load_config(path: Path | None = None, env: Mapping[str, str] | None = None) -> DigestConfig:
    """The configuration from ``path`` (or the default places) plus secrets from ``env``."""
    env = os.environ if env is None else env
    explicit = path or (Path(env[CONFIG_ENV]) if env.get(CONFIG_ENV) else None)
    chosen = explicit or default_config_path(env)
    data: dict[str, object] = {}
    if explicit is not None or chosen.is_file():
        data = _read_toml(chosen)
    leaked = [f"{table}.{key}" for table, keys in data.items() if isinstance(keys, dict)
              for key in keys if key in SECRET_KEYS]  # fmt: skip
    if leaked or SECRET_KEYS & data.keys():
        raise DigestConfigError(
            f"{chosen} holds a secret ({', '.join(leaked) or 'secret'})",
            hint=f"remove it; secrets are read from {PASSWORD_ENV} and {SECRET_ENV} only",
        )
    try:
        config = DigestConfig.model_validate(
            {**data, "source": str(chosen) if data else "defaults"}
        )
        if env.get(PASSWORD_ENV):
            config.smtp.password = SecretStr(env[PASSWORD_ENV])
        if env.get(SECRET_ENV):
            config.secret = SecretStr(env[SECRET_ENV])
        check_timezone(config.digest.default_timezone)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors(include_url=False)
        )
        raise DigestConfigError(f"{chosen}: {problems}") from None
    except MarsadError as error:
        raise DigestConfigError(f"{chosen}: {error}") from None
    return config


def _read_toml(path: Path) -> dict[str, object]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DigestConfigError(f"the configuration file {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as error:
        raise DigestConfigError(f"{path} cannot be read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise DigestConfigError(f"{path} is not valid TOML: {error}") from None
