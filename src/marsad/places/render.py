"""The places section of ``marsad analyze``'s terminal view: one line per distinct place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from marsad.model import Analysis, Place

if TYPE_CHECKING:
    from marsad.render import View

RELATION_NAMES = {
    "mention": "",
    "near": "قرب — near",
    "countryside": "ريف — countryside",
    "adjective": "نسبة — adjective",
}


def render_places(analysis: Analysis, view: View) -> None:
    if not analysis.places:
        return
    view.heading("الأماكن — places")
    seen: dict[tuple[str | None, str, str], list[Place]] = {}
    for place in analysis.places:
        key = (place.id, place.relation, place.span.text if place.id is None else "")
        seen.setdefault(key, []).append(place)
    for places in seen.values():
        place = places[0]
        times = f" ×{len(places)}" if len(places) > 1 else ""
        label = place.span.text if place.id is None else (place.name or place.span.text)
        view.field(f"{_describe(place)}{times}", label)


def _describe(place: Place) -> str:
    if place.id is None:
        shown = ", ".join(c.id for c in place.candidates[:3]) or "no candidates"
        return f"unresolved ({shown})"
    parts = [place.kind or "place", place.country or "", f"p{place.precision}"]
    if place.lat is not None and place.lon is not None:
        parts.append(f"{place.lat:.2f},{place.lon:.2f}")
    relation = RELATION_NAMES[place.relation]
    if relation:
        parts.append(relation)
    return " ".join(p for p in parts if p) + f" [{place.id}]"
