"""Reads of teams shaped for pages: a fixed number of statements however many teams."""

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from app.auth.models import User
from app.extensions import db
from app.teams.models import Membership, Role, Team


@dataclass(frozen=True)
class MyTeam:
    team: Team
    role: Role


def with_members():
    return selectinload(Team.memberships).joinedload(Membership.user).joinedload(User.school)


def teams_of(user: User) -> list[MyTeam]:
    memberships = db.session.scalars(
        sa.select(Membership)
        .where(Membership.user_id == user.id)
        .options(joinedload(Membership.team).options(with_members()))
    ).unique()
    found = [MyTeam(m.team, m.role) for m in memberships]
    return sorted(found, key=lambda t: (t.team.grade, t.team.name.lower()))


def team_with_members(team_id: int) -> Team | None:
    return db.session.scalar(sa.select(Team).where(Team.id == team_id).options(with_members()))


def all_teams() -> list[Team]:
    return list(db.session.scalars(sa.select(Team).options(with_members()).order_by(Team.name)))
