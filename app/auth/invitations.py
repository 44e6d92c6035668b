"""Invitations: made by an administrator, e-mailed, renewed, withdrawn, read from a link, accepted.

An invitation names the district it belongs to and, optionally, a team and the role on it:
accepting makes the account and the membership, so the administrator need not come back.
"""

import enum
from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app, url_for
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy.orm import joinedload, selectinload

from app import mail
from app.auth.models import Invite, User, new_nonce
from app.auth.passwords import hash_password
from app.auth.services import normalise_email
from app.extensions import db
from app.teams.models import District, Membership, Role, School, Team
from app.timeutil import utcnow


@dataclass(frozen=True)
class Invitee:
    """Who to invite, already checked: from the form or one line of a CSV file."""

    email: str
    name: str = ""
    school: School | None = None
    team: Team | None = None
    role: Role = Role.teacher
    is_admin: bool = False


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="tandem-invite")


def _expiry():
    return utcnow() + timedelta(days=current_app.config["INVITE_DAYS"])


def create_invites(actor: User, district: District, invitees: list[Invitee]) -> list[Invite]:
    """All of them in one transaction and one INSERT: either every invitation exists or none."""
    expires_at, now = _expiry(), utcnow()
    rows = [
        {
            "district_id": district.id,
            "email": normalise_email(person.email),
            "name": person.name.strip(),
            "school_id": person.school.id if person.school else None,
            "team_id": person.team.id if person.team else None,
            "role": person.role,
            "is_admin": person.is_admin,
            "nonce": new_nonce(),
            "invited_by_id": actor.id,
            "created_at": now,
            "expires_at": expires_at,
        }
        for person in invitees
    ]
    made = db.session.execute(sa.insert(Invite).returning(Invite.id, Invite.nonce), rows)
    id_of = {nonce: invite_id for invite_id, nonce in made}
    db.session.commit()
    return load_invites([id_of[row["nonce"]] for row in rows])


def load_invites(ids: list[int]) -> list[Invite]:
    """These invitations with what their pages and e-mails show, in a fixed number of queries."""
    found = db.session.scalars(
        sa.select(Invite)
        .where(Invite.id.in_(ids))
        .options(
            selectinload(Invite.team), selectinload(Invite.school), joinedload(Invite.invited_by)
        )
    )
    by_id = {invite.id: invite for invite in found}
    return [by_id[invite_id] for invite_id in ids]


def create_invite(actor: User, district: District, invitee: Invitee) -> Invite:
    return create_invites(actor, district, [invitee])[0]


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


def renew_invite(invite: Invite) -> None:
    """A new link and a new expiry; the old link stops working (its nonce no longer matches)."""
    invite.nonce = new_nonce()
    invite.expires_at = _expiry()
    invite.revoked_at = None
    invite.emailed_at = invite.email_error = None
    db.session.commit()


def invite_token(invite: Invite) -> str:
    return _serializer().dumps([invite.id, invite.nonce])


def invite_url(invite: Invite) -> str:
    return url_for("auth.accept_invite", token=invite_token(invite), _external=True)


def _message(invite: Invite):
    inviter = invite.invited_by.name if invite.invited_by else "Your administrator"
    where = f" at {invite.school.name}" if invite.school else ""
    role = f"as {invite.role.label.lower()} on {invite.team.name}" if invite.team else ""
    joining = f"to join Tandem {role}".rstrip() + "."
    body = (
        f"Hello{' ' + invite.name if invite.name else ''},\n\n"
        f"{inviter} has invited you{where} {joining}\n"
        "Tandem is where your grade-level math team plans, meets and debriefs together.\n\n"
        "Open this link to choose your password and finish:\n\n"
        f"{invite_url(invite)}\n\n"
        f"The link works once, until {invite.expires_at:%A %B %-d, %Y}.\n"
        "If it has expired, ask your administrator for a new invitation.\n"
    )
    subject = f"Join {invite.team.name} on Tandem" if invite.team else "Your invitation to Tandem"
    return mail.plain_message(invite.email, subject, body)


def email_invites(invites: list[Invite]) -> None:
    """E-mail each link when SMTP is configured, else log it; record each outcome."""
    messages = [_message(invite) for invite in invites]
    if not mail.configured():
        for message in messages:
            mail.log_instead(message)
        return
    for invite, problem in zip(invites, mail.send(messages), strict=True):
        invite.emailed_at = None if problem else utcnow()
        invite.email_error = problem
    db.session.commit()


class LinkProblem(enum.Enum):
    """Why an invitation link does not open the sign-up form."""

    garbled = "garbled"
    unknown = "unknown"
    replaced = "replaced"
    used = "used"
    expired = "expired"
    withdrawn = "withdrawn"

    @property
    def status(self) -> int:
        """Not Found when we cannot tell which invitation it was; Gone when it is spent."""
        return 404 if self in (LinkProblem.garbled, LinkProblem.unknown) else 410


@dataclass(frozen=True)
class LinkCheck:
    invite: Invite | None
    problem: LinkProblem | None


def check_link(token: str) -> LinkCheck:
    """The invitation a link names and, if it cannot be accepted, why not."""
    try:
        invite_id, nonce = _serializer().loads(token)
    except (BadSignature, ValueError, TypeError):
        return LinkCheck(None, LinkProblem.garbled)
    invite = db.session.get(Invite, invite_id) if isinstance(invite_id, int) else None
    if invite is None:
        return LinkCheck(None, LinkProblem.unknown)
    if invite.nonce != nonce:
        return LinkCheck(None, LinkProblem.replaced)
    problem = {
        "accepted": LinkProblem.used,
        "expired": LinkProblem.expired,
        "revoked": LinkProblem.withdrawn,
    }.get(invite.status)
    return LinkCheck(invite, problem)


def accept_invite(invite: Invite, name: str, password: str) -> User:
    """The new account, on the invitation's team with its role when it names one."""
    user = User(
        email=invite.email,
        name=name.strip(),
        password_hash=hash_password(password),
        school_id=invite.school_id,
        is_admin=invite.is_admin,
    )
    invite.accepted_at = utcnow()
    db.session.add(user)
    if invite.team is not None:
        db.session.add(Membership(team=invite.team, user=user, role=invite.role))
    db.session.commit()
    return user
