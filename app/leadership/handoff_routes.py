"""A teacher leader's handoff: segment-minutes, release levels and moves across sessions,
as a page and as a PDF report for a date range."""

from flask import Blueprint, render_template, request
from flask_login import current_user, login_required

from app.leadership import charts
from app.leadership.access import is_mentor, leader_private_in
from app.leadership.figures import Handoff, handoff, school_years
from app.leadership.forms import ReportRangeForm
from app.leadership.models import MoveBy, MoveType
from app.leadership.periods import periods
from app.pdf import render_pdf
from app.schoolyear import SchoolYear
from app.teams.access import team_for
from app.teams.queries import with_members
from app.timeutil import local_now

# Mentoring loops shown in full, the latest first left out: a school year's on the page; the
# PDF keeps to a few pages so it renders in well under 2 s for any range (issue 9).
LOOPS_ON_PAGE = 40
LOOPS_IN_PDF = 12

bp = Blueprint("handoff", __name__, url_prefix="/teams/<int:team_id>/leaders/<int:user_id>")


def _leader(team_id: int, user_id: int):
    """The whole handoff is leader-private: it shows the leader's mentoring loops."""
    team = team_for(current_user, team_id, with_members())
    leader = leader_private_in(current_user, team, user_id)
    return team, leader, is_mentor(current_user, team.id)


def _range_form(team) -> tuple[ReportRangeForm, bool, list[SchoolYear]]:
    """The date range from the query string; an end before the start is a field error.

    Without one, this school year, or the latest one with sessions when this one has none
    yet (in August, last year's handoff rather than an empty page)."""
    years = school_years(team)
    if "start" not in request.args and "end" not in request.args:
        year = SchoolYear.of(local_now().date())
        if years and year not in years:
            year = years[0]
        return ReportRangeForm(formdata=None, start=year.start, end=year.end), True, years
    form = ReportRangeForm(formdata=request.args)
    valid = form.validate()
    for field in (form.start, form.end):
        if field.errors and field.data is None:
            field.errors = ["Use a date like 2025-01-31."]
    start, end = form.start.data, form.end.data
    if valid and start and end and end < start:
        form.end.errors.append("Choose a date on or after the start.")
        valid = False
    return form, valid, years


def _figures(figures: Handoff, pdf: bool = False) -> dict:
    points = periods(figures.sessions)
    return {
        "handoff": figures,
        "points": points,
        "charts": charts.for_handoff(points, tips=not pdf),
        "level_of": charts.level_of,
        "move_types": list(MoveType),
        "MoveBy": MoveBy,
        "number": charts.number,
    }


def _page(figures: Handoff, form, years, viewer_is_mentor: bool, status: int = 200):
    return render_template(
        "leadership/handoff.html",
        team=figures.team,
        form=form,
        years=years,
        invalid=status != 200,
        viewer_is_mentor=viewer_is_mentor,
        **_figures(figures),
    ), status


def _unranged(team, leader) -> Handoff:
    """What a page with a bad range shows under the form: nothing yet, and quickly."""
    return Handoff(team, leader, [], [])


def _filename(figures: Handoff) -> str:
    span = [f"from-{figures.start:%Y-%m-%d}"] if figures.start else []
    span += [f"to-{figures.end:%Y-%m-%d}"] if figures.end else []
    return "-".join(["handoff", str(figures.leader.id), *span]) + ".pdf"


@bp.get("/handoff")
@login_required
def show(team_id: int, user_id: int):
    team, leader, viewer_is_mentor = _leader(team_id, user_id)
    form, valid, years = _range_form(team)
    if not valid:
        return _page(_unranged(team, leader), form, years, viewer_is_mentor, 422)
    figures = handoff(team, leader, form.start.data, form.end.data, LOOPS_ON_PAGE)
    return _page(figures, form, years, viewer_is_mentor)


@bp.get("/handoff.pdf")
@login_required
def pdf(team_id: int, user_id: int):
    team, leader, viewer_is_mentor = _leader(team_id, user_id)
    form, valid, years = _range_form(team)
    if not valid:
        return _page(_unranged(team, leader), form, years, viewer_is_mentor, 422)
    figures = handoff(team, leader, form.start.data, form.end.data, LOOPS_IN_PDF)
    return render_pdf(
        "leadership/handoff_pdf.html",
        _filename(figures),
        prepared_on=local_now().date(),
        years=years,
        **_figures(figures, pdf=True),
    )
