"""The Experience → Teach → Lead pipeline of a team's teachers."""

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from app.auth.models import User
from app.extensions import db
from app.leadership.models import Phase, PhaseChange
from app.teams.models import Membership, Role, Team


@dataclass
class CohortRow:
    person: User
    role: Role
    history: list[PhaseChange]

    @property
    def current(self) -> PhaseChange | None:
        return self.history[-1] if self.history else None


def history_of(team_id: int, user_id: int) -> list[PhaseChange]:
    return list(
        db.session.scalars(
            sa.select(PhaseChange)
            .where(PhaseChange.team_id == team_id, PhaseChange.user_id == user_id)
            .options(selectinload(PhaseChange.recorded_by))
            .order_by(PhaseChange.started_on, PhaseChange.id)
        )
    )


def cohort(team: Team) -> list[CohortRow]:
    """Every teacher and teacher leader of the team with their phase history."""
    changes = db.session.scalars(
        sa.select(PhaseChange)
        .where(PhaseChange.team_id == team.id)
        .order_by(PhaseChange.started_on, PhaseChange.id)
    ).all()
    by_person: dict[int, list[PhaseChange]] = {}
    for change in changes:
        by_person.setdefault(change.user_id, []).append(change)
    members = db.session.scalars(
        sa.select(Membership)
        .where(Membership.team_id == team.id, Membership.role != Role.mentor)
        .options(selectinload(Membership.user))
    ).all()
    rows = [CohortRow(m.user, m.role, by_person.get(m.user_id, [])) for m in members]
    order = list(Phase)
    return sorted(
        rows,
        key=lambda r: (
            -(order.index(r.current.phase) if r.current else -1),
            r.person.name.lower(),
        ),
    )


def record_phase(
    actor: User,
    team: Team,
    person: User,
    phase: Phase,
    started_on: date,
    note: str,
    next_step: str,
) -> PhaseChange:
    change = PhaseChange(
        team_id=team.id,
        user_id=person.id,
        phase=phase,
        started_on=started_on,
        note=note.strip(),
        next_step=next_step.strip(),
        recorded_by_id=actor.id,
    )
    db.session.add(change)
    db.session.commit()
    return change
