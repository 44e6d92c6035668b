"""Selecting a cycle's shared task: candidates, each member's own work on them, ratings."""

from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.enums import db_enum
from app.extensions import db
from app.tasks.models import Demand
from app.timeutil import utcnow

if TYPE_CHECKING:
    from app.auth.models import User
    from app.cycles.models import Cycle
    from app.tasks.models import Task

DEFAULT_DOTS = 3
SCORES = (1, 2, 3, 4)


class Candidate(db.Model):
    """A task proposed as the cycle's shared task."""

    __tablename__ = "candidates"
    __table_args__ = (sa.UniqueConstraint("cycle_id", "task_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(
        sa.ForeignKey("cycles.id", ondelete="CASCADE"), index=True
    )
    task_id: Mapped[int] = mapped_column(sa.ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    proposed_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    proposed_at: Mapped[datetime] = mapped_column(default=utcnow)

    cycle: Mapped["Cycle"] = relationship()
    task: Mapped["Task"] = relationship()
    proposed_by: Mapped["User | None"] = relationship()


class CandidateWork(db.Model):
    """One member's own work on one candidate: their solution and notes, the demand they see
    in it, and the dots they give it. Private to its author until the reveal (dots excepted)."""

    __tablename__ = "candidate_work"
    __table_args__ = (sa.UniqueConstraint("candidate_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        sa.ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    solution: Mapped[str] = mapped_column(sa.Text, default="")
    notes: Mapped[str] = mapped_column(sa.Text, default="")
    demand: Mapped[Demand | None] = mapped_column(db_enum(Demand, 40))
    dots: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    author: Mapped["User"] = relationship()


class CandidateRating(db.Model):
    """One member's score, 1 to 4, of one candidate on one of the cycle's criteria."""

    __tablename__ = "candidate_ratings"
    __table_args__ = (sa.UniqueConstraint("candidate_id", "user_id", "criterion"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        sa.ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    criterion: Mapped[str] = mapped_column(sa.String(120))
    score: Mapped[int]
