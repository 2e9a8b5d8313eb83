"""Charts for the HTML reports as inline SVG built in Python: a score trend line and horizontal
bars. The report file stays self-contained (no JavaScript, no external CSS or fonts) and prints
the same as it shows.

Meaning never rides on colour alone: every point and bar carries its value as text, and a missing
value is written out («sin datos»). Labels are escaped for XML here, so the templates insert the
returned markup as is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

WIDTH = 640
ROW = 26  # height of one bar row
LABEL_WIDTH = 230  # room on the left of the bars for their names
GRID = (0, 25, 50, 75, 100)


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: its label and value on the 0–100 scale (``None``: nothing to measure yet)."""

    label: str
    value: float | None


def _text(x: float, y: float, content: str, anchor: str = "start", cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{klass}>{escape(content)}</text>'


def _open(width: int, height: int, title: str) -> str:
    label = escape(title)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" aria-label="{label}">'
        f"<title>{label}</title>"
    )


def line_chart(
    values: Sequence[int],
    labels: Sequence[str],
    *,
    title: str,
    target: int | None = None,
    height: int = 220,
) -> str:
    """A 0–100 line through ``values`` (oldest first), each point labelled with its value and
    each x position with ``labels`` (e.g. the date); ``target`` draws a dashed reference line."""
    left, right, top, bottom = 36, 16, 16, 34
    inset = 14  # the first and last points stay clear of the axis labels
    plot_w = WIDTH - left - right
    plot_h = height - top - bottom
    parts = [_open(WIDTH, height, title)]

    def y_of(value: float) -> float:
        return top + plot_h * (1 - max(0.0, min(100.0, value)) / 100)

    for mark in GRID:
        y = y_of(mark)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - right}" y2="{y:.1f}" class="grid"/>'
        )
        parts.append(_text(left - 6, y + 4, str(mark), "end", "axis"))
    if target is not None:
        y = y_of(target)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - right}" y2="{y:.1f}" class="target"/>'
        )
        parts.append(_text(WIDTH - right, y - 4, f"meta {target}", "end", "axis"))
    if not values:
        parts.append(_text(WIDTH / 2, top + plot_h / 2, "sin llamadas calificadas", "middle"))
        return "".join(parts) + "</svg>"
    span = plot_w - 2 * inset
    step = span / (len(values) - 1) if len(values) > 1 else 0.0
    points = [
        (left + inset + (step * i if len(values) > 1 else span / 2), y_of(v))
        for i, v in enumerate(values)
    ]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    parts.append(f'<polyline points="{path}" class="line" fill="none"/>')
    every = max(1, len(values) // 12)  # at most ~12 x labels so they never overlap
    for i, ((x, y), value) in enumerate(zip(points, values, strict=True)):
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" class="point"/>')
        parts.append(_text(x, y - 8, str(value), "middle", "value"))
        if i % every == 0 or i == len(values) - 1:
            label = labels[i] if i < len(labels) else ""
            parts.append(_text(x, height - bottom + 18, label, "middle", "axis"))
    return "".join(parts) + "</svg>"


def bar_chart(bars: Sequence[Bar], *, title: str, unit: str = "") -> str:
    """Horizontal bars on a 0–100 scale, one row each, the value written after the bar."""
    top = 8
    height = top + ROW * max(1, len(bars)) + 8
    bar_x = LABEL_WIDTH
    bar_w = WIDTH - LABEL_WIDTH - 70
    parts = [_open(WIDTH, height, title)]
    for mark in GRID:
        x = bar_x + bar_w * mark / 100
        parts.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{height - 8}" class="grid"/>')
    if not bars:
        parts.append(_text(WIDTH / 2, top + ROW / 2 + 4, "sin datos", "middle"))
    for i, bar in enumerate(bars):
        y = top + ROW * i
        parts.append(_text(bar_x - 8, y + ROW / 2 + 4, bar.label, "end", "label"))
        if bar.value is None:
            parts.append(_text(bar_x + 4, y + ROW / 2 + 4, "sin datos", "start", "missing"))
            continue
        value = max(0.0, min(100.0, bar.value))
        width = bar_w * value / 100
        level = "high" if value >= 80 else "mid" if value >= 60 else "low"
        parts.append(
            f'<rect x="{bar_x}" y="{y + 5}" width="{width:.1f}" height="{ROW - 10}" '
            f'class="bar {level}"/>'
        )
        parts.append(_text(bar_x + width + 6, y + ROW / 2 + 4, f"{round(value)}{unit}", "start"))
    return "".join(parts) + "</svg>"
