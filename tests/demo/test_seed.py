"""The demo district: six people who can sign in, two schools, one Grade 4 team."""

import sqlalchemy as sa

from app.auth.models import User
from app.demo.seed import DEMO_PASSWORD, TEAM_NAME, seed_demo
from app.extensions import db
from app.teams.models import District, Membership, Role, School, Team

DEMO_LOGINS = [
    "admin@demo.test",
    "mentor@demo.test",
    "leader@demo.test",
    "teacher1@demo.test",
    "teacher2@demo.test",
    "teacher3@demo.test",
]


def counts() -> dict[str, int]:
    db.session.expire_all()
    return {
        model.__name__: db.session.scalar(sa.select(sa.func.count()).select_from(model))
        for model in (User, District, School, Team, Membership)
    }


def test_seed_creates_six_people_who_sign_in_with_the_demo_password(app):
    assert seed_demo() is True
    emails = db.session.scalars(sa.select(User.email)).all()
    assert sorted(emails) == sorted(DEMO_LOGINS)
    for email in DEMO_LOGINS:
        client = app.test_client()
        response = client.post("/sign-in", data={"email": email, "password": DEMO_PASSWORD})
        assert response.status_code == 302, email
        assert client.get("/").status_code == 200, email
    admins = db.session.scalars(sa.select(User.email).where(User.is_admin)).all()
    assert admins == ["admin@demo.test"]


def test_seed_creates_one_district_two_schools_and_the_grade_4_team(app):
    seed_demo()
    assert counts() == {"User": 6, "District": 1, "School": 2, "Team": 1, "Membership": 5}
    team = db.session.scalar(sa.select(Team))
    assert (team.name, team.grade) == (TEAM_NAME, "4")
    assert [u.email for u in team.members_with(Role.mentor)] == ["mentor@demo.test"]
    assert [u.email for u in team.members_with(Role.teacher_leader)] == ["leader@demo.test"]
    assert len(team.members_with(Role.teacher)) == 3
    schools = db.session.scalars(sa.select(School)).all()
    assert {s.district_id for s in schools} == {team.district_id}
    assert {s.name for s in team.schools()} == {s.name for s in schools}
    teachers = team.members_with(Role.teacher)
    assert {t.school_id for t in teachers} == {s.id for s in schools}


def test_demo_team_page_shows_both_schools_to_its_leader(app):
    seed_demo()
    client = app.test_client()
    client.post("/sign-in", data={"email": "leader@demo.test", "password": DEMO_PASSWORD})
    team_id = db.session.scalar(sa.select(Team.id))
    page = client.get(f"/teams/{team_id}").get_data(as_text=True)
    assert "Maple Street Elementary and Riverbend Elementary" in page


def test_seeding_twice_creates_nothing_new():
    assert seed_demo() is True
    before = counts()
    assert seed_demo() is False
    assert counts() == before


def test_seed_demo_command_loads_once_then_reports_nothing_changed(app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    assert "Demo loaded. Sign in as admin@demo.test" in first.output
    assert counts()["User"] == 6
    second = runner.invoke(args=["seed-demo"])
    assert second.exit_code == 0, second.output
    assert "Demo already loaded; nothing changed." in second.output
    assert counts()["User"] == 6
