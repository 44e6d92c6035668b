"""Plain functions that make real rows for tests."""

import itertools
from dataclasses import dataclass

from app.auth.models import User
from app.auth.passwords import hash_password
from app.extensions import db
from app.teams.models import District, Membership, Role, School, Team

PASSWORD = "correct horse battery"
_sequence = itertools.count(1)
_hash_cache: dict[str, str] = {}


def _password_hash(password: str) -> str:
    if password not in _hash_cache:
        _hash_cache[password] = hash_password(password)
    return _hash_cache[password]


def make_district(name: str = "Test District") -> District:
    district = District(name=name)
    db.session.add(district)
    db.session.commit()
    return district


def make_school(name: str | None = None, district: District | None = None) -> School:
    school = School(name=name or f"School {next(_sequence)}", district=district or make_district())
    db.session.add(school)
    db.session.commit()
    return school


def make_user(
    email: str | None = None,
    name: str | None = None,
    password: str = PASSWORD,
    school: School | None = None,
    is_admin: bool = False,
    active: bool = True,
) -> User:
    n = next(_sequence)
    user = User(
        email=email or f"person{n}@example.org",
        name=name or f"Person {n}",
        password_hash=_password_hash(password),
        school=school,
        is_admin=is_admin,
        active=active,
    )
    db.session.add(user)
    db.session.commit()
    return user


def make_team(
    name: str | None = None,
    grade: str = "4",
    members: dict[User, Role] | None = None,
    district: District | None = None,
) -> Team:
    team = Team(
        name=name or f"Team {next(_sequence)}",
        grade=grade,
        district=district or make_district(),
    )
    db.session.add(team)
    for user, role in (members or {}).items():
        db.session.add(Membership(team=team, user=user, role=role))
    db.session.commit()
    return team


@dataclass
class World:
    team: Team
    mentor: User
    leader: User
    teacher: User
    admin: User
    other_team: Team
    outsider: User


def make_world() -> World:
    """Our team (mentor, leader, teacher), an admin, and another team with an outsider."""
    district = make_district("Lakeview")
    school = make_school("Maple Street", district)
    mentor = make_user("mentor@example.org", "Ana Mentor")
    leader = make_user("leader@example.org", "Jordan Leader", school=school)
    teacher = make_user("teacher@example.org", "Priya Teacher", school=school)
    admin = make_user("admin@example.org", "Dana Admin", is_admin=True)
    outsider = make_user("outsider@example.org", "Otto Outsider", school=school)
    team = make_team(
        "Grade 4 Team",
        members={mentor: Role.mentor, leader: Role.teacher_leader, teacher: Role.teacher},
        district=district,
    )
    other_team = make_team(
        "Grade 2 Team", grade="2", members={outsider: Role.teacher}, district=district
    )
    return World(team, mentor, leader, teacher, admin, other_team, outsider)
