"""Signing in and out, passwords, invitations, CSRF and the signed-out htmx answer."""

import html
import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa

from app.auth import invitations, services
from app.auth.models import Invite, User
from app.extensions import db
from app.timeutil import utcnow
from tests import factories
from tests.conftest import TEST_PASSWORD, Auth

NO_MATCH = "That email and password do not match an account."
NEW_PASSWORD = "a brand new passphrase"


def field_error(page: str, field_id: str) -> str | None:
    match = re.search(rf'<p class="field-error" id="{field_id}-error">(.*?)</p>', page, re.S)
    return html.unescape(match.group(1)) if match else None


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def signed_in(client) -> bool:
    return client.get("/").status_code == 200


def sign_in(client, email: str, password: str = TEST_PASSWORD, **extra):
    return client.post("/sign-in", data={"email": email, "password": password, **extra})


# Signing in


def test_member_signs_in_with_the_right_password(client, team_world):
    response = sign_in(client, team_world.teacher.email)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert "Good to see you, Priya" in text(client.get("/"))


def test_sign_in_ignores_case_and_spaces_in_the_email(client, team_world):
    assert sign_in(client, "  Teacher@Example.ORG ").status_code == 302
    assert signed_in(client)


def test_wrong_password_is_refused_with_a_message_on_the_form(client, team_world):
    response = sign_in(client, team_world.teacher.email, "not the password")
    assert response.status_code == 422
    assert field_error(text(response), "password") == NO_MATCH
    assert 'value="teacher@example.org"' in text(response)
    assert not signed_in(client)


def test_unknown_email_gets_the_same_message_as_a_wrong_password(client, team_world):
    response = sign_in(client, "nobody@example.org")
    assert response.status_code == 422
    assert field_error(text(response), "password") == NO_MATCH


def test_empty_sign_in_form_asks_for_both_fields(client):
    response = client.post("/sign-in", data={"email": "", "password": ""})
    assert response.status_code == 422
    page = text(response)
    assert field_error(page, "email") == "Enter your email address."
    assert field_error(page, "password") == "Enter your password."


def test_malformed_email_is_explained(client):
    response = sign_in(client, "not-an-email")
    assert response.status_code == 422
    assert field_error(text(response), "email") == "Enter an email address like name@school.org."


@pytest.mark.parametrize(
    ("email", "password", "field"),
    [
        ("a" * 300 + "@example.org", TEST_PASSWORD, "email"),
        ("teacher@example.org", "p" * 100_000, "password"),
    ],
    ids=["email", "password"],
)
def test_oversized_sign_in_fields_get_a_message_not_an_error(
    client, team_world, email, password, field
):
    response = sign_in(client, email, password)
    assert response.status_code == 422
    assert "longer than" in field_error(text(response), field)


def test_deactivated_account_is_refused(client):
    person = factories.make_user(active=False)
    response = sign_in(client, person.email)
    assert response.status_code == 422
    assert "deactivated" in field_error(text(response), "password")
    assert not signed_in(client)


def test_remember_me_sets_the_remember_cookie(client, team_world):
    sign_in(client, team_world.teacher.email, remember="y")
    assert client.get_cookie("remember_token") is not None


def test_without_remember_me_there_is_no_remember_cookie(client, team_world):
    sign_in(client, team_world.teacher.email)
    assert client.get_cookie("remember_token") is None


def test_remember_cookie_alone_keeps_the_person_signed_in(app, client, team_world):
    sign_in(client, team_world.teacher.email, remember="y")
    client.delete_cookie("session")
    assert signed_in(client)


def test_sign_in_returns_to_the_page_asked_for(client, team_world):
    target = f"/teams/{team_world.team.id}"
    response = client.get(target)
    assert response.headers["Location"] == f"/sign-in?next=/teams/{team_world.team.id}"
    response = client.post(
        "/sign-in",
        query_string={"next": target},
        data={"email": team_world.teacher.email, "password": TEST_PASSWORD},
    )
    assert response.headers["Location"] == target


