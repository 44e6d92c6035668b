"""The field editor of a lesson: each field of the plan and of an anticipated response is
shown, edited and saved on its own, checked against the revision its editor started from.
Plain pages without JavaScript (save, then back to the lesson at the field); swapped in place
with htmx. The lesson page's live stream and who is editing what (presence) are here too.

A save sent again (a lost answer, a dropped connection) carries the same text and base
revision, and a value that already stands is no change (writing.save_field): retries need no
idempotency key, and one that meets a teammate's save in between shows both versions."""

from flask import Blueprint, abort, redirect, render_template, request
from flask_login import current_user, login_required

from app.cycles.streams import cycle_stream
from app.htmx import is_htmx, render
from app.lessons import writing
from app.lessons.access import lesson_for, response_for
from app.lessons.content import lesson_context
from app.lessons.fields import EDITABLE_RESPONSE_FIELDS, PLAN_ALL, FieldRef, lesson_field
from app.lessons.forms import InvalidField, posted, value_of
from app.lessons.presence import editing_now, mark_editing
from app.timeutil import to_local

bp = Blueprint("lesson_fields", __name__)
bp.add_app_template_global(lesson_field, "lesson_field")

PAGE = "lessons/field_edit.html"


def _plan_field(lesson_id: int, name: str) -> FieldRef:
    if name not in PLAN_ALL:
        abort(404)
    return FieldRef(lesson_for(current_user, lesson_id), name)


def _response_field(response_id: int, name: str) -> FieldRef:
    if name not in EDITABLE_RESPONSE_FIELDS:
        abort(404)
    return FieldRef(response_for(current_user, response_id), name)


def _show(field: FieldRef):
    return render_template("lessons/_field.html", field=field, saved_by=field.saved_by())


def _edit(field: FieldRef):
    return render(
        PAGE, "lessons/_field_form.html", field=field, text=field.value, base=field.revision
    )


def _update(field: FieldRef):
    typed = posted(request.form)
    try:
        text = value_of(field.name, typed.text)
    except InvalidField as problem:
        context = {"text": typed.text, "base": typed.base, "error": str(problem)}
        return render(PAGE, "lessons/_field_form.html", 422, field=field, **context)
    lesson = field.response.lesson if field.response else field.record
    try:
        writing.save_field(current_user, lesson, field.name, text, typed.base, field.response)
    except writing.FieldConflict as conflict:
        saved_at = to_local(conflict.saved_at) if conflict.saved_at else None
        context = {"conflict": conflict, "yours": text, "saved_at": saved_at}
        return render(PAGE, "lessons/_conflict.html", 409, field=field, **context)
    if is_htmx():
        return _show(field)
    return redirect(field.page_url)


@bp.get("/lessons/<int:lesson_id>/fields/<name>")
@login_required
def plan_show(lesson_id: int, name: str):
    return _show(_plan_field(lesson_id, name))


@bp.get("/lessons/<int:lesson_id>/fields/<name>/edit")
@login_required
def plan_edit(lesson_id: int, name: str):
    return _edit(_plan_field(lesson_id, name))


@bp.post("/lessons/<int:lesson_id>/fields/<name>")
@login_required
def plan_update(lesson_id: int, name: str):
    return _update(_plan_field(lesson_id, name))


@bp.get("/responses/<int:response_id>/fields/<name>")
@login_required
def response_show(response_id: int, name: str):
    return _show(_response_field(response_id, name))


@bp.get("/responses/<int:response_id>/fields/<name>/edit")
@login_required
def response_edit(response_id: int, name: str):
    return _edit(_response_field(response_id, name))


@bp.post("/responses/<int:response_id>/fields/<name>")
@login_required
def response_update(response_id: int, name: str):
    return _update(_response_field(response_id, name))


@bp.get("/lessons/<int:lesson_id>/content")
@login_required
def content(lesson_id: int):
    """The plan and the responses, re-fetched when someone saves (the editors open on the
    screen are kept by lesson-live.js)."""
    lesson = lesson_for(current_user, lesson_id)
    return render_template("lessons/_content.html", **lesson_context(lesson.cycle))


@bp.get("/lessons/<int:lesson_id>/events")
@login_required
def events(lesson_id: int):
    lesson = lesson_for(current_user, lesson_id)
    return cycle_stream(lesson.cycle_id, lambda user: lesson_for(user, lesson_id))


@bp.get("/lessons/<int:lesson_id>/presence")
@login_required
def presence(lesson_id: int):
    lesson = lesson_for(current_user, lesson_id)
    return render_template("lessons/_presence.html", editing=editing_now(lesson, current_user))


@bp.post("/lessons/<int:lesson_id>/presence")
@login_required
def update_presence(lesson_id: int):
    """Focus, blur, a heartbeat while editing, and the page's leaving (a beacon)."""
    lesson = lesson_for(current_user, lesson_id)
    mark_editing(lesson, current_user, request.form.get("tab", ""), request.form.get("field", ""))
    return "", 204
