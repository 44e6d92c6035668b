"""What the demo's Grade 4 team did across two and a half cycles, session by session, and who
is on it (the sessions themselves are in cycle1.py, cycle2.py and cycle3.py).

Days count from the “Cycle 3 planning” meeting (PLANNING_*), which is held 14 days before the
demo is loaded. Jordan Lee (the teacher leader) takes over facilitation from Dr. Ana Ruiz (the
mentor) segment by segment; the moves logged in each session follow the curve of Ebby et al.
(2023). People are keys of PEOPLE: mentor, leader, teacher1 (Priya Natarajan, Room 14),
teacher2 (Marcus Bell) and teacher3 (Sofia Alvarez). Students appear by initials only.
"""

from app.demo import cycle1, cycle2, cycle3
from app.demo.cycle3 import (
    PLANNING_AGENDA,
    PLANNING_CONTRIBUTIONS,
    PLANNING_RECORD,
    PLANNING_TITLE,
    UPCOMING_AGENDA,
    UPCOMING_PLAN,
    UPCOMING_TITLE,
)
from app.demo.plans import CU, MENTOR, PARTICIPANT, Person, PhaseStep, S, SegmentPlan
from app.teams.models import Role

__all__ = [
    "AGENDAS",
    "CU",
    "MENTOR",
    "PARTICIPANT",
    "PEOPLE",
    "PHASES",
    "PLANNING_AGENDA",
    "PLANNING_CONTRIBUTIONS",
    "PLANNING_RECORD",
    "PLANNING_TITLE",
    "S",
    "SCHOOLS",
    "SESSIONS",
    "TEAM_NAME",
    "UPCOMING_AGENDA",
    "UPCOMING_PLAN",
    "UPCOMING_TITLE",
]

SCHOOLS = ["Maple Street Elementary", "Riverbend Elementary"]
TEAM_NAME = "Grade 4 Math Team"

PEOPLE = [
    Person(key="admin", email="admin@demo.test", name="Dana Whitfield", is_admin=True),
    Person(key="mentor", email="mentor@demo.test", name="Dr. Ana Ruiz", role=Role.mentor),
    Person(
        key="leader",
        email="leader@demo.test",
        name="Jordan Lee",
        school=0,
        role=Role.teacher_leader,
    ),
    Person(
        key="teacher1",
        email="teacher1@demo.test",
        name="Priya Natarajan",
        school=0,
        role=Role.teacher,
    ),
    Person(
        key="teacher2", email="teacher2@demo.test", name="Marcus Bell", school=1, role=Role.teacher
    ),
    Person(
        key="teacher3",
        email="teacher3@demo.test",
        name="Sofia Alvarez",
        school=1,
        role=Role.teacher,
    ),
]

# The held sessions, cycle by cycle, in the order they were held (the planning meeting of cycle
# 3, day 0, is app.demo.meetings' own).
SESSIONS = [*cycle1.SESSIONS, *cycle2.SESSIONS, *cycle3.SESSIONS]

# The pipeline: who entered which phase when, with the mentor's note and next step.
PHASES = [
    PhaseStep(
        person="leader",
        phase="experience",
        day=-400,
        note=(
            "Joined the cross-school group as a participant. Notices student thinking closely; "
            "quiet in whole-group discussion."
        ),
        next_step="Teach each shared task and bring student work to every debrief.",
    ),
    PhaseStep(
        person="leader",
        phase="teach",
        day=-290,
        note=(
            "Taught each shared task with careful monitoring-chart notes, and offered to help plan "
            "the final debrief of the round."
        ),
        next_step="Invite Jordan to learn to lead the Grade 4 team, starting with check-ins.",
    ),
    PhaseStep(
        person="leader",
        phase="lead",
        day=-140,
        note=(
            "Agreed to learn to facilitate the Grade 4 team. I model the first sessions, then we "
            "hand over segment by segment: check-ins first, task selection last. We plan together "
            "before every session Jordan facilitates and debrief it after."
        ),
        next_step=(
            "Lead the cycle 3 debrief with me only observing; take over task selection in cycle 4."
        ),
    ),
    PhaseStep(
        person="teacher1",
        phase="experience",
        day=-400,
        note=(
            "Joined with Jordan from Maple Street. Asks the sharpest assessing questions on the "
            "team."
        ),
        next_step="Teach the shared tasks with a monitoring chart.",
    ),
    PhaseStep(
        person="teacher1",
        phase="teach",
        day=-290,
        note=(
            "Keeps the most detailed monitoring notes on the team and shares her classroom openly. "
            "Her Room 14 samples anchor most of our debriefs."
        ),
        next_step="Co-facilitate a check-in in cycle 4; talk about learning to lead.",
    ),
    PhaseStep(
        person="teacher2",
        phase="experience",
        day=-160,
        note=(
            "New to the group, moving from fifth grade. Strong with number; tends to show students "
            "a method early."
        ),
        next_step=(
            "Teach the shared task with the monitoring chart and hold back from showing a method."
        ),
    ),
    PhaseStep(
        person="teacher2",
        phase="teach",
        day=-40,
        note=(
            "Taught Garden Plots with the monitoring chart and held back: R.J.’s clock strategy "
            "surfaced because Marcus waited. Now predicts errors well in anticipating."
        ),
        next_step="Observe Sofia teach Fraction Pairs and debrief it together.",
    ),
    PhaseStep(
        person="teacher3",
        phase="experience",
        day=-160,
        note=(
            "First year teaching fourth grade and new to the group. A careful planner; quiet in "
            "whole-group talk so far, more open in pairs."
        ),
        next_step="Teach Fraction Pairs with the monitoring chart while Marcus observes.",
    ),
]

# Every agenda of the demo team in the order it met: the generated district's teams follow it.
AGENDAS: tuple[tuple[SegmentPlan, ...], ...] = tuple(
    [s.segments for s in SESSIONS if s.day < 0]
    + [PLANNING_AGENDA]
    + [s.segments for s in SESSIONS if s.day > 0]
    + [UPCOMING_AGENDA]
)
