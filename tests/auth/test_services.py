"""Sign-in, passwords and invitation tokens, without the web layer (throttling:
test_throttling.py)."""

from datetime import timedelta

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher

from app.auth import services, sessions
from app.auth.models import SignInAttempt
from app.auth.passwords import hash_password, needs_rehash, verify_password
from app.extensions import db
from app.timeutil import utcnow
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


def new_invite(**fields):
    admin = factories.make_user(is_admin=True)
    values = {"email": "  Newcomer@Example.org ", "name": " Nora ", "school_id": None}
    return services.create_invite(admin, **{**values, "is_admin": False, **fields})


def test_invite_is_pending_with_a_normalised_email_until_it_expires(app):
    invite = new_invite()
    assert (invite.email, invite.name, invite.status) == ("newcomer@example.org", "Nora", "pending")
    expected = utcnow() + timedelta(days=app.config["INVITE_DAYS"])
    assert abs(invite.expires_at - expected) < timedelta(minutes=1)
    invite.expires_at = utcnow() - timedelta(seconds=1)
    assert invite.status == "expired"


def test_invite_token_names_its_invite_and_nothing_else():
    invite = new_invite()
    token = services.invite_token(invite)
    assert services.invite_from_token(token) == invite
    serializer = services._serializer()
    for forged in (
        token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        "not-a-token",
        serializer.dumps([invite.id, "wrong-nonce"]),
        serializer.dumps([str(invite.id), invite.nonce]),
        serializer.dumps([invite.id + 1, invite.nonce]),
        serializer.dumps("ab"),
        serializer.dumps(7),
        serializer.dumps([invite.id, invite.nonce, "extra"]),
        serializer.dumps(None),
    ):
        assert services.invite_from_token(forged) is None, forged


def test_token_signed_with_another_key_is_refused():
    from itsdangerous import URLSafeSerializer

    invite = new_invite()
    foreign = URLSafeSerializer("another-key", salt="tandem-invite").dumps(
        [invite.id, invite.nonce]
    )
    assert services.invite_from_token(foreign) is None


def test_accept_invite_creates_the_account_the_admin_described():
    school = factories.make_school()
    invite = new_invite(school_id=school.id, is_admin=True)
    person = services.accept_invite(invite, "  Nora Newcomer ", "a fine new passphrase")
    assert (person.email, person.name, person.school_id, person.is_admin) == (
        "newcomer@example.org",
        "Nora Newcomer",
        school.id,
        True,
    )
    assert verify_password(person.password_hash, "a fine new passphrase")
    assert invite.status == "accepted"


def test_revoked_invite_is_revoked():
    invite = new_invite()
    services.revoke_invite(invite)
    assert invite.status == "revoked"
