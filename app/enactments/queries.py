"""Read-only selects for the enactment pages: a fixed number of statements however many
members, enactments and responses there are."""

from dataclasses import dataclass, field

import sqlalchemy as sa

from app.auth.models import User
from app.cycles.models import Cycle
from app.enactments.models import Enactment, Tally, Unanticipated
from app.extensions import db
from app.lessons.models import AnticipatedResponse, Lesson
from app.teams.models import Membership, Role


@dataclass
class TeacherRecords:
    """One member of the team (or a former one) and the lessons they recorded this cycle."""

    user_id: int | None
    name: str
    role: Role | None
    enactments: list[Enactment] = field(default_factory=list)
    counted: dict[int, int] = field(default_factory=dict)


def cycle_enactments(cycle: Cycle) -> list[TeacherRecords]:
    """Every member of the cycle's team with their enactments of it (and the total students
    counted on each chart); people who recorded and left the team come last."""
    members = db.session.execute(
        sa.select(User.id, User.name, Membership.role)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.team_id == cycle.team_id)
        .order_by(User.name, User.id)
    ).all()
    counted = (
        sa.select(sa.func.coalesce(sa.func.sum(Tally.count), 0))
        .where(Tally.enactment_id == Enactment.id)
        .scalar_subquery()
    )
    # The teacher's name in the same statement: one more to load teachers would make the
    # page read one statement more once a lesson is recorded than before any is.
    recorded = db.session.execute(
        sa.select(Enactment, counted, User.name)
        .outerjoin(User, User.id == Enactment.teacher_id)
        .where(Enactment.cycle_id == cycle.id)
        .order_by(Enactment.taught_on, Enactment.id)
    ).all()
    people = {user_id: TeacherRecords(user_id, name, role) for user_id, name, role in members}
    for enactment, total, teacher_name in recorded:
        owner = people.get(enactment.teacher_id)
        if owner is None:
            name = teacher_name or "A former member"
            owner = people[enactment.teacher_id] = TeacherRecords(enactment.teacher_id, name, None)
        owner.enactments.append(enactment)
        owner.counted[enactment.id] = total
    return list(people.values())


def has_enactments(cycle: Cycle) -> bool:
    return (
        db.session.scalar(sa.select(Enactment.id).where(Enactment.cycle_id == cycle.id).limit(1))
        is not None
    )


@dataclass
class ChartLine:
    """One row of the monitoring chart: an anticipated response (in its planned sequence) or
    one nobody anticipated, with its tally in this enactment if it has one yet."""

    key: str
    name: str
    anticipated: bool
    to_share: bool = False
    count: int = 0
    codes: str = ""
    share_order: int | None = None


@dataclass
class RecordView:
    enactment: Enactment
    lesson: Lesson | None
    lines: list[ChartLine]
    unanticipated: list[Unanticipated]
    counted_by_unanticipated: dict[int, int]

    @property
    def keys(self) -> set[str]:
        return {line.key for line in self.lines}


def record_view(enactment: Enactment) -> RecordView:
    lesson = db.session.scalar(sa.select(Lesson).where(Lesson.cycle_id == enactment.cycle_id))
    responses = []
    if lesson is not None:
        responses = db.session.scalars(
            sa.select(AnticipatedResponse)
            .where(
                AnticipatedResponse.lesson_id == lesson.id,
                AnticipatedResponse.removed_at.is_(None),
            )
            .order_by(AnticipatedResponse.position, AnticipatedResponse.id)
        ).all()
    unanticipated = db.session.scalars(
        sa.select(Unanticipated)
        .where(Unanticipated.enactment_id == enactment.id)
        .order_by(Unanticipated.created_at, Unanticipated.id)
    ).all()
    tallies = db.session.scalars(sa.select(Tally).where(Tally.enactment_id == enactment.id)).all()
    by_key = {_key_of(t): t for t in tallies}
    lines = [ChartLine(f"r{r.id}", r.name, True, r.to_share) for r in responses]
    lines += [ChartLine(f"u{u.id}", u.name, False) for u in unanticipated]
    for line in lines:
        if found := by_key.get(line.key):
            line.count, line.codes, line.share_order = found.count, found.codes, found.share_order
    counted = {u.id: by_key[f"u{u.id}"].count for u in unanticipated if f"u{u.id}" in by_key}
    return RecordView(enactment, lesson, lines, unanticipated, counted)


def _key_of(row: Tally) -> str:
    return f"r{row.response_id}" if row.response_id else f"u{row.unanticipated_id}"


def current_counts(enactment: Enactment) -> dict[str, int]:
    tallies = db.session.scalars(sa.select(Tally).where(Tally.enactment_id == enactment.id))
    return {_key_of(t): t.count for t in tallies}
