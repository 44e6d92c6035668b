"""Live observation from a phone: log facilitation moves, undo, nudge the leader."""

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from app import live
from app.htmx import is_htmx
from app.leadership import moves, nudges
from app.leadership.access import leader_of, leaders_of, mentoring_pair_only
from app.leadership.forms import MoveForm, NudgeForm
from app.leadership.models import MOVE_HINTS, MoveBy, MoveType
from app.meetings.access import meeting_for
from app.meetings.queries import load_meeting
from app.numbers import parse_id

bp = Blueprint("moves", __name__, url_prefix="/meetings/<int:meeting_id>")


def _observer_meeting(meeting_id: int):
    meeting = meeting_for(current_user, meeting_id)
    mentoring_pair_only(current_user, meeting)
    return load_meeting(meeting.id)


def _context(meeting, nudge_form=None, made_by: str = "leader"):
    return {
        "meeting": meeting,
        "segment": meeting.current_segment,
        "move_types": list(MoveType),
        "hints": MOVE_HINTS,
        "movers": list(MoveBy),
        "made_by": made_by,
        "recent": moves.recent(meeting, current_user),
        "tally": moves.tally(meeting.id),
        "leaders": leaders_of(meeting.team),
        "nudge_form": nudge_form or NudgeForm(formdata=None),
        "sent": nudges.of_meeting(meeting.id),
        "move_form": MoveForm(formdata=None),
    }


def _after_change(meeting, made_by: str):
    if is_htmx():
        return render_template("leadership/_move_log.html", **_context(meeting, made_by=made_by))
    return redirect(url_for("moves.show", meeting_id=meeting.id, by=made_by))


@bp.get("/moves")
@login_required
def show(meeting_id: int):
    meeting = _observer_meeting(meeting_id)
    made_by = request.args.get("by", "leader")
    made_by = made_by if made_by in MoveBy.LABELS else "leader"
    # Stream from this render on, so a segment change before the stream connects is not lost.
    after = live.broker().latest_id(meeting.channel())
    return render_template(
        "leadership/moves.html", after=after, **_context(meeting, made_by=made_by)
    )


@bp.get("/moves/log")
@login_required
def show_log(meeting_id: int):
    meeting = _observer_meeting(meeting_id)
    made_by = request.args.get("by", "leader")
    return render_template("leadership/_move_log.html", **_context(meeting, made_by=made_by))


@bp.post("/moves")
@login_required
def log(meeting_id: int):
    meeting = _observer_meeting(meeting_id)
    form = MoveForm()
    if not form.validate():
        context = _context(meeting, made_by=form.made_by.data or "leader")
        context["move_form"] = form
        # htmx swaps a 422 into #move-log: answer the fragment, not a page inside the page.
        page = "leadership/_move_log.html" if is_htmx() else "leadership/moves.html"
        return render_template(page, **context), 422
    kind, made_by = MoveType(form.move_type.data), MoveBy(form.made_by.data)
    moves.log(current_user, meeting, kind, made_by, form.note.data or "")
    return _after_change(meeting, made_by.value)


@bp.post("/moves/undo")
@login_required
def undo(meeting_id: int):
    meeting = _observer_meeting(meeting_id)
    moves.undo_last(current_user, meeting)
    made_by = request.form.get("made_by", "leader")
    return _after_change(meeting, made_by if made_by in MoveBy.LABELS else "leader")


@bp.post("/nudges")
@login_required
def nudge(meeting_id: int):
    meeting = _observer_meeting(meeting_id)
    form = NudgeForm()
    leaders = leaders_of(meeting.team)
    if not leaders:
        abort(404)
    leader = leader_of(meeting.team, parse_id(request.form.get("leader")) or leaders[0].id)
    if leader.id == current_user.id:
        abort(403)
    if not form.validate():
        return render_template("leadership/moves.html", **_context(meeting, nudge_form=form)), 422
    nudges.send(current_user, meeting, leader, form.body.data)
    return redirect(url_for("moves.show", meeting_id=meeting.id, _anchor="nudge"))


@bp.get("/run/nudges")
@login_required
def waiting_nudges(meeting_id: int):
    """The leader's own unread nudges; nothing at all for anyone else or on a projector."""
    meeting_for(current_user, meeting_id)
    return render_template(
        "leadership/_nudges.html",
        meeting_id=meeting_id,
        waiting=nudges.waiting_for(current_user, meeting_id),
    )


@bp.post("/nudges/<int:nudge_id>/dismiss")
@login_required
def dismiss(meeting_id: int, nudge_id: int):
    meeting_for(current_user, meeting_id)
    found = nudges.nudge_for(current_user, nudge_id)
    if found is None or found.meeting_id != meeting_id:
        abort(404)
    nudges.dismiss(found)
    if is_htmx():
        return render_template(
            "leadership/_nudges.html",
            meeting_id=meeting_id,
            waiting=nudges.waiting_for(current_user, meeting_id),
        )
    return redirect(url_for("run.show", meeting_id=meeting_id))
