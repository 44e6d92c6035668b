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
from app.cycles.models import Cycle, live_channel
from app.debriefs.recording import LIVE_EVENT
from app.enactments.models import Enactment, Unanticipated
from app.extensions import db
from app.lessons import writing
from app.lessons.models import AnticipatedResponse
from app.lessons.starting import lesson_of
from app.live import publish
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


def chosen_of(cycle: Cycle, ids: list[int]) -> list[Unanticipated]:
    """The cycle's unanticipated responses among `ids`, in the order they were added; ids of
    other cycles' responses are left out."""
    return list(
        db.session.scalars(
            sa.select(Unanticipated)
            .join(Enactment, Enactment.id == Unanticipated.enactment_id)
            .where(Enactment.cycle_id == cycle.id, Unanticipated.id.in_(ids))
            .order_by(Unanticipated.id)
        )
    )


def _lock(*chosen: Unanticipated) -> None:
    """Hold the unanticipated rows until commit, and read their links as they stand now.
    PostgreSQL locks the rows in id order (two overlapping promotions cannot deadlock); the
    UPDATE is what takes SQLite's write lock, which a SELECT would not."""
    ids = [found.id for found in chosen]
    db.session.execute(
        sa.select(Unanticipated.id)
        .where(Unanticipated.id.in_(ids))
        .order_by(Unanticipated.id)
        .with_for_update()
    )
    db.session.execute(
        sa.update(Unanticipated)
        .where(Unanticipated.id.in_(ids))
        .values(promoted_to_id=Unanticipated.promoted_to_id)
    )
    for found in chosen:
        db.session.refresh(found)


def _in_the_lesson(found: Unanticipated) -> bool:
    if found.promoted_to_id is None:
        return False
    response = db.session.get(AnticipatedResponse, found.promoted_to_id)
    return response is not None and response.removed_at is None


def _told(cycle_id: int, result):
    """Tell the debrief's screens (the lesson's hear from lessons.writing)."""
    publish(live_channel(cycle_id), LIVE_EVENT)
    return result


def promote(actor: User, found: Unanticipated, details: dict[str, str]) -> AnticipatedResponse:
    """The anticipated response `found` became: made now, or the one it already became
    (brought back if it was removed from the lesson since)."""
    cycle_id = found.enactment.cycle_id
    return _told(cycle_id, _promote(actor, found, details))


def _promote(actor: User, found: Unanticipated, details: dict[str, str]) -> AnticipatedResponse:
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
    with _linking([found]):
        return writing.add_response(actor, lesson, fields)


def promote_together(
    actor: User, cycle: Cycle, chosen: list[Unanticipated], details: dict[str, str]
) -> AnticipatedResponse | None:
    """One anticipated response for several similar ones from different rooms: the first
    one's name, their descriptions joined. Those already in the lesson are left as they are;
    None when all of them are (a second post of the same form)."""
    return _told(cycle.id, _promote_together(actor, cycle, chosen, details))


def _promote_together(actor, cycle, chosen, details) -> AnticipatedResponse | None:
    lesson = lesson_of(cycle)
    if lesson is None:
        raise NoLesson()
    _lock(*chosen)
    waiting = [found for found in chosen if not _in_the_lesson(found)]
    if not waiting:
        db.session.rollback()
        return None
    descriptions = dict.fromkeys(found.description for found in waiting if found.description)
    fields = {"name": waiting[0].name, "description": "\n\n".join(descriptions)} | details
    with _linking(waiting):
        return writing.add_response(actor, lesson, fields)


class _linking:
    """Link `chosen` to the response `writing.add_response` makes, inside its transaction:
    add_response commits by itself, and the link must land in that same commit. The new row
    is noted when it is flushed and linked just before the commit (an attribute set during a
    flush would be dropped)."""

    def __init__(self, chosen: list[Unanticipated]):
        self.chosen = chosen
        self.made: AnticipatedResponse | None = None
        self.session = db.session()

    def _note(self, session, instance) -> None:
        if isinstance(instance, AnticipatedResponse) and self.made is None:
            self.made = instance

    def _link(self, session) -> None:
        if self.made is not None:
            for found in self.chosen:
                found.promoted_to_id = self.made.id

    def __enter__(self):
        event.listen(self.session, "pending_to_persistent", self._note)
        event.listen(self.session, "before_commit", self._link)

    def __exit__(self, *exc) -> None:
        event.remove(self.session, "pending_to_persistent", self._note)
        event.remove(self.session, "before_commit", self._link)


def unpromote(actor: User, found: Unanticipated) -> None:
    """Undo a promotion: the anticipated response leaves the lesson (it can be brought back
    from the lesson's history) and the unanticipated one is no longer linked to it."""
    cycle_id = found.enactment.cycle_id
    _told(cycle_id, _unpromote(actor, found))


def _unpromote(actor: User, found: Unanticipated) -> None:
    _lock(found)
    if found.promoted_to_id is None:
        db.session.rollback()
        return
    response = db.session.get(AnticipatedResponse, found.promoted_to_id)
    # Promoted together with others: they all leave the lesson with it.
    db.session.execute(
        sa.update(Unanticipated)
        .where(Unanticipated.promoted_to_id == found.promoted_to_id)
        .values(promoted_to_id=None)
        .execution_options(synchronize_session="fetch")
    )
    if response is None or response.removed_at is not None:
        db.session.commit()
        return
    writing.remove_response(actor, response)  # commits the cleared link with the removal
