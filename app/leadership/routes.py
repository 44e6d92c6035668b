"""The pipeline (Experience → Teach → Lead) and the mentor's release plan."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from app.leadership import pipeline, release
from app.leadership.access import leaders_of, mentor_team, teacher_of
from app.leadership.forms import PhaseForm
from app.leadership.models import Phase
from app.teams.queries import team_with_members
from app.timeutil import local_now

bp = Blueprint("leadership", __name__, url_prefix="/teams/<int:team_id>")


def _team(team_id: int):
    mentor_team(current_user, team_id)
    return team_with_members(team_id)


@bp.get("/pipeline")
@login_required
def cohort(team_id: int):
    team = _team(team_id)
    return render_template(
        "leadership/cohort.html",
        team=team,
        rows=pipeline.cohort(team),
        phases=list(Phase),
        leaders=leaders_of(team),
    )


def _render_person(team, person, form, status=200):
    return (
        render_template(
            "leadership/person.html",
            team=team,
            person=person,
            history=pipeline.history_of(team.id, person.id),
            form=form,
        ),
        status,
    )


@bp.get("/pipeline/<int:user_id>")
@login_required
def person(team_id: int, user_id: int):
    team = _team(team_id)
    person = teacher_of(team, user_id)
    form = PhaseForm(formdata=None, data={"started_on": local_now().date()})
    return _render_person(team, person, form)


@bp.post("/pipeline/<int:user_id>")
@login_required
def record_phase(team_id: int, user_id: int):
    team = _team(team_id)
    person = teacher_of(team, user_id)
    form = PhaseForm()
    if not form.validate():
        return _render_person(team, person, form, 422)
    pipeline.record_phase(
        current_user,
        team,
        person,
        Phase(form.phase.data),
        form.started_on.data,
        form.note.data or "",
        form.next_step.data or "",
    )
    flash(f"{person.name} is now in the {Phase(form.phase.data).label} phase.", "success")
    return redirect(url_for("leadership.cohort", team_id=team.id))


@bp.get("/release-plan")
@login_required
def release_plan(team_id: int):
    team = _team(team_id)
    return render_template("leadership/release_plan.html", team=team, plan=release.plan_for(team))


@bp.post("/release-plan/<int:meeting_id>")
@login_required
def save_release(team_id: int, meeting_id: int):
    team = _team(team_id)
    meeting = release.upcoming_meeting(team, meeting_id)
    problems = release.apply(team, meeting, release.parse_row(meeting))
    if problems:
        flash(problems, "error")
    else:
        flash(f"Release plan for {meeting.title} saved.", "success")
    return redirect(url_for("leadership.release_plan", team_id=team.id, _anchor=f"m{meeting.id}"))
