"""The place page's map: an inline SVG drawn from bundled country outlines, no tiles.

Equirectangular with the longitude scaled by cos(latitude), which is faithful enough at
the scale of a country; the server draws it, so the map shows without JavaScript.
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from markupsafe import Markup, escape

WIDTH = 600
PAD = 0.15  # of the view's span, on each side
MIN_SPAN = 3.0  # degrees: a village still shows its surroundings


@dataclass(frozen=True)
class Pin:
    lat: float
    lon: float
    label: str
    href: str | None = None
    focus: bool = False


@lru_cache(maxsize=1)
def outline() -> dict[str, Any]:
    path = resources.files("marsad") / "data" / "map" / "countries.json.gz"
    data: dict[str, Any] = json.loads(gzip.decompress(path.read_bytes()))
    return data


def country_bounds(code: str) -> tuple[float, float, float, float] | None:
    """West, south, east, north of a country's outline (its rings inside the window)."""
    for country in outline()["countries"]:
        if country["code"] == code:
            lons = [v for ring in country["rings"] for v in ring[0::2]]
            lats = [v for ring in country["rings"] for v in ring[1::2]]
            return min(lons), min(lats), max(lons), max(lats)
    return None


def draw_map(pins: list[Pin], country: str | None, title: str) -> Markup | None:
    """The SVG, framed on the country (when known) and the pins; None with nothing to show."""
    bounds = country_bounds(country) if country else None
    boxes = [bounds] if bounds else []
    boxes += [(p.lon, p.lat, p.lon, p.lat) for p in pins]
    if not boxes:
        return None
    west, south = min(b[0] for b in boxes), min(b[1] for b in boxes)
    east, north = max(b[2] for b in boxes), max(b[3] for b in boxes)
    span = max(east - west, north - south, MIN_SPAN)
    cx, cy = (west + east) / 2, (south + north) / 2
    half = span * (0.5 + PAD)
    west, east, south, north = cx - half, cx + half, cy - half, cy + half
    k = math.cos(math.radians(cy))
    scale = WIDTH / ((east - west) * k)
    height = round((north - south) * scale)

    def xy(lon: float, lat: float) -> str:
        return f"{(lon - west) * k * scale:.1f},{(north - lat) * scale:.1f}"

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-label="{escape(title)}">'
    ]
    for item in outline()["countries"]:
        rings = [r for r in item["rings"] if _overlaps(r, west, south, east, north)]
        if not rings:
            continue
        d = " ".join(
            "M" + " L".join(xy(r[i], r[i + 1]) for i in range(0, len(r), 2)) + "Z" for r in rings
        )
        css = "land focus" if country and item["code"] == country else "land"
        parts.append(f'<path class="{css}" d="{d}"><title>{escape(item["name"])}</title></path>')
    for pin in sorted(pins, key=lambda p: p.focus):
        x, y = xy(pin.lon, pin.lat).split(",")
        radius = 7 if pin.focus else 4.5
        circle = (
            f'<circle class="{"pin" if pin.focus else "pin near"}" cx="{x}" cy="{y}" '
            f'r="{radius}"><title>{escape(pin.label)}</title></circle>'
        )
        parts.append(f'<a href="{escape(pin.href)}">{circle}</a>' if pin.href else circle)
    parts.append("</svg>")
    return Markup("".join(parts))


def _overlaps(ring: list[float], west: float, south: float, east: float, north: float) -> bool:
    lons, lats = ring[0::2], ring[1::2]
    return max(lons) >= west and min(lons) <= east and max(lats) >= south and min(lats) <= north
