"""What one feature's generator hands the next: the size asked for and the rows made so far."""

import random
from dataclasses import dataclass, field
from datetime import date, datetime

from app.bench_data.bulk import Ids, Writer
from app.cycles.models import CycleStage
from app.demo.plans import SegmentPlan
from app.tasks.models import Demand

# At scale 1: the district of issue 9.
FULL_SCHOOLS = 50
FULL_TEAMS = 100
FULL_PEOPLE = 600
FULL_MENTORS = 20
HELD_WEEKS = 193  # five school years of weekly meetings
PLANNED_WEEKS = 3  # planned ahead


@dataclass(frozen=True)
class Size:
    schools: int
    teams: int
    people: int
    mentors: int
    held_weeks: int
    planned_weeks: int

    @classmethod
    def at(cls, scale: float) -> "Size":
        def part(full: int, least: int) -> int:
            return max(least, round(full * scale))

        teams = part(FULL_TEAMS, 2)
        mentors = part(FULL_MENTORS, 1)
        return cls(
            schools=part(FULL_SCHOOLS, 2),
            teams=teams,
            # an admin, the mentors, a leader and at least three teachers per team
            people=max(part(FULL_PEOPLE, 0), 1 + mentors + teams * 4),
            mentors=mentors,
            held_weeks=part(HELD_WEEKS, 4),
            planned_weeks=PLANNED_WEEKS,
        )


@dataclass
class TeamPlan:
    id: int
    grade: str
    mentor_id: int
    leader_id: int
    teacher_ids: list[int]
    weekday: int  # 0 Monday .. 4 Friday

    @property
    def member_ids(self) -> list[int]:
        return [self.mentor_id, self.leader_id, *self.teacher_ids]


@dataclass
class MeetingPlan:
    id: int
    team: TeamPlan
    number: int  # 0 for the team's first meeting
    day: date
    starts_at: datetime  # local wall clock
    started_at: datetime | None  # UTC, None when planned
    agenda: tuple[SegmentPlan, ...]
    release_step: int = 0
    segment_ids: list[int] = field(default_factory=list)
    segment_offsets: list[int] = field(default_factory=list)  # seconds from the start
    segment_seconds: list[int] = field(default_factory=list)  # how long each ran

    @property
    def held(self) -> bool:
        return self.started_at is not None


@dataclass(frozen=True)
class TaskPlan:
    id: int
    team_id: int
    shared: bool
    demand: Demand


@dataclass(frozen=True)
class CyclePlan:
    id: int
    team: TeamPlan
    starts_on: date
    stage: CycleStage
    topic: str = ""


@dataclass
class LessonPlan:
    """A cycle's lesson as the enactments need it: its anticipated responses still in it, in
    their planned order, and the revision its history ended at."""

    id: int
    cycle: CyclePlan
    revision: int
    responses: list[tuple[int, bool]]  # (id, to share), by position
    last_position: int


@dataclass
class Generation:
    size: Size
    seed: int
    today: date
    ids: Ids
    writer: Writer
    password_hash: str
    district_id: int = 0
    school_ids: list[int] = field(default_factory=list)
    admin_id: int = 0
    teams: list[TeamPlan] = field(default_factory=list)
    meetings: list[MeetingPlan] = field(default_factory=list)
    tasks: list[TaskPlan] = field(default_factory=list)
    cycles: list[CyclePlan] = field(default_factory=list)
    # The decided cycles: cycle id → (shared task id, when the vote closed).
    decisions: dict[int, tuple[int, datetime]] = field(default_factory=dict)
    lessons: list[LessonPlan] = field(default_factory=list)

    @property
    def held_meetings(self) -> list[MeetingPlan]:
        return [meeting for meeting in self.meetings if meeting.held]

    def random(self, feature: str) -> random.Random:
        """One generator per feature: adding a feature leaves the others' data unchanged."""
        return random.Random(f"{self.seed}:{feature}")
