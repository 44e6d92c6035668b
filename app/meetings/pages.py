"""The meeting page, drawn the same way after a GET and after a refused POST."""

from dataclasses import dataclass, field

import sqlalchemy as sa
from flask import render_template
from flask_login import current_user

from app.cycles.queries import cycle_choices
from app.extensions import db
from app.meetings import running
from app.meetings.access import can_plan, can_present
from app.meetings.forms import MeetingForm, SegmentForm, TemplateForm, member_choices
from app.meetings.handoff_defaults import DEFAULT, LAST_SESSION, RELEASE_PLAN
from app.meetings.models import Meeting, Segment
from app.meetings.queries import load_meeting
from app.timeutil import to_local


def segment_form(meeting: Meeting, segment: Segment | None = None, submitted=False):
    if submitted:
        form = SegmentForm()
    elif segment is not None:
        form = SegmentForm(formdata=None, obj=segment)
        form.kind.data, form.release_level.data = segment.kind.value, segment.release_level.value
    else:
        form = SegmentForm(formdata=None)
    form.facilitator_id.choices = member_choices(meeting, "Not decided yet")
    return form


def render_show(
    meeting: Meeting,
    form=None,
    segment=None,
    template=None,
    status=200,
    conflict=False,
    problem: str | None = None,
):
    meeting = load_meeting(meeting.id)
    return (
        render_template(
            "meetings/show.html",
            meeting=meeting,
            team=meeting.team,
            form=form or meeting_form(meeting),
            segment_form=segment or segment_form(meeting),
            template_form=template or TemplateForm(formdata=None),
            can_plan=can_plan(current_user, meeting.team_id),
            can_present=can_present(current_user, meeting),
            can_reopen=running.can_reopen(meeting),
            ran_at=to_local(meeting.started_at) if meeting.started_at else None,
            sources=handoff_sources(meeting),
            conflict=conflict,
            problem=problem,
        ),
        status,
    )


@dataclass
class Source:
    """Segments whose facilitator and release level planning took from one place."""

    origin: str
    meeting: Meeting | None
    titles: list[str] = field(default_factory=list)


def handoff_sources(meeting: Meeting) -> list[Source]:
    """Where a planned meeting's facilitators and release levels came from (one statement)."""
    taken = [s for s in meeting.segments if s.origin]
    if meeting.status != "planned" or not taken:
        return []
    ids = {s.origin_meeting_id for s in taken if s.origin_meeting_id}
    found = db.session.scalars(sa.select(Meeting).where(Meeting.id.in_(ids))) if ids else []
    by_id = {m.id: m for m in found}
    sources: dict[tuple, Source] = {}
    for s in taken:
        key = (s.origin, s.origin_meeting_id)
        source = sources.setdefault(key, Source(s.origin, by_id.get(s.origin_meeting_id)))
        source.titles.append(s.title)
    order = [RELEASE_PLAN, LAST_SESSION, DEFAULT]
    return sorted(sources.values(), key=lambda source: order.index(source.origin))


def meeting_form(meeting: Meeting) -> MeetingForm:
    values = {
        "title": meeting.title,
        "day": meeting.starts_at.date(),
        "time": meeting.starts_at.time(),
        "duration_minutes": meeting.duration_minutes,
        "location": meeting.location,
        "video_url": meeting.video_url,
        "goal": meeting.goal,
        "cycle_id": meeting.cycle_id,
        "version": meeting.version,
    }
    options = cycle_choices(meeting.team_id, keep=meeting.cycle_id)
    return MeetingForm(formdata=None, data=values).with_cycles(options)
