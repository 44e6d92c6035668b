"""A cycle's lesson begins when the team has its shared task. A task the team has taught
before starts from its latest lesson on that task: the plan and the anticipated responses
(also those promoted after that debrief) are carried over, and the page shows what changed."""

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from app.auth.models import User
from app.cycles.models import Cycle, live_channel
from app.extensions import db
from app.lessons.models import (
    PLAN_FIELDS,
    PLAN_MINUTES,
    RESPONSE_FIELDS,
    AnticipatedResponse,
    ChangeKind,
    Lesson,
    LessonChange,
)
from app.lessons.writing import LIVE_EVENT, text_of
from app.live import publish


def lesson_of(cycle: Cycle) -> Lesson | None:
    return db.session.scalar(sa.select(Lesson).where(Lesson.cycle_id == cycle.id))


def earlier_lesson(cycle: Cycle) -> Lesson | None:
    """The team's latest lesson on this cycle's shared task in another cycle."""
    if cycle.shared_task_id is None:
        return None
    return db.session.scalar(
        sa.select(Lesson)
        .join(Cycle, Cycle.id == Lesson.cycle_id)
        .where(
            Cycle.team_id == cycle.team_id,
            Cycle.id != cycle.id,
            Lesson.task_id == cycle.shared_task_id,
        )
        .order_by(Cycle.starts_on.desc(), Lesson.id.desc())
        .limit(1)
    )


def start_lesson(actor: User | None, cycle: Cycle) -> Lesson:
    """The cycle's lesson, made now if it has none (from the earlier lesson on the same task
    when there is one). Starting twice, or two people at once, gives the one lesson."""
    if existing := lesson_of(cycle):
        if existing.task_id != cycle.shared_task_id and cycle.shared_task_id is not None:
            # The team went back and chose another task: the plan stays, on the new task.
            existing.task_id = cycle.shared_task_id
            db.session.commit()
        return existing
    source = earlier_lesson(cycle)
    lesson = Lesson(cycle_id=cycle.id, task_id=cycle.shared_task_id, field_revisions={}, revision=1)
    db.session.add(lesson)
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        return lesson_of(cycle)
    if source is not None:
        _carry_over(actor, source, lesson)
    else:
        db.session.add(
            LessonChange(
                lesson_id=lesson.id, revision=1, kind=ChangeKind.start, author_id=_id(actor)
            )
        )
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return lesson_of(cycle)
    publish(live_channel(cycle.id), LIVE_EVENT)
    return lesson


def _id(actor: User | None) -> int | None:
    return actor.id if actor else None


def _carry_over(actor: User | None, source: Lesson, lesson: Lesson) -> None:
    lesson.revised_from_id = source.id
    db.session.add(
        LessonChange(
            lesson_id=lesson.id,
            revision=1,
            kind=ChangeKind.start,
            value=str(source.id),
            author_id=_id(actor),
        )
    )
    revisions = {}
    for field in (*PLAN_FIELDS, *PLAN_MINUTES):
        setattr(lesson, field, getattr(source, field))
        if text := text_of(source, field):
            revisions[field] = 1
            db.session.add(
                LessonChange(
                    lesson_id=lesson.id,
                    revision=1,
                    kind=ChangeKind.start,
                    field=field,
                    value=text,
                    author_id=_id(actor),
                )
            )
    lesson.field_revisions = revisions
    kept = db.session.scalars(
        sa.select(AnticipatedResponse)
        .where(AnticipatedResponse.lesson_id == source.id, AnticipatedResponse.removed_at.is_(None))
        .order_by(AnticipatedResponse.position, AnticipatedResponse.id)
    )
    for position, old in enumerate(kept, start=1):
        new = AnticipatedResponse(
            lesson_id=lesson.id,
            position=position,
            carried_from_id=old.id,
            sketch_name=old.sketch_name,
            created_by_id=old.created_by_id,
            name="",
        )
        for field in RESPONSE_FIELDS:
            setattr(new, field, getattr(old, field))
        db.session.add(new)
        db.session.flush()
        new.field_revisions = {f: 1 for f in RESPONSE_FIELDS if text_of(new, f)}
        for field in new.field_revisions:
            db.session.add(
                LessonChange(
                    lesson_id=lesson.id,
                    revision=1,
                    kind=ChangeKind.start,
                    response_id=new.id,
                    field=field,
                    value=text_of(new, field),
                    author_id=_id(actor),
                )
            )
