"""A team's cycles: open one, see it, edit it, move it through its stages."""

from datetime import timedelta

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from app import idempotency
from app.cycles import advancing, planning
from app.cycles.access import can_steer, cycle_for
from app.cycles.forms import CycleEditForm, CycleForm, stage_from
from app.cycles.pages import edit_form, render_show
from app.cycles.queries import previous_with_next_steps, team_cycles
from app.cycles.summary import summary_pdf
from app.editing import StaleEdit
from app.meetings.access import can_plan, require
from app.numbers import parse_id
from app.teams.access import team_for
from app.timeutil import local_now

bp = Blueprint("cycles", __name__)

PER_PAGE = 20
CYCLE_WEEKS = 4


@bp.get("/teams/<int:team_id>/cycles")
@login_required
def index(team_id: int):
    team = team_for(current_user, team_id)
    page = max(1, parse_id(request.args.get("page")) or 1)
    cycles = team_cycles(team.id, limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
    return render_template(
        "cycles/index.html",
        team=team,
        cycles=cycles,
        page=page,
        has_more=page * PER_PAGE < cycles.total - (1 if cycles.current else 0),
        can_plan=can_plan(current_user, team.id),
    )


def _new_form(previous) -> CycleForm:
    today = local_now().date()
    form = CycleForm(formdata=None, starts_on=today, ends_on=today + timedelta(weeks=CYCLE_WEEKS))
    if previous and parse_id(request.args.get("from")) == previous.id:
        form.goal.data = previous.next_steps
    return form


@bp.get("/teams/<int:team_id>/cycles/new")
@login_required
def new(team_id: int):
    team = team_for(current_user, team_id)
    require(can_plan(current_user, team.id))
    previous = previous_with_next_steps(team.id)
    form = _new_form(previous)
    return render_template("cycles/new.html", team=team, form=form, previous=previous)


@bp.post("/teams/<int:team_id>/cycles")
@login_required
def create(team_id: int):
    team = team_for(current_user, team_id)
    require(can_plan(current_user, team.id))
    form = CycleForm()
    if not form.validate():
        page = render_template("cycles/new.html", team=team, form=form, previous=None)
        return page, 422
    opened = idempotency.once(
        current_user,
        idempotency.key_from(request.form),
        "cycles.create",
        lambda: planning.open_cycle(current_user, team, form.details()),
    )
    if not opened.replayed:
        flash("Cycle opened. Plan its first meeting when you are ready.", "success")
    cycle_id = opened.value.id if opened.value else opened.object_id
    return redirect(url_for("cycles.show", cycle_id=cycle_id))


@bp.get("/cycles/<int:cycle_id>")
@login_required
def show(cycle_id: int):
    return render_show(cycle_for(current_user, cycle_id))


@bp.get("/cycles/<int:cycle_id>/summary.pdf")
@login_required
def summary(cycle_id: int):
    """The cycle and its whole selection record as a PDF, for every member of its team."""
    return summary_pdf(cycle_for(current_user, cycle_id))


@bp.get("/cycles/<int:cycle_id>/edit")
@login_required
def edit(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    require(can_steer(current_user, cycle))
    return render_template("cycles/edit.html", cycle=cycle, team=cycle.team, form=edit_form(cycle))


@bp.post("/cycles/<int:cycle_id>")
@login_required
def update(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    require(can_steer(current_user, cycle))
    form = CycleEditForm()
    if not form.validate():
        return render_template("cycles/edit.html", cycle=cycle, team=cycle.team, form=form), 422
    try:
        planning.update_cycle(cycle, form.details(), form.version.data)
    except StaleEdit:
        page = render_template(
            "cycles/edit.html", cycle=cycle, team=cycle.team, form=form, conflict=True
        )
        return page, 409
    flash("Cycle saved.", "success")
    return redirect(url_for("cycles.show", cycle_id=cycle.id))


@bp.get("/cycles/<int:cycle_id>/stage/back")
@login_required
def confirm_back(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    require(can_steer(current_user, cycle))
    if cycle.stage.previous is None:
        return redirect(url_for("cycles.show", cycle_id=cycle.id))
    return render_template("cycles/back.html", cycle=cycle, team=cycle.team)


@bp.post("/cycles/<int:cycle_id>/stage")
@login_required
def move(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    require(can_steer(current_user, cycle))
    stage = stage_from(request.form.get("stage"))
    if stage is None:
        return render_show(cycle, status=422, problem=ONE_AT_A_TIME)
    version = parse_id(request.form.get("version"))
    unconfirmed = request.form.get("confirmed") != "yes"
    if advancing.is_back(cycle, stage) and unconfirmed and version == cycle.version:
        return render_template("cycles/back.html", cycle=cycle, team=cycle.team)
    try:
        advancing.move_to(cycle, stage, version)
    except StaleEdit:
        return render_show(cycle, status=409, conflict=True)
    except advancing.NotNextToIt:
        return render_show(cycle, status=422, problem=ONE_AT_A_TIME)
    flash(f"The cycle moved to {stage.label}: {stage.hint}", "success")
    return redirect(url_for("cycles.show", cycle_id=cycle.id))


ONE_AT_A_TIME = "A cycle moves one stage at a time: choose the next stage or the one before."
