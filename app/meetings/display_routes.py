"""The projector display: only what the whole team may see, whoever is signed in.

No controls, no forms, no private note and no nudge: its fragments are its own routes and
load shared contributions only (contributions.shared_of). So every viewer of a meeting gets
the same display fragments (run_cache keeps one rendering per change)."""

from flask import Blueprint, render_template
from flask_login import current_user, login_required

from app import live
from app.meetings.access import meeting_to_run
from app.meetings.run_cache import run_fragment
from app.meetings.run_context import DISPLAY, DISPLAY_PAGE, run_context

bp = Blueprint("display", __name__, url_prefix="/meetings/<int:meeting_id>/run/display")


@bp.get("")
@login_required
def show(meeting_id: int):
    after = live.latest_id(f"meeting:{meeting_id}")
    context = run_context(meeting_to_run(current_user, meeting_id), *DISPLAY_PAGE, view=DISPLAY)
    return render_template("meetings/display.html", after=after, **context)


@bp.get("/state")
@login_required
def state(meeting_id: int):
    return run_fragment("_run_state.html", meeting_id, "state", view=DISPLAY)


@bp.get("/panel")
@login_required
def panel(meeting_id: int):
    return run_fragment("_run_panel.html", meeting_id, "panel", view=DISPLAY)


@bp.get("/contributions")
@login_required
def contributions_list(meeting_id: int):
    return run_fragment(
        "_display_contributions.html", meeting_id, "contributions", "contributions", view=DISPLAY
    )


@bp.get("/attendance")
@login_required
def attendance_list(meeting_id: int):
    return run_fragment(
        "_display_attendance.html", meeting_id, "attendance", "attendance", view=DISPLAY
    )
