"""The team's debrief record (what worked, what we learned, next steps) and the promotion of
responses nobody anticipated into the lesson's anticipations."""

from flask import Blueprint, current_app, flash, redirect, request, url_for
from flask_login import current_user, login_required

from app.cycles.access import cycle_for
from app.debriefs import promoting, recording
from app.debriefs.record_forms import DebriefRecordForm, PromoteForm
from app.debriefs.record_pages import record_context, render_record
from app.editing import StaleEdit, posted_is_stale
from app.lessons.writing import MAX_RESPONSES, TooManyResponses
from app.numbers import parse_id

bp = Blueprint("debrief_record", __name__)
bp.add_app_template_global(record_context, "debrief_record_context")

MAX_CHOSEN = 50

NO_LESSON = "This cycle has no lesson to add the response to yet."
CHOOSE_TWO = "Choose two or more responses to promote as one."
TOO_MANY = f"The lesson already has {MAX_RESPONSES} anticipated responses; remove one there first."


COMPARISON = "debriefs.show"


def _back(cycle_id: int, anchor: str):
    """Back to the page the form was on: the comparison page (which ends with the record)
    when it says so and exists, else the record's own page."""
    on_comparison = request.form.get("on") == "comparison"
    endpoint = COMPARISON if on_comparison else "debrief_record.show"
    if endpoint not in current_app.view_functions:
        endpoint = "debrief_record.show"
    return redirect(url_for(endpoint, cycle_id=cycle_id, _anchor=anchor))


@bp.get("/cycles/<int:cycle_id>/debrief/record")
@login_required
def show(cycle_id: int):
    return render_record(cycle_for(current_user, cycle_id))


@bp.post("/cycles/<int:cycle_id>/debrief/record")
@login_required
def update(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    form = DebriefRecordForm()
    if not form.validate():
        return render_record(cycle, 422, form=form)
    try:
        if posted_is_stale(cycle, request.form.get("version", "")):
            raise StaleEdit()
        recording.save_record(current_user, cycle, form.details(), form.version.data)
    except StaleEdit:
        return render_record(cycle, 409, form=form, conflict=True)
    flash("The debrief record is saved.", "success")
    return _back(cycle.id, "debrief-record")


@bp.post("/unanticipated/<int:unanticipated_id>/promote")
@login_required
def promote(unanticipated_id: int):
    found = promoting.unanticipated_for(current_user, unanticipated_id)
    cycle = found.enactment.cycle
    form = PromoteForm()
    if not form.validate():
        return render_record(cycle, 422, problem=(found.id, "Choose from the lists."))
    try:
        promoting.promote(current_user, found, form.details())
    except promoting.NoLesson:
        return render_record(cycle, 422, problem=(found.id, NO_LESSON))
    except TooManyResponses:
        return render_record(cycle, 422, problem=(found.id, TOO_MANY))
    return _back(cycle.id, f"unanticipated-{found.id}")


@bp.post("/unanticipated/<int:unanticipated_id>/unpromote")
@login_required
def unpromote(unanticipated_id: int):
    found = promoting.unanticipated_for(current_user, unanticipated_id)
    promoting.unpromote(current_user, found)
    flash(f"“{found.name}” is no longer among the anticipated responses.", "success")
    return _back(found.enactment.cycle_id, f"unanticipated-{found.id}")


@bp.post("/cycles/<int:cycle_id>/debrief/promote-together")
@login_required
def promote_together(cycle_id: int):
    """Similar responses from several rooms, promoted as one anticipated response."""
    cycle = cycle_for(current_user, cycle_id)
    ids = [i for i in map(parse_id, request.form.getlist("chosen")) if i is not None]
    chosen = promoting.chosen_of(cycle, ids[:MAX_CHOSEN])
    form = PromoteForm()
    if len(chosen) < 2 or not form.validate():
        problem = CHOOSE_TWO if len(chosen) < 2 else "Choose from the lists."
        return render_record(cycle, 422, together_problem=problem)
    try:
        made = promoting.promote_together(current_user, cycle, chosen, form.details())
    except promoting.NoLesson:
        return render_record(cycle, 422, together_problem=NO_LESSON)
    except TooManyResponses:
        return render_record(cycle, 422, together_problem=TOO_MANY)
    if made is not None:
        flash(f"Promoted as one anticipated response: “{made.name}”.", "success")
    return _back(cycle.id, "debrief-unanticipated")
