"""The demo district: realistic people and teams to look at. Loading it twice changes nothing."""

import sqlalchemy as sa

from app.auth.models import User
from app.auth.passwords import hash_password
from app.demo.cycles import seed_cycles
from app.demo.handoff import seed_handoff
from app.demo.meetings import seed_meetings
from app.extensions import db
from app.teams.models import District, Membership, Role, School, Team
from app.timeutil import local_now

DEMO_PASSWORD = "tandem-demo"

SCHOOLS = ["Maple Street Elementary", "Riverbend Elementary"]

# email, name, school index (None: district staff), admin, role on the Grade 4 team
PEOPLE = [
    ("admin@demo.test", "Dana Whitfield", None, True, None),
    ("mentor@demo.test", "Dr. Ana Ruiz", None, False, Role.mentor),
    ("leader@demo.test", "Jordan Lee", 0, False, Role.teacher_leader),
    ("teacher1@demo.test", "Priya Natarajan", 0, False, Role.teacher),
    ("teacher2@demo.test", "Marcus Bell", 1, False, Role.teacher),
    ("teacher3@demo.test", "Sofia Alvarez", 1, False, Role.teacher),
]

TEAM_NAME = "Grade 4 Math Team"


def seed_demo() -> bool:
    """Load whatever part of the demo is missing; False when all of it is already there."""
    added_people = _seed_people()
    team = db.session.scalar(sa.select(Team).where(Team.name == TEAM_NAME))
    people = {
        email.split("@")[0]: db.session.scalar(sa.select(User).where(User.email == email))
        for email, *_ in PEOPLE
    }
    today = local_now().date()
    added_meetings = seed_meetings(team, people, today)
    added_handoff = seed_handoff(team, people, today)
    added_cycles = seed_cycles(team, people, today)
    return added_people or added_meetings or added_handoff or added_cycles


def _seed_people() -> bool:
    if db.session.scalar(sa.select(User.id).where(User.email == PEOPLE[0][0])):
        return False
    district = District(name="Lakeview Unified School District")
    schools = [School(district=district, name=name) for name in SCHOOLS]
    team = Team(
        district=district,
        name=TEAM_NAME,
        grade="4",
        description="Cross-school collaborative lesson design group for fourth grade, "
        "Maple Street and Riverbend.",
    )
    password_hash = hash_password(DEMO_PASSWORD)
    for email, name, school, is_admin, role in PEOPLE:
        person = User(
            email=email,
            name=name,
            password_hash=password_hash,
            school=schools[school] if school is not None else None,
            is_admin=is_admin,
        )
        db.session.add(person)
        if role:
            db.session.add(Membership(team=team, user=person, role=role))
    db.session.add_all([district, *schools, team])
    db.session.commit()
    return True
