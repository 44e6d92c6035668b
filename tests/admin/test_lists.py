"""Administration lists stay bounded as the district grows: pages, searches, SQL counts."""

import re
import uuid

import pytest
import sqlalchemy as sa

from app.auth.models import User
from app.extensions import db
from app.teams.models import Membership, Role, Team
from tests import factories
from tests.admin.test_routes import field_error, text


@pytest.fixture
def admin(client_as):
    return client_as("admin")


def crowd(world, people: int, teams: int = 0, prefix: str = "Crowd") -> list[User]:
    """`people` more people at one school, each on world.other_team, and `teams` more teams
    with two of them on each; added in bulk."""
    school = factories.make_school(f"{prefix} School {uuid.uuid4().hex[:6]}", world.team.district)
    added = [
        User(
            email=f"{prefix.lower()}{i}-{uuid.uuid4().hex[:6]}@example.org",
            name=f"{prefix} {i:03d}",
            password_hash="x",
            school=school,
        )
        for i in range(people)
    ]
    db.session.add_all(added)
    db.session.add_all(Membership(team=world.other_team, user=p, role=Role.teacher) for p in added)
    for t in range(teams):
        team = Team(name=f"{prefix} team {t:03d}", grade="3", district=world.team.district)
        db.session.add(team)
        for person in added[2 * t : 2 * t + 2]:
            db.session.add(Membership(team=team, user=person, role=Role.teacher))
    db.session.commit()
    return added


def rows(page: str) -> int:
    body = page[page.index('id="everyone"') :] if 'id="everyone"' in page else page
    return max(body.count("<tr") - 1, 0)


def statements(client, url, count_statements) -> int:
    client.get(url)  # the first visit warms the session
    with count_statements() as counter:
        assert client.get(url).status_code == 200
    return counter.count


# People


def test_people_are_shown_fifty_at_a_time_with_the_next_page_a_link_away(admin, team_world):
    crowd(team_world, 60)
    first = text(admin.get("/admin/people"))
    assert rows(first) == 50
    assert "1–50 of 65" in first and 'href="/admin/people?page=2"' in first
    second = text(admin.get("/admin/people?page=2"))
    assert rows(second) == 15 and "Crowd 059" in second and "Crowd 000" not in second
    assert 'href="/admin/people?page=1"' in second and "Next page" not in second


@pytest.mark.parametrize("page", ["0", "-1", "abc", "", "٣", "²", "9" * 40, "2\x00", "1.5"])
def test_a_page_number_that_is_no_page_number_shows_the_first_page(admin, team_world, page):
    response = admin.get("/admin/people", query_string={"page": page})
    assert response.status_code == 200
    assert "Ana Mentor" in text(response)


def test_a_page_past_the_end_shows_the_last_page(admin, team_world):
    crowd(team_world, 60)
    page = text(admin.get("/admin/people?page=999"))
    assert "51–65 of 65" in page and rows(page) == 15


def test_people_search_finds_by_name_or_email_whatever_the_case(admin, team_world):
    crowd(team_world, 60)
    by_name = text(admin.get("/admin/people?q=pRIYA"))
    assert "Priya Teacher" in by_name and rows(by_name) == 1
    by_email = text(admin.get("/admin/people?q=outsider@EXAMPLE"))
    assert "Otto Outsider" in by_email and rows(by_email) == 1
    assert 'value="outsider@EXAMPLE"' in by_email


def test_people_search_pages_keep_the_search(admin, team_world):
    crowd(team_world, 60)
    page = text(admin.get("/admin/people?q=crowd"))
    assert "1–50 of 60" in page and 'href="/admin/people?q=crowd&page=2"' in page


@pytest.mark.parametrize("search", ["%", "_", "nobody here", "é" * 500, "'; drop"])
def test_people_search_with_odd_text_answers_plainly(admin, team_world, search):
    response = admin.get("/admin/people", query_string={"q": search})
    assert response.status_code == 200
    assert rows(text(response)) == 0
    assert "Nobody's name or email contains" in text(response)


def test_people_search_ignores_characters_no_database_holds(admin, team_world):
    page = text(admin.get("/admin/people", query_string={"q": "pri\x00ya"}))
    assert "Priya Teacher" in page and rows(page) == 1


def test_people_page_shows_memberships_and_schools(admin, team_world):
    page = text(admin.get("/admin/people?q=priya"))
    assert "Grade 4 Team (teacher)" in page and "Maple Street" in page


def test_people_page_runs_the_same_statements_for_a_few_or_many_people(
    admin, team_world, count_statements
):
    invited = admin.post("/admin/invites", data={"email": "new@example.org", "role": "teacher"})
    assert invited.status_code == 302, "the invitations list is not empty either"
    few = statements(admin, "/admin/people", count_statements)
    crowd(team_world, 120, teams=10)
    admin.post("/admin/invites", data={"email": "newer@example.org", "role": "teacher"})
    many = statements(admin, "/admin/people", count_statements)
    assert many == few
    assert statements(admin, "/admin/people?q=crowd&page=2", count_statements) == few


