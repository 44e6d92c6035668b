"""The lesson page, drawn the same way after a GET and after a refused POST, and its list of
anticipated responses alone for the swaps that change it."""

from flask import render_template

from app.cycles.models import Cycle
from app.lessons.models import PLAN_FIELDS, PLAN_MINUTES, RESPONSE_FIELDS
from app.lessons.queries import lesson_view
from app.lessons.response_forms import ResponseForm
from app.lessons.writing import MAX_RESPONSES


def lesson_context(cycle: Cycle, just_removed: int | None = None, **more) -> dict:
    """What show.html and its fragments draw. `just_removed`: the response whose removal the
    page offers to undo; `more`: a refused form (`response_form`), a sketch's problem
    (`sketch_problems` by response id), a `problem` over the list."""
    view = lesson_view(cycle)
    undo = next((r for r in view.removed if r.id == just_removed), None)
    return {
        "cycle": cycle,
        "team": cycle.team,
        "view": view,
        "plan_fields": PLAN_FIELDS,
        "plan_minutes": PLAN_MINUTES,
        "response_fields": RESPONSE_FIELDS,
        "response_form": ResponseForm(formdata=None),
        "sketch_problems": {},
        "problem": "",
        "undo": undo,
        "max_responses": MAX_RESPONSES,
    } | more


def render_lesson(cycle: Cycle, status: int = 200, **more):
    return render_template("lessons/show.html", **lesson_context(cycle, **more)), status


def render_responses(cycle: Cycle, status: int = 200, **more):
    """The anticipated responses section alone (_responses.html), for an htmx swap."""
    return render_template("lessons/_responses.html", **lesson_context(cycle, **more)), status
