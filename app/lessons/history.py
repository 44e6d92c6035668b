"""The lesson's history as its page reads it: changes newest first, a page at a time, each
with its author, time, what it changed in the team's words and the words it changed.

A fixed number of statements however long the history: the previous value of every change
on the page comes from a LAG window over the changes of its field, in the same select."""

from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import aliased, joinedload

from app.auth.models import User
from app.extensions import db
from app.lessons.diff import Segment, word_diff
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
from app.lessons.writing import text_of
from app.paging import Page, paginate
from app.timeutil import to_local

PER_PAGE = 40
SKETCH = "sketch"
FIELD_LABELS = PLAN_FIELDS | PLAN_MINUTES | RESPONSE_FIELDS | {SKETCH: "Sketch"}
SHARED = {"yes": "Shared in the discussion", "no": "Not shared in the discussion"}


@dataclass
class Entry:
    change: LessonChange
    what: str
    note: str = ""
    diff: list[Segment] | None = None
    standing: bool = False  # the value the field holds now
    can_restore: bool = False
    can_bring_back: bool = False


@dataclass
class Revision:
    """Changes saved together: one author, one moment."""

    number: int
    author: User | None
    at: datetime
    entries: list[Entry] = field(default_factory=list)

    @property
    def by(self) -> str:
        if self.author is not None:
            return self.author.name
        starting = self.entries and self.entries[0].change.kind == ChangeKind.start
        return "Tandem" if starting else "A former member"


@dataclass
class History:
    lesson: Lesson
    page: Page
    revisions: list[Revision]


def lesson_responses(lesson: Lesson) -> dict[int, AnticipatedResponse]:
    """Every response of the lesson, removed ones too, in sequence (at most 40 in the plan)."""
    rows = db.session.scalars(
        sa.select(AnticipatedResponse)
        .where(AnticipatedResponse.lesson_id == lesson.id)
        .order_by(AnticipatedResponse.removed_at.is_not(None), AnticipatedResponse.position)
    )
    return {r.id: r for r in rows}


def _response_default(field_name: str) -> str:
    """What a response's field held before its first save: its column's default."""
    column = AnticipatedResponse.__table__.c.get(field_name)
    default = column.default.arg if column is not None and column.default is not None else ""
    if isinstance(default, bool):
        return "yes" if default else "no"
    return str(getattr(default, "value", default))


def shown(field_name: str, text: str | None) -> str:
    """A stored value in the words people read (labels for choices)."""
    text = text or ""
    if field_name == "representation":
        return Representation.LABELS.get(text, text)
    if field_name == "correctness":
        return Correctness.LABELS.get(text, text)
    if field_name == "to_share":
        return SHARED.get(text, text)
    return text


def history_page(
    lesson: Lesson,
    responses: dict[int, AnticipatedResponse],
    number: int,
    field_name: str | None = None,
    response_id: int | None = None,
) -> History:
    if lesson.revised_from is not None:
        lesson.revised_from.cycle  # noqa: B018 (named by the start line, whichever page shows it)
    page = paginate(_changes(lesson, field_name, response_id), number, PER_PAGE, scalars=False)
    rows = [(change, previous) for change, previous in page.items]
    sources = restored_versions([c for c, _ in rows if c.kind == ChangeKind.restore])
    describe = _Describer(lesson, responses, sources)
    revisions: list[Revision] = []
    for change, previous in rows:
        if not revisions or revisions[-1].number != change.revision:
            revisions.append(Revision(change.revision, change.author, to_local(change.created_at)))
        revisions[-1].entries.append(describe(change, previous))
    return History(lesson, page, revisions)


def _changes(lesson: Lesson, field_name: str | None, response_id: int | None) -> sa.Select:
    previous = sa.func.lag(LessonChange.value).over(
        partition_by=(LessonChange.lesson_id, LessonChange.response_id, LessonChange.field),
        order_by=(LessonChange.revision, LessonChange.id),
    )
    # Filters on the window's partition keys keep every row each previous value needs.
    inner = sa.select(LessonChange, previous.label("previous")).where(
        LessonChange.lesson_id == lesson.id
    )
    if field_name:
        inner = inner.where(LessonChange.field == field_name)
    if response_id:
        inner = inner.where(LessonChange.response_id == response_id)
    rows = inner.subquery()
    change = aliased(LessonChange, rows)
    query = (
        sa.select(change, rows.c.previous)
        .options(joinedload(change.author))
        .order_by(change.revision.desc(), change.id)
    )
    if not (field_name or response_id):
        # A revised lesson starts with every carried value: the start line stands for them
        # (what changed since shows them), as "Added “name”" stands for the name it was added
        # with; a field's or a response's own history still lists those first values.
        carried = sa.and_(change.kind == ChangeKind.start, change.field != "")
        named = sa.and_(change.kind == ChangeKind.add, change.field == "name")
        query = query.where(sa.not_(sa.or_(carried, named)))
    return query


