"""The debrief's charts, drawn with app/svg.py so the page, the projector and the PDF show the
same picture: the anticipated responses × classrooms heat map, and the exit prompt's levels
per classroom as stacked bars. Numbers are written on every cell and segment, so the charts
read in greyscale too; colours are the ones named in static/css/tokens.css."""

import math

from markupsafe import Markup

from app import svg
from app.debriefs.queries import Comparison, Room
from app.enactments.models import EXIT_LEVELS
from app.svg import GRID, INK, SOFT, WIDTH
from app.templating import quantity

# --heat-0 … --heat-4 and --exit-* in tokens.css.
HEAT = ("#f7f8fa", "#dce9f3", "#a9c8e0", "#5f97c2", "#1f5f8b")
EXIT_COLOURS = {
    "not_yet": "#c8553d",
    "approaching": "#e0b040",
    "meets": "#5b9bc8",
    "exceeds": "#1f5f8b",
}
LIGHT_TEXT = {"not_yet", "meets", "exceeds"}
LABEL_WIDTH = 230
LABEL_CHARS = 30  # of a response's name on one line beside the heat map
ROW, HEAD = 34, 44


def heat_level(count: int, highest: int) -> int:
    """0 for nothing, then 1–4 in proportion to the highest count of the map."""
    if count <= 0 or highest <= 0:
        return 0
    return min(4, math.ceil(4 * count / highest))


def pct(share: float | None) -> str:
    return "" if share is None else f"{int(share * 100 + 0.5)}%"


def _short(words: str, limit: int) -> str:
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


def _row_label(name: str, y: float) -> str:
    """A response's name right of the cells: one line, or two smaller ones when it would
    run past the chart's left edge (about 30 characters fit)."""
    if len(name) <= LABEL_CHARS:
        return svg.text(LABEL_WIDTH - 8, y + 21, name, text_anchor="end")
    cut = name.rfind(" ", 0, LABEL_CHARS + 4)
    first, rest = (
        (name[:cut], name[cut + 1 :]) if cut > 0 else (name[:LABEL_CHARS], name[LABEL_CHARS:])
    )
    lines = (first, _short(rest, LABEL_CHARS + 4))
    return "".join(
        svg.text(LABEL_WIDTH - 8, y + 14 + 13 * i, words, text_anchor="end", font_size=11.5)
        for i, words in enumerate(lines)
    )


def _cell(x, y, w, count: int, level: int, share: str, tip: str) -> str:
    ink = "#ffffff" if level >= 3 else INK
    body = svg.tip(tip) + svg.rect(x + 1, y + 1, w - 2, ROW - 2, fill=HEAT[level], rx=3)
    body += svg.text(x + w / 2, y + 16, str(count), text_anchor="middle", fill=ink, font_size=14)
    if share:
        body += svg.text(x + w / 2, y + 29, share, text_anchor="middle", fill=ink, font_size=9.5)
    return svg.el("g", body, class_=f"cell heat-{level}", data_count=str(count))


def _total_cell(x, y, w, count: int, share: str, kind: str) -> str:
    body = svg.text(x + w / 2, y + 16, str(count), text_anchor="middle", font_weight="bold")
    if share:
        body += svg.text(x + w / 2, y + 29, share, text_anchor="middle", fill=SOFT, font_size=9.5)
    return svg.el("g", body, class_=f"total {kind}", data_count=str(count))


def heat_map(comparison: Comparison, chart_id: str = "chart-heat", width: int = WIDTH) -> Markup:
    """Rows: the anticipated responses; columns: the classrooms, then the total. A narrower
    `width` draws the same chart with larger type once scaled to its box (the projector)."""
    title = "Anticipated responses in each classroom"
    rooms, responses = comparison.rooms, comparison.responses
    if not rooms or not responses:
        message = "No classroom recorded yet." if not rooms else "The lesson anticipated nothing."
        return svg.empty(chart_id, title, message, width)
    columns = len(rooms) + 1
    cw = (width - LABEL_WIDTH) / columns
    height = HEAD + ROW * (len(responses) + 1) + 4
    highest = comparison.highest
    body = []
    for i, room in enumerate(rooms):
        x = LABEL_WIDTH + cw * (i + 0.5)
        limit = max(4, int(cw / 6))
        code = _short(room.enactment.class_code, limit)
        body.append(svg.text(x, 18, code, text_anchor="middle", font_weight="bold"))
        body.append(svg.text(x, 34, _short(room.teacher, limit), text_anchor="middle", **svg.SMALL))
    total_x = LABEL_WIDTH + cw * len(rooms)
    body.append(svg.text(total_x + cw / 2, 18, "Total", text_anchor="middle", font_weight="bold"))
    for r, response in enumerate(responses):
        y = HEAD + ROW * r
        body.append(_row_label(response.name, y))
        for i, room in enumerate(rooms):
            count = comparison.count(room, response)
            tip = f"{room.label}: {quantity(count, 'student')} used {response.name}"
            level = heat_level(count, highest)
            body.append(
                _cell(LABEL_WIDTH + cw * i, y, cw, count, level, pct(room.share(count)), tip)
            )
        row_total = comparison.row_total(response)
        share = pct(row_total / comparison.students) if comparison.students else ""
        body.append(_total_cell(total_x, y, cw, row_total, share, "row-total"))
    y = HEAD + ROW * len(responses)
    body.append(svg.line(0, y + 1, width, y + 1, stroke=INK))
    body.append(svg.line(total_x + 1, HEAD, total_x + 1, y + ROW, stroke=GRID))
    body.append(svg.text(LABEL_WIDTH - 8, y + 21, "Total", text_anchor="end", font_weight="bold"))
    for i, room in enumerate(rooms):
        count = room.anticipated_total
        share = pct(room.share(count))
        body.append(_total_cell(LABEL_WIDTH + cw * i, y, cw, count, share, "column-total"))
    share = pct(comparison.total / comparison.students) if comparison.students else ""
    body.append(_total_cell(total_x, y, cw, comparison.total, share, "grand-total"))
    return svg.document(chart_id, height, title, _heat_desc(comparison), body, width)


