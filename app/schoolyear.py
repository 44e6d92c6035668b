"""School years run from August 1 to July 31; a year is named by the calendar year it starts in."""

from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa

from app.numbers import parse_id

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
        """2025 -> "2025–26"."""
        return f"{self.starts}–{(self.starts + 1) % 100:02d}"

    def spans(self, start: date | None, end: date | None) -> bool:
        return (start, end) == (self.start, self.end)


def school_year_of(day: date) -> int:
    return SchoolYear.of(day).starts


def school_year_start(year: int) -> datetime:
    return datetime(year, FIRST_MONTH, 1)


def school_year_label(year: int) -> str:
    return SchoolYear(year).label


def school_year_in_sql(column) -> sa.ColumnElement[int]:
    """The school year of a date column, computed by the database (SQLite and PostgreSQL)."""
    before_august = sa.case((sa.extract("month", column) < FIRST_MONTH, 1), else_=0)
    return sa.cast(sa.extract("year", column), sa.Integer) - before_august


def school_year_asked(value: str | None) -> int | None:
    """A school year from the query string; None for anything else (or out of range)."""
    year = parse_id(value)
    return year if year is not None and 1900 <= year <= 9000 else None
