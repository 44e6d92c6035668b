"""Who sees the pipeline and the handoff: a team's mentors see everyone's; a teacher leader
sees their own. Another team's ids answer 404; a teammate without the right role gets 403.

Leader-private material (each leader's mentoring loop, the nudges sent to them, their
handoff page and report) is that leader's and the team's mentors' only: a second teacher
leader on the same team is a teammate without the right role. What the whole session
shares (the agenda, the facilitation moves logged in it and their tally) stays open to
every leader of the team, because they plan and observe the session together."""

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


def leader_private_in(user: User, team: Team, leader_id: int | None) -> User | None:
    """The teacher leader of `team` (already authorized) whose private material `user` may
    see and edit: their own, or any leader's for a mentor (or admin). Without a leader_id, a
    leader gets their own and a mentor the first leader; None when the team has no leader.
    A leader_id that is not a leader of the team is a 404, another leader's a 403."""
    if leader_id is None:
        leaders = leaders_of(team)
        own = [leader for leader in leaders if leader.id == user.id]
        if own or not leaders:
            return own[0] if own else None
        leader = leaders[0]
    else:
        leader = leader_of(team, leader_id)
    if leader.id != user.id and not is_mentor(user, team.id):
        abort(403)
    return leader


def leader_private_for(user: User, meeting: Meeting, leader_id: int | None) -> User | None:
    """leader_private_in for the team of `meeting` (already authorized, team loaded)."""
    return leader_private_in(user, meeting.team, leader_id)


def mentoring_pair_only(viewer: User, meeting: Meeting) -> None:
    """The mentoring loop and nudges are between the mentor and the leader."""
    role = role_in(viewer, meeting.team_id)
    if not (viewer.is_admin or role in (Role.mentor, Role.teacher_leader)):
        abort(403)
