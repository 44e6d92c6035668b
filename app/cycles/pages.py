"""The cycle page, drawn the same way after a GET and after a refused POST."""

from flask import render_template
from flask_login import current_user

from app.cycles.access import can_steer
from app.cycles.forms import CycleEditForm
from app.cycles.models import Cycle, CycleStage
from app.cycles.queries import cycle_meetings
from app.enactments.queries import has_enactments
from app.selection.pages import selection_context
from app.timeutil import to_local


def render_show(cycle: Cycle, status: int = 200, conflict: bool = False, problem: str = ""):
    return (
        render_template(
            "cycles/show.html",
            cycle=cycle,
            team=cycle.team,
            stages=list(CycleStage),
            meetings=cycle_meetings(cycle),
            can_steer=can_steer(current_user, cycle),
            to_local=to_local,
            conflict=conflict,
            problem=problem,
            has_enactments=has_enactments(cycle),
            **selection_context(cycle, current_user),
        ),
        status,
    )


def edit_form(cycle: Cycle) -> CycleEditForm:
    fields = ("title", "goal", "big_idea", "standards", "starts_on", "ends_on", "next_steps")
    values = {name: getattr(cycle, name) for name in fields} | {"version": cycle.version}
    return CycleEditForm(formdata=None, data=values)
