"""The handoff charts, drawn with app/svg.py so the page and the PDF show the same picture.

Patterns, dashes, marker shapes and direct labels carry the meaning, so a greyscale print still
reads. Each chart draws points: sessions, or months or school years when a range is long
(periods.py), so it stays small and readable for any range.
"""

import math
from collections.abc import Sequence

from markupsafe import Markup

from app import svg
from app.leadership.figures import SessionFigures
from app.leadership.models import MoveBy, MoveType
from app.leadership.periods import Period
from app.meetings.models import ReleaseLevel
from app.schoolyear import SchoolYear
from app.svg import GRID, INK, SMALL, SOFT, WIDTH, shown_labels
from app.templating import quantity

Point = SessionFigures | Period
LEADER, MENTOR, OTHER = "#1f5f8b", "#7b4ea3", "#dfe4ea"
WHO = {"leader": "Teacher leader", "mentor": "Mentor", "other": "Others"}
MOVE_PEOPLE = (MoveBy.leader, MoveBy.mentor)
LINES = {
    MoveBy.leader: {"stroke_width": 2.2},
    MoveBy.mentor: {"stroke_width": 2, "stroke_dasharray": "5 3"},
}
VALUE = {"text_anchor": "middle", "fill": LEADER, "font_size": 10.5, "font_weight": "bold"}
NOTHING = "No ended sessions in this range yet."
# Marks with their own tooltip on every point up to this many points; lines alone beyond.
MAX_MARKS = 40


def _leader_mark(x: float, y: float, body: str = "", **attrs) -> str:
    return svg.el("circle", body, cx=x, cy=y, r=3.6, fill=LEADER, **attrs)


def _mentor_mark(x: float, y: float, body: str = "", **attrs) -> str:
    return svg.rect(
        x - 3.3, y - 3.3, 6.6, 6.6, body, fill="#ffffff", stroke=MENTOR, stroke_width=1.8, **attrs
    )


def _pct(share: float) -> str:
    """A share as a whole percentage, halves rounded up as people expect (12.5% is 13%)."""
    return f"{int(share * 100 + 0.5)}%"


def _per(points: Sequence[Point]) -> str:
    """'session', 'month' or 'school year': what one point of the chart is."""
    return points[0].unit


def _span(points: Sequence[Point]) -> str:
    sessions = sum(getattr(p, "count", 1) for p in points)
    counted = quantity(sessions, "session")
    if _per(points) != "session":
        counted += f" in {quantity(len(points), _per(points))}"
    return f"{counted} from {points[0].day} to {points[-1].day}"


def _axis(points, xs, slot, y, label_width=48, font_size=11) -> list[str]:
    if _per(points) == "month":
        return _school_year_axis(points, xs, slot, y, font_size)
    labels = [(p.short, p.below) for p in points]
    return svg.category_axis(labels, xs, slot, y, label_width, font_size)


def _school_year_axis(points, xs, slot, y, font_size) -> list[str]:
    """Months are marked by their school year only, at its first month: a few labels that
    read at a glance (and few texts keep the PDF fast)."""
    parts, year = [], None
    for p, x in zip(points, xs, strict=True):
        if SchoolYear.of(p.start) == year:
            continue
        year = SchoolYear.of(p.start)
        edge = x - slot / 2
        parts.append(svg.line(edge, y - 16, edge, y - 9, stroke=SOFT))
        parts.append(
            svg.text(edge + 2, y, year.label, font_size=font_size, fill=SOFT, class_="date")
        )
    return parts


