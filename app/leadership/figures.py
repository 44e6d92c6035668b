"""The figures behind a leader's handoff page: who led how many segment-minutes, at which
release level, and which facilitation moves each person made, session by session.

Everything is summed in SQL, grouped by meeting: a handoff reads a fixed number of rows per
session however long the meetings were, and a fixed number of statements however many sessions.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time

import sqlalchemy as sa
from sqlalchemy.orm import contains_eager

from app.auth.models import User
from app.extensions import db
from app.leadership.models import FacilitationMove, MentoringLoop, MoveBy, MoveType
from app.meetings.models import Meeting, ReleaseLevel, Segment
from app.schoolyear import SchoolYear, school_year_in_sql
from app.teams.models import Role, Team

# Practice sessions (trial runs) and deleted meetings are not part of the handoff.
COUNTED = (Meeting.practice.is_(False), Meeting.deleted_at.is_(None))
WHO = ("leader", "mentor", "other")


@dataclass(kw_only=True)
class Tally:
    """Segment-minutes by who led them and by release level, and moves by person and kind."""

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

    def add(self, other: "Tally") -> None:
        for who in WHO:
            minutes = getattr(self, f"{who}_minutes") + getattr(other, f"{who}_minutes")
            setattr(self, f"{who}_minutes", minutes)
        self.release_minutes.update(other.release_minutes)
        self.moves.update(other.moves)


@dataclass
class SessionFigures(Tally):
    meeting: Meeting
    unit = "session"

    def move_count(self, by: MoveBy, move_type: MoveType | None = None) -> int:
        if move_type is None:
            return sum(n for (who, _), n in self.moves.items() if who == by)
        return self.moves[(by, move_type)]

    @property
    def short(self) -> str:
        return f"{self.meeting.starts_at:%b} {self.meeting.starts_at.day}"

    @property
    def below(self) -> str:
        return str(self.meeting.starts_at.year)

    @property
    def day(self) -> str:
        return f"{self.short}, {self.meeting.starts_at.year}"

    @property
    def long(self) -> str:
        return f"{self.day}, {self.meeting.title}"


@dataclass
class Handoff:
    team: Team
    leader: User
    sessions: list[SessionFigures]
    loops: list[MentoringLoop]
    start: date | None = None
    end: date | None = None
    loops_in_range: int = 0  # loops holds the latest of them when a limit was asked for

    @property
    def loops_left_out(self) -> int:
        return self.loops_in_range - len(self.loops)

    @property
    def leader_share_first_last(self) -> tuple[float, float] | None:
        if not self.sessions:
            return None
        return self.sessions[0].share("leader"), self.sessions[-1].share("leader")

    @property
    def school_year(self) -> SchoolYear | None:
        """The school year the range is exactly, if it is one."""
        if not self.start:
            return None
        year = SchoolYear.of(self.start)
        return year if year.spans(self.start, self.end) else None


def _minutes_sql() -> sa.ColumnElement[float]:
    """A segment's actual minutes when it was run with the timer, else its planned minutes."""
    return sa.case(
        (Segment.elapsed_seconds > 0, sa.cast(Segment.elapsed_seconds, sa.Float) / 60),
        else_=sa.cast(Segment.planned_minutes, sa.Float),
    )


def _attributed_sql(leader_id: int, mentor_ids: set[int]) -> dict[str, sa.ColumnElement]:
    """Each segment's minutes split between leader, mentor and others, summed in SQL.

    The facilitator led the segment; at the co-facilitate release level the mentor and the
    leader share it equally, whichever of them is named.
    """
    minutes = _minutes_sql()
    by_leader = Segment.facilitator_id == leader_id
    by_mentor = Segment.facilitator_id.in_(mentor_ids) if mentor_ids else sa.false()
    shared = sa.and_(
        Segment.release_level == ReleaseLevel.co_facilitate, sa.or_(by_leader, by_mentor)
    )
    half = minutes / 2

    def summed(alone) -> sa.ColumnElement[float]:
        return sa.func.coalesce(sa.func.sum(sa.case((shared, half), (alone, minutes), else_=0)), 0)

    return {
        "leader": summed(by_leader),
        "mentor": summed(by_mentor),
        "other": sa.func.coalesce(
            sa.func.sum(sa.case((sa.or_(by_leader, by_mentor), 0), else_=minutes)), 0
        ),
    }


