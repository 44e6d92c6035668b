"""The presenter console: the controls, what comes next and the leader's private nudges."""

from flask import Blueprint, render_template
from flask_login import current_user, login_required

from app import live
from app.meetings import attendance
from app.meetings.access import can_present, meeting_for, require
from app.meetings.run_context import CONSOLE, PAGE, run_context
from app.teams.access import role_in

bp = Blueprint("console", __name__, url_prefix="/meetings/<int:meeting_id>/run/console")


def _presented_meeting(meeting_id: int):
    meeting = meeting_for(current_user, meeting_id)
    require(can_present(current_user, meeting))
    return meeting


@bp.get("")
@login_required
def show(meeting_id: int):
    meeting = _presented_meeting(meeting_id)
    if meeting.status != "ended" and role_in(current_user, meeting.team_id):
        attendance.record_visit(meeting, current_user)
    after = live.latest_id(meeting.channel())
    context = run_context(meeting_id, *PAGE, view=CONSOLE)
    return render_template("meetings/run.html", after=after, **context)


@bp.get("/state")
@login_required
def state(meeting_id: int):
    _presented_meeting(meeting_id)
    return render_template("meetings/_run_state.html", **run_context(meeting_id, view=CONSOLE))


@bp.get("/end")
@login_required
def confirm_end(meeting_id: int):
    """Ending asks first: this page holds the one button that ends the meeting."""
    _presented_meeting(meeting_id)
    return render_template("meetings/run_end.html", **run_context(meeting_id, view=CONSOLE))
