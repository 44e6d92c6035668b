"""Who sees a task: everyone of its district once shared; only its team while a draft.

Another district's task and another team's draft are both a 404.
"""

import sqlalchemy as sa
from flask import abort

from app.auth.models import User
from app.extensions import db
from app.tasks.models import Task
from app.teams.access import member_team_ids
from app.teams.models import District, School, Team


def district_ids(user: User) -> sa.Select:
    """The districts a person works in: their teams' and their school's."""
    of_teams = sa.select(Team.district_id).where(Team.id.in_(member_team_ids(user)))
    of_school = sa.select(School.district_id).where(School.id == user.school_id)
    if user.is_admin and user.school_id is None:
        # An administrator without a school manages the installation's (first) district.
        return sa.union(of_teams, sa.select(sa.func.min(District.id)))
    return sa.union(of_teams, of_school)


def visible(query: sa.Select, user: User) -> sa.Select:
    """Tasks of the user's districts: shared ones, and drafts of the user's own teams."""
    return query.where(
        Task.district_id.in_(district_ids(user)),
        sa.or_(Task.shared_at.is_not(None), Task.team_id.in_(member_team_ids(user))),
    )


def task_for(user: User, task_id: int, *options) -> Task:
    task = db.session.scalar(
        visible(sa.select(Task).where(Task.id == task_id), user).options(*options)
    )
    return task or abort(404)


def can_edit(user: User, task: Task) -> bool:
    """The team that wrote a task edits it; an administrator may curate shared tasks."""
    if task.is_draft:
        return _is_member(user, task.team_id)
    return user.is_admin or _is_member(user, task.team_id)


def _is_member(user: User, team_id: int) -> bool:
    return team_id in writing_team_ids(user)


def writing_team_ids(user: User) -> list[int]:
    return list(db.session.scalars(member_team_ids(user)))


def writing_teams(user: User) -> list[Team]:
    """The teams a person may write tasks for: their own."""
    return list(
        db.session.scalars(
            sa.select(Team).where(Team.id.in_(member_team_ids(user))).order_by(Team.name)
        )
    )


def require(allowed: bool) -> None:
    if not allowed:
        abort(403)
