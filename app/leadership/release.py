"""The mentor's release plan: facilitator and release level of every segment of the coming
meetings, laid out as a grid to hand over more, step by step."""

from dataclasses import dataclass

import sqlalchemy as sa
from flask import abort, request
from sqlalchemy.orm import selectinload

from app import editing
from app.extensions import db
from app.live import publish
from app.meetings.models import Meeting, ReleaseLevel, Segment
from app.numbers import parse_id
from app.teams.models import Team


@dataclass
class PlanRow:
    meeting: Meeting
    segments: list[Segment]


def plan_for(team: Team) -> list[PlanRow]:
    meetings = db.session.scalars(
        sa.select(Meeting)
        .where(
            Meeting.team_id == team.id,
            Meeting.ended_at.is_(None),
            Meeting.deleted_at.is_(None),
        )
        .options(selectinload(Meeting.segments))
        .order_by(Meeting.starts_at)
    ).all()
    return [PlanRow(m, list(m.segments)) for m in meetings]


def upcoming_meeting(team: Team, meeting_id: int) -> Meeting:
    meeting = db.session.get(Meeting, meeting_id)
    if meeting is None or meeting.team_id != team.id or meeting.ended_at or meeting.deleted_at:
        abort(404)
    return meeting


def parse_row(meeting: Meeting) -> dict[int, tuple[str, str, str]]:
    """{segment id: (facilitator id text, release level text, version text)} as posted."""
    return {
        s.id: (
            request.form.get(f"facilitator-{s.id}", ""),
            request.form.get(f"release-{s.id}", ""),
            request.form.get(f"version-{s.id}", ""),
        )
        for s in meeting.segments
    }


def apply(team: Team, meeting: Meeting, posted: dict[int, tuple[str, str, str]]) -> str | None:
    """Save the row; a message (and nothing saved) if any value is not a valid choice, or if
    it would undo a change someone else made to a segment since the grid was drawn."""
    member_ids = {m.user_id for m in team.memberships}
    levels = {level.value for level in ReleaseLevel}
    changes = []
    for segment in meeting.segments:
        facilitator, level, version = posted.get(segment.id, ("", "", ""))
        facilitator_id = parse_id(facilitator) if facilitator else None
        if facilitator and facilitator_id not in member_ids:
            return f"Choose a team member to facilitate “{segment.title}”."
        if level not in levels:
            return f"Choose a release level for “{segment.title}”."
        release_level = ReleaseLevel(level)
        if editing.posted_is_stale(segment, version) and (facilitator_id, release_level) != (
            segment.facilitator_id,
            segment.release_level,
        ):
            return (
                f"Someone changed “{segment.title}” while you were planning, so nothing was "
                "saved. Here is the plan as it is now: make your changes again."
            )
        changes.append((segment, facilitator_id, release_level))
    for segment, facilitator_id, level in changes:
        if (segment.facilitator_id, segment.release_level) != (facilitator_id, level):
            segment.facilitator_id, segment.release_level = facilitator_id, level
            segment.origin = segment.origin_meeting_id = None  # planned by hand now
            segment.version += 1
    try:
        editing.commit()
    except editing.StaleEdit:
        return "Someone saved this meeting's plan at the same moment; nothing was saved. Try again."
    publish(meeting.channel(), "agenda")
    return None
