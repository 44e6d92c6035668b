"""The one place that decides who may see a team and what it owns."""

import sqlalchemy as sa
from flask import abort

from app.auth.models import User
from app.extensions import db
from app.teams.models import Membership, Role, Team


def member_team_ids(user: User) -> sa.Select:
    return sa.select(Membership.team_id).where(Membership.user_id == user.id)


def team_for(user: User, team_id: int) -> Team:
    """The team if `user` belongs to it (admins see every team); 404 otherwise."""
    query = sa.select(Team).where(Team.id == team_id)
    if not user.is_admin:
        query = query.where(Team.id.in_(member_team_ids(user)))
    team = db.session.scalar(query)
    if team is None:
        abort(404)
    return team


def role_in(user: User, team_id: int) -> Role | None:
    return db.session.scalar(
        sa.select(Membership.role).where(
            Membership.team_id == team_id, Membership.user_id == user.id
        )
    )


def is_member(user_id: int, team_id: int) -> bool:
    return (
        db.session.scalar(
            sa.select(Membership.id).where(
                Membership.team_id == team_id, Membership.user_id == user_id
            )
        )
        is not None
    )
