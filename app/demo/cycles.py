"""The demo team's cycles: one from last school year on the number-line task (done, with its
lesson), two done this year (with their next steps), cycle 3 being taught, and cycle 4, which
has chosen its shared task and is designing the lesson from last year's. Their meetings are
linked by title.

Dates count from the “Cycle 3 planning” meeting, as the rest of the demo's history does.
Loading the demo twice changes nothing.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa

from app.auth.models import User
from app.cycles.models import Cycle, CycleStage
from app.demo.sessions import PLANNING_TITLE, UPCOMING_TITLE
from app.extensions import db
from app.meetings.models import Meeting
from app.teams.models import Team

CYCLE_2_NEXT_STEPS = (
    "Work on comparing fractions (4.NF.A.2) next, starting from the number line: only four "
    "students in Room 12 used one.\n"
    "Do the candidate tasks ourselves first, before we rate their demand.\n"
    "Keep the sharing sequence with the general rule last."
)


@dataclass(frozen=True)
class DemoCycle:
    topic: str
    stage: CycleStage
    starts: int  # days from the Cycle 3 planning meeting
    weeks: int
    goal: str
    big_idea: str
    standards: str
    created_by: str
    next_steps: str = ""
    meetings: tuple[str, ...] = field(default=())


LAST_YEAR_TOPIC = "renaming fractions on a number line"
CYCLES = (
    DemoCycle(
        topic=LAST_YEAR_TOPIC,
        stage=CycleStage.done,
        starts=-364,
        weeks=4,
        goal="Students name one point on the number line with several fractions and explain "
        "why the point does not move.",
        big_idea="Splitting every part into the same number of pieces renames a fraction "
        "without changing its size.",
        standards="4.NF.A.1, 3.NF.A.3",
        created_by="mentor",
        next_steps="Next time, start from a folded paper strip: half of Room 12 never saw why "
        "the point stayed put.\n"
        "Watch for counting tick marks instead of spaces: we missed it in two rooms.\n"
        "Nobody measured with a ruler: that response can go.",
    ),
    DemoCycle(
        topic="multi-digit multiplication",
        stage=CycleStage.done,
        starts=-75,
        weeks=4,
        goal="Students multiply a two-digit number by a two-digit number with strategies "
        "based on place value, and explain why they work.",
        big_idea="Multiplying in parts: a product can be split by place value and the "
        "partial products added back together.",
        standards="4.NBT.B.5, 4.OA.A.3",
        created_by="mentor",
        next_steps="Move on to fractions: equivalence first (4.NF.A.1).\n"
        "Jordan leads the “do the math” segment with Ana’s support.\n"
        "Bring three student work samples per classroom to every debrief.",
        meetings=(
            "Cycle 1 planning: do the math and select a multiplication task",
            "Cycle 1: anticipate student strategies for Auditorium Seats",
            "Cycle 1 debrief: Auditorium Seats across our classrooms",
        ),
    ),
    DemoCycle(
        topic="equivalent fractions",
        stage=CycleStage.done,
        starts=-45,
        weeks=4,
        goal="Students explain why two fractions name the same amount, with area models, "
        "strips and the number line.",
        big_idea="Equivalent fractions name the same amount of the same whole: more, "
        "smaller parts.",
        standards="4.NF.A.1",
        created_by="mentor",
        next_steps=CYCLE_2_NEXT_STEPS,
        meetings=(
            "Cycle 2 planning: select an equivalent-fractions task",
            "Cycle 2: anticipate student responses to Garden Plots",
            "Cycle 2 debrief: Garden Plots across our classrooms",
        ),
    ),
    DemoCycle(
        topic="comparing fractions",
        stage=CycleStage.teach,
        starts=-13,
        weeks=5,
        goal=CYCLE_2_NEXT_STEPS,
        big_idea="Fractions can be compared by reasoning about their size: benchmarks such "
        "as one half, common numerators or denominators, and the distance to one whole.",
        standards="4.NF.A.2",
        created_by="leader",
        meetings=(
            "Doing the math: comparing fractions as learners",
            PLANNING_TITLE,
            "Cycle 3 early look: first Fraction Pairs lessons at Maple Street",
            UPCOMING_TITLE,
        ),
    ),
    DemoCycle(
        topic="fractions on the number line",
        stage=CycleStage.design,
        starts=6,
        weeks=6,
        goal="Students place fractions on the number line, give one point several names, "
        "and explain why renaming a fraction never moves it.",
        big_idea="A fraction is a number: it has one place on the number line, however it "
        "is written.",
        standards="3.NF.A.2, 4.NF.A.1",
        created_by="leader",
    ),
)


def seed_cycles(team: Team, people: dict[str, User], today: date) -> bool:
    """Add the cycles unless the team has some; False when nothing was added."""
    if db.session.scalar(sa.select(Cycle.id).where(Cycle.team_id == team.id).limit(1)):
        return False
    planning = db.session.scalar(
        sa.select(Meeting.starts_at).where(
            Meeting.team_id == team.id, Meeting.title == PLANNING_TITLE
        )
    )
    anchor = planning.date() if planning else today - timedelta(days=14)
    for spec in CYCLES:
        starts_on = anchor + timedelta(days=spec.starts)
        cycle = Cycle(
            team_id=team.id,
            title=f"{team.grade_label} — {spec.topic}, {starts_on.strftime('%B')}",
            goal=spec.goal,
            big_idea=spec.big_idea,
            standards=spec.standards,
            starts_on=starts_on,
            ends_on=starts_on + timedelta(weeks=spec.weeks),
            stage=spec.stage,
            next_steps=spec.next_steps,
            created_by_id=people[spec.created_by].id,
        )
        db.session.add(cycle)
        db.session.flush()
        if spec.meetings:
            db.session.execute(
                sa.update(Meeting)
                .where(Meeting.team_id == team.id, Meeting.title.in_(spec.meetings))
                .values(cycle_id=cycle.id)
            )
    db.session.commit()
    return True
