"""Live observation from a phone: log facilitation moves, undo, nudge the leader."""

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from app import idempotency, live
from app.htmx import is_htmx
from app.leadership import moves, nudges
from app.leadership.access import (
    is_mentor,
    leader_private_for,
    leaders_of,
    mentoring_pair_only,
)
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
    mentor = is_mentor(current_user, meeting.team_id)
    return {
        "meeting": meeting,
        "segment": meeting.current_segment,
        "move_types": list(MoveType),
        "hints": MOVE_HINTS,
        "movers": list(MoveBy),
        "made_by": made_by,
        "recent": moves.recent(meeting, current_user),
        "tally": moves.tally(meeting.id),
        "move_form": MoveForm(formdata=None),
        **_nudge_context(meeting, nudge_form, mentor),
    }


def _nudge_context(meeting, nudge_form=None, mentor: bool | None = None):
    # Nudges are the mentor's private word to one leader: other leaders neither send nor see them.
    if mentor is None:
        mentor = is_mentor(current_user, meeting.team_id)
    return {
        "meeting": meeting,
        "leaders": leaders_of(meeting.team) if mentor else [],
        "nudge_form": nudge_form or NudgeForm(formdata=None),
        "sent": nudges.of_meeting(meeting.id) if mentor else [],
    }


def _nudge_box(meeting, form=None):
    """htmx redraws only the nudge box, so the move form keeps "Who made the move?"."""
    if is_htmx():
        return render_template("leadership/_nudge_box.html", **_nudge_context(meeting, form))
    return render_template("leadership/moves.html", **_context(meeting, nudge_form=form))


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
    after = live.latest_id(meeting.channel())
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
    idempotency.once(
        current_user,
        idempotency.key_from(request.form),
        "moves.log",
        lambda: moves.log(current_user, meeting, kind, made_by, form.note.data or ""),
    )
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
    leader = leader_private_for(current_user, meeting, parse_id(request.form.get("leader")))
    if leader is None:
        abort(404)
    if not is_mentor(current_user, meeting.team_id):
        abort(403)
    if not form.validate():
        return _nudge_box(meeting, form), 422
    nudges.send(current_user, meeting, leader, form.body.data)
    if is_htmx():
        return _nudge_box(meeting)
    return redirect(url_for("moves.show", meeting_id=meeting.id, _anchor="nudge"))


@bp.get("/nudges/sent")
@login_required
def sent_nudges(meeting_id: int):
    """The nudges sent in this meeting, seen or not: re-fetched when a leader reads one."""
    meeting = meeting_for(current_user, meeting_id)
    if not is_mentor(current_user, meeting.team_id):
        abort(403)
    return render_template(
        "leadership/_sent_nudges.html",
        sent=nudges.of_meeting(meeting.id),
        many=len(leaders_of(meeting.team)) > 1,
    )


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
    return redirect(url_for("console.show", meeting_id=meeting_id))
