"""Signing out ends the session on the server: saved cookies, remember-me tokens and other
devices stop working when their session is revoked."""

import html
from datetime import timedelta

import pytest
import sqlalchemy as sa

from app import create_app
from app.auth import sessions
from app.auth.models import LoginSession
from app.extensions import db
from tests import factories
from tests.conftest import TEST_PASSWORD, IsolatedClient

CHROME_ON_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0 Safari/537.36"
)


def sign_in(client, user, remember: bool = False, **headers):
    data = {"email": user.email, "password": TEST_PASSWORD}
    if remember:
        data["remember"] = "y"
    response = client.post("/sign-in", data=data, headers=headers)
    assert response.status_code == 302, response.status_code
    return response


def signed_in(client) -> bool:
    response = client.get("/")
    if response.status_code == 302:
        assert response.headers["Location"].startswith("/sign-in")
        return False
    assert response.status_code == 200
    return True


def copy_cookie(source, target, name: str) -> None:
    cookie = source.get_cookie(name)
    assert cookie is not None, f"no {name} cookie"
    target.set_cookie(name, cookie.value, domain=cookie.domain)


def live_sessions(user) -> int:
    return db.session.scalar(
        sa.select(sa.func.count()).where(
            LoginSession.user_id == user.id, LoginSession.revoked_at.is_(None)
        )
    )


@pytest.fixture
def person():
    return factories.make_user("priya@example.org", "Priya Teacher")


def test_a_session_cookie_saved_before_sign_out_does_not_work_after_it(app, person):
    client, thief = app.test_client(), app.test_client()
    sign_in(client, person)
    copy_cookie(client, thief, "session")
    assert signed_in(thief)

    client.post("/sign-out")

    assert not signed_in(thief)
    assert not signed_in(client)


@pytest.fixture
def production_app(app):
    """The same database, served as in production: secure cookies, a fixed secret key."""
    production = create_app(
        {
            "TESTING": True,
            "PRODUCTION": True,
            "SESSION_COOKIE_SECURE": True,
            "REMEMBER_COOKIE_SECURE": True,
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            "SECRET_KEY": "production-secret-key",
            "WTF_CSRF_ENABLED": False,
            "ARGON2_TIME_COST": 1,
            "ARGON2_MEMORY_COST": 1024,
        }
    )
    production.test_client_class = IsolatedClient
    yield production
    with production.app_context():
        db.engine.dispose()


def test_a_saved_cookie_does_not_work_after_sign_out_in_production_mode(production_app, person):
    https = {"base_url": "https://localhost"}
    client = production_app.test_client()
    thief = production_app.test_client()
    assert (
        client.post(
            "/sign-in", data={"email": person.email, "password": TEST_PASSWORD}, **https
        ).status_code
        == 302
    )
    copy_cookie(client, thief, "session")
    assert thief.get("/", **https).status_code == 200

    client.post("/sign-out", **https)

    response = thief.get("/", **https)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in")


def test_a_stolen_remember_me_cookie_stops_working_when_revoked(app, person):
    laptop, thief = app.test_client(), app.test_client()
    sign_in(laptop, person, remember=True)
    copy_cookie(laptop, thief, "remember_token")
    assert signed_in(thief), "the remember-me cookie alone signs in"

    laptop.post("/account/sign-out-everywhere")

    thief.delete_cookie("session")
    assert not signed_in(thief)


def test_a_remember_me_cookie_after_sign_out_everywhere_does_not_sign_in(app, person):
    here, phone = app.test_client(), app.test_client()
    sign_in(here, person)
    sign_in(phone, person, remember=True)
    saved = phone.get_cookie("remember_token").value

    response = here.post("/account/sign-out-everywhere")

    assert response.headers["Location"] == "/sign-in"
    assert "You are signed out everywhere" in html.unescape(
        here.get("/sign-in").get_data(as_text=True)
    )
    assert not signed_in(here)
    phone.delete_cookie("session")
    phone.set_cookie("remember_token", saved)
    assert not signed_in(phone)
    assert live_sessions(person) == 0


