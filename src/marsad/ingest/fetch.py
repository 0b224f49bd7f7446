"""Polite, safe fetching: timeouts, retries with backoff, a per-host rate limit,
robots.txt, a User-Agent naming Marsad, and no private addresses unless allowed.

Private, loopback, link-local and other non-public addresses are refused (a feed must not
be able to point Marsad at the machine's own services) unless the user allows them by
address or network. Every redirect is checked the same way. robots.txt follows RFC 9309:
a missing file (4xx) allows everything, an unreachable one (5xx, timeout) allows nothing.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from marsad import __version__
from marsad.errors import (
    AddressRefusedError,
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    InputTooLargeError,
    RobotsDisallowedError,
)
from marsad.ingest.text import MAX_INPUT_BYTES

USER_AGENT = f"Marsad/{__version__} (Arabic news monitor; +https://pypi.org/project/marsad/)"
ROBOTS_AGENT = "Marsad"
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_MAX_RETRY_AFTER = 60.0

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass
class FetchPolicy:
    timeout: float = 20.0
    retries: int = 2
    backoff: float = 1.0  # seconds before the first retry; doubles each time
    min_interval: float = 1.0  # seconds between two requests to the same host
    allow: tuple[str, ...] = ()  # addresses/networks (or host names) allowed though private
    respect_robots: bool = True
    max_bytes: int = MAX_INPUT_BYTES
    max_redirects: int = 5
    user_agent: str = USER_AGENT


@dataclass
class Response:
    url: str  # after redirects
    status: int
    content_type: str
    body: bytes
    fetched_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    location: str | None = None  # of a redirect
    retry_after: float | None = None  # seconds, when the server asked to wait


class Fetcher:
    """One HTTP client for a whole ingest run (connections, robots and pacing are shared)."""

    def __init__(self, policy: FetchPolicy | None = None) -> None:
        self.policy = policy or FetchPolicy()
        self._allowed_networks, self._allowed_hosts = _parse_allow(self.policy.allow)
        self._client = httpx.Client(
            timeout=self.policy.timeout,
            follow_redirects=False,
            headers={"User-Agent": self.policy.user_agent},
        )
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | bool] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str) -> Response:
        """The page at ``url``; raises a :class:`FetchError` subclass when it cannot."""
        for _ in range(self.policy.max_redirects + 1):
            self.check_address(url)
            if self.policy.respect_robots and not self._robots_allow(url):
                raise RobotsDisallowedError(f"robots.txt of {_origin(url)} disallows {url}")
            response = self._get_with_retries(url)
            if response.location is not None:
                url = urljoin(url, response.location)
                continue
            if response.status >= 400:
                raise HTTPStatusError(f"{url} answered HTTP {response.status}")
            return response
        raise FetchError(f"{url} redirects more than {self.policy.max_redirects} times")

    # ----------------------------------------------------------------- addresses

    def check_address(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"}:
            raise FetchError(f"{url}: only http and https addresses can be fetched")
        host = parts.hostname
        if not host:
            raise FetchError(f"{url} has no host")
        if host.lower() in self._allowed_hosts:
            return
        port = parts.port or (443 if parts.scheme == "https" else 80)
        for address in _resolve(host, port, url):
            if _is_public(address) or any(address in n for n in self._allowed_networks):
                continue
            raise AddressRefusedError(
                f"{url} resolves to {address}, a private, loopback or link-local address",
                hint=f"pass --allow-address {address} if fetching it is intended",
            )

    # ----------------------------------------------------------------- requests

    def _get_with_retries(self, url: str) -> Response:
        attempt = 0
        while True:
            try:
                response = self._get(url)
            except FetchError:
                if attempt >= self.policy.retries:
                    raise
                delay = self.policy.backoff * 2**attempt
            else:
                if response.status not in _RETRY_STATUSES or attempt >= self.policy.retries:
                    return response
                delay = (
                    response.retry_after
                    if response.retry_after is not None
                    else self.policy.backoff * 2**attempt
                )
            attempt += 1
            time.sleep(min(delay, _MAX_RETRY_AFTER))

    def _get(self, url: str) -> Response:
        self._pace(url)
        try:
            with self._client.stream("GET", url) as reply:
                if reply.is_redirect:
                    location = reply.headers.get("location", "")
                    return Response(url, reply.status_code, "", b"", location=location)
                body = bytearray()
                for chunk in reply.iter_bytes():
                    body.extend(chunk)
                    if len(body) > self.policy.max_bytes:
                        raise InputTooLargeError(
                            f"{url} is larger than {self.policy.max_bytes:,} bytes",
                            hint="raise it with --max-size",
                        )
                return Response(
                    str(reply.url),
                    reply.status_code,
                    reply.headers.get("content-type", ""),
                    bytes(body),
                    retry_after=_seconds(reply.headers.get("retry-after")),
                )
        except httpx.TimeoutException:
            raise FetchTimeoutError(
                f"{url} did not answer within {self.policy.timeout:g} s"
            ) from None
        except httpx.HTTPError as error:
            raise FetchError(f"{url} could not be fetched: {error}") from None

    def _pace(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        last = self._last_request.get(host)
        if last is not None:
            wait = last + self.policy.min_interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
        self._last_request[host] = time.monotonic()

    # ----------------------------------------------------------------- robots.txt

    def _robots_allow(self, url: str) -> bool:
        origin = _origin(url)
        rules = self._robots.get(origin)
        if rules is None:
            rules = self._load_robots(origin)
            self._robots[origin] = rules
        if isinstance(rules, bool):
            return rules
        return rules.can_fetch(ROBOTS_AGENT, url)

    def _load_robots(self, origin: str) -> RobotFileParser | bool:
        robots_url = origin + "/robots.txt"
        try:
            response = self._get(robots_url)
        except FetchError:
            return False  # unreachable: RFC 9309 says assume complete disallow
        except InputTooLargeError:
            return True
        if response.status >= 500 or response.status in _RETRY_STATUSES:
            return False
        if response.status >= 300:
            return True  # no robots.txt (or a redirect, not chased): everything allowed
        parser = RobotFileParser(robots_url)
        parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
        return parser


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _seconds(value: str | None) -> float | None:
    """A Retry-After header given in seconds (an HTTP date is ignored: backoff applies)."""
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None


def _resolve(host: str, port: int, url: str) -> list[IPAddress]:
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise FetchError(f"{url}: the host {host} cannot be resolved ({error})") from None
    addresses = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        addresses.append(address)
    return addresses


def _is_public(address: IPAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def _parse_allow(entries: tuple[str, ...]) -> tuple[list[IPNetwork], set[str]]:
    networks: list[IPNetwork] = []
    hosts: set[str] = set()
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            hosts.add(entry.lower())
    return networks, hosts
