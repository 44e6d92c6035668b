"""Planning a meeting: details, segments from a protocol or a team template, their order."""

import sqlalchemy as sa
from flask import abort
from sqlalchemy.orm import selectinload

from app import editing
from app.auth.models import User
from app.extensions import db
from app.live import publish
from app.meetings.handoff_defaults import handovers
from app.meetings.models import (
    AgendaTemplate,
    Meeting,
    Segment,
    SegmentKind,
    TemplateSegment,
)
from app.meetings.protocols import BY_KEY
from app.numbers import parse_id
from app.teams.access import role_in
from app.teams.models import Team


def template_segments(team: Team, template: str) -> list[tuple[str, SegmentKind, int, str]]:
    """(title, kind, minutes, description) of a built-in protocol or a team's template."""
    if template in BY_KEY:
        return [(s.title, s.kind, s.minutes, s.description) for s in BY_KEY[template].segments]
    template_id = parse_id(template.removeprefix("team-")) if template.startswith("team-") else None
    if template_id is not None:
        saved = db.session.get(AgendaTemplate, template_id)
        if saved and saved.team_id == team.id:
            return [(s.title, s.kind, s.planned_minutes, s.description) for s in saved.segments]
    return []


def create_meeting(actor: User, team: Team, details: dict, template: str) -> Meeting:
    """A new meeting; its facilitators and release levels follow the handoff so far."""
    meeting = Meeting(team=team, created_by_id=actor.id, **details)
    agenda = template_segments(team, template)
    handed = handovers(team, meeting.starts_at.date(), [kind for _, kind, _, _ in agenda])
    for position, ((title, kind, minutes, description), handover) in enumerate(
        zip(agenda, handed, strict=True)
    ):
        meeting.segments.append(
            Segment(
                position=position,
                title=title,
                kind=kind,
                planned_minutes=minutes,
                description=description,
                facilitator_id=handover.facilitator_id,
                release_level=handover.release_level,
                origin=handover.origin,
                origin_meeting_id=handover.origin_meeting_id,
            )
        )
    db.session.add(meeting)
    db.session.commit()
    return meeting


def set_practice(meeting: Meeting, practice: bool) -> None:
    """A practice session (a trial run) is left out of the handoff figures."""
    meeting.practice = practice
    db.session.commit()


def update_meeting(meeting: Meeting, details: dict, posted_version: int | None) -> None:
    channel = meeting.channel()
    with editing.edit(meeting, posted_version):
        for field, value in details.items():
            setattr(meeting, field, value)
    publish(channel, "agenda")


def add_segment(meeting: Meeting, fields: dict) -> Segment:
    segment = Segment(position=len(meeting.segments), **fields)
    meeting.segments.append(segment)
    _commit_and_publish(meeting, "agenda")
    return segment


def update_segment(segment: Segment, fields: dict, posted_version: int | None) -> None:
    channel = segment.meeting.channel()
    with editing.edit(segment, posted_version):
        handover = (segment.facilitator_id, segment.release_level)
        for field, value in fields.items():
            setattr(segment, field, value)
        if (segment.facilitator_id, segment.release_level) != handover:
            segment.origin = segment.origin_meeting_id = None  # the planner decided
    publish(channel, "agenda")


def delete_segment(segment: Segment) -> None:
    meeting = segment.meeting
    if meeting.current_segment_id == segment.id:
        meeting.current_segment = None
        meeting.timer_started_at = None
    meeting.segments.remove(segment)
    _renumber(meeting.segments)
    _commit_and_publish(meeting, "agenda")


def move_segment(segment: Segment, offset: int) -> None:
    segments = list(segment.meeting.segments)
    index = segments.index(segment)
    target = min(max(index + offset, 0), len(segments) - 1)
    segments.insert(target, segments.pop(index))
    _renumber(segments)
    _commit_and_publish(segment.meeting, "agenda")


def reorder_segments(meeting: Meeting, ordered_ids: list[int]) -> bool:
    """Put segments in the posted order; False (and no change) unless it names each once."""
    by_id = {segment.id: segment for segment in meeting.segments}
    if sorted(ordered_ids) != sorted(by_id):
        return False
    _renumber([by_id[segment_id] for segment_id in ordered_ids])
    _commit_and_publish(meeting, "agenda")
    return True


def save_as_template(meeting: Meeting, name: str) -> AgendaTemplate:
    template = AgendaTemplate(team_id=meeting.team_id, name=name, description=meeting.goal)
    template.segments = [
        TemplateSegment(
            position=s.position,
            title=s.title,
            kind=s.kind,
            planned_minutes=s.planned_minutes,
            description=s.description,
        )
        for s in meeting.segments
    ]
    db.session.add(template)
    db.session.commit()
    return template


def team_templates(team_id: int) -> list[AgendaTemplate]:
    return list(
        db.session.scalars(
            sa.select(AgendaTemplate)
            .where(AgendaTemplate.team_id == team_id)
            .options(selectinload(AgendaTemplate.segments))
            .order_by(AgendaTemplate.name)
        )
    )


def _renumber(segments: list[Segment]) -> None:
    for position, segment in enumerate(segments):
        segment.position = position


def _commit_and_publish(meeting: Meeting, event: str) -> None:
    channel = meeting.channel()
    db.session.commit()
    publish(channel, event)


def template_for(user: User, template_id: int) -> AgendaTemplate:
    template = db.session.get(AgendaTemplate, template_id)
    if template is None or not (user.is_admin or role_in(user, template.team_id)):
        abort(404)
    return template


def delete_template(template: AgendaTemplate) -> None:
    db.session.delete(template)
    db.session.commit()
