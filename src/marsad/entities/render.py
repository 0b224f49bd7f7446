"""The entities section of ``marsad analyze``'s terminal view: grouped by type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from marsad.model import Analysis, Entity

if TYPE_CHECKING:
    from marsad.render import View

TYPE_HEADINGS = {
    "PER": "أشخاص — people",
    "ORG": "منظمات — organisations",
    "LOC": "أماكن — locations",
    "MISC": "أسماء أخرى — other names",
}
SHOWN_ALIASES = 4


def render_entities(analysis: Analysis, view: View) -> None:
    if not analysis.entities:
        return
    view.heading("الكيانات — entities")
    offsets: dict[str, list[str]] = {}
    for mention in analysis.mentions:
        if mention.entity_id:
            offsets.setdefault(mention.entity_id, []).append(f"{mention.span.start}")
    for kind, heading in TYPE_HEADINGS.items():
        group = [e for e in analysis.entities if e.type == kind]
        if not group:
            continue
        view.console.print(f"[bold]{heading}[/bold]")
        for entity in group:
            view.field(_describe(entity, offsets.get(entity.id, [])), _label(entity))


def _label(entity: Entity) -> str:
    aliases = entity.aliases[:SHOWN_ALIASES]
    return entity.name + (f"  ({'، '.join(aliases)})" if aliases else "")


def _describe(entity: Entity, offsets: list[str]) -> str:
    roles = f" {'/'.join(entity.roles)}" if entity.roles else ""
    ident = entity.id if entity.registry else "local"
    return f"  ×{entity.mention_count}{roles} [{ident}] @{','.join(offsets[:6])}"
