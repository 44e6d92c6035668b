"""School years run from August 1 to July 31; a year is named by the calendar year it starts in."""

from datetime import date, datetime

import sqlalchemy as sa

from app.numbers import parse_id

FIRST_MONTH = 8


def school_year_of(day: date) -> int:
    return day.year if day.month >= FIRST_MONTH else day.year - 1


def school_year_start(year: int) -> datetime:
    return datetime(year, FIRST_MONTH, 1)


def school_year_label(year: int) -> str:
    """2025 -> "2025–26"."""
    return f"{year}–{(year + 1) % 100:02d}"


def school_year_in_sql(column) -> sa.ColumnElement[int]:
    """The school year of a date column, computed by the database (SQLite and PostgreSQL)."""
    before_august = sa.case((sa.extract("month", column) < FIRST_MONTH, 1), else_=0)
    return sa.cast(sa.extract("year", column), sa.Integer) - before_august


def school_year_asked(value: str | None) -> int | None:
    """A school year from the query string; None for anything else (or out of range)."""
    year = parse_id(value)
    return year if year is not None and 1900 <= year <= 9000 else None
