"""A cycle's enactments, and the record of one: each teacher's lesson with one class, saved
part by part (the facts, the monitoring chart, what nobody anticipated, the exit prompt, the
task as enacted, a reflection)."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from app import idempotency
from app.cycles.access import cycle_for
from app.cycles.streams import cycle_stream
from app.editing import StaleEdit
from app.enactments import chart, recording, removing
from app.enactments.access import can_record, enactment_for
from app.enactments.forms import (
    ExitLevelsForm,
    LessonFactsForm,
    ReflectionForm,
    UnanticipatedForm,
    factors_from,
)
from app.enactments.pages import render_record, render_responses
from app.enactments.parts import posted_drawn
from app.enactments.queries import cycle_enactments, record_view
from app.extensions import db
from app.lessons.starting import lesson_of
from app.meetings.access import require
from app.numbers import parse_id
from app.timeutil import local_now

bp = Blueprint("enactments", __name__)

REMOVE_RECORD = "enactments.remove"
SAME_CLASS = "You already recorded this lesson with that class; open it from the list instead."


@bp.get("/cycles/<int:cycle_id>/enactments")
@login_required
def index(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    return render_template(
        "enactments/index.html",
        cycle=cycle,
        team=cycle.team,
        teachers=cycle_enactments(cycle),
        has_lesson=lesson_of(cycle) is not None,
    )


def _render_new(cycle, form, status: int = 200):
    lesson = lesson_of(cycle)
    page = render_template(
        "enactments/new.html", cycle=cycle, team=cycle.team, form=form, has_lesson=lesson
    )
    return page, status


@bp.get("/cycles/<int:cycle_id>/enactments/new")
@login_required
def new(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    return _render_new(cycle, LessonFactsForm(formdata=None, taught_on=local_now().date()))


@bp.post("/cycles/<int:cycle_id>/enactments")
@login_required
def create(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    form = LessonFactsForm()
    if lesson_of(cycle) is None or not form.validate():
        return _render_new(cycle, form, 422)
    try:
        made = idempotency.once(
            current_user,
            idempotency.key_from(request.form),
            "enactments.create",
            lambda: recording.record_lesson(current_user, cycle, form.details()),
        )
    except recording.SameClass:
        db.session.rollback()
        form.class_code.errors = [SAME_CLASS]
        return _render_new(cycle, form, 422)
    if not made.replayed:
        flash("Lesson recorded. Fill in the monitoring chart and the rest below.", "success")
    enactment_id = made.value.id if made.value else made.object_id
    return redirect(url_for("enactments.show", enactment_id=enactment_id))


@bp.get("/enactments/<int:enactment_id>")
@login_required
def show(enactment_id: int):
    return render_record(enactment_for(current_user, enactment_id))


@bp.get("/enactments/<int:enactment_id>/responses")
@login_required
def responses_fragment(enactment_id: int):
    """The chart and what nobody anticipated, redrawn on the record page as taps arrive."""
    return render_responses(enactment_for(current_user, enactment_id))


@bp.get("/enactments/<int:enactment_id>/events")
@login_required
def events(enactment_id: int):
    cycle_id = enactment_for(current_user, enactment_id).cycle_id
    return cycle_stream(cycle_id, lambda user: enactment_for(user, enactment_id))


def _recordable(enactment_id: int):
    enactment = enactment_for(current_user, enactment_id)
    require(can_record(current_user, enactment))
    return enactment


def _saved(enactment, section: str):
    """Back to the record, the saved part saying so (an htmx save swaps in that part only)."""
    anchor = "record-unanticipated" if section in ("added", "removed") else f"record-{section}"
    return redirect(
        url_for("enactments.show", enactment_id=enactment.id, saved=section, _anchor=anchor)
    )


def _save_fields(enactment, section: str, values: dict, form):
    """Save one part from its form: the record page again, 409, if the form is stale."""
    drawn = form.drawn.data
    try:
        recording.save_fields(
            enactment, values, form.version.data, section, drawn, actor=current_user
        )
    except StaleEdit:
        forms = {f"{section}_form": form}
        return render_record(enactment, 409, conflict=section, whole_record=drawn is None, **forms)
    return _saved(enactment, section)


@bp.post("/enactments/<int:enactment_id>/facts")
@login_required
def update_facts(enactment_id: int):
    enactment = _recordable(enactment_id)
    form = LessonFactsForm()
    if not form.validate() or not form.check_students(enactment):
        return render_record(enactment, 422, facts_form=form)
    try:
        return _save_fields(enactment, "facts", form.details(), form)
    except recording.SameClass:
        form.class_code.errors = [SAME_CLASS]
        return render_record(enactment, 422, facts_form=form)


@bp.post("/enactments/<int:enactment_id>/chart")
@login_required
def update_chart(enactment_id: int):
    enactment = _recordable(enactment_id)
    rows = chart.posted_rows(request.form)
    if not chart.check(rows):
        return render_record(enactment, 422, posted_chart=rows)
    try:
        recording.save_chart(enactment, rows, _chart_keys(enactment))
    except recording.NotOnTheChart:
        problem = "The chart has changed since this page was drawn; reload it and try again."
        return render_record(enactment, 422, posted_chart=rows, chart_problem=problem)
    except recording.CountsChanged:
        return render_record(enactment, 409, posted_chart=rows, counts_moved=True)
    return _saved(enactment, "chart")


def _chart_keys(enactment) -> set[str]:
    return record_view(enactment).keys


@bp.post("/enactments/<int:enactment_id>/unanticipated")
@login_required
def add_unanticipated(enactment_id: int):
    enactment = _recordable(enactment_id)
    form = UnanticipatedForm()
    if not form.validate():
        return render_record(enactment, 422, unanticipated_form=form)
    idempotency.once(
        current_user,
        idempotency.key_from(request.form),
        "enactments.add_unanticipated",
        lambda: recording.add_unanticipated(
            current_user, enactment, form.name.data, form.description.data or ""
        ),
    )
    return _saved(enactment, "added")


def _unanticipated(enactment, unanticipated_id: int):
    return recording.unanticipated_of(enactment, unanticipated_id) or abort(404)


@bp.get("/enactments/<int:enactment_id>/unanticipated/<int:unanticipated_id>/remove")
@login_required
def confirm_remove(enactment_id: int, unanticipated_id: int):
    enactment = _recordable(enactment_id)
    found = _unanticipated(enactment, unanticipated_id)
    return render_template(
        "enactments/remove.html",
        enactment=enactment,
        found=found,
        counted=recording.count_of(found),
    )


@bp.post("/enactments/<int:enactment_id>/unanticipated/<int:unanticipated_id>/remove")
@login_required
def remove_unanticipated(enactment_id: int, unanticipated_id: int):
    enactment = _recordable(enactment_id)
    found = _unanticipated(enactment, unanticipated_id)
    counted = recording.count_of(found)
    if counted and request.form.get("confirmed") != "yes":
        page = render_template(
            "enactments/remove.html", enactment=enactment, found=found, counted=counted
        )
        return page
    recording.remove_unanticipated(enactment, found)
    return _saved(enactment, "removed")


@bp.post("/enactments/<int:enactment_id>/exit")
@login_required
def update_exit(enactment_id: int):
    enactment = _recordable(enactment_id)
    form = ExitLevelsForm()
    if not form.validate() or not form.check_total(enactment.students):
        return render_record(enactment, 422, exit_form=form)
    return _save_fields(enactment, "exit", form.levels(), form)


@bp.post("/enactments/<int:enactment_id>/factors")
@login_required
def update_factors(enactment_id: int):
    enactment = _recordable(enactment_id)
    ticked = request.form.getlist("factor")
    values = {"demand_factors": factors_from(ticked)}
    try:
        version = parse_id(request.form.get("version", ""))
        drawn = posted_drawn(request.form.get("drawn"))
        recording.save_fields(enactment, values, version, "factors", drawn, actor=current_user)
    except StaleEdit:
        return render_record(
            enactment, 409, conflict="factors", whole_record=drawn is None, ticked=ticked
        )
    return _saved(enactment, "factors")


@bp.post("/enactments/<int:enactment_id>/reflection")
@login_required
def update_reflection(enactment_id: int):
    enactment = _recordable(enactment_id)
    form = ReflectionForm()
    if not form.validate():
        return render_record(enactment, 422, reflection_form=form)
    return _save_fields(enactment, "reflection", form.details(), form)


def _render_remove(enactment):
    return render_template(
        "enactments/remove_record.html",
        enactment=enactment,
        cycle=enactment.cycle,
        team=enactment.cycle.team,
        goes=removing.what_goes(enactment),
    )


@bp.get("/enactments/<int:enactment_id>/remove")
@login_required
def confirm_remove_record(enactment_id: int):
    return _render_remove(_recordable(enactment_id))


@bp.post("/enactments/<int:enactment_id>/remove")
@login_required
def remove(enactment_id: int):
    """The record goes for good, once confirmed; the same removal sent again (a retry after
    the answer was lost) lands on the cycle's enactments instead of a missing record."""
    key = idempotency.key_from(request.form)
    earlier = idempotency.earlier(current_user, REMOVE_RECORD, key)
    if earlier is not None:
        return redirect(url_for("enactments.index", cycle_id=earlier.object_id))
    enactment = _recordable(enactment_id)
    if request.form.get("confirmed") != "yes":
        return _render_remove(enactment)
    gone = f"class {enactment.class_code}, taught {enactment.taught_on.strftime('%b %-d')}"
    made = idempotency.once(
        current_user, key, REMOVE_RECORD, lambda: removing.remove_enactment(enactment)
    )
    if not made.replayed:
        flash(f"The lesson record ({gone}) was removed.", "success")
    return redirect(url_for("enactments.index", cycle_id=made.object_id))
