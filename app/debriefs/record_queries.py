"""What the debrief record page shows besides the cycle: the responses nobody anticipated in
any of its rooms, with their counts and whether each is promoted — one statement however many."""

from dataclasses import dataclass

import sqlalchemy as sa

from app.auth.models import User
from app.cycles.models import Cycle
from app.cycles.queries import previous_with_next_steps
from app.enactments.models import Enactment, Tally, Unanticipated
from app.extensions import db
from app.lessons.models import AnticipatedResponse

MAX_ROWS = 200


@dataclass(frozen=True)
class UnanticipatedRow:
    id: int
    name: str
    description: str
    class_code: str
    teacher: str
    count: int
    promoted: bool

    @property
    def room(self) -> str:
        return f"{self.teacher}, class {self.class_code}"


def unanticipated_rows(cycle: Cycle) -> list[UnanticipatedRow]:
    """Every unanticipated response of the cycle's enactments, by room then as added. One
    promoted, then removed from the lesson by someone, counts as not promoted."""
    query = (
        sa.select(
            Unanticipated.id,
            Unanticipated.name,
            Unanticipated.description,
            Enactment.class_code,
            sa.func.coalesce(User.name, "A former member"),
            sa.func.coalesce(Tally.count, 0),
            sa.and_(AnticipatedResponse.id.isnot(None), AnticipatedResponse.removed_at.is_(None)),
        )
        .join(Enactment, Enactment.id == Unanticipated.enactment_id)
        .outerjoin(User, User.id == Enactment.teacher_id)
        .outerjoin(Tally, Tally.unanticipated_id == Unanticipated.id)
        .outerjoin(AnticipatedResponse, AnticipatedResponse.id == Unanticipated.promoted_to_id)
        .where(Enactment.cycle_id == cycle.id)
        .order_by(Enactment.taught_on, Enactment.class_code, Unanticipated.id)
        .limit(MAX_ROWS)
    )
    return [UnanticipatedRow(*row[:6], bool(row[6])) for row in db.session.execute(query)]


def starts_the_next_cycle(cycle: Cycle) -> bool:
    """Whether the team's "new cycle" form offers this cycle's next steps as the goal."""
    # Asked whether the cycle has next steps or not, so the record page reads the same
    # statements in every stage of a cycle.
    previous = previous_with_next_steps(cycle.team_id)
    return bool(cycle.next_steps) and previous is not None and previous.id == cycle.id
