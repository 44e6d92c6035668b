"""The cross-classroom comparison of a cycle, read in four statements however many classrooms
and responses there are: the enactments with their teachers, the anticipated responses, every
chart row and every response nobody anticipated."""

from dataclasses import dataclass, field

import sqlalchemy as sa

from app.auth.models import User
from app.cycles.models import Cycle
from app.enactments.models import EXIT_LEVELS, KEEPING, DemandFactor, Enactment, Tally
from app.enactments.models import Unanticipated as UnanticipatedRow
from app.extensions import db
from app.lessons.models import AnticipatedResponse, Lesson

LOWERING = tuple(f for f in DemandFactor if f not in KEEPING)


@dataclass
class Unexpected:
    """A response nobody anticipated in one room, and how many students used it."""

    name: str
    description: str
    count: int
    promoted: bool


@dataclass
class Shared:
    """One response shared in the discussion, at its place in the room's sequence."""

    order: int
    name: str
    anticipated: bool


@dataclass
class Room:
    """One classroom: its enactment and everything the comparison draws of it."""

    enactment: Enactment
    teacher: str
    counts: dict[int, int] = field(default_factory=dict)
    unexpected: list[Unexpected] = field(default_factory=list)
    sequence: list[Shared] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.enactment.class_code} · {self.teacher}"

    @property
    def students(self) -> int | None:
        return self.enactment.students

    @property
    def anticipated_total(self) -> int:
        return sum(self.counts.values())

    @property
    def unexpected_total(self) -> int:
        return sum(u.count for u in self.unexpected)

    @property
    def levels(self) -> dict[str, int | None]:
        return {level: getattr(self.enactment, level) for level in EXIT_LEVELS}

    @property
    def has_exit(self) -> bool:
        return any(n is not None for n in self.levels.values())

    @property
    def assessed(self) -> int:
        return sum(n or 0 for n in self.levels.values())

    @property
    def not_assessed(self) -> int:
        """Students of the class the exit prompt's levels leave out (0 when unknown)."""
        if self.students is None:
            return 0
        return max(0, self.students - self.assessed)

    @property
    def exit_total(self) -> int:
        """The students the exit bar stands for: the class, or those assessed if more."""
        return self.assessed + self.not_assessed

    @property
    def factors(self) -> set[DemandFactor]:
        return set(self.enactment.factors)

    @property
    def reflected(self) -> bool:
        e = self.enactment
        return bool(e.what_worked or e.surprised or e.would_change or e.video_url)

    def share(self, count: int) -> float | None:
        """A count as a share of the class's students (None when the class size is unknown)."""
        return count / self.students if self.students else None


@dataclass
class Comparison:
    cycle: Cycle
    rooms: list[Room]
    responses: list[AnticipatedResponse]

    def count(self, room: Room, response: AnticipatedResponse) -> int:
        return room.counts.get(response.id, 0)

    def row_total(self, response: AnticipatedResponse) -> int:
        return sum(self.count(room, response) for room in self.rooms)

    @property
    def total(self) -> int:
        return sum(room.anticipated_total for room in self.rooms)

    @property
    def students(self) -> int | None:
        """Every class's students, when every class gave its size."""
        sizes = [room.students for room in self.rooms]
        return sum(sizes) if sizes and None not in sizes else None

    @property
    def highest(self) -> int:
        return max((c for room in self.rooms for c in room.counts.values()), default=0)

    @property
    def any_unexpected(self) -> bool:
        return any(room.unexpected for room in self.rooms)

    @property
    def any_exit(self) -> bool:
        return any(room.has_exit for room in self.rooms)

    def rooms_with(self, factor: DemandFactor) -> int:
        return sum(factor in room.factors for room in self.rooms)


def comparison(cycle: Cycle) -> Comparison:
    rooms = _rooms(cycle)
    responses = _responses(cycle)
    by_enactment = {room.enactment.id: room for room in rooms}
    names = {r.id: r.name for r in responses}
    unexpected = _unexpected(cycle)
    for enactment_id, found in unexpected.values():
        by_enactment[enactment_id].unexpected.append(found)
    for tally in _tallies(cycle):
        room = by_enactment[tally.enactment_id]
        if tally.response_id is not None:
            room.counts[tally.response_id] = tally.count
            name, anticipated = names.get(tally.response_id), True
        else:
            if tally.unanticipated_id not in unexpected:
                continue
            found = unexpected[tally.unanticipated_id][1]
            found.count = tally.count
            name, anticipated = found.name, False
        if tally.share_order is not None and name is not None:
            room.sequence.append(Shared(tally.share_order, name, anticipated))
    for room in rooms:
        room.sequence.sort(key=lambda shared: shared.order)
    return Comparison(cycle, rooms, responses)


def _rooms(cycle: Cycle) -> list[Room]:
    rows = db.session.execute(
        sa.select(Enactment, User.name)
        .outerjoin(User, User.id == Enactment.teacher_id)
        .where(Enactment.cycle_id == cycle.id)
        .order_by(Enactment.taught_on, Enactment.class_code, Enactment.id)
    ).all()
    return [Room(enactment, name or "A former member") for enactment, name in rows]


def _responses(cycle: Cycle) -> list[AnticipatedResponse]:
    """The lesson's anticipated responses in their planned order; a removed one stays while
    some class counted students on it."""
    counted = (
        sa.select(Tally.response_id)
        .join(Enactment, Enactment.id == Tally.enactment_id)
        .where(Enactment.cycle_id == cycle.id, Tally.count > 0, Tally.response_id.is_not(None))
    )
    return db.session.scalars(
        sa.select(AnticipatedResponse)
        .join(Lesson, Lesson.id == AnticipatedResponse.lesson_id)
        .where(
            Lesson.cycle_id == cycle.id,
            sa.or_(AnticipatedResponse.removed_at.is_(None), AnticipatedResponse.id.in_(counted)),
        )
        .order_by(AnticipatedResponse.position, AnticipatedResponse.id)
    ).all()


def _tallies(cycle: Cycle) -> list[Tally]:
    return db.session.scalars(
        sa.select(Tally)
        .join(Enactment, Enactment.id == Tally.enactment_id)
        .where(Enactment.cycle_id == cycle.id)
        .order_by(Tally.id)
    ).all()


def _unexpected(cycle: Cycle) -> dict[int, tuple[int, Unexpected]]:
    """Each response nobody anticipated: its room's enactment and what the page shows."""
    rows = db.session.scalars(
        sa.select(UnanticipatedRow)
        .join(Enactment, Enactment.id == UnanticipatedRow.enactment_id)
        .where(Enactment.cycle_id == cycle.id)
        .order_by(UnanticipatedRow.created_at, UnanticipatedRow.id)
    ).all()
    return {
        row.id: (
            row.enactment_id,
            Unexpected(row.name, row.description, 0, row.promoted_to_id is not None),
        )
        for row in rows
    }
