"""The projector display: only what the whole team may see, whoever is signed in.

No controls, no forms, no private note and no nudge: its fragments are its own routes and
load shared contributions only (contributions.shared_of)."""

from flask import Blueprint, render_template
from flask_login import current_user, login_required

from app import live
from app.meetings.access import meeting_for
from app.meetings.run_context import DISPLAY, DISPLAY_PAGE, run_context

bp = Blueprint("display", __name__, url_prefix="/meetings/<int:meeting_id>/run/display")


def _render(template: str, meeting_id: int, *parts: str):
    meeting_for(current_user, meeting_id)
    return render_template(f"meetings/{template}", **run_context(meeting_id, *parts, view=DISPLAY))


@bp.get("")
@login_required
def show(meeting_id: int):
    meeting = meeting_for(current_user, meeting_id)
    after = live.latest_id(meeting.channel())
    context = run_context(meeting_id, *DISPLAY_PAGE, view=DISPLAY)
    return render_template("meetings/display.html", after=after, **context)


@bp.get("/state")
@login_required
def state(meeting_id: int):
    return _render("_run_state.html", meeting_id)


@bp.get("/panel")
@login_required
def panel(meeting_id: int):
    return _render("_run_panel.html", meeting_id)


@bp.get("/contributions")
@login_required
def contributions_list(meeting_id: int):
    return _render("_display_contributions.html", meeting_id, "contributions")


@bp.get("/attendance")
@login_required
def attendance_list(meeting_id: int):
    return _render("_display_attendance.html", meeting_id, "attendance")
