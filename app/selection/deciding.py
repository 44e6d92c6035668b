"""Closing the vote: the chosen candidate becomes the cycle's shared task; the cycle moves on to
design, and its lesson starts (from the team's earlier lesson on that task, if any)."""

import sqlalchemy as sa

from app.auth.models import User
from app.cycles.models import Cycle, CycleStage
from app.extensions import db
from app.lessons.starting import start_lesson
from app.live import publish
from app.selection.models import Candidate
from app.selection.proposing import SelectionClosed, channel
from app.timeutil import utcnow


def decide(actor: User, cycle: Cycle, candidate: Candidate, rationale: str) -> None:
    """Record the decision once: a second close (or one racing it) is SelectionClosed."""
    closed = db.session.execute(
        sa.update(Cycle)
        .where(
            Cycle.id == cycle.id,
            Cycle.vote_closed_at.is_(None),
            Cycle.stage == CycleStage.select,
        )
        .values(
            vote_closed_at=utcnow(),
            shared_task_id=candidate.task_id,
            decision_rationale=rationale,
            # The record keeps everyone's work: closing shows what was still private.
            revealed_at=sa.func.coalesce(Cycle.revealed_at, utcnow()),
            stage=CycleStage.design,
            version=Cycle.version + 1,
        )
    )
    if closed.rowcount != 1:
        db.session.rollback()
        raise SelectionClosed()
    db.session.commit()
    db.session.refresh(cycle)
    publish(channel(cycle), "selection")
    start_lesson(actor, cycle)
