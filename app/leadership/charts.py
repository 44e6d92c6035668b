"""The handoff charts as SVG drawn on the server, so the page and the PDF show the same picture.

Pure functions from figures to markup: no scripts, no web fonts, a fixed viewBox. Patterns,
dashes, marker shapes and direct labels carry the meaning, so a greyscale print still reads.
"""

import math
from collections.abc import Sequence

from markupsafe import Markup, escape

from app.leadership.figures import Handoff, SessionFigures
from app.leadership.models import MoveBy, MoveType
from app.meetings.models import ReleaseLevel
from app.templating import quantity

WIDTH = 720
FONT = "system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', Arial, sans-serif"
INK, SOFT, GRID = "#1d2733", "#4a5665", "#d9dee5"
LEADER, MENTOR, OTHER = "#1f5f8b", "#7b4ea3", "#dfe4ea"
WHO = {"leader": "Teacher leader", "mentor": "Mentor", "other": "Others"}
MOVE_PEOPLE = (MoveBy.leader, MoveBy.mentor)
LINES = {
    MoveBy.leader: {"stroke_width": 2.2},
    MoveBy.mentor: {"stroke_width": 2, "stroke_dasharray": "5 3"},
}
SMALL = {"fill": SOFT, "font_size": 10.5}
VALUE = {"text_anchor": "middle", "fill": LEADER, "font_size": 10.5, "font_weight": "bold"}


def _n(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _el(tag: str, body: str = "", **attrs) -> str:
    """An SVG element; attribute names take hyphens for underscores (class_ is class)."""
    parts = "".join(
        f' {name.rstrip("_").replace("_", "-")}="{escape(_n(v) if isinstance(v, float) else v)}"'
        for name, v in attrs.items()
        if v is not None
    )
    return f"<{tag}{parts}>{body}</{tag}>" if body else f"<{tag}{parts}/>"


def _text(x: float, y: float, text: str, **attrs) -> str:
    return _el("text", str(escape(text)), x=x, y=y, **attrs)


def _rect(x: float, y: float, width: float, height: float, body: str = "", **attrs) -> str:
    return _el("rect", body, x=x, y=y, width=width, height=height, **attrs)


def _line(x1: float, y1: float, x2: float, y2: float, **attrs) -> str:
    return _el("line", x1=x1, y1=y1, x2=x2, y2=y2, **attrs)


def _tip(text: str) -> str:
    """A tooltip on hover; role="img" on the chart keeps screen readers on title and desc."""
    return _el("title", str(escape(text)))


def _leader_mark(x: float, y: float, body: str = "", **attrs) -> str:
    return _el("circle", body, cx=x, cy=y, r=3.6, fill=LEADER, **attrs)


def _mentor_mark(x: float, y: float, body: str = "", **attrs) -> str:
    return _rect(
        x - 3.3, y - 3.3, 6.6, 6.6, body, fill="#ffffff", stroke=MENTOR, stroke_width=1.8, **attrs
    )


def _svg(chart_id: str, height: int, title: str, desc: str, body: Sequence[str]) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{chart_id}" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="{FONT}" '
        f'font-size="12" fill="{INK}">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>' + "".join(body) + "</svg>"
    )


def _empty(chart_id: str, title: str) -> Markup:
    message = "No ended sessions in this range yet."
    box = _rect(1, 1, WIDTH - 2, 88, rx=8, fill="#f7f8fa", stroke=GRID, stroke_dasharray="6 4")
    text = _text(WIDTH / 2, 50, message, text_anchor="middle", fill=SOFT, font_size=14)
    return _svg(chart_id, 90, title, message, [box, text])


def _day(session: SessionFigures) -> str:
    when = session.meeting.starts_at
    return f"{when:%b} {when.day}"


def _long_day(session: SessionFigures) -> str:
    when = session.meeting.starts_at
    return f"{when:%b} {when.day}, {when.year}"


def _pct(share: float) -> str:
    """A share as a whole percentage, halves rounded up as people expect (12.5% is 13%)."""
    return f"{int(share * 100 + 0.5)}%"


