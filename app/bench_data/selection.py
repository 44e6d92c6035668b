"""Each cycle's selection of its shared task: 2 to 4 candidates from the library the team sees.

A cycle past its select stage keeps the full record (every member's solution, notes and
calibration of every candidate, ratings, dots within the budget, revealed, the vote closed,
the shared task chosen with its rationale); a cycle still in select has a partial one: some
work and dots, nothing revealed, nothing decided.
"""

import random
from datetime import datetime, time, timedelta

import sqlalchemy as sa

from app.bench_data.context import CyclePlan, Generation, TaskPlan
from app.cycles.models import DEFAULT_CRITERIA_TEXT, Cycle, CycleStage
from app.selection.models import DEFAULT_DOTS, SCORES, Candidate, CandidateRating, CandidateWork
from app.tasks.models import Demand

CRITERIA = DEFAULT_CRITERIA_TEXT.splitlines()
SOLUTIONS = (
    "Drew it first, then wrote the equation that matched the drawing.",
    "Made a table and looked for the pattern down each column.",
    "Started from a benchmark and adjusted: close to one, then a little less.",
    "Broke the numbers apart by place value and added the parts.",
    "Used fraction strips to compare, then checked with common denominators.",
    "Acted it out with counters before writing anything down.",
    "",
)
NOTES = (
    "Students may stop at the first answer; ask for a second way.",
    "The context needs a picture for our English learners.",
    "Entry point is easy; the extension is where the thinking is.",
    "Watch for adding numerators and denominators.",
    "",
    "",
)
RATIONALES = (
    "It had the most dots and every one of us found an entry point.",
    "Several strategies to anticipate, and it fits the goal of the cycle best.",
    "The calibrations split on its demand: teaching it will tell us who was right.",
    "It builds on the next steps of our last debrief.",
)
SHIFTS = (0, 0, 0, -1, 1)
CALIBRATIONS = {
    demand: {shift: list(Demand)[max(0, min(len(Demand) - 1, level + shift))] for shift in SHIFTS}
    for level, demand in enumerate(Demand)
}
CANDIDATE_COLUMNS = ("id", "cycle_id", "task_id", "proposed_by_id", "proposed_at")
WORK_COLUMNS = (
    "id",
    "candidate_id",
    "user_id",
    "solution",
    "notes",
    "demand",
    "dots",
    "updated_at",
)
RATING_COLUMNS = ("id", "candidate_id", "user_id", "criterion", "score")
# In a cycle still in select, the share of (member, candidate) pairs with some work.
PARTIAL_WORK = 0.5
# The share of members' works that come with ratings: rating is optional, and a district of
# every member rating every candidate would be half a million rows for little more to read.
RATED = 0.3


def seed_selection(gen: Generation) -> None:
    rng = gen.random("selection")
    ids = _Counters(gen)
    shared = [task for task in gen.tasks if task.shared]
    drafts: dict[int, list[TaskPlan]] = {}
    for task in gen.tasks:
        if not task.shared:
            drafts.setdefault(task.team_id, []).append(task)
    candidates, work, ratings, decisions = [], [], [], []
    # Proposals ahead of today are dated two days ago, as a team proposes before it meets.
    latest = datetime.combine(gen.today - timedelta(days=2), time(15, 30))
    pools: dict[int, list[TaskPlan]] = {}
    for cycle in gen.cycles:
        pool = pools.get(cycle.team.id) or pools.setdefault(
            cycle.team.id, shared + drafts.get(cycle.team.id, [])
        )
        if len(pool) < 2:
            continue
        chosen = rng.sample(pool, rng.randint(2, min(4, len(pool))))
        proposed_at = min(datetime.combine(cycle.starts_on, time(15, 30)), latest)
        full = cycle.stage != CycleStage.select
        dots = _dots(rng, cycle.team.member_ids, len(chosen), full)
        for order, task in enumerate(chosen):
            candidate_id = next(ids.candidates)
            candidates.append(
                (candidate_id, cycle.id, task.id, rng.choice(cycle.team.member_ids))
                + (proposed_at + timedelta(minutes=order),)
            )
            for member in cycle.team.member_ids:
                given = dots[member][order]
                if not (full or given or rng.random() < PARTIAL_WORK):
                    continue
                work.append(_work(rng, ids, candidate_id, member, task, given, proposed_at, full))
                if rng.random() < RATED:
                    draw = rng.getrandbits(2 * len(CRITERIA))  # a score of 1 to 4 in every 2 bits
                    ratings.extend(
                        (
                            next(ids.ratings),
                            candidate_id,
                            member,
                            criterion,
                            SCORES[draw >> 2 * n & 3],
                        )
                        for n, criterion in enumerate(CRITERIA)
                    )
        if full:
            decisions.append(_decision(rng, cycle, chosen, dots, proposed_at))
            gen.decisions[cycle.id] = (decisions[-1]["task"], decisions[-1]["closed"])
    gen.writer.write(Candidate, CANDIDATE_COLUMNS, candidates)
    gen.writer.write(CandidateWork, WORK_COLUMNS, work)
    gen.writer.write(CandidateRating, RATING_COLUMNS, ratings)
    _record_decisions(gen.writer.connection, decisions)


