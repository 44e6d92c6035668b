"""Who may see a cycle and who may change it. Another team's cycle is a 404."""

import sqlalchemy as sa
from flask import abort

from app.auth.models import User
from app.cycles.models import Cycle
from app.extensions import db
from app.meetings.access import can_plan
from app.teams.access import member_team_ids


def cycle_for(user: User, cycle_id: int) -> Cycle:
    query = sa.select(Cycle).where(Cycle.id == cycle_id)
    if not user.is_admin:
        query = query.where(Cycle.team_id.in_(member_team_ids(user)))
    return db.session.scalar(query) or abort(404)


def can_steer(user: User, cycle: Cycle) -> bool:
    """The team's planners (mentors, teacher leaders, admins) edit a cycle and move its stage;
    every member sees it."""
    return can_plan(user, cycle.team_id)
