"""Teams for administrators: a page of teams with counts, and finding people to add."""

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from app.admin.people import matching
from app.auth.models import User
from app.extensions import db
from app.paging import Page, paginate
from app.teams.models import Membership, School, Team

PER_PAGE = 50
CANDIDATES = 20


@dataclass(frozen=True)
class TeamRow:
    team: Team
    members: int
    schools: list[str]


def teams_page(number: int) -> Page:
    """A page of teams by name, each with its member count and its members' schools."""
    members = (
        sa.select(sa.func.count(Membership.id))
        .where(Membership.team_id == Team.id)
        .scalar_subquery()
    )
    page = paginate(
        sa.select(Team, members).order_by(sa.func.lower(Team.name), Team.id),
        number,
        PER_PAGE,
        scalars=False,
    )
    schools = _schools_of([team.id for team, _ in page.items])
    rows = [TeamRow(team, count, schools.get(team.id, [])) for team, count in page.items]
    return Page(rows, page.number, page.per_page, page.total)


def _schools_of(team_ids: list[int]) -> dict[int, list[str]]:
    if not team_ids:
        return {}
    found: dict[int, list[str]] = {}
    pairs = db.session.execute(
        sa.select(Membership.team_id, School.name)
        .join(User, Membership.user_id == User.id)
        .join(School, User.school_id == School.id)
        .where(Membership.team_id.in_(team_ids))
        .distinct()
        .order_by(Membership.team_id, School.name)
    )
    for team_id, name in pairs:
        found.setdefault(team_id, []).append(name)
    return found


def _addable(team: Team) -> sa.Select:
    on_team = sa.select(Membership.user_id).where(Membership.team_id == team.id)
    return sa.select(User).where(User.active.is_(True), User.id.not_in(on_team))


def candidates(team: Team, search: str) -> tuple[list[User], bool]:
    """Up to CANDIDATES active people not on `team` whose name or email contains `search`,
    and whether there are more; nobody until something is searched for."""
    if not search:
        return [], False
    found = db.session.scalars(
        matching(_addable(team), search)
        .options(selectinload(User.school))
        .order_by(sa.func.lower(User.name), User.id)
        .limit(CANDIDATES + 1)
    ).all()
    return list(found[:CANDIDATES]), len(found) > CANDIDATES


def person_to_add(team: Team, user_id: int | None) -> User | None:
    """The person if they may join `team`: an active account not already on it."""
    if user_id is None:
        return None
    return db.session.scalar(_addable(team).where(User.id == user_id))


def team(team_id: int) -> Team | None:
    return db.session.get(Team, team_id)


def membership_of(team_id: int, membership_id: int) -> Membership | None:
    membership = db.session.get(Membership, membership_id)
    return membership if membership and membership.team_id == team_id else None
