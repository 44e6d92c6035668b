"""Co-editing a lesson: every save changes one field, is checked against the revision the
editor started from, is kept in the history with its author, then told to every screen.

Saves of one lesson are serialized by bumping `lessons.revision` first (a row lock on
PostgreSQL, the database lock on SQLite); the field's own revision is read after that, so two
saves of the same field at the same moment cannot both pass the check.
"""

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from app.auth.models import User
from app.cycles.models import live_channel
from app.extensions import db
from app.lessons.models import (
    PLAN_FIELDS,
    PLAN_MINUTES,
    RESPONSE_FIELDS,
    AnticipatedResponse,
    ChangeKind,
    Correctness,
    Lesson,
    LessonChange,
    Representation,
)
from app.live import publish
from app.timeutil import utcnow

MAX_RESPONSES = 40
LIVE_EVENT = "lesson"


class FieldConflict(Exception):
    """The field changed after the editor loaded it: what it holds now, who saved it, when."""

    def __init__(self, field: str, theirs: str, revision: int, change: LessonChange | None):
        super().__init__(field)
        self.field = field
        self.theirs = theirs
        self.revision = revision
        self.author: User | None = change.author if change else None
        self.saved_at: datetime | None = change.created_at if change else None


class TooManyResponses(Exception):
    pass


@dataclass(frozen=True)
class Saved:
    revision: int  # the field's new revision (unchanged when the value already stood)
    changed: bool


def text_of(record: Lesson | AnticipatedResponse, field: str) -> str:
    """A field's value as the history and the forms hold it: text."""
    value = getattr(record, field)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value.value if hasattr(value, "value") else value)


def _set(record: Lesson | AnticipatedResponse, field: str, text: str) -> None:
    """Store `text` (already validated by the form) in its column's type."""
    if field in PLAN_MINUTES:
        setattr(record, field, int(text) if text else None)
    elif field == "representation":
        record.representation = Representation(text)
    elif field == "correctness":
        record.correctness = Correctness(text)
    elif field == "to_share":
        record.to_share = text == "yes"
    else:
        setattr(record, field, text)


def _check_field(record, field: str) -> None:
    allowed = (
        RESPONSE_FIELDS if isinstance(record, AnticipatedResponse) else PLAN_FIELDS | PLAN_MINUTES
    )
    if field not in allowed:
        raise ValueError(f"{field} is not a field of {type(record).__name__}")


def _lock(lesson: Lesson) -> int:
    """Take the lesson's next revision number, holding the lesson until commit."""
    revision = db.session.execute(
        sa.update(Lesson)
        .where(Lesson.id == lesson.id)
        .values(revision=Lesson.revision + 1)
        .returning(Lesson.revision)
    ).scalar_one()
    db.session.refresh(lesson)
    return revision


def _mark(record, field: str, revision: int) -> None:
    record.field_revisions = dict(record.field_revisions or {}) | {field: revision}


def _change(lesson: Lesson, revision: int, actor: User | None, kind: ChangeKind, **bits) -> None:
    db.session.add(
        LessonChange(
            lesson_id=lesson.id,
            revision=revision,
            author_id=actor.id if actor else None,
            kind=kind,
            **bits,
        )
    )


def _last_change(lesson: Lesson, response_id: int | None, field: str, revision: int):
    return db.session.scalar(
        sa.select(LessonChange)
        .where(
            LessonChange.lesson_id == lesson.id,
            LessonChange.response_id.is_(None)
            if response_id is None
            else LessonChange.response_id == response_id,
            LessonChange.field == field,
            LessonChange.revision == revision,
        )
        .limit(1)
    )


def _done(lesson: Lesson) -> None:
    db.session.commit()
    publish(live_channel(lesson.cycle_id), LIVE_EVENT)


def save_field(
    actor: User,
    lesson: Lesson,
    field: str,
    text: str,
    base: int,
    response: AnticipatedResponse | None = None,
    kind: ChangeKind = ChangeKind.edit,
) -> Saved:
    """Save one field of the plan (or of `response`) as `text`, edited from revision `base`.
    FieldConflict if someone saved a different value since; saving the value that already
    stands (a retry, or two people typing the same) changes nothing."""
    record = response or lesson
    _check_field(record, field)
    revision = _lock(lesson)
    if response is not None:
        db.session.refresh(response)
    current = record.field_revision(field)
    if text_of(record, field) == text:
        db.session.rollback()
        return Saved(current, changed=False)
    if base != current:
        change = _last_change(lesson, response.id if response else None, field, current)
        theirs = text_of(record, field)
        db.session.rollback()
        raise FieldConflict(field, theirs, current, change)
    _set(record, field, text)
    _mark(record, field, revision)
    _change(
        lesson,
        revision,
        actor,
        kind,
        response_id=response.id if response else None,
        field=field,
        value=text,
    )
    _done(lesson)
    return Saved(revision, changed=True)


