"""A small toolkit for charts drawn on the server as SVG, so a page and its PDF show the same
picture: elements, text, axes, a swatch legend and the accessible title and description.

Pure functions from numbers to markup: no scripts, no web fonts, a fixed viewBox. Every piece
of text is escaped here, so names and titles typed by people cannot break the markup.
"""

import math
from collections.abc import Sequence

from markupsafe import Markup, escape

WIDTH = 720
FONT = "system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', Arial, sans-serif"
INK, SOFT, GRID = "#1d2733", "#4a5665", "#d9dee5"
SMALL = {"fill": SOFT, "font_size": 10.5}


def num(value: float) -> str:
    """A coordinate or figure with one decimal at most: 12, 12.5."""
    return f"{value:.1f}".removesuffix(".0")


def el(tag: str, body: str = "", **attrs) -> str:
    """An element; attribute names take hyphens for underscores (class_ is class).

    `body` is markup: pass text through text() or tip(), which escape it.
    """
    parts = "".join(
        f' {name.rstrip("_").replace("_", "-")}="{escape(num(v) if isinstance(v, float) else v)}"'
        for name, v in attrs.items()
        if v is not None
    )
    return f"<{tag}{parts}>{body}</{tag}>" if body else f"<{tag}{parts}/>"


def text(x: float, y: float, words: str, **attrs) -> str:
    return el("text", str(escape(words)), x=x, y=y, **attrs)


def rect(x: float, y: float, width: float, height: float, body: str = "", **attrs) -> str:
    return el("rect", body, x=x, y=y, width=width, height=height, **attrs)


def line(x1: float, y1: float, x2: float, y2: float, **attrs) -> str:
    return el("line", x1=x1, y1=y1, x2=x2, y2=y2, **attrs)


def polyline(points: Sequence[tuple[float, float]], **attrs) -> str:
    coordinates = " ".join(f"{num(x)},{num(y)}" for x, y in points)
    return el("polyline", points=coordinates, fill="none", stroke_linejoin="round", **attrs)


def tip(words: str) -> str:
    """A tooltip on hover; role="img" on the chart keeps screen readers on title and desc."""
    return el("title", str(escape(words)))


def document(
    chart_id: str, height: float, title: str, desc: str, body: Sequence[str], width: int = WIDTH
) -> Markup:
    """The chart: an image with its title and description named by aria-labelledby."""
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{escape(chart_id)}" '
        f'viewBox="0 0 {width} {num(height)}" width="{width}" height="{num(height)}" role="img" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'font-family="{FONT}" font-size="12" fill="{INK}">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-desc">{escape(desc)}</desc>' + "".join(body) + "</svg>"
    )


def empty(chart_id: str, title: str, message: str, width: int = WIDTH) -> Markup:
    """A chart with nothing to draw: a dashed box that says so."""
    box = rect(1, 1, width - 2, 88, rx=8, fill="#f7f8fa", stroke=GRID, stroke_dasharray="6 4")
    note = text(width / 2, 50, message, text_anchor="middle", fill=SOFT, font_size=14)
    return document(chart_id, 90, title, message, [box, note], width)


def centers(n: int, x0: float, x1: float) -> tuple[list[float], float]:
    """The middles of n equal slots between x0 and x1, and the slot width."""
    slot = (x1 - x0) / n
    return [x0 + slot * (i + 0.5) for i in range(n)], slot


def shown_labels(n: int, slot: float, label_width: float) -> list[int]:
    """Which of n evenly spaced labels fit without overlapping: a regular subset, always
    the first, and the last when it fits."""
    if n == 0:
        return []
    every = max(1, math.ceil(label_width / slot))
    shown = list(range(0, n, every))
    last = n - 1
    if shown[-1] != last:
        if last - shown[-1] >= every:
            shown.append(last)
        elif len(shown) > 1:
            shown[-1] = last
    return shown


def category_axis(
    labels: Sequence[tuple[str, str | None]],
    xs: Sequence[float],
    slot: float,
    y: float,
    label_width: float = 48,
    font_size: float = 11,
) -> list[str]:
    """Labels under evenly spaced marks, thinned so they never overlap. Each label may carry a
    second line (a year, say), drawn under it when it differs from the last one drawn."""
    parts, second = [], None
    style = {"text_anchor": "middle", "fill": SOFT}
    for i in shown_labels(len(labels), slot, label_width):
        first, below = labels[i]
        parts.append(text(xs[i], y, first, font_size=font_size, class_="date", **style))
        if below is not None and below != second:
            parts.append(text(xs[i], y + font_size + 2, below, font_size=font_size - 1.5, **style))
            second = below
    return parts


def value_grid(
    ticks: Sequence[tuple[float, str]], y_of, left: float, right: float, **label_style
) -> list[str]:
    """Horizontal grid lines with their labels to the left of `left`."""
    parts = []
    for value, label in ticks:
        y = y_of(value)
        parts.append(line(left, y, right, y, stroke=GRID))
        parts.append(text(left - 6, y + 4, label, text_anchor="end", **(label_style or SMALL)))
    return parts


def swatch_legend(x: float, y: float, items: Sequence[tuple[str, str]]) -> list[str]:
    """Coloured (or patterned) squares, each followed by its label, in a row from (x, y)."""
    parts = []
    for label, fill in items:
        parts.append(rect(x, y - 11, 14, 14, fill=fill, stroke=SOFT, stroke_width=0.5))
        parts.append(text(x + 20, y, label))
        x += 34 + 7 * len(label)
    return parts
