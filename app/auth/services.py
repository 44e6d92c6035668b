"""Sign-in, password changes and invitations."""

from datetime import timedelta

import sqlalchemy as sa
from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

from app.auth import sessions
from app.auth.models import Invite, SignInAttempt, User
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
    sessions.end_all(user, keep_current=True)
    db.session.commit()


def sign_out_everywhere(user: User) -> None:
    """End every session of this person, the current one included."""
    sessions.end_all(user)
    db.session.commit()


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="tandem-invite")


def create_invite(
    actor: User, email: str, name: str, school_id: int | None, is_admin: bool
) -> Invite:
    invite = Invite(
        email=normalise_email(email),
        name=name.strip(),
        school_id=school_id,
        is_admin=is_admin,
        invited_by=actor,
        expires_at=utcnow() + timedelta(days=current_app.config["INVITE_DAYS"]),
    )
    db.session.add(invite)
    db.session.commit()
    return invite


def pending_invite_for(email: str) -> Invite | None:
    """An invitation to this email that still works."""
    return db.session.scalar(
        sa.select(Invite).where(
            Invite.email == normalise_email(email),
            Invite.accepted_at.is_(None),
            Invite.revoked_at.is_(None),
            Invite.expires_at > utcnow(),
        )
    )


def revoke_invite(invite: Invite) -> None:
    invite.revoked_at = utcnow()
    db.session.commit()


def invite_token(invite: Invite) -> str:
    return _serializer().dumps([invite.id, invite.nonce])


def invite_from_token(token: str) -> Invite | None:
    """The invite a well-signed token names, whatever its status; None for a forged token."""
    try:
        invite_id, nonce = _serializer().loads(token)
    except (BadSignature, ValueError, TypeError):
        return None
    invite = db.session.get(Invite, invite_id) if isinstance(invite_id, int) else None
    if invite is None or invite.nonce != nonce:
        return None
    return invite


def accept_invite(invite: Invite, name: str, password: str) -> User:
    user = User(
        email=invite.email,
        name=name.strip(),
        password_hash=hash_password(password),
        school_id=invite.school_id,
        is_admin=invite.is_admin,
    )
    invite.accepted_at = utcnow()
    db.session.add(user)
    db.session.commit()
    return user
