"""Canonical URLs: one address per report, whatever tracking, AMP or fragment it came with."""

from __future__ import annotations

from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from marsad.ingest import urls_data

_PATH_SAFE = "/:@!$&'()*+,;=-._~"
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """The form two addresses of the same report share.

    Scheme and host lowercased, ``www.``/``amp.``/``m.`` and default ports dropped, the
    AMP cache unwrapped, ``/amp`` path segments and ``.amp`` suffixes removed, tracking
    parameters removed and the rest sorted, percent-encoding unified, no fragment and no
    trailing slash. ``http`` and ``https`` meet on ``https``.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    path = unquote(parts.path)
    if host.endswith(urls_data.AMP_CACHE_SUFFIX):
        host, path = _unwrap_amp_cache(path) or (host, path)
    for prefix in urls_data.ALTERNATE_HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
            break
    netloc = host
    if parts.port and parts.port != _DEFAULT_PORTS.get(scheme):
        netloc = f"{host}:{parts.port}"
    if scheme == "http":
        scheme = "https"
    segments = [s for s in path.split("/") if s.lower() not in urls_data.AMP_PATH_SEGMENTS]
    path = "/".join(segments)
    for suffix in urls_data.AMP_SUFFIXES:
        if path.lower().endswith(suffix):
            path = path[: -len(suffix)]
            break
    path = path.rstrip("/") or "/"
    query = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _is_tracking(name)
    ]
    return urlunsplit((scheme, netloc, quote(path, safe=_PATH_SAFE), urlencode(sorted(query)), ""))


def url_host(url: str) -> str | None:
    """The host a report came from, as its publisher's key (``www.`` dropped)."""
    host = urlsplit(canonical_url(url)).hostname
    return host or None


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in urls_data.TRACKING_PARAMETERS or lowered.startswith(
        urls_data.TRACKING_PREFIXES
    )


def _unwrap_amp_cache(path: str) -> tuple[str, str] | None:
    # /c/s/example.com/path  (s = https) or /c/example.com/path
    pieces = path.lstrip("/").split("/")
    if pieces and pieces[0] in {"c", "v", "i"}:
        pieces = pieces[1:]
    if pieces and pieces[0] == "s":
        pieces = pieces[1:]
    if not pieces or "." not in pieces[0]:
        return None
    return pieces[0].lower(), "/" + "/".join(pieces[1:])
