"""A bar chart of reports per day as inline SVG (drawn by the server, no script, no
inline styles, so the Content-Security-Policy stays strict)."""

from __future__ import annotations

from markupsafe import Markup, escape

WIDTH, HEIGHT = 600, 120


def timeline_svg(days: list[tuple[str, int]], label: str) -> Markup | None:
    if not days:
        return None
    peak = max(n for _, n in days) or 1
    step = WIDTH / len(days)
    bars = []
    for i, (day, n) in enumerate(days):
        height = max(2.0, (HEIGHT - 4) * n / peak)
        x = WIDTH - (i + 1) * step  # right to left: the oldest day on the right
        bars.append(
            f'<rect class="bar" x="{x + step * 0.1:.1f}" y="{HEIGHT - height:.1f}" '
            f'width="{max(step * 0.8, 1):.1f}" height="{height:.1f}">'
            f"<title>{escape(day)}: {n}</title></rect>"
        )
    return Markup(
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(label)}">{"".join(bars)}</svg>'
    )