@pytest.mark.parametrize(
    "target",
    ["//evil.example", "//evil.example/teams/1", "https://evil.example/", "/\t/evil.example"],
)
def test_sign_in_never_redirects_to_another_site(client, team_world, target):
    response = client.post(
        "/sign-in",
        query_string={"next": target},
        data={"email": team_world.teacher.email, "password": TEST_PASSWORD},
    )
    location = response.headers["Location"]
    assert urlsplit(location).netloc == ""
    assert not location.startswith("//")
    assert "evil.example" not in location.replace("%5C", "")


def test_signed_in_person_visiting_sign_in_goes_to_the_dashboard(client_as):
    response = client_as("teacher").get("/sign-in")
    assert response.headers["Location"] == "/"


# Signing out


def test_sign_out_requires_post(client_as):
    client = client_as("teacher")
    assert client.get("/sign-out").status_code == 405
    assert signed_in(client)


def test_sign_out_ends_the_session(client_as):
    client = client_as("teacher")
    response = client.post("/sign-out")
    assert response.headers["Location"] == "/sign-in"
    assert not signed_in(client)


# Changing the password


def change_password(client, current=TEST_PASSWORD, new=NEW_PASSWORD, confirm=None):
    return client.post(
        "/account/password",
        data={"current_password": current, "password": new, "confirm": confirm or new},
    )


def test_change_password_refuses_a_wrong_current_password(client_as):
    response = change_password(client_as("teacher"), current="not my password")
    assert response.status_code == 422
    assert field_error(text(response), "current_password") == "That is not your current password."


def test_change_password_refuses_a_mismatched_repeat(client_as):
    response = change_password(client_as("teacher"), confirm="something else entirely")
    assert response.status_code == 422
    assert field_error(text(response), "confirm") == "The two passwords do not match."


def test_change_password_refuses_a_short_password(client_as):
    response = change_password(client_as("teacher"), new="short")
    assert response.status_code == 422
    assert field_error(text(response), "password") == "Use between 10 and 200 characters."


def test_change_password_signs_out_other_sessions_but_not_this_one(app, team_world):
    here, elsewhere, remembered = app.test_client(), app.test_client(), app.test_client()
    for client, extra in ((here, {}), (elsewhere, {}), (remembered, {"remember": "y"})):
        sign_in(client, team_world.teacher.email, **extra)
        assert signed_in(client)
    response = change_password(here)
    assert response.headers["Location"] == "/"
    assert "Other devices have been signed out" in text(here.get("/"))
    assert signed_in(here)
    assert not signed_in(elsewhere)
    assert not signed_in(remembered)


def test_new_password_replaces_the_old_one(client, client_as, team_world):
    change_password(client_as("teacher"))
    assert sign_in(client, team_world.teacher.email).status_code == 422
    assert sign_in(client, team_world.teacher.email, NEW_PASSWORD).status_code == 302


def test_change_password_page_needs_a_signed_in_person(client):
    assert client.get("/account/password").headers["Location"].startswith("/sign-in")


def test_password_is_rehashed_on_sign_in_when_argon2_settings_change(app, client, team_world):
    before = team_world.teacher.password_hash
    sign_in(client, team_world.teacher.email)
    db.session.refresh(team_world.teacher)
    assert team_world.teacher.password_hash == before
    original = app.config["ARGON2_TIME_COST"]
    app.config["ARGON2_TIME_COST"] = original + 1
    try:
        Auth(client).logout()
        assert sign_in(client, team_world.teacher.email).status_code == 302
        db.session.refresh(team_world.teacher)
        assert f"t={original + 1}," in team_world.teacher.password_hash
        Auth(client).logout()
        assert sign_in(client, team_world.teacher.email).status_code == 302
    finally:
        app.config["ARGON2_TIME_COST"] = original


# Invitations


def create_invite(admin_client, email: str = "newcomer@example.org", **fields):
    return admin_client.post(
        "/admin/invites", data={"email": email, "name": "", "school_id": "", **fields}
    )


def invite_path(admin_client, email: str = "newcomer@example.org") -> str:
    response = create_invite(admin_client, email)
    assert response.status_code == 302
    page = admin_client.get(response.headers["Location"]).get_data(as_text=True)
    link = re.search(r'id="invite-link"[^>]*value="([^"]+)"', page).group(1)
    return urlsplit(html.unescape(link)).path


