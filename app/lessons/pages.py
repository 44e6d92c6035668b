"""The lesson page after a refused POST, and its list of anticipated responses alone for the
swaps that change it. What the list's templates need beyond the page's own context
(content.lesson_context) has a default here, as template globals, so every place that draws
the list (the page, its live re-fetch, these answers) draws it the same way."""

from flask import Flask, render_template, request

from app import live
from app.cycles.models import Cycle, live_channel
from app.lessons.content import lesson_context
from app.lessons.models import AnticipatedResponse
from app.lessons.queries import LessonView
from app.lessons.response_forms import ResponseForm
from app.lessons.writing import MAX_RESPONSES
from app.numbers import parse_id


def new_response_form() -> ResponseForm:
    return ResponseForm(formdata=None)


def undo_offer(view: LessonView) -> AnticipatedResponse | None:
    """The response removed just now (?removed=<id> after a plain post), to offer Undo."""
    removed = parse_id(request.args.get("removed"))
    return next((r for r in view.removed if r.id == removed), None)


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        new_response_form=new_response_form, undo_offer=undo_offer, max_responses=MAX_RESPONSES
    )


def render_lesson(cycle: Cycle, status: int = 200, **more):
    """The whole page; `more`: a refused form (`response_form`, `add_problem`), a sketch's
    problem (`sketch_problems` by response id), a `problem` over the list."""
    after = live.latest_id(live_channel(cycle.id))
    page = render_template("lessons/show.html", after=after, **lesson_context(cycle), **more)
    return page, status


def render_responses(cycle: Cycle, status: int = 200, **more):
    """The anticipated responses section alone (_responses.html), for an htmx swap; `undo`:
    the response just removed."""
    return render_template("lessons/_responses.html", **lesson_context(cycle), **more), status
