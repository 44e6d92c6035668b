"""Each member's own work on the candidates: solution and notes, demand calibration, ratings
and dots; the facilitator's reveal. Every write commits, then tells the cycle's screens."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from app.auth.models import User
from app.cycles.models import Cycle
from app.extensions import db
from app.live import publish
from app.selection.models import Candidate, CandidateRating, CandidateWork
from app.selection.proposing import SelectionClosed, channel, require_open
from app.tasks.models import Demand
from app.timeutil import utcnow


class AlreadyRevealed(Exception):
    """Calibrations are made before seeing anyone else's: they cannot change after the reveal."""


class OverBudget(Exception):
    def __init__(self, left: int):
        self.left = left


__all__ = ["AlreadyRevealed", "OverBudget", "SelectionClosed"]


def _work(actor: User, candidate: Candidate) -> CandidateWork:
    work = db.session.scalar(
        sa.select(CandidateWork).where(
            CandidateWork.candidate_id == candidate.id, CandidateWork.user_id == actor.id
        )
    )
    if work is None:
        work = CandidateWork(candidate_id=candidate.id, user_id=actor.id, solution="", notes="")
        work.dots = 0
        db.session.add(work)
    return work


def _commit(cycle: Cycle) -> None:
    try:
        db.session.commit()
    except IntegrityError as error:
        db.session.rollback()
        if "unique" not in str(error.orig).lower():
            raise
        # The same member's first write twice at once: the other one stands.
        return
    publish(channel(cycle), "selection")


def save_work(
    actor: User, candidate: Candidate, solution: str, notes: str, demand: Demand | None
) -> None:
    """The member's own solution and notes; the demand they see (until the reveal)."""
    cycle = candidate.cycle
    require_open(cycle)
    work = _work(actor, candidate)
    if demand != work.demand and cycle.revealed:
        raise AlreadyRevealed()
    work.solution, work.notes, work.demand = solution, notes, demand
    _commit(cycle)


def rate(actor: User, candidate: Candidate, scores: dict[str, int | None]) -> None:
    """Scores 1-4 per criterion; None clears one."""
    cycle = candidate.cycle
    require_open(cycle)
    mine = {
        r.criterion: r
        for r in db.session.scalars(
            sa.select(CandidateRating).where(
                CandidateRating.candidate_id == candidate.id, CandidateRating.user_id == actor.id
            )
        )
    }
    for criterion, score in scores.items():
        rating = mine.get(criterion)
        if score is None:
            if rating is not None:
                db.session.delete(rating)
        elif rating is None:
            db.session.add(
                CandidateRating(
                    candidate_id=candidate.id, user_id=actor.id, criterion=criterion, score=score
                )
            )
        else:
            rating.score = score
    _commit(cycle)


def place_dots(actor: User, candidate: Candidate, dots: int) -> None:
    """Give `dots` to a candidate; the member's dots over all candidates stay within budget,
    also when two of their posts arrive at the same moment."""
    cycle = candidate.cycle
    require_open(cycle)
    if dots < 0 or dots > cycle.dot_budget:
        raise OverBudget(_left(actor, cycle, candidate))
    work = _work(actor, candidate)
    if work.id is None:
        _commit(cycle)
        work = _work(actor, candidate)
    _lock(cycle)
    elsewhere = (
        sa.select(sa.func.coalesce(sa.func.sum(CandidateWork.dots), 0))
        .join(Candidate, Candidate.id == CandidateWork.candidate_id)
        .where(
            Candidate.cycle_id == cycle.id,
            CandidateWork.user_id == actor.id,
            CandidateWork.candidate_id != candidate.id,
        )
        .scalar_subquery()
    )
    # One statement checks the budget and writes, so SQLite's write lock covers both; on
    # PostgreSQL the cycle's row lock above orders one member's concurrent posts.
    placed = db.session.execute(
        sa.update(CandidateWork)
        .where(CandidateWork.id == work.id, elsewhere + dots <= cycle.dot_budget)
        .values(dots=dots)
        .execution_options(synchronize_session=False)
    )
    if placed.rowcount != 1:
        db.session.rollback()
        raise OverBudget(_left(actor, cycle, candidate))
    db.session.commit()
    publish(channel(cycle), "selection")


def _left(actor: User, cycle: Cycle, candidate: Candidate) -> int:
    elsewhere = db.session.scalar(
        sa.select(sa.func.coalesce(sa.func.sum(CandidateWork.dots), 0))
        .join(Candidate, Candidate.id == CandidateWork.candidate_id)
        .where(
            Candidate.cycle_id == cycle.id,
            CandidateWork.user_id == actor.id,
            CandidateWork.candidate_id != candidate.id,
        )
    )
    return max(0, cycle.dot_budget - elsewhere)


def _lock(cycle: Cycle) -> None:
    """Hold the cycle's row until commit (PostgreSQL; SQLite has no row locks)."""
    db.session.execute(sa.select(Cycle.id).where(Cycle.id == cycle.id).with_for_update())


def reveal(cycle: Cycle, at: datetime | None = None) -> bool:
    """Show everyone's solutions and calibrations at once; False if already revealed."""
    if cycle.revealed:
        return False
    require_open(cycle)
    db.session.execute(
        sa.update(Cycle)
        .where(Cycle.id == cycle.id, Cycle.revealed_at.is_(None))
        .values(revealed_at=at or utcnow())
    )
    db.session.commit()
    db.session.refresh(cycle)
    publish(channel(cycle), "selection")
    return True


def set_criteria(cycle: Cycle, criteria: str, dot_budget: int) -> None:
    """The planners' criteria and dot budget; members above a smaller budget keep their dots
    until they move them (a post then has to fit the new budget)."""
    require_open(cycle)
    db.session.execute(
        sa.update(Cycle)
        .where(Cycle.id == cycle.id)
        .values(criteria=criteria, dot_budget=dot_budget)
    )
    db.session.commit()
    db.session.refresh(cycle)
    publish(channel(cycle), "selection")
