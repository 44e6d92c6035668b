"""Administration: district, schools, people and teams."""

import html
import re

import pytest
import sqlalchemy as sa

from app.auth.models import User
from app.extensions import db
from app.teams.models import District, Membership, Role, School, Team
from tests import factories
from tests.conftest import TEST_PASSWORD


def field_error(page: str, field_id: str) -> str | None:
    match = re.search(rf'<p class="field-error" id="{field_id}-error">(.*?)</p>', page, re.S)
    return html.unescape(match.group(1)) if match else None


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def fresh(model, id_):
    db.session.expire_all()
    return db.session.get(model, id_)


def school_names() -> list[str]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(School.name).order_by(School.name)))


@pytest.fixture
def admin(client_as):
    return client_as("admin")


# District and schools


def test_admin_adds_a_school(admin, team_world):
    response = admin.post("/admin/schools", data={"name": "  Riverbend Elementary "})
    assert response.headers["Location"] == "/admin/schools"
    page = text(admin.get("/admin/schools"))
    assert "Riverbend Elementary added." in page
    assert "Riverbend Elementary" in school_names()


def test_duplicate_school_name_is_refused_whatever_its_case(admin, team_world):
    response = admin.post("/admin/schools", data={"name": "maple STREET"})
    assert response.status_code == 422
    assert field_error(text(response), "name") == "There is already a school with this name."
    assert school_names() == ["Maple Street"]


def test_school_needs_a_name(admin, team_world):
    response = admin.post("/admin/schools", data={"name": "   "})
    assert response.status_code == 422
    assert field_error(text(response), "name") == "Enter the school's name."


def test_admin_renames_a_school(admin, team_world):
    school_id = team_world.leader.school_id
    assert "Maple Street" in text(admin.get(f"/admin/schools/{school_id}/edit"))
    response = admin.post(f"/admin/schools/{school_id}", data={"name": "Maple Street Elementary"})
    assert response.headers["Location"] == "/admin/schools"
    assert school_names() == ["Maple Street Elementary"]


def test_school_may_keep_its_own_name_but_not_take_another(admin, team_world):
    school_id = team_world.leader.school_id
    url = f"/admin/schools/{school_id}"
    factories.make_school("Riverbend")
    assert admin.post(url, data={"name": "Maple Street"}).status_code == 302
    response = admin.post(url, data={"name": "Riverbend"})
    assert response.status_code == 422
    assert field_error(text(response), "name") == "There is already a school with this name."
    assert fresh(School, school_id).name == "Maple Street"


def test_admin_renames_the_district(admin, team_world):
    response = admin.post("/admin/district", data={"district-name": "Lakeview Unified"})
    assert response.headers["Location"] == "/admin/schools"
    assert "Schools in Lakeview Unified" in text(admin.get("/admin/schools"))
    assert fresh(District, team_world.team.district_id).name == "Lakeview Unified"


def test_district_needs_a_name(admin, team_world):
    response = admin.post("/admin/district", data={"district-name": ""})
    assert response.status_code == 422
    assert field_error(text(response), "district-name") == "Enter the district's name."


# People


def person_form(person: User, **changes) -> dict:
    data = {"name": person.name, "school_id": str(person.school_id or "")}
    if person.is_admin:
        data["is_admin"] = "y"
    if person.active:
        data["active"] = "y"
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_admin_edits_a_person(admin, team_world):
    teacher = team_world.teacher
    assert "Priya Teacher" in text(admin.get(f"/admin/people/{teacher.id}/edit"))
    response = admin.post(
        f"/admin/people/{teacher.id}",
        data=person_form(teacher, name="Priya Natarajan", school_id="", is_admin="y"),
    )
    assert response.headers["Location"] == "/admin/people"
    saved = fresh(User, teacher.id)
    assert (saved.name, saved.school_id, saved.is_admin) == ("Priya Natarajan", None, True)


def test_admin_cannot_remove_their_own_admin_role(admin, team_world):
    me = team_world.admin
    response = admin.post(f"/admin/people/{me.id}", data=person_form(me, is_admin=None))
    assert response.status_code == 422
    assert field_error(text(response), "is_admin") == (
        "You cannot remove your own administrator role."
    )
    assert fresh(User, me.id).is_admin


