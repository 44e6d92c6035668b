"""What the lesson page reads: the lesson, its responses in sequence, the removed ones that
can come back. A constant number of statements however long the lesson or its history."""

from dataclasses import dataclass, field

import sqlalchemy as sa

from app.cycles.models import Cycle
from app.extensions import db
from app.lessons.models import AnticipatedResponse, Lesson
from app.lessons.starting import earlier_lesson, lesson_of


@dataclass
class LessonView:
    cycle: Cycle
    lesson: Lesson | None
    responses: list[AnticipatedResponse] = field(default_factory=list)
    removed: list[AnticipatedResponse] = field(default_factory=list)
    # A lesson on the same task from an earlier cycle, offered when this one has none yet.
    earlier: Lesson | None = None

    @property
    def shared(self) -> list[AnticipatedResponse]:
        """The planned discussion sequence: the responses selected to share, in order."""
        return [r for r in self.responses if r.to_share]


def lesson_view(cycle: Cycle) -> LessonView:
    lesson = lesson_of(cycle)
    if lesson is None:
        return LessonView(cycle, None, earlier=earlier_lesson(cycle))
    rows = list(
        db.session.scalars(
            sa.select(AnticipatedResponse)
            .where(AnticipatedResponse.lesson_id == lesson.id)
            .order_by(AnticipatedResponse.position, AnticipatedResponse.id)
        )
    )
    return LessonView(
        cycle,
        lesson,
        responses=[r for r in rows if r.removed_at is None],
        removed=[r for r in rows if r.removed_at is not None],
    )
