"""A cycle: one shared task, designed, taught in every classroom and debriefed together."""

from datetime import date, datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.enums import LabelledEnum, db_enum
from app.extensions import db
from app.timeutil import utcnow

if TYPE_CHECKING:
    from app.auth.models import User
    from app.tasks.models import Task
    from app.teams.models import Team

DEFAULT_CRITERIA_TEXT = "\n".join(
    (
        "Fit to the goal",
        "Cognitive demand",
        "Entry points for every learner",
        "Representations it invites",
        "Time it needs",
    )
)


class CycleStage(LabelledEnum):
    select = "select"
    design = "design"
    teach = "teach"
    debrief = "debrief"
    done = "done"

    @property
    def step(self) -> int:
        return list(CycleStage).index(self) + 1

    @property
    def next(self) -> "CycleStage | None":
        stages = list(CycleStage)
        return stages[self.step] if self.step < len(stages) else None

    @property
    def previous(self) -> "CycleStage | None":
        return list(CycleStage)[self.step - 2] if self.step > 1 else None

    @property
    def hint(self) -> str:
        return CycleStage.HINTS[self.value]


CycleStage.LABELS = {
    "select": "Select",
    "design": "Design",
    "teach": "Teach",
    "debrief": "Debrief",
    "done": "Done",
}
CycleStage.HINTS = {
    "select": "Do the math as learners and choose the shared task.",
    "design": "Plan the lesson and anticipate student responses.",
    "teach": "Each teacher teaches the shared task and gathers student work.",
    "debrief": "Compare classrooms with what we anticipated; agree on next steps.",
    "done": "The cycle is closed; its next steps start the next one.",
}


def live_channel(cycle_id: int) -> str:
    """The live channel of a cycle's shared work (its selection board)."""
    return f"cycle:{cycle_id}"


class Cycle(db.Model):
    __tablename__ = "cycles"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(sa.ForeignKey("teams.id"), index=True)
    title: Mapped[str] = mapped_column(sa.String(160))
    goal: Mapped[str] = mapped_column(sa.Text, default="")
    big_idea: Mapped[str] = mapped_column(sa.Text, default="")
    # Standard codes such as "4.NF.A.1, 4.NF.A.2", checked and written out by forms.py.
    standards: Mapped[str] = mapped_column(sa.String(400), default="")
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    stage: Mapped[CycleStage] = mapped_column(db_enum(CycleStage), default=CycleStage.select)
    # The team's debrief record: what worked, what we learned as teachers, and the next steps
    # it carries into the next cycle (which starts from them as its goal).
    debrief_worked: Mapped[str] = mapped_column(sa.Text, default="")
    debrief_learned: Mapped[str] = mapped_column(sa.Text, default="")
    next_steps: Mapped[str] = mapped_column(sa.Text, default="")
    # Who saved the debrief record last, and when.
    debrief_saved_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    debrief_saved_at: Mapped[datetime | None]
    # Task selection (app/selection): the chosen task, why, and the state of the selection.
    shared_task_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("tasks.id", ondelete="SET NULL")
    )
    decision_rationale: Mapped[str] = mapped_column(sa.Text, default="")
    # When the facilitator showed everyone's solutions and calibrations; private before.
    revealed_at: Mapped[datetime | None]
    vote_closed_at: Mapped[datetime | None]
    dot_budget: Mapped[int] = mapped_column(default=3)
    # The criteria candidates are rated on, one a line.
    criteria: Mapped[str] = mapped_column(sa.Text, default=DEFAULT_CRITERIA_TEXT)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Bumped by every edit and stage move; a form posted from an older version is refused.
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    team: Mapped["Team"] = relationship()
    shared_task: Mapped["Task | None"] = relationship()
    debrief_saved_by: Mapped["User | None"] = relationship(foreign_keys=[debrief_saved_by_id])

    @property
    def standard_codes(self) -> list[str]:
        return [code for code in self.standards.split(", ") if code]

    @property
    def criteria_list(self) -> list[str]:
        return [line.strip() for line in self.criteria.splitlines() if line.strip()]

    @property
    def vote_closed(self) -> bool:
        return self.vote_closed_at is not None

    @property
    def revealed(self) -> bool:
        return self.revealed_at is not None
