from app.teams.models import Role
from tests import factories


def test_signed_out_visitor_is_sent_to_sign_in(client):
    response = client.get("/")
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]


def test_dashboard_lists_my_teams_and_role(client_as, team_world):
    page = client_as("leader").get("/").get_data(as_text=True)
    assert "Grade 4 Team" in page
    assert "Teacher leader" in page
    assert "Grade 2 Team" not in page


def test_dashboard_statement_count_does_not_grow_with_teams(app, auth, client, count_statements):
    person = factories.make_user()
    factories.make_team(members={person: Role.teacher})
    auth.login(person)
    with count_statements() as one_team:
        assert client.get("/").status_code == 200
    for _ in range(19):
        colleague = factories.make_user()
        factories.make_team(members={person: Role.teacher, colleague: Role.mentor})
    with count_statements() as twenty_teams:
        page = client.get("/").get_data(as_text=True)
    assert page.count('class="team-card"') == 20
    assert twenty_teams.count == one_team.count, (one_team.statements, twenty_teams.statements)


def test_healthz_answers_when_the_database_does(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok", "broker": "ok"}


def test_large_type_persists_in_this_browser(client_as):
    client = client_as("teacher")
    response = client.post("/display", data={"mode": "large", "next": "/teams/1"})
    assert response.headers["Location"] == "/teams/1"
    assert 'class="page display-large"' in client.get("/").get_data(as_text=True)
    client.post("/display", data={"mode": "normal"})
    assert 'class="page display-normal"' in client.get("/").get_data(as_text=True)


def test_large_type_hides_nothing_in_a_running_meeting(client_as, team_world):
    """The old per-browser projector mode hid the note form; large type only enlarges."""
    meeting = factories.make_meeting(team_world.team, segments=[{"title": "A"}], running=True)
    for role in ("teacher", "leader"):
        client = client_as(role)
        client.post("/display", data={"mode": "large"})
        page = client.get(f"/meetings/{meeting.id}/run").get_data(as_text=True)
        assert 'class="page display-large"' in page
        assert "data-contribution-form" in page
    console = client.get(f"/meetings/{meeting.id}/run/console").get_data(as_text=True)
    assert f"/meetings/{meeting.id}/run/nudges" in console


def test_the_large_type_toggle_sits_in_the_account_menu(client_as):
    page = client_as("teacher").get("/").get_data(as_text=True)
    menu = page[page.index('<details class="account-menu">') : page.index("</details>")]
    assert 'action="/display"' in menu and "Large type" in menu
    assert page.count('action="/display"') == 1


def test_projector_toggle_never_redirects_off_site(client):
    response = client.post("/display", data={"mode": "large", "next": "//evil.example/x"})
    assert response.headers["Location"] == "/"


def test_every_page_sends_a_strict_content_security_policy(client):
    headers = client.get("/sign-in").headers
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_behind_a_trusted_proxy_the_client_address_is_the_forwarded_one():
    from flask import request

    from app import create_app

    app = create_app({"PROXY_HOPS": 1, "SECRET_KEY": "proxy", "TESTING": True})

    @app.get("/_address")
    def address():
        return request.remote_addr or ""

    client = app.test_client()
    answer = client.get("/_address", headers={"X-Forwarded-For": "203.0.113.7"})
    assert answer.get_data(as_text=True) == "203.0.113.7"
