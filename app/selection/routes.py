"""Selecting the shared task: propose, do the math, calibrate, rate, vote, reveal, decide."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from app import idempotency, live
from app.cycles.access import can_steer, cycle_for
from app.cycles.pages import render_show
from app.cycles.streams import cycle_stream
from app.forms import choices
from app.meetings.access import require
from app.numbers import parse_id
from app.selection import deciding, panels, proposing, working
from app.selection.access import candidate_for
from app.selection.forms import CriteriaForm, DecisionForm, WorkForm, dots_from, scores_from
from app.selection.proposing import SelectionClosed, TooManyCandidates, channel
from app.selection.queries import board as read_board
from app.tasks.access import task_for
from app.tasks.forms import TaskFieldsForm

bp = Blueprint("selection", __name__)
__all__ = ["bp", "panels"]  # importing panels registers the run-view panels

CLOSED = "The vote is closed: the team's decision stands as recorded."
LEFT_SELECT = "The cycle has left its select stage: move it back to Select to go on choosing."
TOO_MANY = "A cycle holds at most 30 candidates: narrow the list before proposing more."


def _closed(cycle):
    return render_show(cycle, status=409, problem=CLOSED if cycle.vote_closed else LEFT_SELECT)


def _back(cycle_id: int, candidate_id: int | None = None):
    """To the cycle page's selection, with the candidate just worked on open."""
    if candidate_id is None:
        return redirect(url_for("cycles.show", cycle_id=cycle_id, _anchor="selection"))
    return redirect(
        url_for(
            "cycles.show", cycle_id=cycle_id, work=candidate_id, _anchor=f"candidate-{candidate_id}"
        )
    )


