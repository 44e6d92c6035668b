"""Sign-in, passwords and invitation tokens, without the web layer (throttling:
test_throttling.py)."""

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher

from app.auth import services, sessions
from app.auth.models import SignInAttempt
from app.auth.passwords import hash_password, needs_rehash, verify_password
from app.extensions import db
from tests import factories
from tests.conftest import TEST_PASSWORD

ADDRESS = "192.0.2.10"


def failures(email: str) -> int:
    return db.session.scalar(sa.select(sa.func.count()).where(SignInAttempt.email == email))


def refusal(email: str, password: str = TEST_PASSWORD, address: str = ADDRESS) -> str:
    with pytest.raises(services.SignInRefused) as refused:
        services.authenticate(email, password, address)
    return str(refused.value)


def test_authenticate_normalises_the_email():
    person = factories.make_user("teacher@example.org")
    assert services.authenticate("  Teacher@EXAMPLE.org ", TEST_PASSWORD, ADDRESS) == person


def test_wrong_password_is_recorded_against_the_normalised_email():
    factories.make_user("teacher@example.org")
    assert "do not match" in refusal("Teacher@Example.org", "wrong guess")
    assert failures("teacher@example.org") == 1


def test_unknown_email_is_refused_like_a_wrong_password_and_recorded():
    assert refusal("nobody@example.org") == refusal("nobody@example.org", "other")
    assert failures("nobody@example.org") == 2


def test_unknown_email_costs_an_argon2_computation_like_a_known_one(monkeypatch):
    """Otherwise the quick answer for an unknown email reveals which emails have accounts."""
    calls = []
    for name in ("hash", "verify"):
        original = getattr(PasswordHasher, name)
        monkeypatch.setattr(
            PasswordHasher,
            name,
            lambda self, *a, _original=original, **k: calls.append(1) or _original(self, *a, **k),
        )
    person = factories.make_user()
    calls.clear()
    refusal(person.email, "wrong guess")
    known = len(calls)
    calls.clear()
    refusal("nobody@example.org", "wrong guess")
    assert known == len(calls) == 1


def test_deactivated_account_is_named_only_to_someone_who_knows_the_password():
    person = factories.make_user(active=False)
    assert "deactivated" in refusal(person.email)
    assert "do not match" in refusal(person.email, "wrong guess")


def test_set_password_replaces_the_hash_and_ends_the_other_sessions():
    person = factories.make_user()
    here, elsewhere = sessions.start(person), sessions.start(person)
    person.session_token = here
    services.set_password(person, "another fine passphrase")
    assert sessions.load(f"{person.id}:{here}") == person
    assert sessions.load(f"{person.id}:{elsewhere}") is None
    assert verify_password(person.password_hash, "another fine passphrase")
    assert not verify_password(person.password_hash, TEST_PASSWORD)


def test_verify_password_is_false_for_a_damaged_hash():
    assert not verify_password("not-a-hash", TEST_PASSWORD)
    assert not verify_password("", TEST_PASSWORD)


def test_hash_needs_rehash_only_when_the_settings_change(app):
    stored = hash_password(TEST_PASSWORD)
    assert not needs_rehash(stored)
    original = app.config["ARGON2_MEMORY_COST"]
    app.config["ARGON2_MEMORY_COST"] = original * 2
    try:
        assert needs_rehash(stored)
        assert verify_password(stored, TEST_PASSWORD)
    finally:
        app.config["ARGON2_MEMORY_COST"] = original


def test_sign_in_rehashes_with_the_current_settings(app):
    person = factories.make_user()
    original = app.config["ARGON2_TIME_COST"]
    app.config["ARGON2_TIME_COST"] = original + 1
    try:
        services.authenticate(person.email, TEST_PASSWORD, ADDRESS)
        assert not needs_rehash(person.password_hash)
        assert verify_password(person.password_hash, TEST_PASSWORD)
    finally:
        app.config["ARGON2_TIME_COST"] = original