def restore(actor: User, change: LessonChange) -> Saved:
    """Put a field back to the value `change` gave it: a new change in the history."""
    lesson = db.session.get(Lesson, change.lesson_id)
    response = change.response
    record = response or lesson
    return save_field(
        actor,
        lesson,
        change.field,
        change.value,
        record.field_revision(change.field),
        response,
        ChangeKind.restore,
    )


def add_response(actor: User, lesson: Lesson, fields: dict[str, str]) -> AnticipatedResponse:
    """A new anticipated response at the end of the sequence; `fields` as the form gives them
    (name required)."""
    revision = _lock(lesson)
    count = db.session.scalar(
        sa.select(sa.func.count()).where(
            AnticipatedResponse.lesson_id == lesson.id, AnticipatedResponse.removed_at.is_(None)
        )
    )
    if count >= MAX_RESPONSES:
        db.session.rollback()
        raise TooManyResponses()
    last = db.session.scalar(
        sa.select(sa.func.max(AnticipatedResponse.position)).where(
            AnticipatedResponse.lesson_id == lesson.id
        )
    )
    response = AnticipatedResponse(
        lesson_id=lesson.id,
        position=(last or 0) + 1,
        name="",
        created_by_id=actor.id,
        field_revisions={},
    )
    db.session.add(response)
    db.session.flush()
    _change(lesson, revision, actor, ChangeKind.add, response_id=response.id)
    for field, text in fields.items():
        _check_field(response, field)
        _set(response, field, text)
        if text:
            _mark(response, field, revision)
            _change(
                lesson,
                revision,
                actor,
                ChangeKind.add,
                response_id=response.id,
                field=field,
                value=text,
            )
    _done(lesson)
    return response


def remove_response(actor: User, response: AnticipatedResponse) -> None:
    """Take a response out of the plan; it can be brought back from the page or the history."""
    _set_removed(actor, response, utcnow(), ChangeKind.remove)


def bring_back(actor: User, response: AnticipatedResponse) -> None:
    _set_removed(actor, response, None, ChangeKind.bring_back)


def _set_removed(actor: User, response: AnticipatedResponse, at: datetime | None, kind) -> None:
    lesson = response.lesson
    revision = _lock(lesson)
    db.session.refresh(response)
    if (response.removed_at is None) == (at is None):
        db.session.rollback()
        return
    response.removed_at = at
    _change(lesson, revision, actor, kind, response_id=response.id)
    _done(lesson)


def reorder(actor: User, lesson: Lesson, ids: list[int]) -> None:
    """Put the responses in the sequence `ids` gives; responses it leaves out (added by
    someone else meanwhile) keep their order after the ones it names."""
    _put_in_order(actor, lesson, _lock(lesson), ids)


def _put_in_order(actor: User, lesson: Lesson, revision: int, ids: list[int]) -> None:
    responses = _responses(lesson)
    known = {r.id: r for r in responses}
    order = [known[i] for i in dict.fromkeys(ids) if i in known]
    order += [r for r in responses if r not in order]
    if order == responses:
        db.session.rollback()
        return
    for position, response in enumerate(order, start=1):
        response.position = position
    _change(lesson, revision, actor, ChangeKind.reorder, value=" ".join(str(r.id) for r in order))
    _done(lesson)


def move(actor: User, response: AnticipatedResponse, by: int) -> None:
    """Move a response `by` places up (negative) or down the sequence (the keyboard way).
    The sequence is read under the lesson's lock: two moves at once both stand."""
    lesson = response.lesson
    revision = _lock(lesson)
    ids = [r.id for r in _responses(lesson)]
    if response.id not in ids:
        db.session.rollback()
        return
    at = ids.index(response.id)
    to = max(0, min(len(ids) - 1, at + by))
    ids.insert(to, ids.pop(at))
    _put_in_order(actor, lesson, revision, ids)


def _responses(lesson: Lesson) -> list[AnticipatedResponse]:
    return list(
        db.session.scalars(
            sa.select(AnticipatedResponse)
            .where(
                AnticipatedResponse.lesson_id == lesson.id, AnticipatedResponse.removed_at.is_(None)
            )
            .order_by(AnticipatedResponse.position, AnticipatedResponse.id)
        )
    )
