"""The record page of an enactment, drawn the same way after a GET and after a refused save
of any of its parts (the refused part keeps what the person typed)."""

from dataclasses import dataclass, replace

from flask import render_template
from flask_login import current_user

from app import live
from app.auth.models import User
from app.cycles.models import live_channel
from app.enactments.access import can_record
from app.enactments.chart import PostedRow
from app.enactments.forms import ExitLevelsForm, LessonFactsForm, ReflectionForm, UnanticipatedForm
from app.enactments.models import EXIT_LEVELS, KEEPING, DemandFactor, Enactment
from app.enactments.parts import NAMES, fingerprints, saver_column
from app.enactments.queries import ChartLine, record_view
from app.extensions import db

SECTIONS = ("facts", "exit", "factors", "reflection")


@dataclass
class CountChange:
    """A count that taps changed after the chart form was drawn."""

    key: str
    name: str
    drawn: int | None
    now: int
    typed: str


def facts_form(enactment: Enactment) -> LessonFactsForm:
    fields = ("taught_on", "class_code", "students", "minutes", "version")
    return LessonFactsForm(formdata=None, data={name: getattr(enactment, name) for name in fields})


def exit_form(enactment: Enactment) -> ExitLevelsForm:
    values = {level: getattr(enactment, level) for level in EXIT_LEVELS}
    return ExitLevelsForm(formdata=None, data=values | {"version": enactment.version})


def reflection_form(enactment: Enactment) -> ReflectionForm:
    fields = ("what_worked", "surprised", "would_change", "video_url", "video_moments")
    values = {name: getattr(enactment, name) for name in fields}
    return ReflectionForm(formdata=None, data=values | {"version": enactment.version})


def _drawn_row(line: ChartLine) -> PostedRow:
    order = "" if line.share_order is None else str(line.share_order)
    shared = line.share_order is not None
    return PostedRow(line.key, str(line.count), line.count, line.codes, shared, order)


def chart_rows(
    lines: list[ChartLine], posted: list[PostedRow] | None, moved: bool
) -> tuple[list[tuple[ChartLine, PostedRow]], list[CountChange]]:
    """Each line with the values its inputs show: as stored, or as posted after a refusal.
    When counts `moved` under the form, every row is redrawn from the current count, and
    the rows whose count changed show it (the rest keep what was typed)."""
    posted_by_key = {row.key: row for row in posted or []}
    rows, changes = [], []
    for line in lines:
        row = posted_by_key.get(line.key) or _drawn_row(line)
        if moved:
            if row.drawn is not None and row.drawn != line.count:
                changes.append(
                    CountChange(line.key, line.name, row.drawn, line.count, row.count_text)
                )
                row = replace(row, count_text=str(line.count))
            row = replace(row, drawn=line.count)
        rows.append((line, row))
    return rows, changes


def unaccounted(enactment: Enactment) -> int | None:
    """Students the exit prompt's levels leave out (None until both are known)."""
    levels = [getattr(enactment, level) for level in EXIT_LEVELS]
    if enactment.students is None or all(n is None for n in levels):
        return None
    return max(0, enactment.students - sum(n or 0 for n in levels))


def conflict_words(enactment: Enactment, part: str, viewer: User, whole_record: bool) -> str:
    """Who saved what under a refused save: "Jordan Leader saved the reflection", or
    "Someone else …" when nobody is known (a record saved before savers were kept, a saver
    gone). A form without its part's fingerprint met a save of any part: the record."""
    if whole_record:
        return "Someone else saved this record"
    what = NAMES[part]
    saver_id = getattr(enactment, saver_column(part))
    if saver_id is not None and saver_id == viewer.id:
        return f"You saved {what} on another screen"
    saver = db.session.get(User, saver_id) if saver_id is not None else None
    return f"{saver.name if saver else 'Someone else'} saved {what}"


def record_context(
    enactment: Enactment,
    conflict: str = "",
    whole_record: bool = False,
    posted_chart: list[PostedRow] | None = None,
    counts_moved: bool = False,
    chart_problem: str = "",
    ticked: list[str] | None = None,
    **forms,
):
    view = record_view(enactment)
    rows, changes = chart_rows(view.lines, posted_chart, counts_moved)
    chosen = set(ticked if ticked is not None else [f.value for f in enactment.factors])
    return dict(
        enactment=enactment,
        cycle=enactment.cycle,
        team=enactment.cycle.team,
        view=view,
        rows=rows,
        count_changes=changes,
        changed={change.key: change for change in changes},
        chart_problem=chart_problem,
        can_record=can_record(current_user, enactment),
        conflict=conflict,
        conflict_words=(
            conflict_words(enactment, conflict, current_user, whole_record) if conflict else ""
        ),
        facts_form=forms.get("facts_form") or facts_form(enactment),
        exit_form=forms.get("exit_form") or exit_form(enactment),
        reflection_form=forms.get("reflection_form") or reflection_form(enactment),
        unanticipated_form=forms.get("unanticipated_form") or UnanticipatedForm(formdata=None),
        keeping=KEEPING,
        lowering=[f for f in DemandFactor if f not in KEEPING],
        ticked=chosen,
        exit_levels=EXIT_LEVELS,
        unaccounted=unaccounted(enactment),
        sections=SECTIONS,
        drawn=fingerprints(enactment),
        responses_unsaved=posted_chart is not None or "unanticipated_form" in forms,
    )


def render_record(enactment: Enactment, status: int = 200, **context):
    after = live.latest_id(live_channel(enactment.cycle_id))
    page = render_template(
        "enactments/show.html", after=after, **record_context(enactment, **context)
    )
    return page, status


def render_responses(enactment: Enactment) -> str:
    """The chart and the responses nobody anticipated, as stored: the record page redraws
    them when taps arrive."""
    return render_template("enactments/_responses.html", **record_context(enactment))
