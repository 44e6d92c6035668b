"""Workflows for the organisation: district, schools, teams and memberships."""

import sqlalchemy as sa

from app.auth.models import User
from app.extensions import db
from app.teams.models import District, Membership, Role, School, Team


def the_district() -> District:
    """Tandem serves one district per installation; it is created on first use."""
    district = db.session.scalar(sa.select(District).order_by(District.id).limit(1))
    if district is None:
        district = District(name="Our district")
        db.session.add(district)
        db.session.flush()
    return district


def school_name_taken(name: str, except_id: int | None = None) -> bool:
    query = sa.select(School.id).where(sa.func.lower(School.name) == sa.func.lower(name.strip()))
    if except_id:
        query = query.where(School.id != except_id)
    return db.session.scalar(query) is not None


def save_school(school: School | None, name: str) -> School:
    if school is None:
        school = School(district=the_district())
        db.session.add(school)
    school.name = name.strip()
    db.session.commit()
    return school


def save_team(team: Team | None, name: str, grade: str, description: str) -> Team:
    if team is None:
        team = Team(district=the_district())
        db.session.add(team)
    team.name, team.grade, team.description = name.strip(), grade, description.strip()
    db.session.commit()
    return team


def add_member(team: Team, user: User, role: Role) -> Membership:
    membership = db.session.scalar(
        sa.select(Membership).where(Membership.team_id == team.id, Membership.user_id == user.id)
    )
    if membership is None:
        membership = Membership(team=team, user=user, role=role)
        db.session.add(membership)
    membership.role = role
    db.session.commit()
    return membership


def change_role(membership: Membership, role: Role) -> None:
    membership.role = role
    db.session.commit()


def remove_member(membership: Membership) -> None:
    db.session.delete(membership)
    db.session.commit()
