"""A cycle's lesson on its shared task, the student responses the team anticipates, and every
change anyone made to them (the history the lesson page shows and restores from)."""

from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.enums import LabelledEnum, db_enum
from app.extensions import db
from app.timeutil import utcnow

if TYPE_CHECKING:
    from app.auth.models import User
    from app.cycles.models import Cycle
    from app.tasks.models import Task


class Representation(LabelledEnum):
    drawing = "drawing"
    number_line = "number_line"
    area_model = "area_model"
    tape_diagram = "tape_diagram"
    array = "array"
    table = "table"
    equation = "equation"
    manipulatives = "manipulatives"
    words = "words"
    other = "other"


Representation.LABELS = {
    "drawing": "Drawing",
    "number_line": "Number line",
    "area_model": "Area model",
    "tape_diagram": "Tape diagram",
    "array": "Array",
    "table": "Table",
    "equation": "Equation",
    "manipulatives": "Manipulatives",
    "words": "Words",
    "other": "Other",
}


class Correctness(LabelledEnum):
    correct = "correct"
    partial = "partial"
    incorrect = "incorrect"


Correctness.LABELS = {"correct": "Correct", "partial": "Partial", "incorrect": "Incorrect"}


class ChangeKind(LabelledEnum):
    edit = "edit"
    add = "add"
    remove = "remove"
    bring_back = "bring_back"
    reorder = "reorder"
    restore = "restore"
    start = "start"


ChangeKind.LABELS = {
    "edit": "Edited",
    "add": "Added",
    "remove": "Removed",
    "bring_back": "Brought back",
    "reorder": "Reordered",
    "restore": "Restored an earlier version",
    "start": "Started the lesson",
}

# The plan's text fields in the order the page shows them, with the words people read.
PLAN_FIELDS = {
    "learning_goal": "Mathematical learning goal",
    "big_ideas": "Big ideas",
    "materials": "Materials",
    "launch": "Launch",
    "explore": "Explore",
    "discuss": "Discuss (consolidation)",
    "exit_prompt": "Exit prompt",
    "supports": "Supports for access",
    "extensions": "Extensions",
}
# Minutes planned for the three phases, saved like the text fields.
PLAN_MINUTES = {
    "launch_minutes": "Launch minutes",
    "explore_minutes": "Explore minutes",
    "discuss_minutes": "Discuss minutes",
}
# A response's fields saved one at a time, each with its own history.
RESPONSE_FIELDS = {
    "name": "Name",
    "to_share": "Share in the discussion",
    "description": "What the student does",
    "representation": "Representation",
    "correctness": "Correct, partial or incorrect",
    "misconception": "Misconception behind it",
    "assessing_questions": "Assessing questions",
    "advancing_questions": "Advancing questions",
    "connection": "How it connects to the goal",
}


class Lesson(db.Model):
    """One per cycle. `revision` counts every change to the lesson or its responses; each
    field remembers the revision that last changed it (`field_revisions`), so saves of
    different fields never collide and a save of the same field from an older one does."""

    __tablename__ = "lessons"

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(
        sa.ForeignKey("cycles.id", ondelete="CASCADE"), unique=True
    )
    # The task the lesson was planned on; earlier lessons on the same task are revised from.
    task_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("tasks.id", ondelete="SET NULL"), index=True
    )
    revised_from_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("lessons.id", ondelete="SET NULL")
    )
    learning_goal: Mapped[str] = mapped_column(sa.Text, default="")
    big_ideas: Mapped[str] = mapped_column(sa.Text, default="")
    materials: Mapped[str] = mapped_column(sa.Text, default="")
    launch: Mapped[str] = mapped_column(sa.Text, default="")
    launch_minutes: Mapped[int | None]
    explore: Mapped[str] = mapped_column(sa.Text, default="")
    explore_minutes: Mapped[int | None]
    discuss: Mapped[str] = mapped_column(sa.Text, default="")
    discuss_minutes: Mapped[int | None]
    exit_prompt: Mapped[str] = mapped_column(sa.Text, default="")
    supports: Mapped[str] = mapped_column(sa.Text, default="")
    extensions: Mapped[str] = mapped_column(sa.Text, default="")
    field_revisions: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    revision: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    cycle: Mapped["Cycle"] = relationship()
    task: Mapped["Task | None"] = relationship()
    revised_from: Mapped["Lesson | None"] = relationship(remote_side=[id])

    def field_revision(self, field: str) -> int:
        return (self.field_revisions or {}).get(field, 0)

    @property
    def planned_minutes(self) -> int:
        return sum(
            m or 0 for m in (self.launch_minutes, self.explore_minutes, self.discuss_minutes)
        )


class AnticipatedResponse(db.Model):
    """A way the team expects students to work the task, with the questions to ask them.
    `position` is the planned discussion sequence; `to_share` marks the ones selected to be
    shared in the discussion. Removed responses stay (with `removed_at`) so they can come back."""

    __tablename__ = "anticipated_responses"
    __table_args__ = (
        sa.Index("ix_anticipated_responses_lesson_position", "lesson_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    lesson_id: Mapped[int] = mapped_column(sa.ForeignKey("lessons.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    to_share: Mapped[bool] = mapped_column(default=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    representation: Mapped[Representation] = mapped_column(
        db_enum(Representation), default=Representation.drawing
    )
    correctness: Mapped[Correctness] = mapped_column(
        db_enum(Correctness), default=Correctness.correct
    )
    misconception: Mapped[str] = mapped_column(sa.Text, default="")
    # One question a line.
    assessing_questions: Mapped[str] = mapped_column(sa.Text, default="")
    advancing_questions: Mapped[str] = mapped_column(sa.Text, default="")
    connection: Mapped[str] = mapped_column(sa.Text, default="")
    # A sketch of the response: a re-encoded image under the upload folder (app/uploads.py).
    sketch_name: Mapped[str | None] = mapped_column(sa.String(80))
    # The response this one was carried over from when the lesson was revised from another.
    carried_from_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("anticipated_responses.id", ondelete="SET NULL")
    )
    field_revisions: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    removed_at: Mapped[datetime | None]

    lesson: Mapped[Lesson] = relationship()

    def field_revision(self, field: str) -> int:
        return (self.field_revisions or {}).get(field, 0)

    @staticmethod
    def lines(text: str) -> list[str]:
        return [line.strip() for line in text.splitlines() if line.strip()]

    @property
    def assessing(self) -> list[str]:
        return self.lines(self.assessing_questions)

    @property
    def advancing(self) -> list[str]:
        return self.lines(self.advancing_questions)


class LessonChange(db.Model):
    """One change to a lesson: a field's new value (`field` and `value`), a response added,
    removed or brought back, or the sequence reordered (`value` lists response ids). Changes
    saved together share a `revision`."""

    __tablename__ = "lesson_changes"
    __table_args__ = (
        sa.Index("ix_lesson_changes_lesson_revision", "lesson_id", "revision"),
        sa.Index("ix_lesson_changes_field", "lesson_id", "response_id", "field", "revision"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    lesson_id: Mapped[int] = mapped_column(sa.ForeignKey("lessons.id", ondelete="CASCADE"))
    revision: Mapped[int]
    response_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("anticipated_responses.id", ondelete="CASCADE")
    )
    kind: Mapped[ChangeKind] = mapped_column(db_enum(ChangeKind))
    field: Mapped[str] = mapped_column(sa.String(40), default="")
    value: Mapped[str] = mapped_column(sa.Text, default="")
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    author: Mapped["User | None"] = relationship()
    response: Mapped[AnticipatedResponse | None] = relationship()
