"""Who facilitates each segment of a newly planned meeting, and at which release level.

The handoff goes on where it stands: first the release plan in force for the meeting's date
(the plan of the team's coming meetings, stored on their segments — see
app/leadership/release.py), then the leader's last session with a segment of that kind, and
only then the mentor at "Mentor leads". Each segment remembers which (Segment.origin), so the
meeting page can tell the planner."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from app.auth.models import User
from app.extensions import db
from app.meetings.models import Meeting, ReleaseLevel, Segment, SegmentKind
from app.teams.models import Role, Team
from app.timeutil import local_now

RELEASE_PLAN, LAST_SESSION, DEFAULT = "release_plan", "last_session", "default"
RECENT_SESSIONS = 12


@dataclass
class Handover:
    facilitator_id: int | None
    release_level: ReleaseLevel
    origin: str
    origin_meeting_id: int | None = None


def _real(query: sa.Select) -> sa.Select:
    return query.where(Meeting.deleted_at.is_(None), Meeting.practice.is_(False))


def _plan_in_force(team: Team, day: date) -> Meeting | None:
    """The team's coming meeting on `day`, or else the last one planned before it."""
    today = datetime.combine(local_now().date(), time.min)
    end_of_day = datetime.combine(day, time.min) + timedelta(days=1)
    return db.session.scalar(
        _real(sa.select(Meeting))
        .where(
            Meeting.team_id == team.id,
            Meeting.started_at.is_(None),
            Meeting.starts_at >= today,
            Meeting.starts_at < end_of_day,
        )
        .options(selectinload(Meeting.segments))
        .order_by(Meeting.starts_at.desc())
        .limit(1)
    )


def _last_sessions_by_kind(team: Team) -> dict[SegmentKind, Segment]:
    """The latest run segment of each kind in the team's recent (real) sessions."""
    recent = (
        _real(sa.select(Meeting.id))
        .where(Meeting.team_id == team.id, Meeting.ended_at.is_not(None))
        .order_by(Meeting.starts_at.desc())
        .limit(RECENT_SESSIONS)
    )
    segments = db.session.scalars(
        sa.select(Segment)
        .join(Meeting, Segment.meeting_id == Meeting.id)
        .where(Segment.meeting_id.in_(recent))
        .order_by(Meeting.starts_at.desc(), Segment.position.desc())
    )
    latest: dict[SegmentKind, Segment] = {}
    for segment in segments:
        latest.setdefault(segment.kind, segment)
    return latest


def handovers(team: Team, day: date, kinds: list[SegmentKind]) -> list[Handover]:
    """One Handover per segment kind of the new meeting, in order."""
    plan = _plan_in_force(team, day)
    planned = list(plan.segments) if plan else []
    last = _last_sessions_by_kind(team)
    mentors: list[User] = team.members_with(Role.mentor)
    mentor_id = mentors[0].id if mentors else None
    result = []
    for kind in kinds:
        match = next((s for s in planned if s.kind == kind), None)
        if match is not None:
            planned.remove(match)
            origin = RELEASE_PLAN
        elif kind in last:
            match, origin = last[kind], LAST_SESSION
        if match is None:
            result.append(Handover(mentor_id, ReleaseLevel.mentor_leads, DEFAULT))
        else:
            result.append(
                Handover(match.facilitator_id, match.release_level, origin, match.meeting_id)
            )
    return result
