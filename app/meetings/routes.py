"""Planning meetings: a team's meetings, a new meeting from a protocol, its details."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from app import editing
from app.cycles.queries import cycle_choices
from app.forms import SelectChoice, choices
from app.meetings import deleting, planning, running
from app.meetings.access import (
    RESTORE_WINDOW,
    can_plan,
    can_present,
    deleted_meeting_for,
    meeting_for,
    require,
)
from app.meetings.forms import MeetingForm, NewMeetingForm, TemplateForm
from app.meetings.listing import team_meetings
from app.meetings.pages import render_show
from app.meetings.protocols import BUILT_IN
from app.meetings.queries import recently_deleted
from app.numbers import parse_id
from app.paging import page_number
from app.schoolyear import school_year_asked, school_year_label, school_year_of
from app.teams.access import team_for
from app.timeutil import local_now, to_local

bp = Blueprint("meetings", __name__)


def _template_choices(team_id: int) -> list[SelectChoice]:
    built_in = [(p.key, f"{p.name} ({p.minutes} min)") for p in BUILT_IN]
    saved = [(f"team-{t.id}", f"Our template: {t.name}") for t in planning.team_templates(team_id)]
    return choices(built_in + saved + [("blank", "A blank agenda")])


@bp.get("/teams/<int:team_id>/meetings")
@login_required
def index(team_id: int):
    team = team_for(current_user, team_id)
    year = school_year_asked(request.args.get("year"))
    page = page_number(request.args.get("page"))
    planner = can_plan(current_user, team.id)
    return render_template(
        "meetings/index.html",
        team=team,
        meetings=team_meetings(team.id, year, page),
        this_year=school_year_of(local_now()),
        year_label=school_year_label,
        can_plan=planner,
        deleted=recently_deleted(team.id) if planner else [],
        restore_days=RESTORE_WINDOW.days,
        to_local=to_local,
        templates=planning.team_templates(team.id),
    )


def _new_form(team_id: int, submitted: bool = False) -> NewMeetingForm:
    form = NewMeetingForm() if submitted else NewMeetingForm(formdata=None)
    form.template.choices = _template_choices(team_id)
    form.with_cycles(cycle_choices(team_id))
    if not submitted:
        form.day.data, form.title.data = local_now().date(), "Grade-level meeting"
        form.cycle_id.data = parse_id(request.args.get("cycle"))
    return form


@bp.get("/teams/<int:team_id>/meetings/new")
@login_required
def new(team_id: int):
    team = team_for(current_user, team_id)
    require(can_plan(current_user, team.id))
    return render_template("meetings/new.html", team=team, form=_new_form(team.id))


@bp.post("/teams/<int:team_id>/meetings")
@login_required
def create(team_id: int):
    team = team_for(current_user, team_id)
    require(can_plan(current_user, team.id))
    form = _new_form(team.id, submitted=True)
    if not form.validate():
        return render_template("meetings/new.html", team=team, form=form), 422
    meeting = planning.create_meeting(current_user, team, form.details(), form.template.data)
    flash("Meeting planned. Adjust the agenda below.", "success")
    return redirect(url_for("meetings.show", meeting_id=meeting.id))


@bp.get("/meetings/<int:meeting_id>")
@login_required
def show(meeting_id: int):
    return render_show(meeting_for(current_user, meeting_id))


@bp.post("/meetings/<int:meeting_id>")
@login_required
def update(meeting_id: int):
    meeting = meeting_for(current_user, meeting_id)
    require(can_plan(current_user, meeting.team_id))
    form = MeetingForm().with_cycles(cycle_choices(meeting.team_id, keep=meeting.cycle_id))
    if not form.validate():
        return render_show(meeting, form=form, status=422)
    try:
        planning.update_meeting(meeting, form.details(), form.version.data)
    except editing.StaleEdit:
        return render_show(meeting, form=form, status=editing.CONFLICT, conflict=True)
    flash("Meeting details saved.", "success")
    return redirect(url_for("meetings.show", meeting_id=meeting.id))


@bp.get("/meetings/<int:meeting_id>/delete")
@login_required
def confirm_delete(meeting_id: int):
    meeting = meeting_for(current_user, meeting_id)
    require(can_plan(current_user, meeting.team_id))
    return render_template("meetings/delete.html", meeting=meeting, team=meeting.team)


@bp.post("/meetings/<int:meeting_id>/delete")
@login_required
def delete(meeting_id: int):
    meeting = meeting_for(current_user, meeting_id)
    require(can_plan(current_user, meeting.team_id))
    try:
        deleting.delete_meeting(current_user, meeting)
    except deleting.CannotDelete:
        page = render_template("meetings/delete.html", meeting=meeting, team=meeting.team)
        return page, 409
    flash(f"{meeting.title} was deleted. Planners can restore it for 30 days.", "info")
    return redirect(url_for("meetings.index", team_id=meeting.team_id))


@bp.post("/meetings/<int:meeting_id>/restore")
@login_required
def restore(meeting_id: int):
    meeting = deleted_meeting_for(current_user, meeting_id)
    require(can_plan(current_user, meeting.team_id))
    deleting.restore_meeting(current_user, meeting)
    flash(f"{meeting.title} is back.", "success")
    return redirect(url_for("meetings.show", meeting_id=meeting.id))


@bp.post("/meetings/<int:meeting_id>/practice")
@login_required
def set_practice(meeting_id: int):
    meeting = meeting_for(current_user, meeting_id)
    require(can_plan(current_user, meeting.team_id))
    practice = request.form.get("practice") == "1"
    planning.set_practice(meeting, practice)
    if practice:
        flash("Marked as a practice session: it is left out of the handoff.", "success")
    else:
        flash("This session counts in the handoff again.", "success")
    return redirect(url_for("meetings.show", meeting_id=meeting.id))


@bp.post("/meetings/<int:meeting_id>/reopen")
@login_required
def reopen(meeting_id: int):
    meeting = meeting_for(current_user, meeting_id)
    require(can_present(current_user, meeting))
    try:
        running.reopen(current_user, meeting, _run_version())
    except running.CannotReopen:
        return render_show(meeting, status=409, problem=CANNOT_REOPEN)
    except running.StalePress:
        return render_show(meeting, status=409, problem=ALREADY_REOPENED)
    flash("The meeting is running again, at its last segment. The timer is paused.", "success")
    return redirect(url_for("run.show", meeting_id=meeting.id))


def _run_version() -> int:
    """The run version the presenter's screen showed; -1 (stale) if it is not a number."""
    seen = parse_id(request.form.get("run_version"))
    return -1 if seen is None else seen


CANNOT_REOPEN = (
    "Only a meeting that ended today can be reopened: on a later day its minutes stand. "
    "Plan a new meeting to continue."
)
ALREADY_REOPENED = "Someone else changed this meeting a moment ago (it may be running again)."


@bp.post("/meetings/<int:meeting_id>/template")
@login_required
def save_template(meeting_id: int):
    meeting = meeting_for(current_user, meeting_id)
    require(can_plan(current_user, meeting.team_id))
    form = TemplateForm()
    if not form.validate():
        return render_show(meeting, template=form, status=422)
    planning.save_as_template(meeting, form.name.data)
    flash(f"Saved this agenda as the template “{form.name.data}”.", "success")
    return redirect(url_for("meetings.show", meeting_id=meeting.id))


@bp.post("/templates/<int:template_id>/delete")
@login_required
def delete_template(template_id: int):
    template = planning.template_for(current_user, template_id)
    require(can_plan(current_user, template.team_id))
    planning.delete_template(template)
    flash(f"The template “{template.name}” was deleted.", "info")
    return redirect(url_for("meetings.index", team_id=template.team_id))