def accept(client, path: str, name="Nora Newcomer", password=NEW_PASSWORD, confirm=None):
    return client.post(
        path, data={"name": name, "password": password, "confirm": confirm or password}
    )


def the_invite(email: str = "newcomer@example.org") -> Invite:
    db.session.expire_all()
    return db.session.scalar(sa.select(Invite).where(Invite.email == email))


def accounts_for(email: str) -> int:
    return db.session.scalar(sa.select(sa.func.count()).where(User.email == email))


def test_invitation_link_creates_an_account_once(client, client_as, team_world):
    path = invite_path(client_as("admin"))
    page = client.get(path)
    assert page.status_code == 200
    assert "newcomer@example.org" in text(page)
    response = accept(client, path)
    assert response.headers["Location"] == "/"
    assert "Welcome to Tandem, Nora." in text(client.get("/"))
    assert accounts_for("newcomer@example.org") == 1
    assert the_invite().status == "accepted"


def test_invited_school_and_admin_role_carry_over(client, client_as, team_world):
    admin = client_as("admin")
    school_id = team_world.leader.school_id
    create_invite(admin, school_id=str(school_id), is_admin="y")
    token = invitations.invite_token(the_invite())
    accept(client, f"/invites/{token}")
    person = services.user_by_email("newcomer@example.org")
    assert (person.school_id, person.is_admin) == (school_id, True)


def test_used_invitation_says_so_and_makes_no_second_account(app, client, client_as):
    path = invite_path(client_as("admin"))
    accept(client, path)
    other = app.test_client()
    assert "This invitation has been used" in text(other.get(path))
    response = accept(other, path, name="Someone Else")
    assert response.status_code == 410
    assert accounts_for("newcomer@example.org") == 1
    assert not signed_in(other)


@pytest.mark.parametrize(
    ("data", "messages"),
    [
        (
            {"name": "", "password": "", "confirm": ""},
            {
                "name": "Enter a name.",
                "password": "Choose a password.",
                "confirm": "Type the password again.",
            },
        ),
        (
            {"name": "Nora", "password": "short", "confirm": "short"},
            {"password": "Use between 10 and 200 characters."},
        ),
        (
            {"name": "Nora", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD + "!"},
            {"confirm": "The two passwords do not match."},
        ),
    ],
    ids=["empty", "short", "mismatched"],
)
def test_accepting_an_invitation_explains_what_is_wrong(client, client_as, data, messages):
    path = invite_path(client_as("admin"))
    response = client.post(path, data=data)
    assert response.status_code == 422
    page = text(response)
    for field, message in messages.items():
        assert field_error(page, field) == message
    assert accounts_for("newcomer@example.org") == 0
    assert the_invite().status == "pending"


def test_expired_invitation_says_so_and_refuses_the_form(client, client_as):
    path = invite_path(client_as("admin"))
    invite = the_invite()
    invite.expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    assert "This invitation has expired" in text(client.get(path))
    assert accept(client, path).status_code == 410
    assert accounts_for("newcomer@example.org") == 0


def test_revoked_invitation_says_so_and_refuses_the_form(client, client_as):
    admin = client_as("admin")
    path = invite_path(admin)
    assert admin.post(f"/admin/invites/{the_invite().id}/revoke").status_code == 302
    assert "This invitation was withdrawn" in text(client.get(path))
    assert accept(client, path).status_code == 410
    assert accounts_for("newcomer@example.org") == 0
    page = text(admin.get(f"/admin/invites/{the_invite().id}"))
    assert "This invitation is revoked; its link no longer works." in page


def test_invite_page_hides_the_link_once_it_is_used(client, client_as):
    admin = client_as("admin")
    path = invite_path(admin)
    accept(client, path)
    page = text(admin.get(f"/admin/invites/{the_invite().id}"))
    assert "This invitation is accepted; its link no longer works." in page
    assert path not in page


