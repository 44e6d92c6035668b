"""People for administrators: a searchable page of accounts, pending invitations, one edit."""

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from app.auth import sessions
from app.auth.models import Invite, User
from app.extensions import db
from app.forms import SelectChoice, choices
from app.paging import Page, paginate
from app.teams.models import District, Membership, School

PER_PAGE = 50
INVITES_PER_PAGE = 20
SEARCH_LENGTH = 100


def search_text(value: str | None) -> str:
    """What was typed into a search box, trimmed to a sensible length."""
    return (value or "").strip()[:SEARCH_LENGTH]


def matching(query: sa.Select, search: str) -> sa.Select:
    """People whose name or email contains `search`, whatever its case."""
    if not search:
        return query
    return query.where(
        sa.or_(
            User.name.icontains(search, autoescape=True),
            User.email.icontains(search, autoescape=True),
        )
    )


def people_page(search: str, number: int) -> Page:
    """A page of people, by name, with their school and teams (loaded for this page only)."""
    query = matching(sa.select(User), search).order_by(sa.func.lower(User.name), User.id)
    return paginate(
        query.options(
            joinedload(User.school),
            selectinload(User.memberships).joinedload(Membership.team),
        ),
        number,
        PER_PAGE,
    )


def pending_invites(district: District, number: int) -> Page:
    """A page of the invitations not yet accepted (a CSV file can invite hundreds), newest first."""
    return paginate(
        sa.select(Invite)
        .where(
            Invite.district_id == district.id,
            Invite.accepted_at.is_(None),
            Invite.revoked_at.is_(None),
        )
        .options(joinedload(Invite.school), joinedload(Invite.team))
        .order_by(Invite.created_at.desc(), Invite.id.desc()),
        number,
        INVITES_PER_PAGE,
    )


def school_choices() -> list[SelectChoice]:
    schools = db.session.scalars(sa.select(School).order_by(School.name))
    return choices([(None, "No school (district staff)")] + [(s.id, s.name) for s in schools])


def person(user_id: int) -> User | None:
    return db.session.get(User, user_id)


def save_person(
    person: User, name: str, school_id: int | None, is_admin: bool, active: bool
) -> None:
    """Save an administrator's edit; deactivating someone ends all their sessions."""
    was_active = person.active
    person.name, person.school_id = name, school_id
    person.is_admin, person.active = is_admin, active
    if was_active and not active:
        sessions.end_all(person)
    db.session.commit()
