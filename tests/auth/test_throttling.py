"""Throttling that stops attackers, not teachers: growing delays of seconds after wrong
passwords, per account and address, with a clock the tests move instead of sleeping."""

import html
import re

import pytest
import sqlalchemy as sa

from app.auth import services, throttling
from app.auth.models import SignInAttempt
from app.extensions import db
from tests import factories
from tests.conftest import TEST_PASSWORD

SCHOOL = "203.0.113.5"
HOME = "198.51.100.7"
WRONG = "wrong guess"


@pytest.fixture
def person():
    return factories.make_user("priya@example.org", "Priya Teacher")


def attempt(email: str, password: str = TEST_PASSWORD, address: str = SCHOOL):
    """The person signed in, or the refusal raised."""
    try:
        return services.authenticate(email, password, address)
    except services.SignInRefused as refusal:
        return refusal


def fail(email: str, times: int = 1, address: str = SCHOOL) -> None:
    for _ in range(times):
        refusal = attempt(email, WRONG, address)
        assert type(refusal) is services.SignInRefused, refusal


def wait(email: str, address: str = SCHOOL) -> int:
    found = throttling.wait_for(email, address)
    return found.seconds if found else 0


def fail_when_allowed(email: str, clock, times: int = 1, address: str = SCHOOL) -> None:
    """A guesser who waits exactly as long as told before each wrong password."""
    for _ in range(times):
        clock.advance(seconds=wait(email, address))
        fail(email, address=address)


def failures(email: str) -> int:
    return db.session.scalar(sa.select(sa.func.count()).where(SignInAttempt.email == email))


def test_five_wrong_passwords_make_the_right_one_wait_two_seconds_not_fifteen_minutes(
    person, clock
):
    fail(person.email, 5)

    refused = attempt(person.email)
    assert isinstance(refused, services.SignInThrottled)
    assert refused.seconds == 2
    assert "Wait 2 seconds, then try again." in str(refused)

    clock.advance(seconds=2)
    assert attempt(person.email) == person


def test_the_wait_doubles_with_each_failure_up_to_thirty_seconds(app, person, clock):
    waits = []
    for _ in range(10):
        fail(person.email)
        waits.append(wait(person.email))
        clock.advance(seconds=waits[-1])
    assert waits == [0, 0, 0, 0, 2, 4, 8, 16, 30, 30]
    assert app.config["SIGNIN_MAX_DELAY_SECONDS"] == 30


def test_attempts_refused_for_waiting_are_not_counted(person, clock):
    fail(person.email, 5)
    for _ in range(20):
        assert isinstance(attempt(person.email, WRONG), services.SignInThrottled)
    assert failures(person.email) == 5
    clock.advance(seconds=1)
    assert attempt(person.email).seconds == 1, "the wait runs from the last real failure"


def test_the_right_password_clears_the_accounts_failures(person, clock):
    fail(person.email, 4)
    assert attempt(person.email) == person
    assert failures(person.email) == 0
    fail(person.email, 4)
    assert attempt(person.email) == person


def test_the_right_password_from_a_new_device_waits_seconds_while_an_attacker_guesses(
    app, person, clock
):
    """Guesses from many addresses slow the account down, never lock its owner out."""
    for n in range(40):
        fail_when_allowed(person.email, clock, address=f"192.0.2.{n}")
    refused = attempt(person.email, address=HOME)
    assert isinstance(refused, services.SignInThrottled)
    assert refused.seconds <= app.config["SIGNIN_MAX_DELAY_SECONDS"]
    clock.advance(seconds=refused.seconds)
    assert attempt(person.email, address=HOME) == person


def test_guessing_one_account_from_many_addresses_is_slowed(person, clock):
    for n in range(10):
        fail(person.email, address=f"192.0.2.{n}")
    assert isinstance(attempt(person.email, WRONG, "192.0.2.99"), services.SignInThrottled)


def test_teachers_typos_behind_a_schools_shared_address_lock_nobody_out(clock):
    """Thirty colleagues mistyping twice each, all behind the school's one address."""
    colleagues = [factories.make_user(f"teacher{n}@example.org") for n in range(31)]
    for colleague in colleagues[:30]:
        fail(colleague.email, 2)
    assert attempt(colleagues[30].email) == colleagues[30]
    assert attempt(colleagues[0].email) == colleagues[0]


def test_one_address_trying_many_accounts_is_slowed_but_others_are_not(person, clock):
    for n in range(100):
        fail(f"guess{n}@example.org")
    assert isinstance(attempt(person.email), services.SignInThrottled)
    assert attempt(person.email, address=HOME) == person


def test_an_unknown_email_is_throttled_exactly_like_a_known_one(person, clock):
    fail(person.email, 5)
    fail("nobody@example.org", 5)
    known, unknown = attempt(person.email, WRONG), attempt("nobody@example.org", WRONG)
    assert isinstance(known, services.SignInThrottled)
    assert (type(known), str(known)) == (type(unknown), str(unknown))


def test_failures_older_than_the_window_are_forgotten(app, person, clock):
    fail_when_allowed(person.email, clock, 12)
    clock.advance(minutes=app.config["SIGNIN_WINDOW_MINUTES"], seconds=1)
    fail("someone@example.org")  # prunes the old rows
    assert failures(person.email) == 0
    assert attempt(person.email) == person


# Through the web


def field_error(response, field_id: str) -> str:
    page = html.unescape(response.get_data(as_text=True))
    return re.search(rf'<p class="field-error" id="{field_id}-error">(.*?)</p>', page, re.S)[1]


def sign_in(client, email: str, password: str = TEST_PASSWORD):
    return client.post("/sign-in", data={"email": email, "password": password})


def test_sign_in_answers_429_saying_how_long_to_wait(client, person, clock):
    for _ in range(5):
        assert sign_in(client, person.email, WRONG).status_code == 422

    response = sign_in(client, person.email)

    assert response.status_code == 429
    assert response.headers["Retry-After"] == "2"
    assert field_error(response, "password").startswith(
        "Too many wrong passwords. Wait 2 seconds, then try again."
    )
    clock.advance(seconds=2)
    assert sign_in(client, person.email).status_code == 302


def change_password(client, current: str):
    new = "a brand new passphrase"
    return client.post(
        "/account/password", data={"current_password": current, "password": new, "confirm": new}
    )


def test_wrong_current_passwords_are_throttled_too(client, person, clock):
    assert sign_in(client, person.email).status_code == 302
    for _ in range(5):
        assert change_password(client, WRONG).status_code == 422

    response = change_password(client, TEST_PASSWORD)

    assert response.status_code == 429
    assert response.headers["Retry-After"] == "2"
    assert "Wait 2 seconds" in field_error(response, "current_password")
    clock.advance(seconds=2)
    assert change_password(client, TEST_PASSWORD).status_code == 302


def test_a_wrong_current_password_counts_towards_the_accounts_sign_in_delay(
    app, client, person, clock
):
    assert sign_in(client, person.email).status_code == 302
    for _ in range(5):
        change_password(client, WRONG)
    other = app.test_client()
    assert sign_in(other, person.email).status_code == 429
