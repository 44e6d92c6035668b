"""Who reaches an enactment: the members of its cycle's team (and admins); another team's is
a 404. Each teacher records their own; the team's planners may correct anyone's."""

import sqlalchemy as sa
from flask import abort
from sqlalchemy.orm import contains_eager

from app.auth.models import User
from app.cycles.models import Cycle
from app.enactments.models import Enactment
from app.extensions import db
from app.meetings.access import can_plan
from app.teams.access import member_team_ids


def enactment_for(user: User, enactment_id: int) -> Enactment:
    query = (
        sa.select(Enactment)
        .join(Cycle, Cycle.id == Enactment.cycle_id)
        .where(Enactment.id == enactment_id)
        .options(contains_eager(Enactment.cycle))
    )
    if not user.is_admin:
        query = query.where(Cycle.team_id.in_(member_team_ids(user)))
    return db.session.scalar(query) or abort(404)


def can_record(user: User, enactment: Enactment) -> bool:
    return enactment.teacher_id == user.id or can_plan(user, enactment.cycle.team_id)
