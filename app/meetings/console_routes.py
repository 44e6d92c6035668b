"""The presenter console: the controls, what comes next and the leader's private nudges."""

from flask import Blueprint, render_template
from flask_login import current_user, login_required

from app import live
from app.meetings import attendance
from app.meetings.access import meeting_to_run, require
from app.meetings.run_cache import run_fragment
from app.meetings.run_context import CONSOLE, PAGE, run_context

bp = Blueprint("console", __name__, url_prefix="/meetings/<int:meeting_id>/run/console")


def _presented(meeting_id: int):
    access = meeting_to_run(current_user, meeting_id)
    require(access.can_present)
    return access


@bp.get("")
@login_required
def show(meeting_id: int):
    after = live.latest_id(f"meeting:{meeting_id}")
    access = _presented(meeting_id)
    if access.meeting.status != "ended" and access.role:
        attendance.record_visit(access.meeting, current_user)
    context = run_context(access, *PAGE, view=CONSOLE)
    return render_template("meetings/run.html", after=after, **context)


@bp.get("/state")
@login_required
def state(meeting_id: int):
    return run_fragment(
        "_run_state.html",
        meeting_id,
        "state",
        view=CONSOLE,
        presenters_only=True,
    )


@bp.get("/end")
@login_required
def confirm_end(meeting_id: int):
    """Ending asks first: this page holds the one button that ends the meeting."""
    return render_template(
        "meetings/run_end.html", **run_context(_presented(meeting_id), view=CONSOLE)
    )
