"""Opening a cycle and editing its details."""

from sqlalchemy.orm.exc import StaleDataError

from app.auth.models import User
from app.cycles.models import Cycle
from app.editing import StaleEdit, check_version
from app.extensions import db
from app.teams.models import Team


def open_cycle(actor: User, team: Team, details: dict) -> Cycle:
    cycle = Cycle(team_id=team.id, created_by_id=actor.id, **details)
    db.session.add(cycle)
    db.session.commit()
    return cycle


def update_cycle(cycle: Cycle, details: dict, posted_version: int | None) -> None:
    """StaleEdit if the cycle changed since the editor loaded it."""
    check_version(cycle, posted_version)
    for name, value in details.items():
        setattr(cycle, name, value)
    commit_change(cycle)


def commit_change(cycle: Cycle) -> None:
    cycle.version += 1
    try:
        db.session.commit()
    except StaleDataError as error:
        db.session.rollback()
        raise StaleEdit() from error
