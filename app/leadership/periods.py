"""Long ranges drawn by month or by school year: a chart of any range keeps a few dozen points,
readable and small, and its table alternative as many rows."""

from dataclasses import dataclass
from datetime import date

from app.leadership.figures import SessionFigures, Tally
from app.leadership.models import MoveBy, MoveType
from app.schoolyear import SchoolYear
from app.templating import quantity


@dataclass
class Period(Tally):
    """The sessions of a month or a school year, drawn as one point when a range is long."""

    unit: str  # "month" or "school year"
    start: date
    count: int = 0

    def move_count(self, by: MoveBy, move_type: MoveType | None = None) -> float:
        """Moves per session in the period, on average."""
        if move_type is None:
            total = sum(n for (who, _), n in self.moves.items() if who == by)
        else:
            total = self.moves[(by, move_type)]
        return total / self.count if self.count else 0.0

    @property
    def short(self) -> str:
        if self.unit == "month":
            return f"{self.start:%b}"
        return SchoolYear.of(self.start).label

    @property
    def below(self) -> str | None:
        return str(self.start.year) if self.unit == "month" else None

    @property
    def day(self) -> str:
        if self.unit == "month":
            return f"{self.start:%B} {self.start.year}"
        return f"School year {SchoolYear.of(self.start).label}"

    @property
    def long(self) -> str:
        return f"{self.day}, {quantity(self.count, 'session')}"


# Up to MAX_SESSIONS sessions are drawn one by one, then months up to MAX_MONTHS, then school
# years: a chart of any range keeps a few dozen marks, readable and small.
MAX_SESSIONS = 40
MAX_MONTHS = 60


def _grouped(sessions: list[SessionFigures], unit: str, start_of) -> list[Period]:
    periods: dict[date, Period] = {}
    for session in sessions:
        start = start_of(session.meeting.starts_at.date())
        period = periods.setdefault(start, Period(unit=unit, start=start))
        period.add(session)
        period.count += 1
    return list(periods.values())


def periods(sessions: list[SessionFigures]) -> list[SessionFigures] | list[Period]:
    """The points a chart draws for these sessions (in date order): the sessions themselves,
    or their months, or their school years."""
    if len(sessions) <= MAX_SESSIONS:
        return sessions
    months = _grouped(sessions, "month", lambda day: day.replace(day=1))
    if len(months) <= MAX_MONTHS:
        return months
    return _grouped(sessions, "school year", lambda day: SchoolYear.of(day).start)
