"""What changed since the earlier lesson a revised lesson started from: the plan's words, the
responses added, taken out and rewritten, and the planned sequence. Two lessons of at most
40 responses each, read in one select."""

from dataclasses import dataclass, field

import sqlalchemy as sa

from app.extensions import db
from app.lessons.diff import Segment, word_diff
from app.lessons.history import shown
from app.lessons.models import (
    PLAN_FIELDS,
    PLAN_MINUTES,
    RESPONSE_FIELDS,
    AnticipatedResponse,
    Lesson,
)
from app.lessons.writing import text_of


@dataclass(frozen=True)
class FieldChange:
    label: str
    diff: list[Segment]


@dataclass
class ResponseChange:
    response: AnticipatedResponse
    fields: list[FieldChange]
    sketch: str = ""  # "added", "replaced" or "removed"


@dataclass
class Comparison:
    lesson: Lesson
    earlier: Lesson
    plan: list[FieldChange] = field(default_factory=list)
    added: list[AnticipatedResponse] = field(default_factory=list)
    removed: list[AnticipatedResponse] = field(default_factory=list)
    changed: list[ResponseChange] = field(default_factory=list)
    sequence_then: list[str] = field(default_factory=list)
    sequence_now: list[str] = field(default_factory=list)
    # The responses both lessons plan stand in another order (additions alone are not it).
    sequence_changed: bool = False

    @property
    def nothing(self) -> bool:
        return not (
            self.plan or self.added or self.removed or self.changed or self.sequence_changed
        )


def compare(lesson: Lesson, earlier: Lesson) -> Comparison:
    result = Comparison(lesson, earlier)
    for name, label in (PLAN_FIELDS | PLAN_MINUTES).items():
        then, now = text_of(earlier, name), text_of(lesson, name)
        if then != now:
            result.plan.append(FieldChange(label, word_diff(then, now)))
    rows = db.session.scalars(
        sa.select(AnticipatedResponse)
        .where(AnticipatedResponse.lesson_id.in_([lesson.id, earlier.id]))
        .order_by(AnticipatedResponse.position, AnticipatedResponse.id)
    ).all()
    now = [r for r in rows if r.lesson_id == lesson.id and r.removed_at is None]
    then = [r for r in rows if r.lesson_id == earlier.id and r.removed_at is None]
    sources = {r.id: r for r in rows if r.lesson_id == earlier.id}
    carried = {r.carried_from_id for r in rows if r.lesson_id == lesson.id}
    result.added = [r for r in now if r.carried_from_id is None]
    result.removed = [
        r
        for r in rows
        if r.lesson_id == lesson.id and r.removed_at is not None and r.carried_from_id in sources
    ] + [r for r in then if r.id not in carried]
    for response in now:
        source = sources.get(response.carried_from_id)
        if source and (change := _response_change(source, response)):
            result.changed.append(change)
    result.sequence_then = [r.name for r in then]
    result.sequence_now = [r.name for r in now]
    kept = {r.carried_from_id for r in now} & {r.id for r in then}
    result.sequence_changed = [r.id for r in then if r.id in kept] != [
        r.carried_from_id for r in now if r.carried_from_id in kept
    ]
    return result


def _response_change(source: AnticipatedResponse, response: AnticipatedResponse):
    fields = [
        FieldChange(label, word_diff(shown(name, text_of(source, name)), shown(name, now)))
        for name, label in RESPONSE_FIELDS.items()
        if text_of(source, name) != (now := text_of(response, name))
    ]
    sketch = ""
    if source.sketch_name != response.sketch_name:
        sketch = (
            "added"
            if not source.sketch_name
            else "removed"
            if not response.sketch_name
            else "replaced"
        )
    if fields or sketch:
        return ResponseChange(response, fields, sketch)
    return None
