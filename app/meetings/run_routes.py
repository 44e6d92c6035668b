"""The member view of a running meeting, the presenter actions and the live stream.

The presenter console is in console_routes.py, the projector display in display_routes.py."""

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from app import idempotency, live
from app.extensions import db
from app.htmx import is_htmx
from app.live.stream import event_stream
from app.meetings import attendance, contributions, running
from app.meetings.access import meeting_for, meeting_to_run, require, still_follows
from app.meetings.forms import AddTimeForm
from app.meetings.run_cache import run_fragment
from app.meetings.run_context import CONSOLE, PAGE, contribution_form, run_context
from app.meetings.run_push import KINDS as PUSH_KINDS
from app.meetings.run_push import NotesPush
from app.numbers import parse_id
from app.teams.access import is_member

bp = Blueprint("run", __name__, url_prefix="/meetings/<int:meeting_id>/run")
NOTE = "run.add_contribution"  # the idempotency keys' endpoint


@bp.get("")
@login_required
def show(meeting_id: int):
    after = live.latest_id(f"meeting:{meeting_id}")
    access = meeting_to_run(current_user, meeting_id)
    meeting = access.meeting
    if meeting.status != "ended" and access.role:
        attendance.record_visit(meeting, current_user)
    return render_template("meetings/run.html", after=after, **run_context(access, *PAGE))


@bp.get("/state")
@login_required
def state(meeting_id: int):
    return run_fragment("_run_state.html", meeting_id, "state")


@bp.get("/panel")
@login_required
def panel(meeting_id: int):
    return run_fragment("_run_panel.html", meeting_id, "panel")


@bp.get("/contributions")
@login_required
def contributions_list(meeting_id: int):
    return run_fragment(
        "_run_contributions.html",
        meeting_id,
        "contributions",
        "contributions",
        per_user=True,
    )


@bp.get("/attendance")
@login_required
def attendance_list(meeting_id: int):
    return run_fragment(
        "_run_attendance.html",
        meeting_id,
        "attendance",
        "attendance",
        per_user=True,
    )


@bp.post("/<any(start, next, previous, pause, resume, add_time, end):action>")
@login_required
def present(meeting_id: int, action: str):
    access = meeting_to_run(current_user, meeting_id)
    require(access.can_present)
    meeting = access.meeting
    seen = parse_id(request.form.get("run_version"))
    time_form = AddTimeForm()
    minutes = time_form.minutes.data if time_form.validate() and time_form.minutes.data else 1
    stale = seen is None
    if not stale:
        try:
            running.perform(current_user, meeting, action, seen, minutes=minutes)
        except running.StalePress:
            stale = True
    if is_htmx():
        context = run_context(meeting_to_run(current_user, meeting_id), view=CONSOLE)
        return render_template("meetings/_run_state.html", stale=stale, **context)
    return redirect(url_for("console.show", meeting_id=meeting_id))


@bp.post("/contributions")
@login_required
def add_contribution(meeting_id: int):
    meeting = meeting_for(current_user, meeting_id)
    form = contribution_form(meeting, submitted=True)
    key = idempotency.key_from(request.form)
    valid = form.validate()
    # A retry of a note saved before the meeting ended is answered as the note was.
    if valid and meeting.status == "ended" and not idempotency.seen(current_user, NOTE, key):
        form.body.errors.append("This meeting has ended; its minutes are final.")
        valid = False
    if not valid:
        return render_template("meetings/_contribution_form.html", meeting=meeting, form=form), 422
    idempotency.once(
        current_user,
        key,
        NOTE,
        lambda: contributions.add(
            current_user,
            meeting,
            contributions.ContributionKind(form.kind.data),
            form.body.data,
            is_private=form.is_private.data,
            owner_id=form.owner_id.data,
            due_on=form.due_on.data,
        ),
    )
    if not is_htmx():
        return redirect(url_for("run.show", meeting_id=meeting_id))
    fresh = contribution_form(meeting)
    fresh.kind.data = form.kind.data
    response = render_template("meetings/_contribution_form.html", meeting=meeting, form=fresh)
    return response, 200, {"HX-Trigger": "contributions-changed"}


@bp.post("/attendance/<int:user_id>")
@login_required
def mark_attendance(meeting_id: int, user_id: int):
    access = meeting_to_run(current_user, meeting_id)
    meeting = access.meeting
    require(access.can_present or user_id == current_user.id)
    if not is_member(user_id, meeting.team_id):
        abort(404)
    attendance.set_present(meeting, user_id, request.form.get("present") == "1", current_user)
    if is_htmx():
        context = run_context(meeting_to_run(current_user, meeting_id), "attendance")
        return render_template("meetings/_run_attendance.html", **context)
    return redirect(url_for("run.show", meeting_id=meeting_id))


@bp.get("/events")
@login_required
def events(meeting_id: int):
    meeting = meeting_for(current_user, meeting_id)
    channel, user_id = meeting.channel(), current_user.id
    # The run view, the console and the projector draw the notes from the stream (run_push.py).
    kind = request.args.get("push")
    push = NotesPush(meeting_id, kind) if kind in PUSH_KINDS else None
    # The stream may stay open for minutes: give its database connection back now.
    db.session.close()
    return event_stream(
        live.broker(),
        channel,
        request.args.get("after"),
        still_allowed=lambda: still_follows(user_id, meeting_id),
        push=push,
    )
