"""Who may see, plan and present a meeting. Another team's meeting is a 404."""

import sqlalchemy as sa
from flask import abort

from app.auth.models import User
from app.extensions import db
from app.meetings.models import Contribution, Meeting, Segment
from app.teams.access import member_team_ids, role_in
from app.teams.models import Membership, Role

PLANNER_ROLES = (Role.mentor, Role.teacher_leader)


def _visible(query: sa.Select, user: User) -> sa.Select:
    if user.is_admin:
        return query
    return query.where(Meeting.team_id.in_(member_team_ids(user)))


def meeting_for(user: User, meeting_id: int) -> Meeting:
    meeting = db.session.scalar(_visible(sa.select(Meeting).where(Meeting.id == meeting_id), user))
    return meeting or abort(404)


def still_follows(user_id: int, meeting_id: int) -> bool:
    """For a stream open for minutes: is this person still active and on the meeting's team
    (or an admin)? One statement."""
    on_team = Meeting.team_id.in_(
        sa.select(Membership.team_id).where(Membership.user_id == user_id)
    )
    query = (
        sa.select(Meeting.id)
        .join(User, User.id == user_id)
        .where(Meeting.id == meeting_id, User.active.is_(True), sa.or_(User.is_admin, on_team))
    )
    return db.session.scalar(query) is not None


def segment_for(meeting: Meeting, segment_id: int) -> Segment:
    segment = db.session.get(Segment, segment_id)
    if segment is None or segment.meeting_id != meeting.id:
        abort(404)
    return segment


def contribution_for(user: User, contribution_id: int) -> Contribution:
    query = (
        sa.select(Contribution)
        .join(Meeting, Contribution.meeting_id == Meeting.id)
        .where(Contribution.id == contribution_id)
    )
    contribution = db.session.scalar(_visible(query, user))
    if contribution is None or (contribution.is_private and contribution.author_id != user.id):
        abort(404)
    return contribution


def can_plan(user: User, team_id: int) -> bool:
    return user.is_admin or role_in(user, team_id) in PLANNER_ROLES


def can_present(user: User, meeting: Meeting) -> bool:
    """Mentors, teacher leaders and anyone facilitating a segment drive the meeting."""
    if can_plan(user, meeting.team_id):
        return True
    return any(segment.facilitator_id == user.id for segment in meeting.segments)


def require(allowed: bool) -> None:
    if not allowed:
        abort(403)
