"""Build the country outlines the place pages draw their offline map from.

Source: Natural Earth 1:50m admin-0 countries (public domain) as TopoJSON in the npm
package ``world-atlas`` 2.0.2 (ISC). Fetch it with the npm client, then run:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_map_outline.py --world-atlas package/countries-50m.json

The outlines are cut to the Middle East and North Africa window, simplified
(Douglas–Peucker) and rounded to 0.01°, and written to
``src/marsad/data/map/countries.json.gz`` (a few hundred kilobytes at most).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "src/marsad/data/map/countries.json.gz"
# West, south, east, north: Mauritania to Iran, Yemen to the Black Sea.
WINDOW = (-20.0, 2.0, 66.0, 46.0)
TOLERANCE = 0.03  # degrees; about 3 km, finer than the map can show
# ISO 3166-1 numeric (world-atlas ids) → alpha-2 (Place.country), for the window.
ALPHA2 = {
    "004": "AF", "008": "AL", "012": "DZ", "020": "AD", "031": "AZ", "048": "BH",
    "051": "AM", "070": "BA", "100": "BG", "120": "CM", "140": "CF", "148": "TD",
    "180": "CD", "191": "HR", "196": "CY", "204": "BJ", "231": "ET", "232": "ER",
    "250": "FR", "262": "DJ", "268": "GE", "270": "GM", "275": "PS", "288": "GH",
    "300": "GR", "324": "GN", "336": "VA", "364": "IR", "368": "IQ", "376": "IL",
    "380": "IT", "384": "CI", "398": "KZ", "400": "JO", "404": "KE", "414": "KW",
    "422": "LB", "430": "LR", "434": "LY", "466": "ML", "470": "MT", "478": "MR",
    "492": "MC", "499": "ME", "504": "MA", "512": "OM", "528": "NL", "562": "NE",
    "566": "NG", "586": "PK", "620": "PT", "624": "GW", "634": "QA", "642": "RO",
    "643": "RU", "674": "SM", "682": "SA", "686": "SN", "688": "RS", "694": "SL",
    "706": "SO", "724": "ES", "728": "SS", "729": "SD", "732": "EH", "760": "SY",
    "768": "TG", "784": "AE", "788": "TN", "792": "TR", "795": "TM", "807": "MK",
    "818": "EG", "840": "US", "854": "BF", "860": "UZ", "887": "YE",
}  # fmt: skip

Point = tuple[float, float]


def decode_arcs(topology: dict) -> list[list[Point]]:
    """TopoJSON arcs are quantised and delta-encoded; give them back in degrees."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[Point]]) -> list[Point]:
    points: list[Point] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker, iterative (rings have thousands of points)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        farthest, distance = first, 0.0
        for i in range(first + 1, last):
            px, py = points[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm else abs(px - ax) + abs(py - ay)
            if d > distance:
                farthest, distance = i, d
        if distance > tolerance:
            keep[farthest] = True
            stack.extend([(first, farthest), (farthest, last)])
    return [p for p, k in zip(points, keep, strict=True) if k]


def in_window(points: list[Point]) -> bool:
    west, south, east, north = WINDOW
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return max(xs) >= west and min(xs) <= east and max(ys) >= south and min(ys) <= north


def build(world_atlas: Path) -> dict:
    topology = json.loads(world_atlas.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = []
        for polygon in polygons:
            for ring in polygon:
                points = ring_points(ring, arcs)
                if in_window(points):
                    simple = simplify(points, TOLERANCE)
                    if len(simple) >= 4:
                        rings.append([round(c, 2) for point in simple for c in point])
        if rings:
            code = ALPHA2.get(geometry.get("id", ""))
            countries.append({"code": code, "name": geometry["properties"]["name"], "rings": rings})
    return {
        "source": "Natural Earth 1:50m admin-0 countries (public domain), via world-atlas 2.0.2",
        "window": WINDOW,
        "countries": countries,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--world-atlas",
        type=Path,
        default=Path(os.environ.get("MARSAD_WORLD_ATLAS", "package/countries-50m.json")),
        help="countries-50m.json from the world-atlas npm package",
    )
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    outline = build(args.world_atlas)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(outline, ensure_ascii=False, separators=(",", ":")).encode()
    args.output.write_bytes(gzip.compress(data, mtime=0))
    points = sum(len(r) // 2 for c in outline["countries"] for r in c["rings"])
    print(
        f"{len(outline['countries'])} countries, {points:,} points, "
        f"{args.output.stat().st_size:,} bytes → {args.output.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