def test_admin_cannot_deactivate_themselves(admin, team_world):
    me = team_world.admin
    response = admin.post(f"/admin/people/{me.id}", data=person_form(me, active=None))
    assert response.status_code == 422
    assert field_error(text(response), "active") == "You cannot deactivate your own account."
    assert fresh(User, me.id).active


def test_deactivating_someone_signs_them_out_and_keeps_them_out(admin, client_as, team_world):
    teacher_client = client_as("teacher")
    assert teacher_client.get("/").status_code == 200
    teacher = team_world.teacher
    response = admin.post(f"/admin/people/{teacher.id}", data=person_form(teacher, active=None))
    assert response.status_code == 302
    assert teacher_client.get("/").headers["Location"].startswith("/sign-in")
    again = teacher_client.post(
        "/sign-in", data={"email": teacher.email, "password": TEST_PASSWORD}
    )
    assert again.status_code == 422
    assert "deactivated" in text(again)


def test_person_form_refuses_a_school_that_is_not_listed(admin, team_world):
    teacher = team_world.teacher
    for bogus in ("abc", "99999"):
        response = admin.post(
            f"/admin/people/{teacher.id}", data=person_form(teacher, school_id=bogus)
        )
        assert response.status_code == 422
        assert field_error(text(response), "school_id")
    assert fresh(User, teacher.id).school_id == teacher.school_id


def test_person_needs_a_name(admin, team_world):
    teacher = team_world.teacher
    response = admin.post(f"/admin/people/{teacher.id}", data=person_form(teacher, name=" "))
    assert response.status_code == 422
    assert field_error(text(response), "name") == "Enter a name."


# Teams


def test_admin_creates_a_team_and_lands_on_its_members(admin, team_world):
    response = admin.post(
        "/admin/teams/", data={"name": "Grade 5 Team", "grade": "5", "description": " Fifth "}
    )
    team = db.session.scalar(sa.select(Team).where(Team.name == "Grade 5 Team"))
    assert response.headers["Location"] == f"/admin/teams/{team.id}/edit"
    assert (team.grade, team.description) == ("5", "Fifth")
    assert "Grade 5 Team created. Now add its members." in text(
        admin.get(response.headers["Location"])
    )


def test_team_needs_a_name(admin, team_world):
    response = admin.post("/admin/teams/", data={"name": "", "grade": "5"})
    assert response.status_code == 422
    assert field_error(text(response), "name") == "Give the team a name."
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Team)) == 2


@pytest.mark.parametrize("grade", ["9", "13", "", "kindergarten"])
def test_team_grade_must_be_one_of_the_choices(admin, team_world, grade):
    response = admin.post("/admin/teams/", data={"name": "Odd Team", "grade": grade})
    assert response.status_code == 422
    assert field_error(text(response), "grade")
    assert db.session.scalar(sa.select(Team).where(Team.name == "Odd Team")) is None


def test_admin_updates_a_team(admin, team_world):
    team_id = team_world.team.id
    response = admin.post(f"/admin/teams/{team_id}", data={"name": "Fourth Grade", "grade": "K"})
    assert response.headers["Location"] == f"/admin/teams/{team_id}/edit"
    saved = fresh(Team, team_id)
    assert (saved.name, saved.grade) == ("Fourth Grade", "K")


def test_invalid_team_update_keeps_the_old_details(admin, team_world):
    team_id = team_world.team.id
    response = admin.post(f"/admin/teams/{team_id}", data={"name": "", "grade": "4"})
    assert response.status_code == 422
    assert field_error(text(response), "name") == "Give the team a name."
    assert fresh(Team, team_id).name == "Grade 4 Team"


def role_of(team: Team, user: User) -> Role | None:
    db.session.expire_all()
    return db.session.scalar(
        sa.select(Membership.role).where(
            Membership.team_id == team.id, Membership.user_id == user.id
        )
    )


def test_admin_adds_a_member_with_a_role(admin, team_world):
    team, outsider = team_world.team, team_world.outsider
    edit_page = text(admin.get(f"/admin/teams/{team.id}/edit?q=otto"))
    assert f'name="user_id" value="{outsider.id}"' in edit_page
    response = admin.post(
        f"/admin/teams/{team.id}/members",
        data={"user_id": str(outsider.id), "role": "teacher_leader"},
    )
    assert response.headers["Location"] == f"/admin/teams/{team.id}/edit"
    assert role_of(team, outsider) == Role.teacher_leader
    assert role_of(team_world.other_team, outsider) == Role.teacher


