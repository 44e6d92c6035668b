"""Reads of cycles shaped for pages, each a fixed number of statements however many cycles
and meetings a team has."""

from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa

from app.cycles.models import Cycle, CycleStage
from app.extensions import db
from app.forms import SelectChoice, choices
from app.meetings.models import Meeting
from app.timeutil import local_now

RECENT = 5  # meetings before and after today on a cycle page; past cycles on a team page
MAX_CHOICES = 50


@dataclass
class CycleRow:
    cycle: Cycle
    meetings: int


def _meeting_count():
    return (
        sa.select(sa.func.count(Meeting.id))
        .where(Meeting.cycle_id == Cycle.id, Meeting.deleted_at.is_(None))
        .correlate(Cycle)
        .scalar_subquery()
    )


def _rows(query: sa.Select) -> list[CycleRow]:
    return [CycleRow(c, n) for c, n in db.session.execute(query.add_columns(_meeting_count()))]


def current_cycle(team_id: int) -> CycleRow | None:
    """The open cycle whose dates include today, else the latest cycle not done."""
    today = local_now().date()
    covers_today = sa.and_(Cycle.starts_on <= today, Cycle.ends_on >= today)
    found = _rows(
        sa.select(Cycle)
        .where(Cycle.team_id == team_id, Cycle.stage != CycleStage.done)
        .order_by(sa.case((covers_today, 0), else_=1), Cycle.starts_on.desc(), Cycle.id.desc())
        .limit(1)
    )
    return found[0] if found else None


@dataclass
class TeamCycles:
    current: CycleRow | None
    others: list[CycleRow]
    total: int


def team_cycles(team_id: int, limit: int = RECENT, offset: int = 0) -> TeamCycles:
    """The current cycle, then the others newest first (a page of them), and how many."""
    current = current_cycle(team_id)
    others = sa.select(Cycle).where(Cycle.team_id == team_id)
    if current is not None:
        others = others.where(Cycle.id != current.cycle.id)
    rows = _rows(
        others.order_by(Cycle.starts_on.desc(), Cycle.id.desc()).limit(limit).offset(offset)
    )
    total = db.session.scalar(sa.select(sa.func.count(Cycle.id)).where(Cycle.team_id == team_id))
    return TeamCycles(current, rows, total)


def previous_with_next_steps(team_id: int) -> Cycle | None:
    return db.session.scalar(
        sa.select(Cycle)
        .where(Cycle.team_id == team_id, Cycle.next_steps != "")
        .order_by(Cycle.starts_on.desc(), Cycle.id.desc())
        .limit(1)
    )


@dataclass
class CycleMeetings:
    upcoming: list[Meeting] = field(default_factory=list)
    recent: list[Meeting] = field(default_factory=list)
    total: int = 0

    @property
    def earlier(self) -> int:
        """Meetings of the cycle not shown on its page."""
        return self.total - len(self.upcoming) - len(self.recent)


def cycle_meetings(cycle: Cycle, limit: int = RECENT) -> CycleMeetings:
    """The cycle's next meetings (running ones first) and its latest past ones."""
    today = datetime.combine(local_now().date(), datetime.min.time())
    mine = sa.select(Meeting).where(Meeting.cycle_id == cycle.id, Meeting.deleted_at.is_(None))
    ahead = sa.and_(
        Meeting.ended_at.is_(None),
        sa.or_(Meeting.starts_at >= today, Meeting.started_at.isnot(None)),
    )
    upcoming = db.session.scalars(mine.where(ahead).order_by(Meeting.starts_at).limit(limit))
    recent = db.session.scalars(
        mine.where(sa.not_(ahead)).order_by(Meeting.starts_at.desc()).limit(limit)
    )
    total = db.session.scalar(mine.with_only_columns(sa.func.count(Meeting.id)))
    return CycleMeetings(list(upcoming), list(recent), total)


def cycle_choices(team_id: int, keep: int | None = None) -> list[SelectChoice]:
    """A meeting's "Cycle" options: the team's cycles not done (and the one it has)."""
    query = (
        sa.select(Cycle.id, Cycle.title)
        .where(Cycle.team_id == team_id, sa.or_(Cycle.stage != CycleStage.done, Cycle.id == keep))
        .order_by(Cycle.starts_on.desc(), Cycle.id.desc())
        .limit(MAX_CHOICES)
    )
    return choices([(None, "No cycle")] + [tuple(row) for row in db.session.execute(query)])
