"""The debrief record's context, for its own page and for the comparison page that ends with
it: `{% include "debriefs/_record.html" %}` needs only `cycle` there, the fragment asks
`debrief_record_context(cycle)` (a template global) for the rest."""

from dataclasses import dataclass
from datetime import datetime

from flask import render_template
from flask_login import current_user

from app.cycles.models import Cycle, CycleStage
from app.debriefs.record_forms import DebriefRecordForm
from app.debriefs.record_queries import starts_the_next_cycle, unanticipated_rows
from app.lessons.models import Correctness, Representation
from app.meetings.access import can_plan
from app.timeutil import to_local


def record_form(cycle: Cycle) -> DebriefRecordForm:
    values = {
        "debrief_worked": cycle.debrief_worked,
        "debrief_learned": cycle.debrief_learned,
        "next_steps": cycle.next_steps,
        "version": cycle.version,
    }
    return DebriefRecordForm(formdata=None, data=values)


def record_context(
    cycle: Cycle,
    form: DebriefRecordForm | None = None,
    conflict: bool = False,
    problem: tuple[int, str] | None = None,
    together_problem: str = "",
) -> dict:
    planner = can_plan(current_user, cycle.team_id)
    return {
        "form": form or record_form(cycle),
        "conflict": conflict,
        "unanticipated": unanticipated_rows(cycle),
        "promote_problem": problem,
        "together_problem": together_problem,
        "representations": list(Representation),
        "correctnesses": list(Correctness),
        "starts_next": starts_the_next_cycle(cycle),
        "can_plan_next": planner,
        "can_close": planner and cycle.stage == CycleStage.debrief and bool(cycle.next_steps),
        "saved": saved_by(cycle),
    }


@dataclass(frozen=True)
class SavedBy:
    by: str
    at: datetime


def saved_by(cycle: Cycle) -> SavedBy | None:
    """Who saved the record last and when, in the district's time (None before anyone has)."""
    if cycle.debrief_saved_at is None:
        return None
    saver = cycle.debrief_saved_by
    return SavedBy(saver.name if saver else "a former member", to_local(cycle.debrief_saved_at))


def render_record(cycle: Cycle, status: int = 200, **context):
    page = render_template(
        "debriefs/record.html",
        cycle=cycle,
        team=cycle.team,
        record=record_context(cycle, **context),
    )
    return page, status
