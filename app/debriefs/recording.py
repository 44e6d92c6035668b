"""Saving the team's debrief record: what worked, what we learned as teachers, next steps.

The debrief is the team's conversation, so every member writes its record (as every member
writes meeting notes); the cycle's version refuses a save drawn from an older record, so two
people writing at once never overwrite each other silently.
"""

from app.auth.models import User
from app.cycles.models import Cycle, live_channel
from app.editing import edit
from app.live import publish
from app.timeutil import utcnow

LIVE_EVENT = "debrief"


def save_record(actor: User, cycle: Cycle, details: dict[str, str], posted_version: int | None):
    """StaleEdit, nothing saved, if the cycle changed since the form was drawn."""
    with edit(cycle, posted_version):
        for name, value in details.items():
            setattr(cycle, name, value)
        cycle.debrief_saved_by_id, cycle.debrief_saved_at = actor.id, utcnow()
    publish(live_channel(cycle.id), LIVE_EVENT)
