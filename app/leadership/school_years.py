"""School years run from August 1 to July 31; a school year is named by the year it starts."""

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

FIRST_MONTH = 8


@dataclass(frozen=True)
class SchoolYear:
    starts: int  # 2025 is the school year 2025–26

    @classmethod
    def of(cls, day: date) -> "SchoolYear":
        return cls(day.year if day.month >= FIRST_MONTH else day.year - 1)

    @property
    def start(self) -> date:
        return date(self.starts, FIRST_MONTH, 1)

    @property
    def end(self) -> date:
        return date(self.starts + 1, FIRST_MONTH - 1, 31)

    @property
    def label(self) -> str:
        return f"{self.starts}–{(self.starts + 1) % 100:02d}"

    def spans(self, start: date | None, end: date | None) -> bool:
        return (start, end) == (self.start, self.end)


def school_year_of(column: sa.ColumnElement) -> sa.ColumnElement[int]:
    """The school year of a date or datetime column, in SQL (the same on SQLite and PostgreSQL)."""
    before_august = sa.case((sa.extract("month", column) < FIRST_MONTH, 1), else_=0)
    return sa.cast(sa.extract("year", column), sa.Integer) - before_august
