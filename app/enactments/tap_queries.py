"""What tap-to-count reads: the cycle's anticipated responses in their planned sequence and the
responses nobody anticipated in this room, each with its count. Three statements, however
many responses or taps."""

from dataclasses import dataclass

import sqlalchemy as sa

from app.enactments.models import Enactment, Tally, Unanticipated
from app.extensions import db
from app.lessons.models import AnticipatedResponse, Lesson


@dataclass(frozen=True)
class CountRow:
    """One button: an anticipated response (`response_id`) or one nobody anticipated."""

    name: str
    count: int
    response_id: int | None = None
    unanticipated_id: int | None = None
    representation: str = ""


@dataclass(frozen=True)
class Counts:
    anticipated: list[CountRow]
    unanticipated: list[CountRow]

    def as_json(self) -> dict:
        return {
            "responses": {str(row.response_id): row.count for row in self.anticipated},
            "unanticipated": [
                {"id": row.unanticipated_id, "name": row.name, "count": row.count}
                for row in self.unanticipated
            ],
        }


def counts(enactment: Enactment) -> Counts:
    tallies = db.session.execute(
        sa.select(Tally.response_id, Tally.unanticipated_id, Tally.count).where(
            Tally.enactment_id == enactment.id
        )
    ).all()
    by_response = {t.response_id: t.count for t in tallies if t.response_id}
    by_unanticipated = {t.unanticipated_id: t.count for t in tallies if t.unanticipated_id}
    responses = db.session.scalars(
        sa.select(AnticipatedResponse)
        .join(Lesson, Lesson.id == AnticipatedResponse.lesson_id)
        .where(Lesson.cycle_id == enactment.cycle_id, AnticipatedResponse.removed_at.is_(None))
        .order_by(AnticipatedResponse.position, AnticipatedResponse.id)
    )
    found = db.session.scalars(
        sa.select(Unanticipated)
        .where(Unanticipated.enactment_id == enactment.id)
        .order_by(Unanticipated.created_at, Unanticipated.id)
    )
    return Counts(
        anticipated=[
            CountRow(
                r.name,
                by_response.get(r.id, 0),
                response_id=r.id,
                representation=r.representation.label,
            )
            for r in responses
        ],
        unanticipated=[
            CountRow(u.name, by_unanticipated.get(u.id, 0), unanticipated_id=u.id) for u in found
        ],
    )
