"""Who sees the pipeline and the handoff: a team's mentors see everyone's; a teacher leader
sees their own. Another team's ids answer 404; a teammate without the right role gets 403."""

from flask import abort

from app.auth.models import User
from app.meetings.models import Meeting
from app.teams.access import role_in, team_for
from app.teams.models import Role, Team


def is_mentor(user: User, team_id: int) -> bool:
    return user.is_admin or role_in(user, team_id) == Role.mentor


def mentor_team(user: User, team_id: int) -> Team:
    team = team_for(user, team_id)
    if not is_mentor(user, team.id):
        abort(403)
    return team


def teacher_of(team: Team, user_id: int) -> User:
    """A teacher or teacher leader of `team` (already authorized), who moves through the
    pipeline; 404 for anyone else, mentors included."""
    for membership in team.memberships:
        if membership.user_id == user_id and membership.role != Role.mentor:
            return membership.user
    abort(404)


def leader_of(team: Team, user_id: int) -> User:
    for membership in team.memberships:
        if membership.user_id == user_id and membership.role == Role.teacher_leader:
            return membership.user
    abort(404)


def leaders_of(team: Team) -> list[User]:
    return team.members_with(Role.teacher_leader)


def mentoring_pair_only(viewer: User, meeting: Meeting) -> None:
    """The mentoring loop and nudges are between the mentor and the leader."""
    role = role_in(viewer, meeting.team_id)
    if not (viewer.is_admin or role in (Role.mentor, Role.teacher_leader)):
        abort(403)
