from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.enums import LabelledEnum, db_enum
from app.extensions import db

if TYPE_CHECKING:
    from app.auth.models import User


class Role(LabelledEnum):
    mentor = "mentor"
    teacher_leader = "teacher_leader"
    teacher = "teacher"


Role.LABELS = {"mentor": "Mentor", "teacher_leader": "Teacher leader", "teacher": "Teacher"}


GRADES = ["K", "1", "2", "3", "4", "5", "6", "7", "8"]


def grade_label(grade: str) -> str:
    return "Kindergarten" if grade == "K" else f"Grade {grade}"


class District(db.Model):
    __tablename__ = "districts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(160))

    schools: Mapped[list["School"]] = relationship(back_populates="district")


class School(db.Model):
    __tablename__ = "schools"
    __table_args__ = (sa.UniqueConstraint("district_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    district_id: Mapped[int] = mapped_column(sa.ForeignKey("districts.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(160))

    district: Mapped[District] = relationship(back_populates="schools")
    people: Mapped[list["User"]] = relationship(back_populates="school")


class Team(db.Model):
    """A grade-level team; its members may come from several schools."""

    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    district_id: Mapped[int] = mapped_column(sa.ForeignKey("districts.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(160))
    grade: Mapped[str] = mapped_column(sa.String(2))
    description: Mapped[str] = mapped_column(sa.Text, default="")

    district: Mapped[District] = relationship()
    memberships: Mapped[list["Membership"]] = relationship(
        back_populates="team", cascade="all, delete-orphan"
    )

    @property
    def grade_label(self) -> str:
        return grade_label(self.grade)

    def members_with(self, role: Role) -> list["User"]:
        return sorted(
            (m.user for m in self.memberships if m.role == role), key=lambda u: u.name.lower()
        )

    def schools(self) -> list[School]:
        found = {m.user.school.id: m.user.school for m in self.memberships if m.user.school}
        return sorted(found.values(), key=lambda s: s.name)


class Membership(db.Model):
    __tablename__ = "memberships"
    __table_args__ = (sa.UniqueConstraint("team_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(sa.ForeignKey("teams.id"), index=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    role: Mapped[Role] = mapped_column(db_enum(Role, length=20))

    team: Mapped[Team] = relationship(back_populates="memberships")
    user: Mapped["User"] = relationship(back_populates="memberships")
