"""Who reaches a candidate: the members of its cycle's team. Another team's is a 404."""

import sqlalchemy as sa
from flask import abort
from sqlalchemy.orm import joinedload

from app.auth.models import User
from app.cycles.models import Cycle
from app.extensions import db
from app.selection.models import Candidate
from app.teams.access import member_team_ids


def candidate_for(user: User, candidate_id: int) -> Candidate:
    query = (
        sa.select(Candidate)
        .join(Cycle, Cycle.id == Candidate.cycle_id)
        .where(Candidate.id == candidate_id)
        .options(joinedload(Candidate.cycle))
    )
    if not user.is_admin:
        query = query.where(Cycle.team_id.in_(member_team_ids(user)))
    return db.session.scalar(query) or abort(404)