def _heat_desc(comparison: Comparison) -> str:
    rooms = quantity(len(comparison.rooms), "classroom")
    responses = quantity(len(comparison.responses), "anticipated response")
    if not comparison.total:
        return f"{rooms} and {responses}; no student counted on an anticipated response yet."
    most = max(comparison.responses, key=comparison.row_total)
    return (
        f"{rooms} and {responses}: {quantity(comparison.total, 'student')} counted in all. "
        f"Most used: {most.name}, by {quantity(comparison.row_total(most), 'student')}."
    )


EXIT_LABEL = 130
BAR, BAR_GAP, LEGEND = 30, 12, 34


def _segments(room: Room, x0: float, width: float, y: float) -> list[str]:
    parts, x = [], x0
    total = room.exit_total
    pieces = [(level, n or 0) for level, n in room.levels.items()]
    pieces.append(("not_assessed", room.not_assessed))
    for level, n in pieces:
        if not n:
            continue
        w = width * n / total
        label = EXIT_LEVELS.get(level, "No level recorded")
        tip = svg.tip(f"{room.label}: {label.lower()}, {quantity(n, 'student')}")
        if level == "not_assessed":
            shape = svg.rect(x, y, w, BAR, fill="#ffffff", stroke=SOFT, stroke_dasharray="4 3")
            ink = INK
        else:
            shape = svg.rect(x, y, w, BAR, fill=EXIT_COLOURS[level], stroke="#ffffff")
            ink = "#ffffff" if level in LIGHT_TEXT else INK
        words = svg.text(x + w / 2, y + 20, str(n), text_anchor="middle", fill=ink, font_size=13)
        parts.append(
            svg.el(
                "g",
                tip + shape + (words if w >= 16 else ""),
                class_=f"segment segment-{level}",
                data_count=str(n),
            )
        )
        x += w
    return parts


def exit_bars(comparison: Comparison, chart_id: str = "chart-exit", width: int = WIDTH) -> Markup:
    """One 100% bar per classroom: its students at each level of the exit prompt, and those
    with no level recorded when the class is bigger than the levels add up to."""
    title = "Exit prompt levels in each classroom"
    rooms = comparison.rooms
    if not rooms or not comparison.any_exit:
        return svg.empty(chart_id, title, "No exit prompt recorded yet.", width)
    legend = [(label, EXIT_COLOURS[level]) for level, label in EXIT_LEVELS.items()]
    body = svg.swatch_legend(4, 16, legend + [("No level recorded", "#ffffff")])
    x0, bar_width = EXIT_LABEL, width - EXIT_LABEL - 4
    for i, room in enumerate(rooms):
        y = LEGEND + i * (BAR + BAR_GAP)
        body.append(
            svg.text(
                x0 - 10,
                y + 14,
                _short(room.enactment.class_code, 20),
                text_anchor="end",
                font_weight="bold",
            )
        )
        body.append(
            svg.text(x0 - 10, y + 27, _short(room.teacher, 24), text_anchor="end", **svg.SMALL)
        )
        if not room.has_exit:
            body.append(
                svg.rect(x0, y, width, BAR, fill="none", stroke=GRID, stroke_dasharray="4 3")
            )
            body.append(svg.text(x0 + 10, y + 20, "No exit prompt recorded", fill=SOFT))
            continue
        body.append(
            svg.el(
                "g",
                "".join(_segments(room, x0, bar_width, y)),
                class_="bar",
                data_room=room.enactment.class_code,
            )
        )
    height = LEGEND + len(rooms) * (BAR + BAR_GAP)
    return svg.document(chart_id, height, title, _exit_desc(comparison), body, width)


def _exit_desc(comparison: Comparison) -> str:
    parts = []
    for room in comparison.rooms:
        if not room.has_exit:
            parts.append(f"{room.label}: none recorded")
            continue
        levels = ", ".join(
            f"{label.lower()} {room.levels[level] or 0}" for level, label in EXIT_LEVELS.items()
        )
        if room.not_assessed:
            levels += f", no level {room.not_assessed}"
        parts.append(f"{room.label}: {levels}")
    return "Students at each level of the exit prompt. " + "; ".join(parts) + "."
