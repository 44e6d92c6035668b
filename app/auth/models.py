import secrets
from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.enums import db_enum
from app.extensions import db
from app.teams.models import Role
from app.timeutil import utcnow

if TYPE_CHECKING:
    from app.teams.models import District, Membership, School, Team


# Leading titles skipped by first_name: "Dr. Ana Ruiz" is greeted as Ana, not "Dr.".
TITLES = {"dr", "mr", "mrs", "ms", "mx", "prof"}


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    school_id: Mapped[int | None] = mapped_column(sa.ForeignKey("schools.id"), index=True)
    is_admin: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    school: Mapped["School | None"] = relationship(back_populates="people")
    memberships: Mapped[list["Membership"]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    # The secret of the server-side session this request runs in (app.auth.sessions), set
    # when signing in or by the user loader; never stored, only its hash is.
    session_token = None

    def get_id(self) -> str:
        """The login id Flask-Login keeps in the session and the remember-me cookie."""
        return f"{self.id}:{self.session_token or ''}"

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def first_name(self) -> str:
        words = (self.name or "").split()
        while len(words) > 1 and words[0].rstrip(".").lower() in TITLES:
            words.pop(0)
        return words[0] if words else self.email

    def __repr__(self) -> str:
        return f"<User {self.email}>"


class Invite(db.Model):
    """A single-use, expiring invitation; the link carries a signed (id, nonce) pair.

    Accepting it makes the account and, when a team is named, the membership with its role.
    """

    __tablename__ = "invites"

    id: Mapped[int] = mapped_column(primary_key=True)
    district_id: Mapped[int] = mapped_column(sa.ForeignKey("districts.id"), index=True)
    email: Mapped[str] = mapped_column(sa.String(254), index=True)
    name: Mapped[str] = mapped_column(sa.String(120), default="")
    school_id: Mapped[int | None] = mapped_column(sa.ForeignKey("schools.id"))
    team_id: Mapped[int | None] = mapped_column(sa.ForeignKey("teams.id"), index=True)
    role: Mapped[Role] = mapped_column(db_enum(Role, length=20), default=Role.teacher)
    is_admin: Mapped[bool] = mapped_column(default=False)
    nonce: Mapped[str] = mapped_column(sa.String(32), default=new_nonce)
    invited_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    accepted_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    # The last e-mail attempt: when it went out, or why it did not (None: no mail server).
    emailed_at: Mapped[datetime | None]
    email_error: Mapped[str | None] = mapped_column(sa.String(300))

    district: Mapped["District"] = relationship()
    school: Mapped["School | None"] = relationship()
    team: Mapped["Team | None"] = relationship()
    invited_by: Mapped[User | None] = relationship()

    @property
    def status(self) -> str:
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= utcnow():
            return "expired"
        return "pending"


class LoginSession(db.Model):
    """One signed-in browser: signing out, "sign out everywhere" or a password change revoke
    it, and the session cookie or remember-me cookie that names it stops working."""

    __tablename__ = "login_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    device: Mapped[str] = mapped_column(sa.String(80), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]


class SignInAttempt(db.Model):
    """Failed sign-ins, kept in the database so throttling holds across worker processes."""

    __tablename__ = "sign_in_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), index=True)
    remote_addr: Mapped[str] = mapped_column(sa.String(64), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