def test_signing_out_ends_only_this_devices_session(app, person):
    laptop, phone = app.test_client(), app.test_client()
    sign_in(laptop, person)
    sign_in(phone, person)

    laptop.post("/sign-out")

    assert not signed_in(laptop)
    assert signed_in(phone)
    assert live_sessions(person) == 1


def test_signing_in_again_after_sign_out_works(app, person):
    client = app.test_client()
    sign_in(client, person)
    client.post("/sign-out")
    sign_in(client, person)
    assert signed_in(client)


def test_account_page_lists_the_devices_and_marks_this_one(app, person):
    laptop, phone = app.test_client(), app.test_client()
    sign_in(laptop, person, **{"User-Agent": CHROME_ON_WINDOWS})
    sign_in(phone, person, **{"User-Agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Safari/604"})

    page = html.unescape(laptop.get("/account").get_data(as_text=True))

    assert "Chrome on Windows <strong>(this device)</strong>" in page
    assert "Safari on iPhone</td>" in page
    assert page.index("Chrome on Windows") < page.index("Safari on iPhone"), "this device first"
    assert "Sign out everywhere</button>" in page
    assert "Ends every session of your account" in page


def test_account_pages_need_a_signed_in_person(client):
    assert client.get("/account").headers["Location"].startswith("/sign-in")
    response = client.post("/account/sign-out-everywhere")
    assert response.headers["Location"].startswith("/sign-in")


def test_sign_out_everywhere_needs_a_post(app, person):
    client = app.test_client()
    sign_in(client, person)
    assert client.get("/account/sign-out-everywhere").status_code == 405
    assert signed_in(client)


def test_deactivating_a_person_ends_their_sessions(app, person):
    admin = factories.make_user(is_admin=True)
    theirs, admins = app.test_client(), app.test_client()
    sign_in(theirs, person)
    sign_in(admins, admin)

    admins.post(f"/admin/people/{person.id}", data={"name": person.name, "school_id": ""})

    assert not signed_in(theirs)
    assert live_sessions(person) == 0


def test_a_session_unused_for_the_remember_me_lifetime_is_over(app, person, clock):
    client = app.test_client()
    sign_in(client, person, remember=True)
    clock.advance(seconds=app.config["REMEMBER_COOKIE_DURATION"] - 60)
    assert signed_in(client), "used within the lifetime"
    clock.advance(seconds=app.config["REMEMBER_COOKIE_DURATION"] + 1)
    assert not signed_in(client)


def test_last_seen_is_written_at_most_every_few_minutes(app, person, clock, count_statements):
    client = app.test_client()
    sign_in(client, person)
    started = db.session.scalars(sa.select(LoginSession)).one().last_seen_at
    with count_statements() as quiet:
        assert signed_in(client)
    clock.advance(minutes=6)
    with count_statements() as touching:
        assert signed_in(client)
    clock.advance(minutes=1)
    with count_statements() as quiet_again:
        assert signed_in(client)

    db.session.expire_all()
    seen = db.session.scalars(sa.select(LoginSession)).one().last_seen_at
    assert seen == started + timedelta(minutes=6)
    assert quiet_again.count == quiet.count < touching.count


@pytest.mark.parametrize(
    "login_id", ["", "1", "1:", "²:" + "a" * 43, "1:short", "99999999999999999999999:" + "a" * 43]
)
def test_a_malformed_login_id_is_signed_out_not_an_error(app, person, login_id):
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = login_id
    assert not signed_in(client)


def test_the_login_id_names_a_session_not_just_a_person(app, person):
    token = sessions.start(person)
    other = factories.make_user()
    assert sessions.load(f"{person.id}:{token}") == person
    assert sessions.load(f"{other.id}:{token}") is None
    forged = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert sessions.load(f"{person.id}:{forged}") is None


def test_account_page_runs_the_same_statements_with_one_or_ten_devices(
    app, person, count_statements
):
    client = app.test_client()
    sign_in(client, person)
    with count_statements() as one:
        assert client.get("/account").status_code == 200
    for _ in range(9):
        sessions.start(person, CHROME_ON_WINDOWS)
    with count_statements() as ten:
        page = client.get("/account").get_data(as_text=True)
    assert page.count("<tr>") == 1 + 10
    assert ten.count == one.count
