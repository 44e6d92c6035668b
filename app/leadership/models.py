from datetime import date, datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.enums import LabelledEnum, db_enum
from app.extensions import db
from app.timeutil import utcnow

if TYPE_CHECKING:
    from app.auth.models import User
    from app.meetings.models import Meeting, Segment


class Phase(LabelledEnum):
    """The teacher-leader pipeline: Experience → Teach → Lead."""

    experience = "experience"
    teach = "teach"
    lead = "lead"


Phase.LABELS = {"experience": "Experience", "teach": "Teach", "lead": "Lead"}


class MoveType(LabelledEnum):
    """Facilitation moves as coded by Ebby et al. (2023)."""

    structuring = "structuring"
    eliciting = "eliciting"
    cultivating = "cultivating"
    connecting = "connecting"


MoveType.LABELS = {
    "structuring": "Structuring",
    "eliciting": "Eliciting",
    "cultivating": "Cultivating",
    "connecting": "Connecting",
}
MOVE_HINTS = {
    MoveType.structuring: "Keeps the group on the goals and the agenda",
    MoveType.eliciting: "Makes room for participants to share ideas",
    MoveType.cultivating: "Builds safety, trust and norms",
    MoveType.connecting: "Links ideas to teaching, student thinking, next lessons",
}


class MoveBy(LabelledEnum):
    mentor = "mentor"
    leader = "leader"
    participant = "participant"


MoveBy.LABELS = {"mentor": "Mentor", "leader": "Leader", "participant": "Participant"}


class PhaseChange(db.Model):
    """A teacher entering a phase of the pipeline, recorded by a mentor of their team."""

    __tablename__ = "phase_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(sa.ForeignKey("teams.id"), index=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    phase: Mapped[Phase] = mapped_column(db_enum(Phase))
    started_on: Mapped[date]
    note: Mapped[str] = mapped_column(sa.Text, default="")
    next_step: Mapped[str] = mapped_column(sa.String(300), default="")
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped["User"] = relationship(foreign_keys=[user_id])
    recorded_by: Mapped["User | None"] = relationship(foreign_keys=[recorded_by_id])


class MentoringLoop(db.Model):
    """Plan together → enact → debrief, around one session a teacher leader facilitates."""

    __tablename__ = "mentoring_loops"
    __table_args__ = (sa.UniqueConstraint("meeting_id", "leader_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        sa.ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    leader_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    leader_goals: Mapped[str] = mapped_column(sa.Text, default="")
    planning_notes: Mapped[str] = mapped_column(sa.Text, default="")
    leader_reflection: Mapped[str] = mapped_column(sa.Text, default="")
    mentor_reflection: Mapped[str] = mapped_column(sa.Text, default="")
    next_goals: Mapped[str] = mapped_column(sa.Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}

    meeting: Mapped["Meeting"] = relationship()
    leader: Mapped["User"] = relationship()

    @property
    def stage(self) -> str:
        if self.leader_reflection or self.mentor_reflection or self.next_goals:
            return "debrief"
        if self.leader_goals or self.planning_notes:
            return "planned"
        return "not started"


class FacilitationMove(db.Model):
    """One facilitation move observed during a meeting, stamped with the running segment."""

    __tablename__ = "facilitation_moves"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        sa.ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    segment_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("segments.id", ondelete="SET NULL"), index=True
    )
    move_type: Mapped[MoveType] = mapped_column(db_enum(MoveType))
    made_by: Mapped[MoveBy] = mapped_column(db_enum(MoveBy))
    note: Mapped[str] = mapped_column(sa.String(200), default="")
    logged_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    segment: Mapped["Segment | None"] = relationship()


class Nudge(db.Model):
    """A mentor's private prompt to the leader during a meeting: never on the projector."""

    __tablename__ = "nudges"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        sa.ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    segment_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("segments.id", ondelete="SET NULL")
    )
    from_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    to_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    body: Mapped[str] = mapped_column(sa.String(280))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    dismissed_at: Mapped[datetime | None]

    sender: Mapped["User"] = relationship(foreign_keys=[from_id])
    recipient: Mapped["User"] = relationship(foreign_keys=[to_id])
    segment: Mapped["Segment | None"] = relationship()
