"""The figures behind a leader's handoff page: who led how many segment-minutes, at which
release level, and which facilitation moves each person made, session by session."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from app.auth.models import User
from app.extensions import db
from app.leadership.models import FacilitationMove, MentoringLoop, MoveBy, MoveType
from app.meetings.models import Meeting, ReleaseLevel, Segment
from app.teams.models import Role, Team

# Practice sessions (trial runs) and deleted meetings are not part of the handoff.
COUNTED = (Meeting.practice.is_(False), Meeting.deleted_at.is_(None))


@dataclass
class SessionFigures:
    meeting: Meeting
    leader_minutes: float = 0
    mentor_minutes: float = 0
    other_minutes: float = 0
    release_minutes: Counter = field(default_factory=Counter)
    moves: Counter = field(default_factory=Counter)

    @property
    def total_minutes(self) -> float:
        return self.leader_minutes + self.mentor_minutes + self.other_minutes

    def share(self, who: str) -> float:
        """Share (0..1) of segment-minutes led by 'leader', 'mentor' or 'other'."""
        total = self.total_minutes
        return getattr(self, f"{who}_minutes") / total if total else 0.0

    @property
    def release_step(self) -> float:
        """Minute-weighted release level, 1 (mentor leads) to 4 (leader leads alone)."""
        total = sum(self.release_minutes.values())
        if not total:
            return 0.0
        return sum(level.step * m for level, m in self.release_minutes.items()) / total

    def move_count(self, by: MoveBy, move_type: MoveType | None = None) -> int:
        if move_type is None:
            return sum(n for (who, _), n in self.moves.items() if who == by)
        return self.moves[(by, move_type)]


@dataclass
class Handoff:
    team: Team
    leader: User
    sessions: list[SessionFigures]
    loops: list[MentoringLoop]
    start: date | None = None
    end: date | None = None

    @property
    def leader_share_first_last(self) -> tuple[float, float] | None:
        if not self.sessions:
            return None
        return self.sessions[0].share("leader"), self.sessions[-1].share("leader")


def segment_minutes(segment: Segment) -> float:
    """Actual minutes when the segment was run with the timer, else the planned minutes."""
    if segment.elapsed_seconds:
        return segment.elapsed_seconds / 60
    return float(segment.planned_minutes)


def attribute(segment: Segment, leader_id: int, mentor_ids: set[int]) -> dict[str, float]:
    """Split a segment's minutes between leader, mentor and others.

    The facilitator led the segment; at the co-facilitate release level the mentor and
    the leader share it equally, whichever of them is named.
    """
    minutes = segment_minutes(segment)
    shared = segment.release_level == ReleaseLevel.co_facilitate
    if segment.facilitator_id == leader_id:
        return {"leader": minutes / 2, "mentor": minutes / 2} if shared else {"leader": minutes}
    if segment.facilitator_id in mentor_ids:
        return {"mentor": minutes / 2, "leader": minutes / 2} if shared else {"mentor": minutes}
    return {"other": minutes}


def handoff(team: Team, leader: User, start: date | None = None, end: date | None = None):
    query = (
        sa.select(Meeting)
        .where(Meeting.team_id == team.id, Meeting.ended_at.is_not(None), *COUNTED)
        .options(selectinload(Meeting.segments))
        .order_by(Meeting.starts_at)
    )
    if start:
        query = query.where(Meeting.starts_at >= datetime.combine(start, time.min))
    if end:
        query = query.where(Meeting.starts_at <= datetime.combine(end, time.max))
    meetings = db.session.scalars(query).all()
    ids = [m.id for m in meetings]
    mentor_ids = {u.id for u in team.members_with(Role.mentor)}

    moves: dict[int, Counter] = {}
    for meeting_id, by, kind, count in db.session.execute(
        sa.select(
            FacilitationMove.meeting_id,
            FacilitationMove.made_by,
            FacilitationMove.move_type,
            sa.func.count(),
        )
        .where(FacilitationMove.meeting_id.in_(ids))
        .group_by(FacilitationMove.meeting_id, FacilitationMove.made_by, FacilitationMove.move_type)
    ):
        moves.setdefault(meeting_id, Counter())[(by, kind)] = count

    sessions = []
    for meeting in meetings:
        figures = SessionFigures(meeting, moves=moves.get(meeting.id, Counter()))
        for segment in meeting.segments:
            for who, minutes in attribute(segment, leader.id, mentor_ids).items():
                setattr(figures, f"{who}_minutes", getattr(figures, f"{who}_minutes") + minutes)
            figures.release_minutes[segment.release_level] += segment_minutes(segment)
        sessions.append(figures)

    loops = db.session.scalars(
        sa.select(MentoringLoop)
        .join(Meeting, MentoringLoop.meeting_id == Meeting.id)
        .where(MentoringLoop.leader_id == leader.id, Meeting.team_id == team.id, *COUNTED)
        .options(selectinload(MentoringLoop.meeting))
        .order_by(Meeting.starts_at)
    ).all()
    if start or end:
        loops = [
            loop
            for loop in loops
            if (not start or loop.meeting.starts_at.date() >= start)
            and (not end or loop.meeting.starts_at.date() <= end)
        ]
    return Handoff(team, leader, sessions, list(loops), start, end)
