"""The shapes of the demo's data, with named fields so a later feature can add one (with a
default) without anyone counting tuple positions. People are keys of the demo's people:
"admin", "mentor", "leader", "teacher1", "teacher2", "teacher3"."""

from dataclasses import dataclass
from datetime import time

from app.leadership.models import MoveBy, MoveType
from app.meetings.models import ContributionKind, ReleaseLevel, SegmentKind
from app.teams.models import Role

# Short names the demo's data is written with.
K, R, C = SegmentKind, ReleaseLevel, ContributionKind
S, E, CU, CO = MoveType.structuring, MoveType.eliciting, MoveType.cultivating, MoveType.connecting
MENTOR, LEADER, PARTICIPANT = MoveBy.mentor, MoveBy.leader, MoveBy.participant
MAPLE = "Maple Street Elementary, Room 12"
RIVERBEND = "Riverbend Elementary, Library"
VIDEO = "https://meet.example.org/grade4-math"


@dataclass(frozen=True)
class Person:
    key: str
    email: str
    name: str
    school: int | None = None  # index in SCHOOLS; None for district staff
    is_admin: bool = False
    role: Role | None = None  # on the demo team


@dataclass(frozen=True)
class SegmentPlan:
    title: str
    kind: SegmentKind
    minutes: int  # planned
    facilitator: str = "mentor"
    release: ReleaseLevel = ReleaseLevel.mentor_leads
    seconds: int = 0  # how long it ran; 0 until it is held


@dataclass(frozen=True)
class Said:
    """A note, question, decision or action item written during a segment."""

    segment: int  # index in the session's segments
    kind: ContributionKind
    author: str
    body: str
    owner: str | None = None  # action items
    due_in_days: int | None = None  # from the meeting's day
    done: bool = False


@dataclass(frozen=True)
class MoveCounts:
    """How many moves of each type one maker made in a session."""

    structuring: int = 0
    eliciting: int = 0
    cultivating: int = 0
    connecting: int = 0

    def by_type(self) -> dict[MoveType, int]:
        return {move_type: getattr(self, move_type.value) for move_type in MoveType}


@dataclass(frozen=True)
class MoveNote:
    """The observer's words on one of the counted moves."""

    segment: int
    by: MoveBy
    move_type: MoveType
    note: str


@dataclass(frozen=True)
class NudgePlan:
    segment: int
    body: str
    dismissed: bool = True


@dataclass(frozen=True)
class LoopPlan:
    """A mentoring loop: planned before the session, reflected on after it."""

    leader_goals: str
    planning_notes: str
    leader_reflection: str = ""
    mentor_reflection: str = ""
    next_goals: str = ""


@dataclass(frozen=True)
class Record:
    """What was logged around a session: moves, nudges and the mentoring loop (None when the
    leader facilitated nothing)."""

    moves: dict[MoveBy, MoveCounts]
    notes: tuple[MoveNote, ...] = ()
    nudges: tuple[NudgePlan, ...] = ()
    loop: LoopPlan | None = None


@dataclass(frozen=True)
class Session:
    """A held meeting of the demo team; `day` counts from the “Cycle 3 planning” meeting."""

    day: int
    title: str
    goal: str
    location: str
    segments: tuple[SegmentPlan, ...]
    contributions: tuple[Said, ...]
    record: Record
    created_by: str = "mentor"
    absent: tuple[str, ...] = ()
    video_url: str = ""
    starts: time = time(15, 30)
    duration: int = 60


@dataclass(frozen=True)
class PhaseStep:
    """A step of the Experience → Teach → Lead pipeline; `day` as in Session."""

    person: str
    phase: str
    day: int
    note: str
    next_step: str


# The demo's lessons are written step by step through app.lessons.writing, so their history is
# the one a team would leave. `day` counts from the lesson's start (the vote closing), `at` is
# the local time; a response is named by its key (the name it was first written with).
@dataclass(frozen=True)
class Save:
    day: int
    at: time
    who: str
    field: str
    text: str
    response: str = ""


@dataclass(frozen=True)
class AddResponse:
    day: int
    at: time
    who: str
    key: str
    fields: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class RemoveResponse:
    day: int
    at: time
    who: str
    key: str


@dataclass(frozen=True)
class MoveResponse:
    day: int
    at: time
    who: str
    key: str
    by: int  # places down the sequence (negative: up)


@dataclass(frozen=True)
class Restore:
    """Put a field back to the value it had `back` saves ago."""

    day: int
    at: time
    who: str
    field: str
    response: str = ""
    back: int = 1


@dataclass(frozen=True)
class CoEdit:
    """Saves made from one loaded page at the same moment, by different people: each is
    checked against the revision its editor started from."""

    saves: tuple[Save, ...]


@dataclass(frozen=True)
class Clash:
    """Two people change the same field from the same revision: the later save is told of the
    conflict and keeps a merge of both."""

    first: Save
    second: Save
    merged: str


LessonStep = Save | AddResponse | RemoveResponse | MoveResponse | Restore | CoEdit | Clash
