"""What happened when each teacher taught the cycle's shared task in their own class: how many
students used each anticipated response (and which student codes), what nobody anticipated,
the sharing sequence, the exit prompt's levels, what kept or lowered the task's demand, and a
short reflection. Students are never named: codes or initials only."""

from datetime import date, datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.enums import LabelledEnum
from app.extensions import db
from app.timeutil import utcnow

if TYPE_CHECKING:
    from app.auth.models import User
    from app.cycles.models import Cycle
    from app.lessons.models import AnticipatedResponse


class DemandFactor(LabelledEnum):
    """The Mathematical Tasks Framework's factors that keep a task's demand high or lower it."""

    scaffolding = "scaffolding"
    pressing = "pressing"
    connections = "connections"
    enough_time = "enough_time"
    became_routine = "became_routine"
    teacher_took_over = "teacher_took_over"
    focus_on_answers = "focus_on_answers"
    time_off = "time_off"

    @property
    def keeps_demand(self) -> bool:
        return self in KEEPING


DemandFactor.LABELS = {
    "scaffolding": "Scaffolding kept the thinking with the students",
    "pressing": "Students were pressed to explain and justify",
    "connections": "Connections between strategies were drawn",
    "enough_time": "There was enough time to think",
    "became_routine": "The task became routine",
    "teacher_took_over": "The teacher took over the thinking",
    "focus_on_answers": "The focus moved to correct answers",
    "time_off": "Too little or too much time",
}
KEEPING = (
    DemandFactor.scaffolding,
    DemandFactor.pressing,
    DemandFactor.connections,
    DemandFactor.enough_time,
)

EXIT_LEVELS = {
    "not_yet": "Not yet",
    "approaching": "Approaching",
    "meets": "Meets",
    "exceeds": "Exceeds",
}


def _saver() -> sa.ForeignKey:
    return sa.ForeignKey("users.id", ondelete="SET NULL")


class Enactment(db.Model):
    """One teacher's lesson on the shared task with one class."""

    __tablename__ = "enactments"
    __table_args__ = (sa.UniqueConstraint("cycle_id", "teacher_id", "class_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(
        sa.ForeignKey("cycles.id", ondelete="CASCADE"), index=True
    )
    teacher_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    taught_on: Mapped[date]
    # The class as the teacher names it ("4B", "Room 12"): never a student's name.
    class_code: Mapped[str] = mapped_column(sa.String(40))
    students: Mapped[int | None]
    minutes: Mapped[int | None]
    # How many students reached each level on the exit prompt.
    not_yet: Mapped[int | None]
    approaching: Mapped[int | None]
    meets: Mapped[int | None]
    exceeds: Mapped[int | None]
    # DemandFactor values, space-separated: the factors the teacher saw in this lesson.
    demand_factors: Mapped[str] = mapped_column(sa.String(200), default="")
    what_worked: Mapped[str] = mapped_column(sa.Text, default="")
    surprised: Mapped[str] = mapped_column(sa.Text, default="")
    would_change: Mapped[str] = mapped_column(sa.Text, default="")
    video_url: Mapped[str] = mapped_column(sa.String(500), default="")
    # Times to look at in the video, one a line ("12:40 Ana's number line").
    video_moments: Mapped[str] = mapped_column(sa.Text, default="")
    # Who saved each part last (app/enactments/parts.py), so a conflict can name them.
    facts_saved_by_id: Mapped[int | None] = mapped_column(_saver())
    exit_saved_by_id: Mapped[int | None] = mapped_column(_saver())
    factors_saved_by_id: Mapped[int | None] = mapped_column(_saver())
    reflection_saved_by_id: Mapped[int | None] = mapped_column(_saver())
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    cycle: Mapped["Cycle"] = relationship()
    teacher: Mapped["User | None"] = relationship(foreign_keys=[teacher_id])

    @property
    def factors(self) -> list[DemandFactor]:
        known = {factor.value for factor in DemandFactor}  # `str in Enum` raises on 3.11
        return [DemandFactor(v) for v in self.demand_factors.split() if v in known]


class Unanticipated(db.Model):
    """A response nobody anticipated, added in the moment; after the debrief the team can
    promote it into its anticipations for next time (`promoted_to_id`)."""

    __tablename__ = "unanticipated_responses"

    id: Mapped[int] = mapped_column(primary_key=True)
    enactment_id: Mapped[int] = mapped_column(
        sa.ForeignKey("enactments.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(sa.String(120))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    promoted_to_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("anticipated_responses.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    enactment: Mapped[Enactment] = relationship()


class Tally(db.Model):
    """The monitoring chart's row for one response in one enactment: how many students used
    it, which codes, whether it was shared and in which place. Exactly one of
    `response_id` (anticipated) and `unanticipated_id` is set."""

    __tablename__ = "tallies"
    __table_args__ = (
        sa.UniqueConstraint("enactment_id", "response_id"),
        sa.UniqueConstraint("enactment_id", "unanticipated_id"),
        sa.CheckConstraint(
            "(response_id IS NULL) <> (unanticipated_id IS NULL)", name="one_response"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    enactment_id: Mapped[int] = mapped_column(
        sa.ForeignKey("enactments.id", ondelete="CASCADE"), index=True
    )
    response_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("anticipated_responses.id", ondelete="CASCADE")
    )
    unanticipated_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("unanticipated_responses.id", ondelete="CASCADE")
    )
    count: Mapped[int] = mapped_column(default=0)
    # Student codes or initials, space- or comma-separated as typed ("A.R., K7").
    codes: Mapped[str] = mapped_column(sa.String(400), default="")
    share_order: Mapped[int | None]

    response: Mapped["AnticipatedResponse | None"] = relationship()
    unanticipated: Mapped[Unanticipated | None] = relationship()

    @property
    def shared(self) -> bool:
        return self.share_order is not None


class Tap(db.Model):
    """One tap in tap-to-count mode: +1 for a student, -1 to undo. The key the device made for
    it is unique per enactment, so a tap sent again after a dropped connection counts once."""

    __tablename__ = "taps"
    __table_args__ = (sa.UniqueConstraint("enactment_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    enactment_id: Mapped[int] = mapped_column(sa.ForeignKey("enactments.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(sa.String(64))
    tally_id: Mapped[int] = mapped_column(sa.ForeignKey("tallies.id", ondelete="CASCADE"))
    by: Mapped[int]
    # When the teacher tapped (from the device), and when it reached us.
    tapped_at: Mapped[datetime | None]
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


class WorkSample(db.Model):
    """A de-identified photo of student work from one enactment, tied to the chart row of the
    response it shows. The image is re-encoded without metadata and resized for the screen
    (app/uploads.py); `image_name` is its file in the upload folder's samples kind."""

    __tablename__ = "work_samples"

    id: Mapped[int] = mapped_column(primary_key=True)
    enactment_id: Mapped[int] = mapped_column(
        sa.ForeignKey("enactments.id", ondelete="CASCADE"), index=True
    )
    tally_id: Mapped[int | None] = mapped_column(sa.ForeignKey("tallies.id", ondelete="SET NULL"))
    caption: Mapped[str] = mapped_column(sa.String(300), default="")
    image_name: Mapped[str] = mapped_column(sa.String(80))
    width: Mapped[int]
    height: Mapped[int]
    # Chosen by the team for the debrief report.
    in_report: Mapped[bool] = mapped_column(default=False)
    uploaded_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    enactment: Mapped[Enactment] = relationship()
    tally: Mapped[Tally | None] = relationship()
