"""Who may see, plan and present a meeting. Another team's meeting is a 404."""

from dataclasses import dataclass
from datetime import timedelta
from functools import cache

import sqlalchemy as sa
from flask import abort
from sqlalchemy.orm import aliased, joinedload

from app.auth.models import User
from app.extensions import db
from app.meetings import run_facts
from app.meetings.models import Contribution, Meeting, Segment
from app.teams.access import member_team_ids, role_in
from app.teams.models import Membership, Role, Team
from app.timeutil import utcnow

PLANNER_ROLES = (Role.mentor, Role.teacher_leader)
RESTORE_WINDOW = timedelta(days=30)


def _in_teams(query: sa.Select, user: User) -> sa.Select:
    if user.is_admin:
        return query
    return query.where(Meeting.team_id.in_(member_team_ids(user)))


def _visible(query: sa.Select, user: User) -> sa.Select:
    """Meetings of the user's teams that are not deleted."""
    return _in_teams(query, user).where(Meeting.deleted_at.is_(None))


def meeting_for(user: User, meeting_id: int) -> Meeting:
    meeting = db.session.scalar(_visible(sa.select(Meeting).where(Meeting.id == meeting_id), user))
    return meeting or abort(404)


@dataclass(frozen=True)
class RunAccess:
    """A meeting opened in the run view, with what its viewer may do there."""

    meeting: Meeting
    role: Role | None
    can_present: bool


def _run_query(query: sa.Select, user: User, meeting_id: int) -> sa.Select:
    """`query` of the meeting with the viewer's membership (if any) joined; only the meetings
    the viewer may see."""
    query = query.outerjoin(
        Membership,
        sa.and_(Membership.team_id == Meeting.team_id, Membership.user_id == user.id),
    ).where(Meeting.id == meeting_id, Meeting.deleted_at.is_(None))
    if not user.is_admin:
        query = query.where(Membership.id.is_not(None))
    return query


def _presents(user: User, role: Role | None, facilitates: bool) -> bool:
    return user.is_admin or role in PLANNER_ROLES or facilitates


def meeting_to_run(user: User, meeting_id: int) -> RunAccess:
    """The meeting with its team's name and its agenda, and the viewer's role, in one
    statement; 404 unless the user is on its team (or an admin)."""
    query = _run_query(sa.select(Meeting, Membership.role), user, meeting_id).options(
        joinedload(Meeting.team).load_only(Team.id, Team.name),
        joinedload(Meeting.segments).joinedload(Segment.facilitator).load_only(User.name),
    )
    rows = db.session.execute(query).unique().all()  # all: the agenda is joined in
    if not rows:
        abort(404)
    meeting, role = rows[0]
    facilitates = any(segment.facilitator_id == user.id for segment in meeting.segments)
    return RunAccess(meeting, role, _presents(user, role, facilitates))


_CURRENT_SEGMENT = aliased(Segment, name="current_segment")  # built once: aliasing is slow


@dataclass(frozen=True)
class RunCheck:
    """What a run-view fragment is keyed by, before anything is drawn: the meeting's run
    columns and its current segment's timing, the viewer's role, and `facts`."""

    state: sa.Row  # the whole row, its columns by name
    run: tuple  # the meeting's run columns and its current segment's timing
    role: Role | None
    can_present: bool
    facts: tuple


_RUN_COLUMNS = 12  # of _run_check_statement: the meeting's run columns, segment timing, cycle


