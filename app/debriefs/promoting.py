"""Promoting a response nobody anticipated into the lesson's anticipated responses, so the
next cycle on the same task starts with it (app/lessons/starting carries every response).

A promotion is one transaction: the unanticipated row is locked first (a row lock on
PostgreSQL, the database lock on SQLite), then the new anticipated response and the link to it
are committed together. A second promotion of the same response, posted twice or by two
teammates at once, waits for the lock, finds the link and adds nothing.
"""

import sqlalchemy as sa
from flask import abort
from sqlalchemy import event

from app.auth.models import User
from app.cycles.models import Cycle
from app.enactments.models import Enactment, Unanticipated
from app.extensions import db
from app.lessons import writing
from app.lessons.models import AnticipatedResponse
from app.lessons.starting import lesson_of
from app.teams.access import member_team_ids


class NoLesson(Exception):
    """The cycle has no lesson to promote into."""


def unanticipated_for(user: User, unanticipated_id: int) -> Unanticipated:
    """The response with its enactment and cycle; another team's is a 404."""
    query = (
        sa.select(Unanticipated)
        .join(Enactment, Enactment.id == Unanticipated.enactment_id)
        .join(Cycle, Cycle.id == Enactment.cycle_id)
        .where(Unanticipated.id == unanticipated_id)
    )
    if not user.is_admin:
        query = query.where(Cycle.team_id.in_(member_team_ids(user)))
    return db.session.scalar(query) or abort(404)


def _lock(found: Unanticipated) -> None:
    """Hold the unanticipated row until commit, and read its link as it stands now."""
    db.session.execute(
        sa.update(Unanticipated)
        .where(Unanticipated.id == found.id)
        .values(promoted_to_id=Unanticipated.promoted_to_id)
    )
    db.session.refresh(found)


def promote(actor: User, found: Unanticipated, details: dict[str, str]) -> AnticipatedResponse:
    """The anticipated response `found` became: made now, or the one it already became
    (brought back if it was removed from the lesson since)."""
    lesson = lesson_of(found.enactment.cycle)
    if lesson is None:
        raise NoLesson()
    _lock(found)
    if found.promoted_to_id is not None:
        earlier = db.session.get(AnticipatedResponse, found.promoted_to_id)
        if earlier.removed_at is None:
            db.session.rollback()
            return earlier
        writing.bring_back(actor, earlier)
        return earlier
    fields = {"name": found.name, "description": found.description} | details
    with _linking(found):
        return writing.add_response(actor, lesson, fields)


class _linking:
    """Link `found` to the response `writing.add_response` makes, inside its transaction:
    add_response commits by itself, and the link must land in that same commit. The new row
    is noted when it is flushed and linked just before the commit (an attribute set during a
    flush would be dropped)."""

    def __init__(self, found: Unanticipated):
        self.found = found
        self.made: AnticipatedResponse | None = None
        self.session = db.session()

    def _note(self, session, instance) -> None:
        if isinstance(instance, AnticipatedResponse) and self.made is None:
            self.made = instance

    def _link(self, session) -> None:
        if self.made is not None:
            self.found.promoted_to_id = self.made.id

    def __enter__(self):
        event.listen(self.session, "pending_to_persistent", self._note)
        event.listen(self.session, "before_commit", self._link)

    def __exit__(self, *exc) -> None:
        event.remove(self.session, "pending_to_persistent", self._note)
        event.remove(self.session, "before_commit", self._link)


def unpromote(actor: User, found: Unanticipated) -> None:
    """Undo a promotion: the anticipated response leaves the lesson (it can be brought back
    from the lesson's history) and the unanticipated one is no longer linked to it."""
    _lock(found)
    if found.promoted_to_id is None:
        db.session.rollback()
        return
    response = db.session.get(AnticipatedResponse, found.promoted_to_id)
    found.promoted_to_id = None
    if response is None or response.removed_at is not None:
        db.session.commit()
        return
    writing.remove_response(actor, response)  # commits the cleared link with the removal