def _in_range(start: date | None, end: date | None) -> list[sa.ColumnElement[bool]]:
    where = []
    if start:
        where.append(Meeting.starts_at >= datetime.combine(start, time.min))
    if end:
        where.append(Meeting.starts_at <= datetime.combine(end, time.max))
    return where


def school_years(team: Team) -> list[SchoolYear]:
    """The school years in which the team ended a counted meeting, latest first."""
    year = school_year_in_sql(Meeting.starts_at).label("year")
    found = db.session.scalars(
        sa.select(year)
        .where(Meeting.team_id == team.id, Meeting.ended_at.is_not(None), *COUNTED)
        .group_by(year)
        .order_by(year.desc())
    )
    return [SchoolYear(int(y)) for y in found]


def handoff(
    team: Team,
    leader: User,
    start: date | None = None,
    end: date | None = None,
    loops_limit: int | None = None,
) -> Handoff:
    """The handoff between start and end (inclusive; None leaves that side open), with the
    mentoring loops of the latest loops_limit sessions (all of them without a limit)."""
    ended = (
        Meeting.team_id == team.id,
        Meeting.ended_at.is_not(None),
        *COUNTED,
        *_in_range(start, end),
    )
    meetings = db.session.scalars(sa.select(Meeting).where(*ended).order_by(Meeting.starts_at))
    sessions = {m.id: SessionFigures(m) for m in meetings}
    mentor_ids = {u.id for u in team.members_with(Role.mentor)}

    attributed = _attributed_sql(leader.id, mentor_ids)
    for row in db.session.execute(
        sa.select(
            Segment.meeting_id,
            Segment.release_level,
            sa.func.sum(_minutes_sql()).label("minutes"),
            *(sql.label(who) for who, sql in attributed.items()),
        )
        .join(Meeting, Segment.meeting_id == Meeting.id)
        .where(*ended)
        .group_by(Segment.meeting_id, Segment.release_level)
    ):
        figures = sessions[row.meeting_id]
        for who in WHO:
            minutes = getattr(figures, f"{who}_minutes") + float(getattr(row, who))
            setattr(figures, f"{who}_minutes", minutes)
        figures.release_minutes[row.release_level] += float(row.minutes)

    for meeting_id, by, kind, count in db.session.execute(
        sa.select(
            FacilitationMove.meeting_id,
            FacilitationMove.made_by,
            FacilitationMove.move_type,
            sa.func.count(),
        )
        .join(Meeting, FacilitationMove.meeting_id == Meeting.id)
        .where(*ended)
        .group_by(FacilitationMove.meeting_id, FacilitationMove.made_by, FacilitationMove.move_type)
    ):
        sessions[meeting_id].moves[(by, kind)] = count

    found = db.session.execute(
        sa.select(MentoringLoop, sa.func.count().over().label("in_range"))
        .join(Meeting, MentoringLoop.meeting_id == Meeting.id)
        .where(
            MentoringLoop.leader_id == leader.id,
            Meeting.team_id == team.id,
            *COUNTED,
            *_in_range(start, end),
        )
        .options(contains_eager(MentoringLoop.meeting))
        .order_by(Meeting.starts_at.desc(), MentoringLoop.id.desc())
        .limit(loops_limit)
    ).all()
    loops = [loop for loop, _ in reversed(found)]
    in_range = found[0].in_range if found else 0
    return Handoff(team, leader, list(sessions.values()), loops, start, end, in_range)
