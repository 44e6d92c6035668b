"""Sign-in, password changes and invitations."""

from datetime import timedelta

import sqlalchemy as sa
from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

from app.auth import sessions, throttling
from app.auth.models import Invite, User
from app.auth.passwords import hash_password, needs_rehash, verify_password
from app.extensions import db
from app.timeutil import utcnow


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