@bp.get("/cycles/<int:cycle_id>/board")
@login_required
def board(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    return render_template(
        "selection/board.html",
        cycle=cycle,
        team=cycle.team,
        board=read_board(cycle),
        after=live.latest_id(channel(cycle)),
    )


@bp.get("/cycles/<int:cycle_id>/board/fragment")
@login_required
def board_fragment(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    return render_template("selection/_board.html", cycle=cycle, board=read_board(cycle))


@bp.get("/cycles/<int:cycle_id>/events")
@login_required
def events(cycle_id: int):
    cycle_for(current_user, cycle_id)
    return cycle_stream(cycle_id, lambda user: cycle_for(user, cycle_id))


@bp.post("/cycles/<int:cycle_id>/candidates")
@login_required
def propose(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    task_id = parse_id(request.form.get("task_id"))
    if task_id is None:
        return render_show(cycle, status=422, problem="Choose a task from the library.")
    task = task_for(current_user, task_id)
    if task.is_draft and task.team_id != cycle.team_id:
        require(False)
    try:
        idempotency.once(
            current_user,
            idempotency.key_from(request.form),
            "selection.propose",
            lambda: proposing.propose(current_user, cycle, task),
        )
    except SelectionClosed:
        return _closed(cycle)
    except TooManyCandidates:
        return render_show(cycle, status=422, problem=TOO_MANY)
    flash(f"“{task.title}” is a candidate.", "success")
    return _back(cycle.id)


@bp.get("/cycles/<int:cycle_id>/candidates/new")
@login_required
def new_task(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    form = TaskFieldsForm(formdata=None, grade=_grade(cycle), standards=cycle.standards)
    return render_template("selection/new_task.html", cycle=cycle, team=cycle.team, form=form)


def _grade(cycle) -> str | None:
    return getattr(cycle.team, "grade", None)


@bp.post("/cycles/<int:cycle_id>/candidates/new")
@login_required
def create_task(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    form = TaskFieldsForm()
    if not form.validate():
        page = render_template("selection/new_task.html", cycle=cycle, team=cycle.team, form=form)
        return page, 422
    try:
        idempotency.once(
            current_user,
            idempotency.key_from(request.form),
            "selection.create_task",
            lambda: proposing.write_and_propose(current_user, cycle, form.details()),
        )
    except SelectionClosed:
        return _closed(cycle)
    except TooManyCandidates:
        return render_show(cycle, status=422, problem=TOO_MANY)
    flash("Your task is a draft of the team and a candidate.", "success")
    return _back(cycle.id)


@bp.post("/candidates/<int:candidate_id>/work")
@login_required
def save_work(candidate_id: int):
    candidate = candidate_for(current_user, candidate_id)
    cycle = candidate.cycle
    form = WorkForm()
    if not form.validate():
        problem = next(iter(form.errors.values()))[0]
        return render_show(cycle, status=422, problem=problem)
    try:
        working.save_work(
            current_user,
            candidate,
            form.solution.data or "",
            form.notes.data or "",
            form.chosen_demand(),
        )
    except SelectionClosed:
        return _closed(cycle)
    except working.AlreadyRevealed:
        problem = "The calibrations are revealed: yours stays as it was, for the record."
        return render_show(cycle, status=409, problem=problem)
    private = "" if cycle.revealed else " Only you see it until the facilitator reveals."
    flash(f"Your work is saved.{private}", "success")
    return _back(cycle.id, candidate.id)


@bp.post("/candidates/<int:candidate_id>/ratings")
@login_required
def rate(candidate_id: int):
    candidate = candidate_for(current_user, candidate_id)
    cycle = candidate.cycle
    scores, problem = scores_from(request.form, cycle.criteria_list)
    if problem:
        return render_show(cycle, status=422, problem=problem)
    try:
        working.rate(current_user, candidate, scores)
    except SelectionClosed:
        return _closed(cycle)
    flash("Your ratings are saved.", "success")
    return _back(cycle.id, candidate.id)


@bp.post("/candidates/<int:candidate_id>/dots")
@login_required
def dots(candidate_id: int):
    candidate = candidate_for(current_user, candidate_id)
    cycle = candidate.cycle
    count = dots_from(request.form)
    if count is None:
        problem = f"Give a whole number of dots, from 0 to {cycle.dot_budget}."
        return render_show(cycle, status=422, problem=problem)
    try:
        idempotency.once(
            current_user,
            idempotency.key_from(request.form),
            "selection.dots",
            lambda: working.place_dots(current_user, candidate, count),
        )
    except SelectionClosed:
        return _closed(cycle)
    except working.OverBudget as over:
        problem = (
            f"You have {cycle.dot_budget} dots in all: at most {over.left} can go to this one. "
            "Take dots from another candidate first."
        )
        return render_show(cycle, status=422, problem=problem)
    flash("Your dots are placed.", "success")
    return _back(cycle.id, candidate.id)


@bp.post("/cycles/<int:cycle_id>/reveal")
@login_required
def reveal(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    require(can_steer(current_user, cycle))
    try:
        working.reveal(cycle)
    except SelectionClosed:
        return _closed(cycle)
    flash("Everyone's solutions and calibrations are showing.", "success")
    return _back(cycle.id)


def _decision_form(cycle, board, formdata=None) -> DecisionForm:
    form = DecisionForm(formdata=formdata) if formdata is not None else DecisionForm(formdata=None)
    ranked = sorted(board.rows, key=lambda row: -row.dots)
    form.candidate_id.choices = choices(
        [(None, "Choose a candidate")]
        + [(row.candidate.id, f"{row.task.title} ({row.dots} dots)") for row in ranked]
    )
    return form


@bp.get("/cycles/<int:cycle_id>/decision")
@login_required
def decision(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    require(can_steer(current_user, cycle))
    if cycle.vote_closed:
        return _back(cycle.id)
    current = read_board(cycle)
    form = _decision_form(cycle, current)
    return render_template(
        "selection/decide.html", cycle=cycle, team=cycle.team, form=form, board=current
    )


@bp.post("/cycles/<int:cycle_id>/decision")
@login_required
def decide(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    require(can_steer(current_user, cycle))
    if cycle.vote_closed:
        return _closed(cycle)
    current = read_board(cycle)
    form = _decision_form(cycle, current, request.form)
    if not form.validate():
        page = render_template(
            "selection/decide.html", cycle=cycle, team=cycle.team, form=form, board=current
        )
        return page, 422
    chosen = next(r.candidate for r in current.rows if r.candidate.id == form.candidate_id.data)
    try:
        deciding.decide(current_user, cycle, chosen, form.rationale.data)
    except SelectionClosed:
        return _closed(cycle)
    flash(f"“{chosen.task.title}” is the shared task. The cycle moved to Design.", "success")
    return _back(cycle.id)


@bp.post("/cycles/<int:cycle_id>/criteria")
@login_required
def criteria(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    require(can_steer(current_user, cycle))
    form = CriteriaForm()
    if not form.validate():
        problem = next(iter(form.errors.values()))[0]
        return render_show(cycle, status=422, problem=problem)
    try:
        working.set_criteria(cycle, **form.details())
    except SelectionClosed:
        return _closed(cycle)
    flash("The criteria and dots are saved.", "success")
    return _back(cycle.id)
