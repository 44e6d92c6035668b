"""Proposing candidates for a cycle's shared task: from the library or written on the spot."""

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from app.auth.models import User
from app.cycles.models import Cycle, live_channel
from app.extensions import db
from app.live import publish
from app.selection.models import Candidate
from app.selection.queries import MAX_CANDIDATES
from app.tasks.models import Task
from app.tasks.writing import apply_details, new_task


class SelectionClosed(Exception):
    """The vote is closed (or the cycle left its select stage): the record stays as it is."""


class TooManyCandidates(Exception):
    pass


def channel(cycle: Cycle) -> str:
    return live_channel(cycle.id)


def require_open(cycle: Cycle) -> None:
    if cycle.vote_closed or cycle.stage.value != "select":
        raise SelectionClosed()


def propose(actor: User, cycle: Cycle, task: Task) -> Candidate:
    """Make `task` a candidate (the existing candidate if it already is one)."""
    require_open(cycle)
    existing = _candidate(cycle, task)
    if existing is not None:
        return existing
    if _count(cycle) >= MAX_CANDIDATES:
        raise TooManyCandidates()
    candidate = Candidate(cycle_id=cycle.id, task_id=task.id, proposed_by_id=actor.id)
    db.session.add(candidate)
    try:
        db.session.commit()
    except IntegrityError:
        # Proposed by someone else at the same moment: theirs stands.
        db.session.rollback()
        return _candidate(cycle, task)
    publish(channel(cycle), "selection")
    return candidate


def write_and_propose(actor: User, cycle: Cycle, details: dict) -> Candidate:
    """A new draft task of the cycle's team, proposed at once."""
    require_open(cycle)
    if _count(cycle) >= MAX_CANDIDATES:
        raise TooManyCandidates()
    task = new_task(actor, cycle.team)
    task.standards = []
    apply_details(task, dict(details))
    db.session.add(task)
    db.session.flush()
    return propose(actor, cycle, task)


def _candidate(cycle: Cycle, task: Task) -> Candidate | None:
    return db.session.scalar(
        sa.select(Candidate).where(Candidate.cycle_id == cycle.id, Candidate.task_id == task.id)
    )


def _count(cycle: Cycle) -> int:
    return db.session.scalar(
        sa.select(sa.func.count(Candidate.id)).where(Candidate.cycle_id == cycle.id)
    )
