"""The team page: who is on the team, in which role, from which school."""

import html
import re

from app.extensions import db
from app.teams.models import Membership, Role
from tests import factories


def member_rows(page: str) -> list[tuple[str, str, str]]:
    """(name, role, school) for each row of the members table, in page order."""
    body = page.split('<h2 id="members">', 1)[1]
    rows = re.findall(
        r"<tr>\s*<td>(.*?)</td>\s*<td><span[^>]*>(.*?)</span></td>\s*<td>(.*?)</td>", body, re.S
    )
    return [tuple(html.unescape(cell).strip() for cell in row) for row in rows]


def test_team_page_lists_members_grouped_by_role_with_their_schools(client_as, team_world):
    riverbend = factories.make_school("Riverbend", team_world.team.district)
    extra = factories.make_user(name="Aaron Early", school=riverbend)
    db.session.add(Membership(team=team_world.team, user=extra, role=Role.teacher))
    db.session.commit()

    page = client_as("teacher").get(f"/teams/{team_world.team.id}").get_data(as_text=True)
    assert member_rows(page) == [
        ("Ana Mentor", "Mentor", "District staff"),
        ("Jordan Leader", "Teacher leader", "Maple Street"),
        ("Aaron Early", "Teacher", "Riverbend"),
        ("Priya Teacher", "Teacher", "Maple Street"),
    ]
    assert "Grade 4 · Maple Street and Riverbend" in html.unescape(page)
    assert "Otto Outsider" not in page


def test_team_page_shows_my_role(client_as, team_world):
    page = client_as("leader").get(f"/teams/{team_world.team.id}").get_data(as_text=True)
    assert re.search(r"You are <span[^>]*>Teacher leader</span> on this team", page)
    assert "Manage members" not in page


def test_admin_who_is_not_a_member_sees_the_team_with_a_manage_link(client_as, team_world):
    page = client_as("admin").get(f"/teams/{team_world.team.id}").get_data(as_text=True)
    assert f'href="/admin/teams/{team_world.team.id}/edit"' in page
    assert "on this team." not in page


def test_non_member_gets_not_found(client_as, team_world):
    response = client_as("outsider").get(f"/teams/{team_world.team.id}")
    assert response.status_code == 404
    assert "Grade 4 Team" not in response.get_data(as_text=True)


def test_person_removed_from_the_team_can_no_longer_open_it(client_as, team_world):
    client = client_as("teacher")
    assert client.get(f"/teams/{team_world.team.id}").status_code == 200
    for membership in list(team_world.team.memberships):
        if membership.user_id == team_world.teacher.id:
            db.session.delete(membership)
    db.session.commit()
    assert client.get(f"/teams/{team_world.team.id}").status_code == 404


def test_team_page_statements_do_not_grow_with_members(
    app, client_as, team_world, count_statements
):
    client = client_as("teacher")
    url = f"/teams/{team_world.team.id}"
    with count_statements() as few:
        assert client.get(url).status_code == 200
    for n in range(15):
        school = factories.make_school(f"School {n}", team_world.team.district)
        person = factories.make_user(school=school)
        db.session.add(Membership(team=team_world.team, user=person, role=Role.teacher))
    db.session.commit()
    with count_statements() as many:
        assert client.get(url).status_code == 200
    assert many.count == few.count, (few.statements, many.statements)
