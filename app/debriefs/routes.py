"""The debrief: the team compares its classrooms side by side and against what it
anticipated, on a laptop, on the projector and as the run view's panel of a debrief segment.
Every save of an enactment (and every tap) tells the cycle's channel; the comparison
re-fetches itself through its fragment route."""

from flask import Blueprint, make_response, render_template, request
from flask_login import current_user, login_required

from app import live
from app.cycles.access import cycle_for
from app.cycles.models import live_channel
from app.cycles.streams import cycle_stream
from app.debriefs import charts, panels
from app.debriefs.queries import LOWERING, comparison
from app.debriefs.report import report_pdf
from app.enactments.models import EXIT_LEVELS, KEEPING

bp = Blueprint("debriefs", __name__)
__all__ = ["bp", "panels"]  # importing panels registers the run-view panel


def _context(cycle, projector: bool = False) -> dict:
    found = comparison(cycle)
    # Narrower drawings of the same charts: larger type once scaled to the projector's width.
    heat_width, exit_width = (600, 540) if projector else (charts.WIDTH, charts.WIDTH)
    return {
        "cycle": cycle,
        "comparison": found,
        "heat_map": charts.heat_map(found, width=heat_width),
        "exit_bars": charts.exit_bars(found, width=exit_width),
        "keeping": KEEPING,
        "lowering": LOWERING,
        "exit_levels": EXIT_LEVELS,
        "pct": charts.pct,
    }


def _conditional(html: str):
    """The fragment with an ETag: a screen re-fetching what it already shows gets a 304."""
    response = make_response(html)
    response.headers["Cache-Control"] = "private, no-cache"
    response.add_etag()
    return response.make_conditional(request)


@bp.get("/cycles/<int:cycle_id>/debrief")
@login_required
def show(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    after = live.latest_id(live_channel(cycle.id))
    return render_template("debriefs/show.html", team=cycle.team, after=after, **_context(cycle))


@bp.get("/cycles/<int:cycle_id>/debrief/comparison")
@login_required
def comparison_fragment(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    return _conditional(render_template("debriefs/_comparison.html", **_context(cycle)))


@bp.get("/cycles/<int:cycle_id>/debrief/display")
@login_required
def display(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    after = live.latest_id(live_channel(cycle.id))
    return render_template("debriefs/display.html", after=after, **_context(cycle, True))


@bp.get("/cycles/<int:cycle_id>/debrief/display/comparison")
@login_required
def display_fragment(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    return _conditional(render_template("debriefs/_display_body.html", **_context(cycle, True)))


@bp.get("/cycles/<int:cycle_id>/debrief/charts")
@login_required
def panel_charts(cycle_id: int):
    """The heat map and the exit bars alone, for a debrief segment's run-view panel."""
    cycle = cycle_for(current_user, cycle_id)
    return _conditional(render_template("debriefs/_panel_charts.html", **panels.charts_of(cycle)))


@bp.get("/cycles/<int:cycle_id>/debrief/report.pdf")
@login_required
def report(cycle_id: int):
    """The comparison, the team's record and the chosen student work, to print and pass on."""
    return report_pdf(cycle_for(current_user, cycle_id))


@bp.get("/cycles/<int:cycle_id>/debrief/events")
@login_required
def events(cycle_id: int):
    cycle_for(current_user, cycle_id)
    return cycle_stream(cycle_id, lambda user: cycle_for(user, cycle_id))