def test_forged_invitation_token_is_not_found(client):
    assert client.get("/invites/not-a-real-token").status_code == 404
    assert accept(client, "/invites/not-a-real-token").status_code == 404


def test_tampered_invitation_token_is_not_found(client, client_as):
    path = invite_path(client_as("admin"))
    token = path.removeprefix("/invites/")
    tampered = ("B" if token[0] != "B" else "C") + token[1:]
    assert client.get(f"/invites/{tampered}").status_code == 404
    assert accept(client, f"/invites/{tampered}").status_code == 404
    assert accounts_for("newcomer@example.org") == 0


def test_well_signed_token_with_a_stale_nonce_is_gone(client, client_as):
    invite_path(client_as("admin"))
    stale = invitations._serializer().dumps([the_invite().id, "an-old-nonce"])
    assert client.get(f"/invites/{stale}").status_code == 410


def test_inviting_an_existing_account_is_refused_on_the_email_field(client_as, team_world):
    response = create_invite(client_as("admin"), "  Teacher@Example.org")
    assert response.status_code == 422
    assert field_error(text(response), "email") == "Someone with this email already has an account."
    assert the_invite("teacher@example.org") is None


def test_accepting_after_an_account_appeared_meanwhile_is_refused(client, client_as):
    path = invite_path(client_as("admin"))
    factories.make_user("newcomer@example.org")
    response = accept(client, path)
    assert response.status_code == 422
    assert "An account for newcomer@example.org already exists" in text(response)
    assert accounts_for("newcomer@example.org") == 1


# CSRF and htmx


def csrf_token(client) -> str:
    page = client.get("/sign-in").get_data(as_text=True)
    return re.search(r'data-csrf-token="([^"]+)"', page).group(1)


def test_post_without_csrf_token_gets_a_reload_message(app, client, team_world):
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        response = sign_in(client, team_world.teacher.email)
        assert response.status_code == 400
        page = text(response)
        assert "This page was open too long to save safely" in page
        assert "Reload the page" in page
        assert not signed_in(client)
    finally:
        app.config["WTF_CSRF_ENABLED"] = False


def test_csrf_token_in_the_htmx_header_is_accepted(app, client, team_world):
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        token = csrf_token(client)
        response = client.post(
            "/sign-in",
            data={"email": team_world.teacher.email, "password": TEST_PASSWORD},
            headers={"X-CSRFToken": token, "HX-Request": "true"},
        )
        assert response.status_code == 302
        assert signed_in(client)
        wrong = client.post("/sign-out", headers={"X-CSRFToken": token + "x"})
        assert wrong.status_code == 400
        assert client.post("/sign-out", headers={"X-CSRFToken": token}).status_code == 302
    finally:
        app.config["WTF_CSRF_ENABLED"] = False


@pytest.mark.parametrize(
    "headers",
    [{"HX-Request": "true"}, {"HX-Request": "true", "HX-Boosted": "true"}],
    ids=["swap", "boosted"],
)
def test_htmx_request_when_signed_out_is_redirected_by_htmx(client, team_world, headers):
    response = client.get(f"/teams/{team_world.team.id}", headers=headers)
    assert response.status_code == 401
    assert response.headers["HX-Redirect"] == f"/sign-in?next=/teams/{team_world.team.id}"


@pytest.mark.parametrize(
    "path",
    [
        "/teams/abc",
        "/teams/0",
        "/teams/-1",
        "/teams/1.5",
        "/teams/99999999999999999999",
        "/teams/2147483648",
        "/teams/2147483647",
        "/admin/teams/99999999999999999999/edit",
        "/admin/people/0/edit",
        "/admin/schools/abc/edit",
        "/admin/invites/99999999999999999999",
    ],
)
def test_malformed_or_huge_ids_are_not_found(client_as, path):
    assert client_as("admin").get(path).status_code == 404


def test_a_second_invitation_to_a_waiting_email_is_refused(client_as):
    admin = client_as("admin")
    assert create_invite(admin, "twice@example.org").status_code == 302

    response = create_invite(admin, "Twice@Example.org")

    assert response.status_code == 422
    assert field_error(text(response), "email") == (
        "This email already has an invitation waiting: find its link under People."
    )
