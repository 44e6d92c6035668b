"""The lesson's history, restoring an earlier version of a field, and what changed since the
earlier lesson a revised one started from."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from app.cycles.access import cycle_for
from app.extensions import db
from app.lessons import writing
from app.lessons.access import change_for
from app.lessons.comparing import compare
from app.lessons.diff import word_diff
from app.lessons.history import (
    FIELD_LABELS,
    history_page,
    lesson_responses,
    restorable,
    shown,
    version_name,
)
from app.lessons.models import PLAN_FIELDS, PLAN_MINUTES, RESPONSE_FIELDS, Lesson
from app.lessons.starting import lesson_of
from app.numbers import parse_id
from app.paging import page_number

bp = Blueprint("lesson_history", __name__)

UNKNOWN_FIELD = "Choose one of the lesson's fields, or every field."


@bp.get("/cycles/<int:cycle_id>/lesson/history")
@login_required
def index(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    lesson = lesson_of(cycle)
    if lesson is None:
        return redirect(url_for("lessons.show", cycle_id=cycle.id))
    responses = lesson_responses(lesson)
    field_name, problem = request.args.get("field") or None, None
    if field_name and field_name not in FIELD_LABELS:
        field_name, problem = None, UNKNOWN_FIELD
    response_id = parse_id(request.args.get("response"))
    if request.args.get("response") and response_id not in responses:
        abort(404)
    number = page_number(request.args.get("page"))
    page = render_template(
        "lessons/history.html",
        cycle=cycle,
        team=cycle.team,
        history=history_page(lesson, responses, number, field_name, response_id),
        responses=responses,
        chosen_field=field_name,
        chosen_response=response_id,
        problem=problem,
        fields={"Plan": PLAN_FIELDS | PLAN_MINUTES, "Each response": RESPONSE_FIELDS},
    )
    return page, 422 if problem else 200


@bp.get("/lesson-changes/<int:change_id>/restore")
@login_required
def confirm_restore(change_id: int):
    change = change_for(current_user, change_id)
    if (refusal := _refusal(change)) is not None:
        return refusal
    return _ask(change)


@bp.post("/lesson-changes/<int:change_id>/restore")
@login_required
def restore(change_id: int):
    """Restoring replaces the field's words, so it is done from the page that asked: the form
    carries the field's revision it showed, and anything saved since is shown first."""
    change = change_for(current_user, change_id)
    if (refusal := _refusal(change)) is not None:
        return refusal
    record = change.response or _lesson(change)
    base = parse_id(request.form.get("base"))
    if base is None:
        return _ask(change)
    # Checked before the revision, so a retry of a restore that went through says so.
    if writing.text_of(record, change.field) == change.value:
        flash("That version is already the one the lesson holds: nothing changed.", "success")
        return redirect(_history_url(change))
    if base != record.field_revision(change.field):
        return _ask(change, changed_since=True), 409
    try:
        writing.restore(current_user, change)
    except writing.FieldConflict:
        db.session.expire_all()
        return _ask(change, changed_since=True), 409
    flash(f"Restored {version_name(change)}. The history keeps the words it replaced.", "success")
    return redirect(_history_url(change))


@bp.post("/lesson-changes/<int:change_id>/bring-back")
@login_required
def bring_back(change_id: int):
    change = change_for(current_user, change_id)
    response = change.response
    if response is None:
        abort(404)
    if response.removed_at is not None:
        in_plan = [r for r in lesson_responses(response.lesson).values() if not r.removed_at]
        if len(in_plan) >= writing.MAX_RESPONSES:
            flash(f"The plan already has {len(in_plan)} responses: take one out first.")
            return redirect(_history_url(change))
        writing.bring_back(current_user, response)
        flash(f"“{response.name}” is back in the plan.", "success")
    else:
        flash(f"“{response.name}” is already in the plan.", "success")
    return redirect(_history_url(change))


@bp.get("/cycles/<int:cycle_id>/lesson/changes")
@login_required
def changes(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    lesson = lesson_of(cycle)
    if lesson is None or lesson.revised_from is None:
        flash("This lesson did not start from an earlier one: there is nothing to compare.")
        return redirect(url_for("lessons.show", cycle_id=cycle.id))
    return render_template(
        "lessons/changes.html",
        cycle=cycle,
        team=cycle.team,
        comparison=compare(lesson, lesson.revised_from),
    )


def _lesson(change) -> Lesson:
    return db.session.get(Lesson, change.lesson_id)


def _history_url(change) -> str:
    return url_for("lesson_history.index", cycle_id=_lesson(change).cycle_id)


def _refusal(change):
    """A change that is no version of a field, or of a response taken out of the plan."""
    if not restorable(change):
        flash("Only a field's words can be restored.")
        return redirect(_history_url(change))
    if change.response is not None and change.response.removed_at is not None:
        flash(f"“{change.response.name}” was taken out of the plan: bring it back first.")
        return redirect(_history_url(change))
    return None


def _ask(change, changed_since: bool = False):
    lesson = _lesson(change)
    record = change.response or lesson
    current = writing.text_of(record, change.field)
    return render_template(
        "lessons/restore.html",
        cycle=lesson.cycle,
        team=lesson.cycle.team,
        change=change,
        version=version_name(change),
        label=FIELD_LABELS[change.field],
        standing=current == change.value,
        diff=word_diff(shown(change.field, current), shown(change.field, change.value)),
        base=record.field_revision(change.field),
        changed_since=changed_since,
    )