def _centers(n: int, x0: float, x1: float) -> tuple[list[float], float]:
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


def _date_axis(sessions, xs, slot, y, label_width=48, font_size=11) -> list[str]:
    parts, year = [], None
    for i in shown_labels(len(sessions), slot, label_width):
        when = sessions[i].meeting.starts_at
        style = {"text_anchor": "middle", "fill": SOFT}
        parts.append(
            _text(xs[i], y, _day(sessions[i]), font_size=font_size, class_="date", **style)
        )
        if when.year != year:
            parts.append(
                _text(xs[i], y + font_size + 2, str(when.year), font_size=font_size - 1.5, **style)
            )
            year = when.year
    return parts


def _patterns(chart_id: str) -> str:
    hatch = _el(
        "pattern",
        _rect(0, 0, 6, 6, fill=MENTOR)
        + _el("path", d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2", stroke="#ffffff", stroke_width=1.6),
        id=f"{chart_id}-hatch",
        width=6,
        height=6,
        patternUnits="userSpaceOnUse",
    )
    dots = _el(
        "pattern",
        _rect(0, 0, 6, 6, fill=OTHER) + _el("circle", cx=3, cy=3, r=1.1, fill="#7d8a99"),
        id=f"{chart_id}-dots",
        width=6,
        height=6,
        patternUnits="userSpaceOnUse",
    )
    return _el("defs", hatch + dots)


def _fills(chart_id: str) -> dict[str, str]:
    return {
        "leader": LEADER,
        "mentor": f"url(#{chart_id}-hatch)",
        "other": f"url(#{chart_id}-dots)",
    }


def _swatch_legend(x: float, y: float, items: list[tuple[str, str]]) -> list[str]:
    parts = []
    for label, fill in items:
        parts.append(_rect(x, y - 11, 14, 14, fill=fill, stroke=SOFT, stroke_width=0.5))
        parts.append(_text(x + 20, y, label))
        x += 34 + 7 * len(label)
    return parts


def share_chart(sessions: Sequence[SessionFigures], chart_id: str = "chart-share") -> Markup:
    """Per session, a 100% bar of segment-minutes led by the leader, others and the mentor."""
    title = "Who led the segment-minutes"
    if not sessions:
        return _empty(chart_id, title)
    left, right, top, bottom, height = 46, WIDTH - 10, 40, 200, 244
    xs, slot = _centers(len(sessions), left, right)
    bar = min(slot * 0.7, 56)
    fills = _fills(chart_id)
    body = [_patterns(chart_id)]
    body += _swatch_legend(left, 16, [(WHO[w], fills[w]) for w in ("leader", "other", "mentor")])
    for tick in (0, 25, 50, 75, 100):
        y = bottom - (bottom - top) * tick / 100
        body.append(_line(left, y, right, y, stroke=GRID))
        body.append(_text(left - 6, y + 4, f"{tick}%", text_anchor="end", **SMALL))
    tops = []
    for s, x in zip(sessions, xs, strict=True):
        parts, y = [], bottom
        for who in ("leader", "other", "mentor"):
            h = s.share(who) * (bottom - top)
            if h > 0:
                parts.append(_rect(x - bar / 2, y - h, bar, h, fill=fills[who]))
                y -= h
        if not s.total_minutes:
            parts.append(
                _rect(
                    x - bar / 2,
                    top,
                    bar,
                    bottom - top,
                    fill="none",
                    stroke=GRID,
                    stroke_dasharray="3 3",
                )
            )
        tip = (
            f"{_long_day(s)}, {s.meeting.title}: teacher leader {_pct(s.share('leader'))}, "
            f"mentor {_pct(s.share('mentor'))}, others {_pct(s.share('other'))} "
            f"of {_n(round(s.total_minutes, 1))} min"
        )
        body.append(_el("g", _tip(tip) + "".join(parts), class_="bar"))
        tops.append(bottom - s.share("leader") * (bottom - top))
    for i in shown_labels(len(sessions), slot, 40):
        if not sessions[i].total_minutes:
            continue
        y = min(max(tops[i], top + 9), bottom - 9)
        body.append(
            _rect(xs[i] - 18, y - 8, 36, 16, rx=8, fill="#ffffff", stroke=LEADER, stroke_width=1.2)
        )
        body.append(
            _text(xs[i], y + 4, _pct(sessions[i].share("leader")), class_="leader-share", **VALUE)
        )
    body.append(_line(left, bottom, right, bottom, stroke=INK))
    body += _date_axis(sessions, xs, slot, bottom + 18)
    first, last = sessions[0], sessions[-1]
    desc = (
        f"{quantity(len(sessions), 'session')} from {_long_day(first)} to {_long_day(last)}. "
        f"The teacher leader led {_pct(first.share('leader'))} of segment-minutes in the first "
        f"session and {_pct(last.share('leader'))} in the last; the mentor "
        f"{_pct(first.share('mentor'))} and {_pct(last.share('mentor'))}."
    )
    return _svg(chart_id, height, title, desc, body)


def level_of(step: float) -> ReleaseLevel | None:
    """The release level nearest a minute-weighted step (None when nothing was counted)."""
    if not step:
        return None
    levels = list(ReleaseLevel)
    return levels[min(3, max(0, round(step) - 1))]


def release_chart(sessions: Sequence[SessionFigures], chart_id: str = "chart-release") -> Markup:
    """Per session, the minute-weighted release step from 1 (mentor leads) to 4 (alone)."""
    title = "Release level over time"
    if not sessions:
        return _empty(chart_id, title)
    left, right, top, bottom, height = 206, WIDTH - 16, 22, 172, 214
    xs, slot = _centers(len(sessions), left, right)

    def y_of(step: float) -> float:
        return bottom - (bottom - top) * (step - 1) / 3

    body = []
    for level in ReleaseLevel:
        y = y_of(level.step)
        body.append(
            _line(
                left, y, right, y, stroke=GRID, stroke_dasharray=None if level.step == 1 else "4 3"
            )
        )
        body.append(
            _text(
                left - 10,
                y + 4,
                f"{level.step} · {level.label}",
                text_anchor="end",
                fill=SOFT,
                font_size=11.5,
            )
        )
    points = [
        (x, y_of(s.release_step), s) for x, s in zip(xs, sessions, strict=True) if s.release_step
    ]
    runs, run = [], []
    for x, s in zip(xs, sessions, strict=True):
        if s.release_step:
            run.append(f"{_n(x)},{_n(y_of(s.release_step))}")
        elif run:
            runs.append(run)
            run = []
    runs.append(run)
    for run in runs:
        if len(run) > 1:
            body.append(
                _el(
                    "polyline",
                    points=" ".join(run),
                    fill="none",
                    stroke=LEADER,
                    stroke_width=2.5,
                    stroke_linejoin="round",
                )
            )
    labelled = {xs[i] for i in shown_labels(len(sessions), slot, 30)}
    for x, y, s in points:
        tip = f"{_long_day(s)}, {s.meeting.title}: release step {s.release_step:.1f}"
        body.append(
            _el(
                "circle",
                _tip(tip),
                cx=x,
                cy=y,
                r=5,
                fill="#ffffff",
                stroke=LEADER,
                stroke_width=2.5,
                class_="point",
            )
        )
        if x in labelled:
            above = y - 10 if y > top + 14 else y + 20
            body.append(_text(x, above, f"{s.release_step:.1f}", **VALUE))
    body.append(_line(left, bottom, right, bottom, stroke=INK))
    body += _date_axis(sessions, xs, slot, bottom + 18)
    if points:
        first, last = points[0][2], points[-1][2]
        desc = (
            f"Minute-weighted release level per session, from 1 (mentor leads) to 4 (leader "
            f"leads alone): {first.release_step:.1f} on {_long_day(first)}, "
            f"{last.release_step:.1f} on {_long_day(last)}."
        )
    else:
        desc = "No segment-minutes were counted in these sessions."
    return _svg(chart_id, height, title, desc, body)


def _nice_top(value: int) -> int:
    return max(2, math.ceil(value / 2) * 2)


def _moves_panel(sessions, move_type, px, py, pw, top_count) -> list[str]:
    left, right, top, bottom = px + 26, px + pw - 8, py + 28, py + 128
    xs, slot = _centers(len(sessions), left, right)

    def y_of(count: int) -> float:
        return bottom - (bottom - top) * count / top_count

    counts = {by: [s.move_count(by, move_type) for s in sessions] for by in MOVE_PEOPLE}
    change = " · ".join(f"{by.label} {c[0]} → {c[-1]}" for by, c in counts.items())
    parts = [
        _text(px, py + 12, move_type.label, font_weight="bold", font_size=13),
        _text(px + pw - 8, py + 12, change, text_anchor="end", **SMALL),
    ]
    for tick in (0, top_count // 2, top_count):
        y = y_of(tick)
        parts.append(_line(left, y, right, y, stroke=INK if tick == 0 else GRID))
        parts.append(_text(left - 5, y + 4, str(tick), text_anchor="end", fill=SOFT, font_size=10))
    for by, values in counts.items():
        leader = by == MoveBy.leader
        colour = LEADER if leader else MENTOR
        line = " ".join(f"{_n(x)},{_n(y_of(v))}" for x, v in zip(xs, values, strict=True))
        if len(values) > 1:
            parts.append(
                _el(
                    "polyline",
                    points=line,
                    fill="none",
                    stroke=colour,
                    stroke_linejoin="round",
                    **LINES[by],
                )
            )
        mark = _leader_mark if leader else _mentor_mark
        for x, v, s in zip(xs, values, sessions, strict=True):
            tip = _tip(f"{_long_day(s)}: {WHO[by.value].lower()} {v}")
            parts.append(mark(x, y_of(v), tip, class_=f"point point-{by.value}"))
    parts += _date_axis(sessions, xs, slot, bottom + 15, label_width=50, font_size=10)
    return parts


def moves_chart(sessions: Sequence[SessionFigures], chart_id: str = "chart-moves") -> Markup:
    """Four small multiples, one per move type: the leader's and the mentor's counts."""
    title = "Facilitation moves per session"
    if not sessions:
        return _empty(chart_id, title)
    height, gap, pw, ph = 386, 36, (WIDTH - 36) / 2, 170
    top_count = _nice_top(
        max(s.move_count(by, t) for s in sessions for by in MOVE_PEOPLE for t in MoveType)
    )
    body = [
        _line(0, 12, 22, 12, stroke=LEADER, **LINES[MoveBy.leader]),
        _leader_mark(11, 12),
        _text(30, 16, WHO["leader"]),
        _line(150, 12, 172, 12, stroke=MENTOR, **LINES[MoveBy.mentor]),
        _mentor_mark(161, 12),
        _text(180, 16, WHO["mentor"]),
        _text(WIDTH, 16, "moves logged per session", text_anchor="end", **SMALL),
    ]
    for i, move_type in enumerate(MoveType):
        px, py = (i % 2) * (pw + gap), 34 + (i // 2) * (ph + 8)
        body += _moves_panel(sessions, move_type, px, py, pw, top_count)
    summary = "; ".join(
        f"{t.label}: teacher leader {sessions[0].move_count(MoveBy.leader, t)} → "
        f"{sessions[-1].move_count(MoveBy.leader, t)}, mentor "
        f"{sessions[0].move_count(MoveBy.mentor, t)} → {sessions[-1].move_count(MoveBy.mentor, t)}"
        for t in MoveType
    )
    of_sessions = quantity(len(sessions), "session")
    desc = f"Moves logged in the first and the last of {of_sessions}. {summary}."
    return _svg(chart_id, height, title, desc, body)


def for_handoff(handoff: Handoff) -> dict[str, Markup]:
    return {
        "share": share_chart(handoff.sessions),
        "release": release_chart(handoff.sessions),
        "moves": moves_chart(handoff.sessions),
    }
