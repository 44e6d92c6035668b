"""What an administrator may manage: their own district, and nothing across its boundary."""

import sqlalchemy as sa
from flask import abort

from app.auth.models import Invite, User
from app.extensions import db
from app.teams.models import District, School, Team
from app.teams.services import the_district


def district_of(admin: User) -> District:
    """An administrator manages the district of their school, or the installation's district."""
    return admin.school.district if admin.school else the_district()


def invite_for(admin: User, invite_id: int) -> Invite:
    invite = db.session.get(Invite, invite_id)
    if invite is None or invite.district_id != district_of(admin).id:
        abort(404)
    return invite


def schools_of(district: District) -> list[School]:
    return list(
        db.session.scalars(
            sa.select(School).where(School.district_id == district.id).order_by(School.name)
        )
    )


def teams_of(district: District) -> list[Team]:
    return list(
        db.session.scalars(
            sa.select(Team)
            .where(Team.district_id == district.id)
            .order_by(sa.func.lower(Team.name))
        )
    )
