"""The mentoring loop of a session: plan together → enact → debrief."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from app import editing
from app.leadership import loops, moves, nudges
from app.leadership.access import (
    is_mentor,
    leader_private_for,
    leaders_of,
    mentoring_pair_only,
)
from app.leadership.forms import LoopDebriefForm, LoopPlanForm
from app.leadership.models import MoveBy, MoveType
from app.meetings.access import meeting_for
from app.meetings.queries import load_meeting
from app.numbers import parse_id

bp = Blueprint("mentoring", __name__, url_prefix="/meetings/<int:meeting_id>/mentoring")


def _context(meeting_id: int, leader_id: int | None):
    meeting = meeting_for(current_user, meeting_id)
    mentoring_pair_only(current_user, meeting)
    meeting = load_meeting(meeting.id)
    leader = leader_private_for(current_user, meeting, leader_id)
    if leader is None:
        return {"meeting": meeting, "leader": None, "leaders": []}
    loop = loops.loop_for(meeting, leader)
    return {
        "meeting": meeting,
        # A leader switches to no one else's loop; a mentor to every leader's.
        "leaders": leaders_of(meeting.team) if is_mentor(current_user, meeting.team_id) else [],
        "leader": leader,
        "loop": loop,
        "tally": moves.tally(meeting.id),
        "nudges": nudges.of_meeting(meeting.id, leader.id),
        "move_types": list(MoveType),
        "movers": [MoveBy.mentor, MoveBy.leader, MoveBy.participant],
    }


def _forms(loop, plan=None, debrief=None):
    return {
        "plan_form": plan or LoopPlanForm(formdata=None, obj=loop),
        "debrief_form": debrief or LoopDebriefForm(formdata=None, obj=loop),
    }


@bp.get("")
@login_required
def show(meeting_id: int):
    context = _context(meeting_id, parse_id(request.args.get("leader")))
    forms = _forms(context["loop"]) if context["leader"] else {}
    return render_template("leadership/mentoring.html", **context, **forms)


@bp.post("/<any(plan, debrief):stage>")
@login_required
def update(meeting_id: int, stage: str):
    context = _context(meeting_id, parse_id(request.form.get("leader")))
    if context["leader"] is None:
        flash("This team has no teacher leader yet.", "error")
        return redirect(url_for("mentoring.show", meeting_id=meeting_id))
    loop = context["loop"]
    form = LoopPlanForm() if stage == "plan" else LoopDebriefForm()
    page = {**context, **_forms(loop, **{stage: form})}
    if not form.validate():
        return render_template("leadership/mentoring.html", **page), 422
    texts = {f.name: f.data or "" for f in form if f.name != "version"}
    try:
        loops.save(loop, texts, form.version.data)
    except editing.StaleEdit:
        return editing.conflict("leadership/mentoring.html", **page, conflict=stage)
    flash("Saved.", "success")
    return redirect(
        url_for("mentoring.show", meeting_id=meeting_id, leader=loop.leader_id, _anchor=stage)
    )
