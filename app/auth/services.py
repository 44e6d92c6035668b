"""Sign-in and password changes. Invitations are in invitations.py."""

from datetime import timedelta

import sqlalchemy as sa
from flask import current_app

from app.auth.models import SignInAttempt, User, new_nonce
from app.auth.passwords import hash_password, needs_rehash, verify_password
from app.extensions import db
from app.timeutil import utcnow


class SignInRefused(Exception):
    pass


class SignInThrottled(SignInRefused):
    """Too many recent failures for this email or from this address."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def user_by_email(email: str) -> User | None:
    return db.session.scalar(sa.select(User).where(User.email == normalise_email(email)))


def _recent_failures(column: sa.Column, value: str) -> int:
    since = utcnow() - timedelta(minutes=current_app.config["SIGNIN_WINDOW_MINUTES"])
    return db.session.scalar(
        sa.select(sa.func.count()).where(column == value, SignInAttempt.at >= since)
    )


def authenticate(email: str, password: str, remote_addr: str) -> User:
    """The person with these credentials; SignInRefused with a message a person can act on."""
    email = normalise_email(email)
    limit = current_app.config["SIGNIN_MAX_FAILURES"]
    minutes = current_app.config["SIGNIN_WINDOW_MINUTES"]
    if (
        _recent_failures(SignInAttempt.email, email) >= limit
        or _recent_failures(SignInAttempt.remote_addr, remote_addr) >= limit * 4
    ):
        raise SignInThrottled(f"Too many failed attempts. Wait {minutes} minutes, then try again.")
    user = user_by_email(email)
    if user is None:
        hash_password(password)  # as slow as a real check, so timing does not reveal accounts
    if user is None or not verify_password(user.password_hash, password):
        db.session.add(SignInAttempt(email=email, remote_addr=remote_addr))
        # Attempts older than the window count for nothing: keep the table small.
        since = utcnow() - timedelta(minutes=minutes)
        db.session.execute(sa.delete(SignInAttempt).where(SignInAttempt.at < since))
        db.session.commit()
        raise SignInRefused("That email and password do not match an account.")
    if not user.active:
        raise SignInRefused("This account has been deactivated. Ask your administrator.")
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    db.session.execute(sa.delete(SignInAttempt).where(SignInAttempt.email == email))
    db.session.commit()
    return user


def set_password(user: User, new_password: str) -> None:
    """Store a new password and end every other session of this person."""
    user.password_hash = hash_password(new_password)
    user.session_nonce = new_nonce()
    db.session.commit()
