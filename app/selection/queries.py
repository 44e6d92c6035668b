"""The selection board, read in a fixed number of statements however many candidates and
members there are. What it holds is safe for a projector: members' solutions and demand
calibrations appear only once the facilitator has revealed them."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from app.auth.models import User
from app.cycles.models import Cycle
from app.extensions import db
from app.selection.models import Candidate, CandidateRating, CandidateWork
from app.tasks.models import Demand, Task
from app.teams.models import Membership

MAX_CANDIDATES = 30


@dataclass
class CandidateRow:
    candidate: Candidate
    dots: int = 0
    solved: int = 0  # members who wrote a solution
    calibrated: int = 0  # members who classified its demand
    demand_counts: dict[Demand, int] = field(default_factory=dict)
    # Revealed only: each member's work, by name.
    solutions: list[CandidateWork] = field(default_factory=list)
    ratings: dict[str, float] = field(default_factory=dict)  # criterion → mean score
    raters: int = 0
    voters: list[CandidateWork] = field(default_factory=list)  # who gave it dots

    @property
    def task(self) -> Task:
        return self.candidate.task

    @property
    def agreement(self) -> str:
        """How far calibrations agree: one level, neighbouring levels, split, or none yet."""
        levels = sorted(list(Demand).index(d) for d, n in self.demand_counts.items() if n)
        if not levels:
            return "none"
        if len(levels) == 1:
            return "agree"
        return "close" if levels[-1] - levels[0] == 1 else "split"


@dataclass
class Board:
    cycle: Cycle
    rows: list[CandidateRow]
    members: int
    revealed: bool

    @property
    def max_dots(self) -> int:
        return max([row.dots for row in self.rows] + [1])


def board(cycle: Cycle) -> Board:
    candidates = list(
        db.session.scalars(
            sa.select(Candidate)
            .where(Candidate.cycle_id == cycle.id)
            .options(joinedload(Candidate.task), joinedload(Candidate.proposed_by))
            .order_by(Candidate.proposed_at, Candidate.id)
            .limit(MAX_CANDIDATES)
        )
    )
    ids = [c.id for c in candidates]
    works = db.session.scalars(
        sa.select(CandidateWork)
        .where(CandidateWork.candidate_id.in_(ids))
        .options(joinedload(CandidateWork.author))
        .order_by(CandidateWork.id)
    )
    by_candidate: dict[int, list[CandidateWork]] = defaultdict(list)
    for work in works:
        by_candidate[work.candidate_id].append(work)
    means = _rating_means(ids)
    members = db.session.scalar(
        sa.select(sa.func.count(Membership.id)).where(Membership.team_id == cycle.team_id)
    )
    rows = [_row(c, by_candidate[c.id], means.get(c.id, {}), cycle.revealed) for c in candidates]
    return Board(cycle, rows, members or 0, cycle.revealed)


def _row(candidate, works, means, revealed) -> CandidateRow:
    row = CandidateRow(candidate)
    row.dots = sum(w.dots for w in works)
    row.voters = [w for w in works if w.dots]
    row.solved = sum(1 for w in works if w.solution.strip())
    row.calibrated = sum(1 for w in works if w.demand is not None)
    row.ratings, row.raters = means.get("means", {}), means.get("raters", 0)
    if revealed:
        counts = Counter(w.demand for w in works if w.demand is not None)
        row.demand_counts = {level: counts.get(level, 0) for level in Demand}
        row.solutions = [w for w in works if w.solution.strip() or w.notes.strip()]
    return row


def _rating_means(ids: list[int]) -> dict[int, dict]:
    query = (
        sa.select(
            CandidateRating.candidate_id,
            CandidateRating.criterion,
            sa.func.avg(CandidateRating.score),
            sa.func.count(sa.distinct(CandidateRating.user_id)),
        )
        .where(CandidateRating.candidate_id.in_(ids))
        .group_by(CandidateRating.candidate_id, CandidateRating.criterion)
    )
    found: dict[int, dict] = defaultdict(lambda: {"means": {}, "raters": 0})
    for candidate_id, criterion, mean, raters in db.session.execute(query):
        found[candidate_id]["means"][criterion] = round(float(mean), 1)
        found[candidate_id]["raters"] = max(found[candidate_id]["raters"], raters)
    return found


@dataclass
class MyWork:
    """What one member wrote on each candidate and how many dots they have left."""

    works: dict[int, CandidateWork]
    ratings: dict[int, dict[str, int]]
    dots_left: int


def my_work(cycle: Cycle, user: User, candidate_ids: list[int]) -> MyWork:
    works = {
        w.candidate_id: w
        for w in db.session.scalars(
            sa.select(CandidateWork).where(
                CandidateWork.candidate_id.in_(candidate_ids), CandidateWork.user_id == user.id
            )
        )
    }
    ratings: dict[int, dict[str, int]] = defaultdict(dict)
    for rating in db.session.scalars(
        sa.select(CandidateRating).where(
            CandidateRating.candidate_id.in_(candidate_ids), CandidateRating.user_id == user.id
        )
    ):
        ratings[rating.candidate_id][rating.criterion] = rating.score
    used = sum(w.dots for w in works.values())
    return MyWork(works, ratings, max(0, cycle.dot_budget - used))


def proposable(cycle: Cycle, user: User, words: str, limit: int = 10) -> list[Task]:
    """Library tasks the team can see matching `words`, not yet candidates of the cycle."""
    from app.tasks.access import visible

    query = visible(sa.select(Task), user).where(
        Task.id.not_in(sa.select(Candidate.task_id).where(Candidate.cycle_id == cycle.id))
    )
    for word in words.split()[:8]:
        like = f"%{word.replace('%', '').replace('_', '')}%"
        query = query.where(sa.or_(Task.title.ilike(like), Task.big_idea.ilike(like)))
    return list(db.session.scalars(query.order_by(Task.title, Task.id).limit(limit)))
