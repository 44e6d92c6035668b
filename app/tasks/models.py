"""A task of the district's library: shared with everyone, or a team's private draft."""

from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.enums import LabelledEnum, db_enum
from app.extensions import db
from app.teams.models import grade_label
from app.timeutil import utcnow

if TYPE_CHECKING:
    from app.auth.models import User
    from app.teams.models import Team


class Demand(LabelledEnum):
    """The level of cognitive demand, by Smith & Stein's Task Analysis Guide."""

    memorization = "memorization"
    procedures_without_connections = "procedures_without_connections"
    procedures_with_connections = "procedures_with_connections"
    doing_mathematics = "doing_mathematics"

    @property
    def is_high(self) -> bool:
        return self in (Demand.procedures_with_connections, Demand.doing_mathematics)


Demand.LABELS = {
    "memorization": "Memorization",
    "procedures_without_connections": "Procedures without connections",
    "procedures_with_connections": "Procedures with connections",
    "doing_mathematics": "Doing mathematics",
}


# Full-text search on PostgreSQL: queries.py matches search_document(), which is this text.
SEARCH_CONFIG = "english"
# Written as PostgreSQL reflects it back, so that Alembic sees no drift.
SEARCH_SQL = (
    "to_tsvector('english'::regconfig, (((COALESCE(title, ''::character varying)::text"
    " || ' '::text) || COALESCE(big_idea, ''::text)) || ' '::text)"
    " || COALESCE(statement, ''::text))"
)


class Task(db.Model):
    __tablename__ = "tasks"
    # PostgreSQL only (SQLite searches with LIKE): the GIN index the library's word search uses.
    __table_args__ = (
        sa.Index("ix_tasks_search", sa.text(SEARCH_SQL), postgresql_using="gin").ddl_if(
            dialect="postgresql"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    district_id: Mapped[int] = mapped_column(sa.ForeignKey("districts.id"), index=True)
    # The team that wrote it: only its members see it while it is a draft, and edit it after.
    team_id: Mapped[int] = mapped_column(sa.ForeignKey("teams.id"), index=True)
    # None while a draft; when the team shared it with the district.
    shared_at: Mapped[datetime | None] = mapped_column(index=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    grade: Mapped[str] = mapped_column(sa.String(2), index=True)
    big_idea: Mapped[str] = mapped_column(sa.Text, default="")
    statement: Mapped[str] = mapped_column(sa.Text, default="")
    source: Mapped[str] = mapped_column(sa.String(300), default="")
    license: Mapped[str] = mapped_column(sa.String(120), default="")
    demand: Mapped[Demand] = mapped_column(db_enum(Demand, 40), index=True)
    demand_reason: Mapped[str] = mapped_column(sa.Text, default="")
    # The uploaded image or PDF: a random file name under the upload folder, never in static/.
    file_name: Mapped[str | None] = mapped_column(sa.String(64))
    file_type: Mapped[str | None] = mapped_column(sa.String(40))
    file_label: Mapped[str | None] = mapped_column(sa.String(200))
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}

    team: Mapped["Team"] = relationship()
    created_by: Mapped["User | None"] = relationship()
    standards: Mapped[list["TaskStandard"]] = relationship(
        back_populates="task",
        order_by="TaskStandard.position",
        cascade="all, delete-orphan",
    )

    @property
    def grade_label(self) -> str:
        return grade_label(self.grade)

    @property
    def is_draft(self) -> bool:
        return self.shared_at is None

    @property
    def codes(self) -> list[str]:
        return [s.code for s in self.standards]


class TaskStandard(db.Model):
    """One standard a task addresses, e.g. 4.NF.A.1; a row each, so the library filters by it."""

    __tablename__ = "task_standards"
    __table_args__ = (sa.UniqueConstraint("task_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(sa.ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(sa.String(24), index=True)
    position: Mapped[int] = mapped_column(default=0)

    task: Mapped[Task] = relationship(back_populates="standards")


def search_document():
    """The indexed document, as the very text of the index so the planner can use it."""
    return sa.literal_column(SEARCH_SQL)
