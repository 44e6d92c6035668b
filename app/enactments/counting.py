"""Counting students per response: a tap adds one (or, as undo, takes one away), and the
responses nobody anticipated are added in the moment. A tap carries the key its device made,
kept with the tap (not with the day-long idempotency keys), so a tap replayed after a dropped
connection, even days later, is counted once."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from app.auth.models import User
from app.enactments.models import Enactment, Tally, Tap, Unanticipated
from app.extensions import db
from app.idempotency import once
from app.lessons.models import AnticipatedResponse, Lesson

MAX_COUNT = 999


class NotThisLesson(ValueError):
    """The response is not one of this enactment's cycle's (or was added to another room)."""


def tally(
    enactment: Enactment, response_id: int | None = None, unanticipated_id: int | None = None
) -> Tally:
    """The chart row of a response in this enactment, made (at 0) the first time it is needed."""
    found = db.session.scalar(
        sa.select(Tally).where(
            Tally.enactment_id == enactment.id,
            Tally.response_id == response_id
            if response_id
            else Tally.unanticipated_id == unanticipated_id,
        )
    )
    if found is not None:
        return found
    made = Tally(
        enactment_id=enactment.id,
        response_id=response_id,
        unanticipated_id=unanticipated_id,
        count=0,
        codes="",
    )
    try:
        with db.session.begin_nested():
            db.session.add(made)
    except IntegrityError:
        return tally(enactment, response_id, unanticipated_id)
    return made


def check_target(
    enactment: Enactment, response_id: int | None, unanticipated_id: int | None
) -> None:
    if (response_id is None) == (unanticipated_id is None):
        raise NotThisLesson()
    if response_id is not None:
        ok = db.session.scalar(
            sa.select(AnticipatedResponse.id)
            .join(Lesson, Lesson.id == AnticipatedResponse.lesson_id)
            .where(AnticipatedResponse.id == response_id, Lesson.cycle_id == enactment.cycle_id)
        )
    else:
        ok = db.session.scalar(
            sa.select(Unanticipated.id).where(
                Unanticipated.id == unanticipated_id, Unanticipated.enactment_id == enactment.id
            )
        )
    if ok is None:
        raise NotThisLesson()


def tap(
    enactment: Enactment,
    key: str,
    by: int,
    response_id: int | None = None,
    unanticipated_id: int | None = None,
    tapped_at: datetime | None = None,
) -> int:
    """Add `by` (+1, or -1 to undo) to a response's count, once per key; the count after.
    A count never goes below zero or above MAX_COUNT."""
    check_target(enactment, response_id, unanticipated_id)
    row = tally(enactment, response_id, unanticipated_id)
    after = Tally.count + by
    try:
        # The tap and the count it changes in one savepoint: SQLite (pysqlite) commits a
        # savepoint released outside a transaction, so a replay at the same moment (or a
        # crash) must never find the tap kept without its count.
        with db.session.begin_nested():
            db.session.add(
                Tap(enactment_id=enactment.id, key=key, tally_id=row.id, by=by, tapped_at=tapped_at)
            )
            db.session.flush()
            db.session.execute(
                sa.update(Tally)
                .where(Tally.id == row.id)
                .values(count=sa.case((after < 0, 0), (after > MAX_COUNT, MAX_COUNT), else_=after))
            )
    except IntegrityError:
        db.session.commit()  # the tally row, if this replay made it
        db.session.refresh(row)
        return row.count
    db.session.commit()
    db.session.refresh(row)
    return row.count


def add_unanticipated(
    actor: User, enactment: Enactment, name: str, description: str = ""
) -> Unanticipated:
    """A response nobody anticipated, with its (empty) chart row."""
    found = _unanticipated(enactment, name, description)
    db.session.commit()
    return found


def _unanticipated(enactment: Enactment, name: str, description: str = "") -> Unanticipated:
    found = Unanticipated(enactment_id=enactment.id, name=name, description=description)
    db.session.add(found)
    db.session.flush()
    db.session.add(Tally(enactment_id=enactment.id, unanticipated_id=found.id, count=0, codes=""))
    db.session.flush()
    return found


def add_unanticipated_once(
    actor: User, enactment: Enactment, key: str, name: str
) -> Unanticipated | None:
    """`add_unanticipated` for a device that may send it again (its queue replays after a lost
    answer): one response per key; a replay answers with the one made first (None if it was
    removed since)."""
    outcome = once(
        actor,
        key,
        f"tap_count.unanticipated:{enactment.id}",
        # Flushed, not committed: `once` commits it with the key and the id it made, so a
        # replay arriving at the same moment never finds the key without the id.
        lambda: _unanticipated(enactment, name),
    )
    if not outcome.replayed:
        return outcome.value
    return db.session.scalar(
        sa.select(Unanticipated).where(
            Unanticipated.id == outcome.object_id, Unanticipated.enactment_id == enactment.id
        )
    )
