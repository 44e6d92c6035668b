"""The record of last year's debrief, written as the team wrote it on the debrief page
(app.debriefs.recording): what worked, what we learned as teachers, and the next steps that
cycle 4's lesson now starts from. Loading the demo twice changes nothing."""

import sqlalchemy as sa

from app.auth.models import User
from app.cycles.models import Cycle
from app.debriefs.recording import save_record
from app.demo.cycles import LAST_YEAR_TOPIC
from app.demo.enactment_plans import NUMBER_LINE_LEARNED, NUMBER_LINE_WORKED
from app.extensions import db
from app.teams.models import Team


def seed_debriefs(team: Team, people: dict[str, User]) -> bool:
    """Write last year's record unless it has one; False when nothing was written."""
    cycle = db.session.scalar(
        sa.select(Cycle).where(Cycle.team_id == team.id, Cycle.title.contains(LAST_YEAR_TOPIC))
    )
    if cycle is None or cycle.debrief_worked or cycle.debrief_learned:
        return False
    details = {"debrief_worked": NUMBER_LINE_WORKED, "debrief_learned": NUMBER_LINE_LEARNED}
    save_record(people["mentor"], cycle, details, cycle.version)
    return True