def test_adding_a_member_refuses_people_who_are_not_offered(admin, team_world):
    team = team_world.team
    gone = factories.make_user(active=False)
    for user_id in ("abc", "", "99999", str(gone.id), str(team_world.teacher.id)):
        response = admin.post(
            f"/admin/teams/{team.id}/members", data={"user_id": user_id, "role": "teacher"}
        )
        assert response.status_code == 422, user_id
        assert field_error(text(response), "user_id"), user_id
    assert role_of(team, gone) is None
    assert role_of(team, team_world.teacher) == Role.teacher


def test_adding_a_member_refuses_an_unknown_role(admin, team_world):
    team, outsider = team_world.team, team_world.outsider
    response = admin.post(
        f"/admin/teams/{team.id}/members", data={"user_id": str(outsider.id), "role": "boss"}
    )
    assert response.status_code == 422
    assert field_error(text(response), "role")
    assert role_of(team, outsider) is None


def membership_of(team: Team, user: User) -> Membership:
    return db.session.scalar(
        sa.select(Membership).where(Membership.team_id == team.id, Membership.user_id == user.id)
    )


def test_admin_changes_a_members_role(admin, team_world):
    team, teacher = team_world.team, team_world.teacher
    membership = membership_of(team, teacher)
    response = admin.post(
        f"/admin/teams/{team.id}/members/{membership.id}", data={"role": "teacher_leader"}
    )
    assert response.headers["Location"] == f"/admin/teams/{team.id}/edit"
    assert "Priya Teacher is now teacher leader." in text(admin.get(f"/admin/teams/{team.id}/edit"))
    assert role_of(team, teacher) == Role.teacher_leader


@pytest.mark.parametrize("role", ["boss", "", "Teacher"])
def test_bogus_role_change_is_explained_and_changes_nothing(admin, team_world, role):
    team, teacher = team_world.team, team_world.teacher
    membership = membership_of(team, teacher)
    response = admin.post(f"/admin/teams/{team.id}/members/{membership.id}", data={"role": role})
    assert response.status_code == 302
    assert "Choose one of the listed roles." in text(admin.get(response.headers["Location"]))
    assert role_of(team, teacher) == Role.teacher


def test_admin_removes_a_member(admin, team_world):
    team, teacher = team_world.team, team_world.teacher
    membership = membership_of(team, teacher)
    response = admin.post(f"/admin/teams/{team.id}/members/{membership.id}/delete")
    assert response.status_code == 302
    assert "Priya Teacher left the team." in text(admin.get(response.headers["Location"]))
    assert role_of(team, teacher) is None
    assert fresh(User, teacher.id) is not None


def test_membership_of_another_team_is_not_found(admin, team_world):
    team, outsider = team_world.team, team_world.outsider
    theirs = membership_of(team_world.other_team, outsider)
    update = admin.post(f"/admin/teams/{team.id}/members/{theirs.id}", data={"role": "mentor"})
    delete = admin.post(f"/admin/teams/{team.id}/members/{theirs.id}/delete")
    assert (update.status_code, delete.status_code) == (404, 404)
    assert role_of(team_world.other_team, outsider) == Role.teacher


def test_unknown_team_or_membership_is_not_found(admin, team_world):
    members = f"/admin/teams/{team_world.team.id}/members"
    assert admin.get("/admin/teams/999/edit").status_code == 404
    assert admin.post("/admin/teams/999", data={"name": "X", "grade": "4"}).status_code == 404
    assert admin.post(f"{members}/999", data={"role": "mentor"}).status_code == 404
    assert admin.post(f"{members}/999/delete").status_code == 404


def test_admin_pages_list_people_and_teams(admin, team_world):
    people = text(admin.get("/admin/people"))
    assert "Otto Outsider" in people
    assert "Grade 2 Team (teacher)" in people
    teams = text(admin.get("/admin/teams/"))
    assert "Grade 4 Team" in teams and "Grade 2 Team" in teams
    assert admin.get("/admin/").headers["Location"] == "/admin/people"