def restored_versions(restores: list[LessonChange]) -> dict[int, LessonChange]:
    """For each restore, the latest earlier change that wrote the same words (not itself a
    restore, so a restore of a restore names the version's author)."""
    if not restores:
        return {}
    restore, source = aliased(LessonChange), aliased(LessonChange)
    rows = db.session.execute(
        sa.select(restore.id, source)
        .join(
            source,
            sa.and_(
                source.lesson_id == restore.lesson_id,
                source.response_id.is_not_distinct_from(restore.response_id),
                source.field == restore.field,
                source.value == restore.value,
                source.revision < restore.revision,
                source.kind != ChangeKind.restore,
            ),
        )
        .where(restore.id.in_([r.id for r in restores]))
        .options(joinedload(source.author))
        .order_by(source.revision)
    )
    return {restore_id: found for restore_id, found in rows}


def restorable(change: LessonChange) -> bool:
    """A version of one of the fields a save can put back (not a sketch, not an event)."""
    fields = RESPONSE_FIELDS if change.response_id else PLAN_FIELDS | PLAN_MINUTES
    return change.field in fields


def version_name(change: LessonChange) -> str:
    if change.kind == ChangeKind.start:
        return "the version the lesson started with"
    author = change.author.name if change.author else "a former member"
    return f"the version of {when(change.created_at)} by {author}"


def when(stamp: datetime, beside: datetime | None = None) -> str:
    """A change's local time: the hour alone next to a time of the same day."""
    local = to_local(stamp)
    if beside is not None and to_local(beside).date() == local.date():
        return local.strftime("%-I:%M %p")
    return local.strftime("%b %-d, %-I:%M %p")


class _Describer:
    """What each change did, in the words of the lesson page."""

    def __init__(self, lesson, responses, sources):
        self.lesson = lesson
        self.responses = responses
        self.sources = sources

    def name(self, response_id: int | None) -> str:
        response = self.responses.get(response_id)
        return f"“{response.name}”" if response else "a response"

    def __call__(self, change: LessonChange, previous: str | None) -> Entry:
        if not change.field:
            return self.event(change)
        if change.field == SKETCH:
            return self.sketch(change, previous)
        edited = change.kind in (ChangeKind.edit, ChangeKind.restore)
        if previous is None and change.response_id and edited:
            previous = _response_default(change.field)
        label = FIELD_LABELS.get(change.field, change.field)
        what = (
            label if change.response_id is None else f"{label} of {self.name(change.response_id)}"
        )
        entry = Entry(
            change,
            what,
            note=self.note(change),
            diff=word_diff(shown(change.field, previous), shown(change.field, change.value)),
        )
        response = self.responses.get(change.response_id)
        record = response if change.response_id else self.lesson
        if record is None or not hasattr(record, change.field):
            return entry
        entry.standing = text_of(record, change.field) == change.value
        removed = response is not None and response.removed_at is not None
        entry.can_bring_back = removed
        entry.can_restore = restorable(change) and not entry.standing and not removed
        return entry

    def event(self, change: LessonChange) -> Entry:
        response = self.responses.get(change.response_id)
        name = self.name(change.response_id)
        removed = response is not None and response.removed_at is not None
        match change.kind:
            case ChangeKind.add:
                return Entry(change, f"Added {name}")
            case ChangeKind.remove:
                return Entry(change, f"Removed {name}", can_bring_back=removed)
            case ChangeKind.bring_back:
                return Entry(change, f"Brought back {name}")
            case ChangeKind.reorder:
                return Entry(change, "Reordered the sequence", note=self.sequence(change.value))
            case ChangeKind.start if change.value:
                earlier = self.lesson.revised_from
                title = earlier.cycle.title if earlier else "an earlier cycle"
                return Entry(change, f"Started from the lesson of {title}")
        return Entry(change, change.kind.label)

    def sequence(self, ids: str) -> str:
        names = [self.name(int(i)) for i in ids.split() if i.isdigit()]
        return ", ".join(f"{n}. {name}" for n, name in enumerate(names, start=1))

    def sketch(self, change: LessonChange, previous: str | None) -> Entry:
        name = self.name(change.response_id)
        if not change.value:
            return Entry(change, f"Sketch removed from {name}")
        if previous:
            return Entry(change, f"Sketch replaced on {name}")
        return Entry(change, f"Sketch added to {name}")

    def note(self, change: LessonChange) -> str:
        if change.kind == ChangeKind.start:
            return "As the lesson started"
        if change.kind != ChangeKind.restore:
            return ""
        source = self.sources.get(change.id)
        if source is None:
            return "Restored an earlier version"
        if source.kind == ChangeKind.start:
            return "Restored the version the lesson started with"
        author = source.author.name if source.author else "a former member"
        return f"Restored the version of {when(source.created_at, change.created_at)} by {author}"
