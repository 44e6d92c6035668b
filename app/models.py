"""Imports every feature's models so that Alembic and relationship strings see them all."""

from app.auth.models import Invite, SignInAttempt, User
from app.teams.models import District, Membership, School, Team

__all__ = ["District", "Invite", "Membership", "School", "SignInAttempt", "Team", "User"]