@cache
def _run_check_statement(admin: bool, facts: str | None) -> sa.Select:
    """Built once per kind: constructing it costs more than running it."""
    current, user_id, meeting_id = _CURRENT_SEGMENT, run_facts.USER_ID, run_facts.MEETING_ID
    facilitates = sa.exists().where(
        Segment.meeting_id == Meeting.id, Segment.facilitator_id == user_id
    )
    query = (
        sa.select(
            Meeting.id,
            Meeting.team_id,
            Meeting.run_version,
            Meeting.version,
            Meeting.current_segment_id,
            Meeting.started_at,
            Meeting.ended_at,
            Meeting.timer_started_at,
            current.planned_minutes,
            current.added_minutes,
            current.elapsed_seconds,
            Meeting.cycle_id,
            Membership.role,
            facilitates.label("facilitates"),
        )
        .outerjoin(
            Membership,
            sa.and_(Membership.team_id == Meeting.team_id, Membership.user_id == user_id),
        )
        .outerjoin(current, current.id == Meeting.current_segment_id)
        .where(Meeting.id == meeting_id, Meeting.deleted_at.is_(None))
    )
    if not admin:
        query = query.where(Membership.id.is_not(None))
    if facts is not None:
        subquery = run_facts.KINDS[facts]()
        query = query.join(subquery, sa.true()).add_columns(*subquery.c)
    return query


def run_check(user: User, meeting_id: int, facts: str | None = None) -> RunCheck:
    """One light statement (no agenda, no people; with `facts`, one of run_facts.KINDS);
    404 unless the user is on the meeting's team (or an admin)."""
    statement = _run_check_statement(bool(user.is_admin), facts)
    row = db.session.execute(statement, {"user_id": user.id, "meeting_id": meeting_id}).first()
    if row is None:
        abort(404)
    presents = _presents(user, row.role, row.facilitates)
    run, facts_from = tuple(row[:_RUN_COLUMNS]), _RUN_COLUMNS + 2
    return RunCheck(row, run, row.role, presents, tuple(row[facts_from:]))


def still_follows(user_id: int, meeting_id: int) -> bool:
    """For a stream open for minutes: is this person still active and on the meeting's team
    (or an admin)? One statement."""
    on_team = Meeting.team_id.in_(
        sa.select(Membership.team_id).where(Membership.user_id == user_id)
    )
    query = (
        sa.select(Meeting.id)
        .join(User, User.id == user_id)
        .where(
            Meeting.id == meeting_id,
            Meeting.deleted_at.is_(None),
            User.active.is_(True),
            sa.or_(User.is_admin, on_team),
        )
    )
    return db.session.scalar(query) is not None


def deleted_meeting_for(user: User, meeting_id: int) -> Meeting:
    """A deleted meeting of the user's teams that can still be restored; else 404."""
    query = sa.select(Meeting).where(
        Meeting.id == meeting_id,
        Meeting.deleted_at.is_not(None),
        Meeting.deleted_at >= utcnow() - RESTORE_WINDOW,
    )
    meeting = db.session.scalar(_in_teams(query, user))
    return meeting or abort(404)


def segment_for(meeting: Meeting, segment_id: int) -> Segment:
    segment = db.session.get(Segment, segment_id)
    if segment is None or segment.meeting_id != meeting.id:
        abort(404)
    return segment


def contribution_for(user: User, contribution_id: int, removed: bool = False) -> Contribution:
    """A contribution in one of the user's meetings; a removed one only when `removed`."""
    query = (
        sa.select(Contribution)
        .join(Meeting, Contribution.meeting_id == Meeting.id)
        .where(Contribution.id == contribution_id)
    )
    if not removed:
        query = query.where(Contribution.removed_at.is_(None))
    contribution = db.session.scalar(_visible(query, user))
    if contribution is None or (contribution.is_private and contribution.author_id != user.id):
        abort(404)
    return contribution


def can_plan(user: User, team_id: int) -> bool:
    return user.is_admin or role_in(user, team_id) in PLANNER_ROLES


def can_remove(user: User, contribution: Contribution) -> bool:
    return contribution.author_id == user.id or can_present(user, contribution.meeting)


def can_present(user: User, meeting: Meeting) -> bool:
    """Mentors, teacher leaders and anyone facilitating a segment drive the meeting."""
    if can_plan(user, meeting.team_id):
        return True
    return any(segment.facilitator_id == user.id for segment in meeting.segments)


def require(allowed: bool) -> None:
    if not allowed:
        abort(403)
