"""Sign-in and password changes. Invitations are in invitations.py."""

import sqlalchemy as sa

from app.auth import sessions, throttling
from app.auth.models import User
from app.auth.passwords import hash_password, needs_rehash, verify_password
from app.extensions import db


class SignInRefused(Exception):
    pass


class SignInThrottled(SignInRefused):
    """Too many recent wrong passwords: try again in `seconds`."""

    def __init__(self, wait: throttling.Wait):
        super().__init__(wait.message)
        self.seconds = wait.seconds


def normalise_email(email: str) -> str:
    return email.strip().lower()


def user_by_email(email: str) -> User | None:
    return db.session.scalar(sa.select(User).where(User.email == normalise_email(email)))


def _not_throttled(email: str, remote_addr: str) -> None:
    wait = throttling.wait_for(email, remote_addr)
    if wait is not None:
        raise SignInThrottled(wait)


def authenticate(email: str, password: str, remote_addr: str) -> User:
    """The person with these credentials; SignInRefused with a message a person can act on."""
    email = normalise_email(email)
    _not_throttled(email, remote_addr)
    user = user_by_email(email)
    if user is None:
        hash_password(password)  # as slow as a real check, so timing does not reveal accounts
    if user is None or not verify_password(user.password_hash, password):
        throttling.record_failure(email, remote_addr)
        raise SignInRefused("That email and password do not match an account.")
    if not user.active:
        raise SignInRefused("This account has been deactivated. Ask your administrator.")
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    throttling.clear(email)
    db.session.commit()
    return user


def confirm_password(user: User, password: str, remote_addr: str) -> bool:
    """Whether `password` is the person's own, throttled and counted like a sign-in."""
    _not_throttled(user.email, remote_addr)
    if not verify_password(user.password_hash, password):
        throttling.record_failure(user.email, remote_addr)
        return False
    throttling.clear(user.email)
    db.session.commit()
    return True


def set_password(user: User, new_password: str) -> None:
    """Store a new password and end every other session of this person."""
    user.password_hash = hash_password(new_password)
    sessions.end_all(user, keep_current=True)
    db.session.commit()


def sign_out_everywhere(user: User) -> None:
    """End every session of this person, the current one included."""
    sessions.end_all(user)
    db.session.commit()