def _patterns(chart_id: str) -> str:
    hatch = svg.el(
        "pattern",
        svg.rect(0, 0, 6, 6, fill=MENTOR)
        + svg.el("path", d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2", stroke="#ffffff", stroke_width=1.6),
        id=f"{chart_id}-hatch",
        width=6,
        height=6,
        patternUnits="userSpaceOnUse",
    )
    dots = svg.el(
        "pattern",
        svg.rect(0, 0, 6, 6, fill=OTHER) + svg.el("circle", cx=3, cy=3, r=1.1, fill="#7d8a99"),
        id=f"{chart_id}-dots",
        width=6,
        height=6,
        patternUnits="userSpaceOnUse",
    )
    return svg.el("defs", hatch + dots)


def _fills(chart_id: str) -> dict[str, str]:
    return {
        "leader": LEADER,
        "mentor": f"url(#{chart_id}-hatch)",
        "other": f"url(#{chart_id}-dots)",
    }


def _tipper(tips: bool):
    """svg.tip, or nothing in print, where no one hovers (fewer elements, a faster PDF)."""
    return svg.tip if tips else (lambda _words: "")


def share_chart(
    points: Sequence[Point], chart_id: str = "chart-share", tips: bool = True
) -> Markup:
    """Per point, a 100% bar of segment-minutes led by the leader, others and the mentor."""
    title = "Who led the segment-minutes"
    if not points:
        return svg.empty(chart_id, title, NOTHING)
    left, right, top, bottom, height = 46, WIDTH - 10, 40, 200, 244
    xs, slot = svg.centers(len(points), left, right)
    bar = min(slot * 0.7, 56)
    fills = _fills(chart_id)
    body = [_patterns(chart_id)]
    body += svg.swatch_legend(left, 16, [(WHO[w], fills[w]) for w in ("leader", "other", "mentor")])
    body += svg.value_grid(
        [(t, f"{t}%") for t in (0, 25, 50, 75, 100)],
        lambda t: bottom - (bottom - top) * t / 100,
        left,
        right,
    )
    # One path per person for all the bars: a pattern fill drawn once, not once per bar,
    # which keeps the PDF fast; an invisible box per bar carries its tooltip.
    shapes: dict[str, list[str]] = {who: [] for who in fills}
    boxes, tops = [], []
    for p, x in zip(points, xs, strict=True):
        y = bottom
        for who in ("leader", "other", "mentor"):
            h = p.share(who) * (bottom - top)
            if h > 0:
                shapes[who].append(
                    f"M{svg.num(x - bar / 2)},{svg.num(y - h)}h{svg.num(bar)}"
                    f"v{svg.num(h)}h{svg.num(-bar)}z"
                )
                y -= h
        box = {"fill": "#ffffff", "fill_opacity": 0}
        if not p.total_minutes:
            box = {"fill": "none", "stroke": GRID, "stroke_dasharray": "3 3"}
        tip = (
            f"{p.long}: teacher leader {_pct(p.share('leader'))}, "
            f"mentor {_pct(p.share('mentor'))}, others {_pct(p.share('other'))} "
            f"of {svg.num(round(p.total_minutes, 1))} min"
        )
        if tips or not p.total_minutes:
            boxes.append(
                svg.el(
                    "g",
                    _tipper(tips)(tip) + svg.rect(x - bar / 2, top, bar, bottom - top, **box),
                    class_="bar",
                )
            )
        tops.append(bottom - p.share("leader") * (bottom - top))
    body += [svg.el("path", d="".join(d), fill=fills[who]) for who, d in shapes.items() if d]
    body += boxes
    for i in shown_labels(len(points), slot, 40):
        if not points[i].total_minutes:
            continue
        y = min(max(tops[i], top + 9), bottom - 9)
        body.append(
            svg.rect(
                xs[i] - 18, y - 8, 36, 16, rx=8, fill="#ffffff", stroke=LEADER, stroke_width=1.2
            )
        )
        body.append(
            svg.text(xs[i], y + 4, _pct(points[i].share("leader")), class_="leader-share", **VALUE)
        )
    body.append(svg.line(left, bottom, right, bottom, stroke=INK))
    body += _axis(points, xs, slot, bottom + 18)
    first, last = points[0], points[-1]
    per = _per(points)
    desc = (
        f"{_span(points)}. The teacher leader led {_pct(first.share('leader'))} of "
        f"segment-minutes in the first {per} and {_pct(last.share('leader'))} in the last; "
        f"the mentor {_pct(first.share('mentor'))} and {_pct(last.share('mentor'))}."
    )
    return svg.document(chart_id, height, title, desc, body)


def level_of(step: float) -> ReleaseLevel | None:
    """The release level nearest a minute-weighted step (None when nothing was counted)."""
    if not step:
        return None
    levels = list(ReleaseLevel)
    return levels[min(3, max(0, round(step) - 1))]


def release_chart(
    points: Sequence[Point], chart_id: str = "chart-release", tips: bool = True
) -> Markup:
    """Per point, the minute-weighted release step from 1 (mentor leads) to 4 (alone)."""
    title = "Release level over time"
    if not points:
        return svg.empty(chart_id, title, NOTHING)
    left, right, top, bottom, height = 206, WIDTH - 16, 22, 172, 214
    xs, slot = svg.centers(len(points), left, right)

    def y_of(step: float) -> float:
        return bottom - (bottom - top) * (step - 1) / 3

    body = []
    for level in ReleaseLevel:
        y = y_of(level.step)
        dashes = None if level.step == 1 else "4 3"
        body.append(svg.line(left, y, right, y, stroke=GRID, stroke_dasharray=dashes))
        body.append(
            svg.text(
                left - 10,
                y + 4,
                f"{level.step} · {level.label}",
                text_anchor="end",
                fill=SOFT,
                font_size=11.5,
            )
        )
    runs, run = [], []
    for x, p in zip(xs, points, strict=True):
        if p.release_step:
            run.append((x, y_of(p.release_step)))
        elif run:
            runs.append(run)
            run = []
    runs.append(run)
    for run in runs:
        if len(run) > 1:
            body.append(svg.polyline(run, stroke=LEADER, stroke_width=2.5))
    labelled = set(shown_labels(len(points), slot, 30))
    counted = [(i, p) for i, p in enumerate(points) if p.release_step]
    for i, p in counted:
        x, y = xs[i], y_of(p.release_step)
        tip = _tipper(tips)(f"{p.long}: release step {p.release_step:.1f}")
        body.append(
            svg.el(
                "circle",
                tip,
                cx=x,
                cy=y,
                r=5 if len(points) <= MAX_MARKS else 3,
                fill="#ffffff",
                stroke=LEADER,
                stroke_width=2.5 if len(points) <= MAX_MARKS else 1.8,
                class_="point",
            )
        )
        if i in labelled:
            above = y - 10 if y > top + 14 else y + 20
            body.append(svg.text(x, above, f"{p.release_step:.1f}", **VALUE))
    body.append(svg.line(left, bottom, right, bottom, stroke=INK))
    body += _axis(points, xs, slot, bottom + 18)
    if counted:
        first, last = counted[0][1], counted[-1][1]
        desc = (
            f"Minute-weighted release level per {_per(points)}, from 1 (mentor leads) to 4 "
            f"(leader leads alone), {_span(points)}: {first.release_step:.1f} in "
            f"{first.day}, {last.release_step:.1f} in {last.day}."
        )
    else:
        desc = "No segment-minutes were counted in these sessions."
    return svg.document(chart_id, height, title, desc, body)


def _nice_top(value: float) -> int:
    return max(2, math.ceil(value / 2) * 2)


def number(value: float) -> str:
    """A move count: whole for a session, one decimal for a month's average."""
    return svg.num(round(value, 1))


def _moves_panel(points, move_type, px, py, pw, top_count, tips) -> list[str]:
    left, right, top, bottom = px + 26, px + pw - 8, py + 28, py + 128
    xs, slot = svg.centers(len(points), left, right)

    def y_of(count: float) -> float:
        return bottom - (bottom - top) * count / top_count

    counts = {by: [p.move_count(by, move_type) for p in points] for by in MOVE_PEOPLE}
    change = " · ".join(f"{by.label} {number(c[0])} → {number(c[-1])}" for by, c in counts.items())
    parts = [
        svg.text(px, py + 12, move_type.label, font_weight="bold", font_size=13),
        svg.text(px + pw - 8, py + 12, change, text_anchor="end", **SMALL),
    ]
    for tick in (0, top_count // 2, top_count):
        y = y_of(tick)
        parts.append(svg.line(left, y, right, y, stroke=INK if tick == 0 else GRID))
        parts.append(
            svg.text(left - 5, y + 4, str(tick), text_anchor="end", fill=SOFT, font_size=10)
        )
    for by, values in counts.items():
        leader = by == MoveBy.leader
        colour = LEADER if leader else MENTOR
        if len(values) > 1:
            line = [(x, y_of(v)) for x, v in zip(xs, values, strict=True)]
            parts.append(svg.polyline(line, stroke=colour, **LINES[by]))
        if len(points) > MAX_MARKS:
            continue  # the table under the charts has every figure
        mark = _leader_mark if leader else _mentor_mark
        for x, v, p in zip(xs, values, points, strict=True):
            tip = _tipper(tips)(f"{p.long}: {WHO[by.value].lower()} {number(v)}")
            parts.append(mark(x, y_of(v), tip, class_=f"point point-{by.value}"))
    parts += _axis(points, xs, slot, bottom + 15, label_width=50, font_size=10)
    return parts


def moves_chart(
    points: Sequence[Point], chart_id: str = "chart-moves", tips: bool = True
) -> Markup:
    """Four small multiples, one per move type: the leader's and the mentor's counts."""
    per = _per(points) if points else "session"
    title = "Facilitation moves per session"
    if per != "session":
        title += f", averaged by {per}"
    if not points:
        return svg.empty(chart_id, title, NOTHING)
    height, gap, pw, ph = 386, 36, (WIDTH - 36) / 2, 170
    top_count = _nice_top(
        max(p.move_count(by, t) for p in points for by in MOVE_PEOPLE for t in MoveType)
    )
    body = [
        svg.line(0, 12, 22, 12, stroke=LEADER, **LINES[MoveBy.leader]),
        _leader_mark(11, 12),
        svg.text(30, 16, WHO["leader"]),
        svg.line(150, 12, 172, 12, stroke=MENTOR, **LINES[MoveBy.mentor]),
        _mentor_mark(161, 12),
        svg.text(180, 16, WHO["mentor"]),
        svg.text(WIDTH, 16, "moves logged per session", text_anchor="end", **SMALL),
    ]
    for i, move_type in enumerate(MoveType):
        px, py = (i % 2) * (pw + gap), 34 + (i // 2) * (ph + 8)
        body += _moves_panel(points, move_type, px, py, pw, top_count, tips)
    first, last = points[0], points[-1]
    summary = "; ".join(
        f"{t.label}: teacher leader {number(first.move_count(MoveBy.leader, t))} → "
        f"{number(last.move_count(MoveBy.leader, t))}, mentor "
        f"{number(first.move_count(MoveBy.mentor, t))} → "
        f"{number(last.move_count(MoveBy.mentor, t))}"
        for t in MoveType
    )
    desc = f"Moves logged per session in the first and the last {per}, {_span(points)}. {summary}."
    return svg.document(chart_id, height, title, desc, body)


def for_handoff(points: Sequence[Point], tips: bool = True) -> dict[str, Markup]:
    """The handoff's three charts of these points (periods.periods of its sessions)."""
    return {
        "share": share_chart(points, tips=tips),
        "release": release_chart(points, tips=tips),
        "moves": moves_chart(points, tips=tips),
    }
