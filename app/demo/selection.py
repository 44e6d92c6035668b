"""How the demo team chose its shared tasks: last school year's number-line cycle, cycles 1
to 3, and cycle 4, whose vote closed a day after the candidates came in (seven dots to six, the
calibrations split). Every record keeps its candidates, solutions, calibrations, ratings and
dots. Loading the demo twice changes nothing."""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

import sqlalchemy as sa

from app.auth.models import User
from app.cycles.models import Cycle
from app.demo.cycles import LAST_YEAR_TOPIC
from app.extensions import db
from app.selection.models import Candidate, CandidateRating, CandidateWork
from app.tasks.models import Demand, Task
from app.teams.models import Team
from app.timeutil import utcnow

D = Demand


@dataclass(frozen=True)
class Work:
    """One person's work on one candidate."""

    who: str
    demand: Demand | None = None
    solution: str = ""
    notes: str = ""
    dots: int = 0
    ratings: tuple[int, ...] = ()  # in the order of the cycle's criteria


@dataclass(frozen=True)
class DemoCandidate:
    task: str
    proposed_by: str
    work: tuple[Work, ...] = field(default=())


@dataclass(frozen=True)
class DemoSelection:
    cycle_topic: str  # the words the cycle's title carries
    candidates: tuple[DemoCandidate, ...]
    chosen: str | None = None
    rationale: str = ""


SELECTIONS = (
    DemoSelection(
        cycle_topic=LAST_YEAR_TOPIC,
        candidates=(
            DemoCandidate(
                "Equivalent Fractions on the Number Line",
                "teacher1",
                (
                    Work(
                        "teacher1",
                        D.procedures_with_connections,
                        "Split each third in two, then in four: 2/3 = 4/6 = 8/12.",
                        dots=3,
                        ratings=(4, 3, 3, 4, 4),
                    ),
                    Work(
                        "leader",
                        D.procedures_with_connections,
                        "Drew three lines under each other to see the point line up.",
                        dots=2,
                    ),
                    Work("mentor", D.procedures_with_connections, dots=2, ratings=(4, 3, 4, 3, 4)),
                ),
            ),
            DemoCandidate(
                "Fraction Words",
                "mentor",
                (
                    Work(
                        "mentor",
                        D.memorization,
                        notes="Brought to calibrate against: matching words is recall.",
                        dots=1,
                    ),
                    Work("leader", D.memorization, dots=1),
                ),
            ),
        ),
        chosen="Equivalent Fractions on the Number Line",
        rationale="Our first fraction cycle together: a procedure with connections is a safe "
        "start, and Priya's number line is the picture we want students to keep. Fraction "
        "Words was only here to practise calibrating demand.",
    ),
    DemoSelection(
        cycle_topic="multi-digit multiplication",
        candidates=(
            DemoCandidate(
                "Auditorium Seats",
                "leader",
                (
                    Work("mentor", D.doing_mathematics, dots=2, ratings=(4, 4, 3, 4, 3)),
                    Work("leader", D.doing_mathematics, dots=3, ratings=(4, 4, 4, 3, 3)),
                    Work("teacher1", D.procedures_with_connections, dots=2),
                ),
            ),
            DemoCandidate(
                "Two-Digit Multiplication Practice",
                "teacher2",
                (
                    Work("teacher2", D.procedures_without_connections, dots=3),
                    Work("mentor", D.procedures_without_connections, dots=1),
                    Work("teacher1", D.procedures_without_connections, dots=1),
                ),
            ),
        ),
        chosen="Auditorium Seats",
        rationale="Two ways to count the seats give us the strategies to anticipate, and the "
        "principal's claim gives every student a reason to check.",
    ),
    DemoSelection(
        cycle_topic="equivalent fractions",
        candidates=(
            DemoCandidate(
                "Garden Plots",
                "mentor",
                (
                    Work(
                        "leader",
                        D.doing_mathematics,
                        "Shaded 3/4 of the plot, then cut each fourth in two: 6/8.",
                        "Will students see the plot as the same whole both times?",
                        dots=2,
                        ratings=(4, 4, 4, 4, 2),
                    ),
                    Work(
                        "teacher1",
                        D.doing_mathematics,
                        "Used fraction strips: 3/4 lines up with 6/8 and 9/12.",
                        dots=2,
                        ratings=(4, 3, 4, 3, 3),
                    ),
                    Work(
                        "teacher2",
                        D.procedures_with_connections,
                        "Multiplied top and bottom by 2, then drew it to check.",
                        dots=1,
                        ratings=(3, 3, 3, 3, 3),
                    ),
                ),
            ),
            DemoCandidate(
                "Equivalent Fractions on the Number Line",
                "teacher1",
                (
                    Work("teacher1", D.procedures_with_connections, "2/3 = 4/6 = 8/12", dots=1),
                    Work("teacher2", D.procedures_with_connections, dots=2),
                    Work("leader", D.procedures_without_connections, dots=1),
                ),
            ),
        ),
        chosen="Garden Plots",
        rationale="Everyone found an entry point, and most of us saw doing mathematics in it; "
        "Marcus's procedure-first solution is one we will anticipate. The number-line task "
        "stays for cycle 4.",
    ),
    DemoSelection(
        cycle_topic="comparing fractions",
        candidates=(
            DemoCandidate(
                "Fraction Pairs",
                "leader",
                (
                    Work("leader", D.doing_mathematics, dots=3),
                    Work("teacher1", D.doing_mathematics, dots=2),
                    Work("teacher3", D.procedures_with_connections, dots=3),
                ),
            ),
            DemoCandidate("Close to One", "teacher3", (Work("teacher3", D.doing_mathematics),)),
        ),
        chosen="Fraction Pairs",
        rationale="It starts from benchmarks, the next step our last debrief asked for.",
    ),
    DemoSelection(
        cycle_topic="fractions on the number line",
        candidates=(
            DemoCandidate(
                "Equivalent Fractions on the Number Line",
                "teacher1",
                (
                    Work(
                        "teacher1",
                        D.procedures_with_connections,
                        "2/3 → 4/6 → 8/12: the point stays, the parts get smaller.",
                        dots=2,
                        ratings=(4, 3, 3, 4, 4),
                    ),
                    Work(
                        "mentor",
                        D.doing_mathematics,
                        "Folded a paper strip in thirds, then in half again.",
                        "Folding could be the launch.",
                        dots=1,
                    ),
                    Work("teacher2", D.procedures_without_connections),
                    Work(
                        "leader",
                        D.procedures_with_connections,
                        "Three names for one point; asked myself why 2/3 has no name in fifths.",
                        dots=2,
                        ratings=(4, 4, 3, 4, 3),
                    ),
                    Work(
                        "teacher3",
                        D.procedures_with_connections,
                        "Counted the spaces, not the marks, after getting 5/7 the first time.",
                        "My students will count the marks too.",
                        dots=2,
                    ),
                ),
            ),
            DemoCandidate(
                "Sharing Brownies",
                "teacher2",
                (
                    Work(
                        "teacher2",
                        D.doing_mathematics,
                        "Each friend gets 3/4: cut every brownie in fourths, or give each "
                        "friend half and then a quarter.",
                        dots=2,
                        ratings=(3, 4, 4, 4, 2),
                    ),
                    Work("leader", D.doing_mathematics, dots=1),
                    Work("mentor", D.doing_mathematics, dots=2),
                    Work("teacher3", D.doing_mathematics, dots=1),
                ),
            ),
            DemoCandidate("Fraction Words", "teacher3", (Work("teacher3", D.memorization),)),
        ),
        chosen="Equivalent Fractions on the Number Line",
        rationale="Seven dots to six. We taught it last year and kept the lesson, so we revise "
        "instead of starting over, with last year's next steps in hand; and it goes straight "
        "at this cycle's big idea: one point, many names. Our calibrations split three ways, "
        "so we will watch whether students explain or only follow the splitting. Sharing "
        "Brownies waits for a fractions-as-division cycle.",
    ),
)