class _Counters:
    def __init__(self, gen: Generation):
        self.candidates = gen.ids.counter(Candidate)
        self.work = gen.ids.counter(CandidateWork)
        self.ratings = gen.ids.counter(CandidateRating)


def _dots(
    rng: random.Random, members: list[int], candidates: int, full: bool
) -> dict[int, list[int]]:
    """Each member's dots per candidate: the whole budget once decided, some of it before."""
    placed = {}
    for member in members:
        spread = [0] * candidates
        for _ in range(DEFAULT_DOTS if full else rng.randint(0, DEFAULT_DOTS)):
            spread[rng.randrange(candidates)] += 1
        placed[member] = spread
    return placed


def _work(
    rng: random.Random,
    ids: _Counters,
    candidate_id: int,
    member: int,
    task: TaskPlan,
    dots: int,
    proposed_at: datetime,
    full: bool,
) -> tuple:
    # One draw decoded digit by digit: five draws per row were most of this feature's time.
    draw = rng.getrandbits(30)
    draw, shift = divmod(draw, len(SHIFTS))
    draw, solution = divmod(draw, len(SOLUTIONS))
    draw, notes = divmod(draw, len(NOTES))
    draw, hours = divmod(draw, 20)
    # Most calibrations land on the task's own demand, some a level either side; in a cycle
    # still in select some members have not calibrated yet.
    demand = CALIBRATIONS[task.demand][SHIFTS[shift]] if full or draw % 10 >= 3 else None
    return (
        next(ids.work),
        candidate_id,
        member,
        SOLUTIONS[solution],
        NOTES[notes],
        demand,
        dots,
        proposed_at + timedelta(hours=1 + hours),
    )


def _decision(
    rng: random.Random,
    cycle: CyclePlan,
    chosen: list[TaskPlan],
    dots: dict[int, list[int]],
    proposed_at: datetime,
) -> dict:
    totals = [sum(spread[order] for spread in dots.values()) for order in range(len(chosen))]
    closed = proposed_at + timedelta(days=1)
    return {
        "cycle": cycle.id,
        "task": chosen[totals.index(max(totals))].id,
        "rationale": rng.choice(RATIONALES),
        "revealed": closed,
        "closed": closed,
    }


def _record_decisions(connection: sa.Connection, decisions: list[dict]) -> None:
    """The decided cycles' shared task and rationale: one UPDATE by primary key, as a batch."""
    if not decisions:
        return
    cycles = Cycle.__table__
    statement = (
        cycles.update()
        .where(cycles.c.id == sa.bindparam("cycle"))
        .values(
            shared_task_id=sa.bindparam("task"),
            decision_rationale=sa.bindparam("rationale"),
            revealed_at=sa.bindparam("revealed"),
            vote_closed_at=sa.bindparam("closed"),
        )
    )
    connection.execute(statement, decisions)
