"""Editing a meeting's agenda: segments, their facilitator and release level, their order."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from app import editing
from app.htmx import is_htmx
from app.meetings import planning
from app.meetings.access import can_plan, meeting_for, require, segment_for
from app.meetings.models import Meeting
from app.meetings.pages import render_show, segment_form
from app.meetings.queries import load_meeting
from app.numbers import parse_id

bp = Blueprint("segments", __name__, url_prefix="/meetings/<int:meeting_id>/segments")


def _planner_meeting(meeting_id: int) -> Meeting:
    meeting = meeting_for(current_user, meeting_id)
    require(can_plan(current_user, meeting.team_id))
    return meeting


@bp.post("")
@login_required
def create(meeting_id: int):
    meeting = _planner_meeting(meeting_id)
    form = segment_form(meeting, submitted=True)
    if not form.validate():
        return render_show(meeting, segment=form, status=422)
    planning.add_segment(meeting, form.fields())
    flash(f"Added “{form.title.data}” to the agenda.", "success")
    return redirect(url_for("meetings.show", meeting_id=meeting.id, _anchor="agenda"))


@bp.get("/<int:segment_id>/edit")
@login_required
def edit(meeting_id: int, segment_id: int):
    meeting = _planner_meeting(meeting_id)
    segment = segment_for(meeting, segment_id)
    return render_template(
        "meetings/segment_edit.html",
        meeting=meeting,
        segment=segment,
        form=segment_form(meeting, segment),
    )


@bp.post("/<int:segment_id>")
@login_required
def update(meeting_id: int, segment_id: int):
    meeting = _planner_meeting(meeting_id)
    segment = segment_for(meeting, segment_id)
    form = segment_form(meeting, submitted=True)
    page = {"meeting": meeting, "segment": segment, "form": form}
    if not form.validate():
        return render_template("meetings/segment_edit.html", **page), 422
    try:
        planning.update_segment(segment, form.fields(), form.version.data)
    except editing.StaleEdit:
        return editing.conflict("meetings/segment_edit.html", **page)
    flash("Segment saved.", "success")
    return redirect(url_for("meetings.show", meeting_id=meeting.id, _anchor="agenda"))


@bp.post("/<int:segment_id>/delete")
@login_required
def delete(meeting_id: int, segment_id: int):
    meeting = _planner_meeting(meeting_id)
    segment = segment_for(meeting, segment_id)
    planning.delete_segment(segment)
    flash(f"Removed “{segment.title}” from the agenda.", "info")
    return redirect(url_for("meetings.show", meeting_id=meeting.id, _anchor="agenda"))


@bp.post("/<int:segment_id>/move")
@login_required
def move(meeting_id: int, segment_id: int):
    meeting = _planner_meeting(meeting_id)
    segment = segment_for(meeting, segment_id)
    planning.move_segment(segment, -1 if request.form.get("direction") == "up" else 1)
    if is_htmx():  # the arrow buttons: redraw the agenda in place, focus stays on the button
        return render_template(
            "meetings/_agenda.html", meeting=load_meeting(meeting.id), can_plan=True
        )
    return redirect(url_for("meetings.show", meeting_id=meeting.id, _anchor="agenda"))


@bp.post("/order")
@login_required
def order(meeting_id: int):
    """Drag and drop posts the new order; answers with the redrawn agenda."""
    meeting = _planner_meeting(meeting_id)
    posted = request.form.getlist("segment_id")
    ids = [number for number in map(parse_id, posted) if number is not None]
    if len(ids) != len(posted) or not planning.reorder_segments(meeting, ids):
        return render_template(
            "meetings/_agenda.html",
            meeting=load_meeting(meeting.id),
            can_plan=True,
            agenda_error="The agenda changed while you were dragging; here is the current order.",
        ), 409
    return render_template("meetings/_agenda.html", meeting=load_meeting(meeting.id), can_plan=True)