def seed_selection(team: Team, people: dict[str, User]) -> bool:
    """Add the selections unless the team's cycles have candidates; False when nothing was."""
    cycles = {
        c.title: c for c in db.session.scalars(sa.select(Cycle).where(Cycle.team_id == team.id))
    }
    if not cycles or db.session.scalar(
        sa.select(Candidate.id).where(Candidate.cycle_id.in_([c.id for c in cycles.values()]))
    ):
        return False
    tasks = {t.title: t for t in db.session.scalars(sa.select(Task).where(Task.team_id == team.id))}
    for spec in SELECTIONS:
        cycle = next(c for title, c in cycles.items() if spec.cycle_topic in title)
        _seed_one(cycle, spec, tasks, people)
    db.session.commit()
    return True


def _seed_one(cycle: Cycle, spec: DemoSelection, tasks: dict, people: dict) -> None:
    # Candidates come in at the first meeting of the cycle (or two days ago, if it is ahead).
    proposed_at = min(datetime.combine(cycle.starts_on, time(15, 30)), utcnow() - timedelta(days=2))
    for order, item in enumerate(spec.candidates):
        candidate = Candidate(
            cycle_id=cycle.id,
            task_id=tasks[item.task].id,
            proposed_by_id=people[item.proposed_by].id,
            proposed_at=proposed_at + timedelta(minutes=order),
        )
        db.session.add(candidate)
        db.session.flush()
        for work in item.work:
            who = people[work.who].id
            db.session.add(
                CandidateWork(
                    candidate_id=candidate.id,
                    user_id=who,
                    solution=work.solution,
                    notes=work.notes,
                    demand=work.demand,
                    dots=work.dots,
                )
            )
            for criterion, score in zip(cycle.criteria_list, work.ratings, strict=False):
                db.session.add(
                    CandidateRating(
                        candidate_id=candidate.id, user_id=who, criterion=criterion, score=score
                    )
                )
    if spec.chosen:
        cycle.shared_task_id = tasks[spec.chosen].id
        cycle.decision_rationale = spec.rationale
        cycle.revealed_at = cycle.vote_closed_at = proposed_at + timedelta(days=1)
