"""The lesson page of a cycle: the plan and the anticipated responses, co-edited by the team."""

from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user, login_required

from app.cycles.access import cycle_for
from app.lessons import starting
from app.lessons.models import PLAN_FIELDS, PLAN_MINUTES, RESPONSE_FIELDS
from app.lessons.queries import lesson_view

bp = Blueprint("lessons", __name__)


@bp.get("/cycles/<int:cycle_id>/lesson")
@login_required
def show(cycle_id: int):
    cycle = cycle_for(current_user, cycle_id)
    return render_template(
        "lessons/show.html",
        cycle=cycle,
        team=cycle.team,
        view=lesson_view(cycle),
        plan_fields=PLAN_FIELDS,
        plan_minutes=PLAN_MINUTES,
        response_fields=RESPONSE_FIELDS,
    )


@bp.post("/cycles/<int:cycle_id>/lesson/start")
@login_required
def start(cycle_id: int):
    """Every member may start the lesson once the team has its shared task."""
    cycle = cycle_for(current_user, cycle_id)
    if cycle.shared_task_id is not None:
        starting.start_lesson(current_user, cycle)
    return redirect(url_for("lessons.show", cycle_id=cycle.id))
