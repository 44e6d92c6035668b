"""The anticipated responses of a lesson as a list: add, remove and bring back, put in the
planned discussion sequence (drag and drop, or the Move buttons), select to share.

Every write answers an htmx request with the list alone (_responses.html) and a plain one with
a redirect to the lesson page, so the page works without JavaScript too."""

from flask import (
    Blueprint,
    abort,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_login import current_user, login_required

from app import idempotency
from app.cycles.access import cycle_for
from app.extensions import db
from app.htmx import is_htmx
from app.lessons import pages, panels, writing
from app.lessons.access import lesson_for, response_for
from app.lessons.models import AnticipatedResponse
from app.lessons.pages import render_lesson, render_responses
from app.lessons.queries import lesson_view
from app.lessons.response_forms import ResponseForm, SketchForm
from app.lessons.sketches import SKETCHES, attach, check_sketch
from app.lessons.sketches import remove as remove_sketch_of
from app.numbers import parse_id
from app.uploads import CheckedFile, FileProblem, media_type

bp = Blueprint("lesson_responses", __name__)
bp.record_once(lambda state: pages.init_app(state.app))
__all__ = ["bp", "panels"]  # importing panels registers the "anticipate" run-view panel

TOO_MANY = (
    f"A lesson holds at most {writing.MAX_RESPONSES} anticipated responses: "
    "remove one before adding another."
)
STEPS = {"earlier": -1, "later": 1}
CHOOSE_AGAIN = "The image was fine but is not kept until the form saves: choose it again."


def _refused_page(cycle, anchor: str, **more):
    """The lesson page with a refused form, scrolled (after a boosted post) to that form."""
    page, status = render_lesson(cycle, 422, **more)
    response = make_response(page, status)
    if request.headers.get("HX-Boosted"):
        response.headers["HX-Reswap"] = f"innerHTML show:#{anchor}:top"
    return response


def _to_page(cycle_id: int, response_id: int | None = None, **args):
    anchor = f"response-{response_id}" if response_id else "responses"
    return redirect(url_for("lessons.show", cycle_id=cycle_id, _anchor=anchor, **args))


def _answer(response: AnticipatedResponse, status: int = 200, **more):
    """The redrawn list for an htmx swap, else back to the response on the lesson page."""
    cycle = response.lesson.cycle
    if is_htmx():
        return render_responses(cycle, status, **more)
    if status >= 400:
        return render_lesson(cycle, status, **more)
    return _to_page(cycle.id, response.id)


@bp.post("/lessons/<int:lesson_id>/responses")
@login_required
def create(lesson_id: int):
    lesson = lesson_for(current_user, lesson_id)
    form = ResponseForm()
    valid = form.validate()
    image = sketch_from(form.sketch)
    if not valid or form.sketch.errors:
        if image is not None:
            form.sketch.errors = [CHOOSE_AGAIN]
        return _refused_page(lesson.cycle, "add-response", response_form=form)
    try:
        # A double click or a retried post adds one response, not two.
        outcome = idempotency.once(
            current_user,
            idempotency.key_from(request.form),
            "lesson_responses.create",
            lambda: _add(lesson, form.fields(), image),
        )
    except writing.TooManyResponses:
        return _refused_page(lesson.cycle, "add-response", response_form=form, add_problem=TOO_MANY)
    flash(f"Added “{form.name.data}”.", "success")
    return _to_page(lesson.cycle_id, outcome.object_id or outcome.value.id)


def _add(lesson, fields: dict[str, str], image: CheckedFile | None) -> AnticipatedResponse:
    response = writing.add_response(current_user, lesson, fields)
    if image is not None:
        attach(current_user, response, image)
    return response


@bp.post("/responses/<int:response_id>/remove")
@login_required
def remove(response_id: int):
    """Removing can be undone: the answer offers Undo, the page lists it under Removed."""
    response = response_for(current_user, response_id)
    cycle_id = response.lesson.cycle_id
    writing.remove_response(current_user, response)
    if is_htmx():
        cycle = cycle_for(current_user, cycle_id)
        return render_responses(cycle, undo=db.session.get(AnticipatedResponse, response_id))
    return _to_page(cycle_id, removed=response_id)


@bp.post("/responses/<int:response_id>/bring-back")
@login_required
def bring_back(response_id: int):
    response = response_for(current_user, response_id)
    active = lesson_view(response.lesson.cycle).responses
    if response.removed_at is not None and len(active) >= writing.MAX_RESPONSES:
        return _answer(response, 422, problem=TOO_MANY)
    writing.bring_back(current_user, response)
    return _answer(response)


@bp.post("/lessons/<int:lesson_id>/responses/order")
@login_required
def order(lesson_id: int):
    """Drag and drop posts every response's id in the new order. Ids that are not this
    lesson's responses are passed over; responses it leaves out keep their order after."""
    lesson = lesson_for(current_user, lesson_id)
    ids = [i for i in map(parse_id, request.form.getlist("response_id")) if i is not None]
    writing.reorder(current_user, lesson, ids)
    if is_htmx():
        return render_responses(lesson.cycle)
    return _to_page(lesson.cycle_id)


@bp.post("/responses/<int:response_id>/move")
@login_required
def move(response_id: int):
    """One place earlier or later: the keyboard's way to sequence. A retried press moves once."""
    response = response_for(current_user, response_id)
    step = STEPS.get(request.form.get("direction", ""))
    if step is not None:
        idempotency.once(
            current_user,
            idempotency.key_from(request.form),
            "lesson_responses.move",
            lambda: writing.move(current_user, response, step),
        )
    return _answer(response)


@bp.post("/responses/<int:response_id>/share")
@login_required
def share(response_id: int):
    """Select the response to be shared in the discussion, or not; the same press twice
    (a retry) changes nothing."""
    response = response_for(current_user, response_id)
    wanted = request.form.get("share")
    if wanted not in ("yes", "no"):
        return _answer(response, 422, problem="Choose whether to share it.")
    base = parse_id(request.form.get("base")) or 0
    try:
        writing.save_field(current_user, response.lesson, "to_share", wanted, base, response)
    except writing.FieldConflict as conflict:
        who = conflict.author.name if conflict.author else "Someone"
        now = "shared" if conflict.theirs == "yes" else "not shared"
        message = f"{who} changed “{response.name}” a moment ago: it is {now} now."
        return _answer(response, 409, problem=message)
    return _answer(response)


@bp.get("/cycles/<int:cycle_id>/lesson/board")
@login_required
def board(cycle_id: int):
    """The anticipation board of the "anticipate" run-view panel, re-fetched on each change."""
    cycle = cycle_for(current_user, cycle_id)
    return render_template("lessons/_board.html", cycle=cycle, view=lesson_view(cycle))


def sketch_from(field) -> CheckedFile | None:
    """The checked image sent in `field`, if any; a problem becomes the field's message."""
    sent = field.data
    if not sent or not getattr(sent, "filename", None):
        return None
    try:
        return check_sketch(sent.stream)
    except FileProblem as problem:
        field.errors = [str(problem)]
        return None


@bp.get("/responses/<int:response_id>/sketch")
@login_required
def sketch(response_id: int):
    """The sketch, to the lesson's team only; its URL changes with the image (?v=)."""
    response = response_for(current_user, response_id)
    path = SKETCHES.path_of(response.sketch_name) if response.sketch_name else None
    if path is None:
        abort(404)
    sent = send_file(path, mimetype=media_type(path.name), max_age=3600)
    sent.headers["X-Content-Type-Options"] = "nosniff"
    sent.headers["Cache-Control"] = "private, max-age=3600"
    return sent


@bp.post("/responses/<int:response_id>/sketch")
@login_required
def upload_sketch(response_id: int):
    """Add a sketch from the card, or replace one from the page that shows what goes."""
    response = response_for(current_user, response_id)
    form = SketchForm()
    image = sketch_from(form.sketch)
    if image is None:
        problem = form.sketch.errors[0] if form.sketch.errors else "Choose an image to upload."
        if response.sketch_name:
            return _sketch_page(response, 422, problem)
        problems = {response.id: problem}
        return _refused_page(
            response.lesson.cycle, f"response-{response.id}", sketch_problems=problems
        )
    outcome = idempotency.once(
        current_user,
        idempotency.key_from(request.form),
        "lesson_responses.upload_sketch",
        lambda: attach(current_user, response, image),
    )
    if not outcome.replayed:
        flash(f"Sketch {outcome.value} for “{response.name}”.", "success")
    return _to_page(response.lesson.cycle_id, response.id)


def _sketch_page(response: AnticipatedResponse, status: int = 200, problem: str = ""):
    cycle = response.lesson.cycle
    page = render_template(
        "lessons/sketch_edit.html", response=response, cycle=cycle, team=cycle.team, problem=problem
    )
    return page, status


@bp.get("/responses/<int:response_id>/sketch/edit")
@login_required
def edit_sketch(response_id: int):
    """Replacing or removing a sketch starts here, beside the sketch that would go."""
    response = response_for(current_user, response_id)
    if response.sketch_name is None:
        return _to_page(response.lesson.cycle_id, response.id)
    return _sketch_page(response)


@bp.post("/responses/<int:response_id>/sketch/remove")
@login_required
def remove_sketch(response_id: int):
    response = response_for(current_user, response_id)
    cycle_id, name = response.lesson.cycle_id, response.name
    if remove_sketch_of(current_user, response):
        flash(f"The sketch of “{name}” was removed.", "info")
    return _to_page(cycle_id, response_id)
