"""The demo district: realistic people and teams to look at. Loading it twice changes nothing."""

import sqlalchemy as sa

from app.auth.models import User
from app.auth.passwords import hash_password
from app.demo.cycles import seed_cycles
from app.demo.debriefs import seed_debriefs
from app.demo.enactments import seed_enactments
from app.demo.handoff import seed_handoff
from app.demo.lessons import seed_lessons
from app.demo.meetings import seed_design_meeting, seed_meetings
from app.demo.selection import seed_selection
from app.demo.sessions import PEOPLE, SCHOOLS, TEAM_NAME
from app.demo.tasks import seed_tasks
from app.extensions import db
from app.teams.models import District, Membership, School, Team
from app.timeutil import local_now

DEMO_PASSWORD = "tandem-demo"

__all__ = ["DEMO_PASSWORD", "PEOPLE", "TEAM_NAME", "demo_team", "seed_demo"]


def seed_demo() -> bool:
    """Load whatever part of the demo is missing; False when all of it is already there."""
    added_people = _seed_people()
    team, people = demo_team()
    today = local_now().date()
    added_meetings = seed_meetings(team, people, today)
    added_handoff = seed_handoff(team, people, today)
    added_tasks = seed_tasks(team, people)
    added_cycles = seed_cycles(team, people, today)
    added_selection = seed_selection(team, people)
    added_lessons = seed_lessons(team, people)
    added_design_meeting = seed_design_meeting(team, people, today)
    added_enactments = seed_enactments(team, people)
    added_debriefs = seed_debriefs(team, people)
    return any(
        (added_people, added_meetings, added_handoff, added_tasks, added_cycles, added_selection)
        + (added_lessons, added_design_meeting, added_enactments, added_debriefs)
    )


def demo_team() -> tuple[Team, dict[str, User]]:
    """The demo team and its people by key ("mentor", "leader", "teacher1", ...)."""
    team = db.session.scalar(sa.select(Team).where(Team.name == TEAM_NAME))
    people = {
        person.key: db.session.scalar(sa.select(User).where(User.email == person.email))
        for person in PEOPLE
    }
    return team, people


def _seed_people() -> bool:
    if db.session.scalar(sa.select(User.id).where(User.email == PEOPLE[0].email)):
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
    for plan in PEOPLE:
        person = User(
            email=plan.email,
            name=plan.name,
            password_hash=password_hash,
            school=schools[plan.school] if plan.school is not None else None,
            is_admin=plan.is_admin,
        )
        db.session.add(person)
        if plan.role:
            db.session.add(Membership(team=team, user=person, role=plan.role))
    db.session.add_all([district, *schools, team])
    db.session.commit()
    return True
