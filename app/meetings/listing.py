"""A team's meetings page: what is coming up, then one school year of past meetings at a time.

Its statements do not grow with the team's history: segments are counted by the database,
earlier school years are links with their counts, and a long year is paged."""

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from app.extensions import db
from app.meetings.models import Meeting, Segment
from app.paging import Page, paginate
from app.schoolyear import school_year_in_sql, school_year_of, school_year_start
from app.timeutil import local_now

PAST_PER_PAGE = 25


@dataclass(frozen=True)
class Listed:
    meeting: Meeting
    segments: int


@dataclass(frozen=True)
class TeamMeetings:
    upcoming: list[Listed]
    past: Page  # of Listed, in `year`
    year: int
    years: list[tuple[int, int]]  # (school year, past meetings in it), latest first


def _past(cutoff: datetime) -> sa.ColumnElement[bool]:
    """Ended, or planned for more than 12 hours ago and never started."""
    return sa.or_(
        Meeting.ended_at.is_not(None),
        sa.and_(Meeting.starts_at < cutoff, Meeting.started_at.is_(None)),
    )


def _with_segment_count(team_id: int) -> sa.Select:
    segments = (
        sa.select(sa.func.count(Segment.id))
        .where(Segment.meeting_id == Meeting.id)
        .scalar_subquery()
    )
    return sa.select(Meeting, segments).where(
        Meeting.team_id == team_id, Meeting.deleted_at.is_(None)
    )


def team_meetings(team_id: int, year: int | None, page: int) -> TeamMeetings:
    """`year` None is this school year, or the latest one with past meetings if this has none."""
    now = local_now()
    cutoff = now - timedelta(hours=12)
    years = _years(team_id, cutoff)
    if year is None:
        year = school_year_of(now)
        if years and year not in dict(years):
            year = years[0][0]
    query = _with_segment_count(team_id)
    upcoming = db.session.execute(
        query.where(sa.not_(_past(cutoff))).order_by(Meeting.starts_at, Meeting.id)
    ).all()
    past = paginate(
        query.where(
            _past(cutoff),
            Meeting.starts_at >= school_year_start(year),
            Meeting.starts_at < school_year_start(year + 1),
        ).order_by(Meeting.starts_at.desc(), Meeting.id.desc()),
        page,
        PAST_PER_PAGE,
        scalars=False,
    )
    listed = [Listed(meeting, count) for meeting, count in past.items]
    return TeamMeetings(
        upcoming=[Listed(meeting, count) for meeting, count in upcoming],
        past=Page(listed, past.number, past.per_page, past.total),
        year=year,
        years=years,
    )


def _years(team_id: int, cutoff: datetime) -> list[tuple[int, int]]:
    year = school_year_in_sql(Meeting.starts_at).label("year")
    rows = db.session.execute(
        sa.select(year, sa.func.count(Meeting.id))
        .where(Meeting.team_id == team_id, Meeting.deleted_at.is_(None), _past(cutoff))
        .group_by(year)
        .order_by(year.desc())
    )
    return [(int(y), n) for y, n in rows]
