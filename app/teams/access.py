"""The one place that decides who may see a team and what it owns."""

import sqlalchemy as sa
from flask import abort, has_request_context, request

from app.auth.models import User
from app.extensions import db
from app.teams.models import Membership, Role, Team


def member_team_ids(user: User) -> sa.Select:
    return sa.select(Membership.team_id).where(Membership.user_id == user.id)


def team_for(user: User, team_id: int, *options) -> Team:
    """The team if `user` belongs to it (admins see every team); 404 otherwise. `options`:
    loader options for the same statement (e.g. its members)."""
    query = sa.select(Team).where(Team.id == team_id).options(*options)
    if not user.is_admin:
        query = query.where(Team.id.in_(member_team_ids(user)))
    team = db.session.scalar(query)
    if team is None:
        abort(404)
    return team


def role_in(user: User, team_id: int) -> Role | None:
    known = _roles_of_this_request()
    key = (user.id, team_id)
    if known is not None and key in known:
        return known[key]
    role = db.session.scalar(
        sa.select(Membership.role).where(
            Membership.team_id == team_id, Membership.user_id == user.id
        )
    )
    if known is not None:
        known[key] = role
    return role


def _roles_of_this_request() -> dict | None:
    """Roles already looked up by this request, when it is a read: a page asks several
    times (may they plan? present? see private notes?). A write may change a membership
    between two asks, so it always asks the database."""
    if not has_request_context() or request.method not in ("GET", "HEAD"):
        return None
    return request.__dict__.setdefault("_tandem_roles", {})


def is_member(user_id: int, team_id: int) -> bool:
    return (
        db.session.scalar(
            sa.select(Membership.id).where(
                Membership.team_id == team_id, Membership.user_id == user_id
            )
        )
        is not None
    )
