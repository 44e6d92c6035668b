"""Server-side sessions: each signed-in browser is a row, named by a random token that the
login id (in the session cookie and the remember-me cookie) carries. Revoking the row ends
that browser's session, whatever cookies it kept."""

import hashlib
import re
import secrets
from datetime import timedelta
from functools import cache

import sqlalchemy as sa
from flask import current_app

from app import timeutil
from app.auth.models import LoginSession, User
from app.extensions import db

LOGIN_ID = re.compile(r"(\d{1,18}):([A-Za-z0-9_-]{32,64})", re.ASCII)
# last_seen_at is written at most this often per session, not on every request.
TOUCH_EVERY = timedelta(minutes=5)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _idle_limit() -> timedelta:
    """A session unused this long is over, even with a remember-me cookie."""
    return timedelta(seconds=current_app.config["REMEMBER_COOKIE_DURATION"])


def start(user: User, user_agent: str = "") -> str:
    """A new session for `user`; returns its token. Commits."""
    now = timeutil.utcnow()
    token = secrets.token_urlsafe(32)
    db.session.add(
        LoginSession(
            user_id=user.id,
            token_hash=_digest(token),
            device=describe_device(user_agent),
            created_at=now,
            last_seen_at=now,
        )
    )
    # Ended sessions are kept a day (for nothing but a trace), then dropped.
    db.session.execute(
        sa.delete(LoginSession).where(
            sa.or_(
                LoginSession.revoked_at < now - timedelta(days=1),
                LoginSession.last_seen_at < now - _idle_limit(),
            )
        )
    )
    db.session.commit()
    return token


@cache
def _load_statement() -> sa.Select:
    """Built once: every request runs it, and building it costs about as much as running it."""
    return (
        sa.select(User, LoginSession)
        .join(LoginSession, LoginSession.user_id == User.id)
        .where(
            User.id == sa.bindparam("user_id"),
            LoginSession.token_hash == sa.bindparam("token_hash"),
            LoginSession.revoked_at.is_(None),
            LoginSession.last_seen_at > sa.bindparam("seen_after"),
        )
    )


def load(login_id: str) -> User | None:
    """The active person whose live session this login id names, in one statement."""
    match = LOGIN_ID.fullmatch(login_id or "")
    if match is None:
        return None
    user_id, token = int(match[1]), match[2]
    now = timeutil.utcnow()
    row = db.session.execute(
        _load_statement(),
        {"user_id": user_id, "token_hash": _digest(token), "seen_after": now - _idle_limit()},
    ).first()
    if row is None or not row.User.active:
        return None
    user, login_session = row
    if login_session.last_seen_at < now - TOUCH_EVERY:
        login_session.last_seen_at = now
        db.session.commit()
    user.session_token = token
    return user


def end(user: User) -> None:
    """Revoke the session this request runs in. Commits."""
    if user.session_token:
        db.session.execute(
            sa.update(LoginSession)
            .where(
                LoginSession.token_hash == _digest(user.session_token),
                LoginSession.revoked_at.is_(None),
            )
            .values(revoked_at=timeutil.utcnow())
        )
        db.session.commit()


def end_all(user: User, keep_current: bool = False) -> None:
    """Revoke every session of `user` (but the current one, if asked); the caller commits."""
    query = sa.update(LoginSession).where(
        LoginSession.user_id == user.id, LoginSession.revoked_at.is_(None)
    )
    if keep_current and user.session_token:
        query = query.where(LoginSession.token_hash != _digest(user.session_token))
    db.session.execute(query.values(revoked_at=timeutil.utcnow()))


def active(user: User) -> list[LoginSession]:
    """The person's live sessions: the current one, then the most recently used first."""
    found = list(
        db.session.scalars(
            sa.select(LoginSession)
            .where(
                LoginSession.user_id == user.id,
                LoginSession.revoked_at.is_(None),
                LoginSession.last_seen_at > timeutil.utcnow() - _idle_limit(),
            )
            .order_by(LoginSession.last_seen_at.desc(), LoginSession.id.desc())
        )
    )
    return sorted(found, key=lambda login_session: not is_current(user, login_session))


def is_current(user: User, login_session: LoginSession) -> bool:
    return bool(user.session_token) and login_session.token_hash == _digest(user.session_token)


BROWSERS = (("Edg/", "Edge"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari"))
SYSTEMS = (
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("CrOS", "ChromeOS"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("Linux", "Linux"),
)


def describe_device(user_agent: str) -> str:
    """'Chrome on Windows' from a User-Agent header, enough to tell one's devices apart."""
    browser = next((name for mark, name in BROWSERS if mark in user_agent), "A browser")
    system = next((name for mark, name in SYSTEMS if mark in user_agent), None)
    return f"{browser} on {system}" if system else browser