# Teams


def test_teams_are_paged_with_member_counts_and_schools(admin, team_world):
    crowd(team_world, 120, teams=55)
    first = text(admin.get("/admin/teams/"))
    assert first.count("<tr") - 1 == 50 and "1–50 of 57" in first
    second = text(admin.get("/admin/teams/?page=2"))
    assert second.count("<tr") - 1 == 7
    team_row = re.search(r"Grade 4 Team</a></td>\s*<td>Grade 4</td>\s*<td>(\d+)</td>", second)
    assert team_row and team_row.group(1) == "3"
    crowd_row = re.search(r"Crowd team 000</a></td>\s*<td>Grade 3</td>\s*<td>(\d+)</td>", first)
    assert crowd_row and crowd_row.group(1) == "2"
    assert "Maple Street" in second


def test_teams_page_runs_the_same_statements_for_a_few_or_many_teams(
    admin, team_world, count_statements
):
    few = statements(admin, "/admin/teams/", count_statements)
    crowd(team_world, 120, teams=55)
    assert statements(admin, "/admin/teams/", count_statements) == few
    assert statements(admin, "/admin/teams/?page=2", count_statements) == few


# Team edit: the member search


def test_member_search_offers_at_most_twenty_people_not_on_the_team(admin, team_world):
    crowd(team_world, 30)
    page = text(admin.get(f"/admin/teams/{team_world.team.id}/edit?q=crowd"))
    assert page.count('name="user_id"') == 20
    assert "Only the first 20 matches are shown" in page
    assert "Crowd 000" in page and "Crowd 020" not in page


def test_member_search_leaves_out_members_and_deactivated_people(admin, team_world):
    factories.make_user(name="Gone Person", active=False)
    page = text(admin.get(f"/admin/teams/{team_world.team.id}/edit?q=e"))
    assert "Otto Outsider" in page
    offered = page[page.index("People found") :]
    assert "Priya Teacher" not in offered and "Gone Person" not in offered


def test_member_search_with_no_match_says_so(admin, team_world):
    page = text(admin.get(f"/admin/teams/{team_world.team.id}/edit?q=zzz"))
    assert 'name="user_id"' not in page
    assert "who is not on this team matches “zzz”" in page


def test_team_edit_offers_nobody_before_a_search(admin, team_world):
    page = text(admin.get(f"/admin/teams/{team_world.team.id}/edit"))
    assert 'name="user_id"' not in page and "Otto Outsider" not in page


def test_admin_adds_a_person_found_by_the_search(admin, team_world):
    team, outsider = team_world.team, team_world.outsider
    page = text(admin.get(f"/admin/teams/{team.id}/edit?q=otto"))
    assert f'name="user_id" value="{outsider.id}"' in page
    response = admin.post(
        f"/admin/teams/{team.id}/members",
        data={"user_id": str(outsider.id), "role": "teacher", "q": "otto"},
    )
    assert response.status_code == 302
    role = db.session.scalar(
        sa.select(Membership.role).where(
            Membership.team_id == team.id, Membership.user_id == outsider.id
        )
    )
    assert role == Role.teacher


def test_a_refused_add_keeps_the_search_results(admin, team_world):
    team = team_world.team
    response = admin.post(
        f"/admin/teams/{team.id}/members",
        data={"user_id": str(team_world.teacher.id), "role": "teacher", "q": "otto"},
    )
    assert response.status_code == 422
    page = text(response)
    assert "not on this team yet" in field_error(page, "user_id")
    assert "Otto Outsider" in page and 'value="otto"' in page


def test_team_edit_runs_the_same_statements_for_a_few_or_many_people(
    admin, team_world, count_statements
):
    url = f"/admin/teams/{team_world.team.id}/edit"
    few = statements(admin, url, count_statements)
    few_found = statements(admin, url + "?q=o", count_statements)
    people = crowd(team_world, 120, teams=10)
    for person in people[:20]:
        db.session.add(Membership(team=team_world.team, user=person, role=Role.teacher))
    db.session.commit()
    assert statements(admin, url, count_statements) == few
    assert statements(admin, url + "?q=o", count_statements) == few_found


def test_pending_invitations_are_paged_apart_from_the_people(admin, team_world):
    for i in range(23):
        response = admin.post(
            "/admin/invites", data={"email": f"invitee{i:02d}@example.org", "role": "teacher"}
        )
        assert response.status_code == 302
    first = text(admin.get("/admin/people"))
    assert first.count("<td>invitee") == 20 and "invitee22@example.org" in first
    assert 'href="/admin/people?invites_page=2"' in first
    second = text(admin.get("/admin/people?invites_page=2&page=1"))
    assert "invitee00@example.org" in second and "invitee03@example.org" not in second
    assert "Ana Mentor" in second, "the people's page stays where it was"
