"""A lesson for each cycle with a shared task: the plan, 5 to 8 anticipated responses in a
discussion sequence, and its history, as the team wrote it over the days after the vote.

The history is shaped like the one app.lessons.writing leaves, a row per change: the start,
each plan field saved once by some member (some first as a draft, then edited), each response
added (one row; its fields stand at that revision), a few questions sharpened later, now and
then a response taken out. About twenty changes per lesson. A lesson on a task the team has
taught before is revised from that earlier lesson, its responses carried over by position.
"""

import random
from datetime import datetime, time, timedelta

from app.bench_data.context import Generation, LessonPlan
from app.bench_data.lesson_texts import DRAFT, MINUTES, PLAN, RESPONSES, SHARPER
from app.lessons.models import AnticipatedResponse, ChangeKind, Lesson, LessonChange

LESSON_COLUMNS = ("id", "cycle_id", "task_id", "revised_from_id", *PLAN, *MINUTES) + (
    "field_revisions",
    "revision",
    "created_at",
)
RESPONSE_COLUMNS = (
    "id",
    "lesson_id",
    "position",
    "to_share",
    "name",
    "description",
    "representation",
    "correctness",
    "misconception",
    "assessing_questions",
    "advancing_questions",
    "connection",
    "sketch_name",
    "carried_from_id",
    "field_revisions",
    "created_by_id",
    "created_at",
    "removed_at",
)
CHANGE_COLUMNS = (
    "id",
    "lesson_id",
    "revision",
    "response_id",
    "kind",
    "field",
    "value",
    "author_id",
) + ("created_at",)
RESPONSE_FIELDS = (
    "name",
    "to_share",
    "description",
    "representation",
    "correctness",
    "misconception",
    "assessing_questions",
    "advancing_questions",
    "connection",
)
DRAFTED = ("launch", "discuss")  # saved first as a draft, then written out
DESIGN_DAYS = 6  # the history spreads over at most this many days after the vote


def seed_lessons(gen: Generation) -> None:
    rng = gen.random("lessons")
    lessons, responses, changes = [], [], []
    ids = _Ids(gen)
    taught: dict[tuple[int, int], tuple[int, list[int]]] = {}  # (team, task) → lesson, responses
    latest = datetime.combine(gen.today, time(0))
    for cycle in sorted(gen.cycles, key=lambda c: c.starts_on):
        if cycle.id not in gen.decisions:
            continue
        task_id, closed = gen.decisions[cycle.id]
        lesson = _Lesson(ids, rng, cycle, closed, min(latest, closed + timedelta(DESIGN_DAYS)))
        earlier = taught.get((cycle.team.id, task_id))
        lesson.write(taught_before=earlier)
        taught[(cycle.team.id, task_id)] = (lesson.id, lesson.response_ids)
        lessons.append(lesson.row(task_id, earlier[0] if earlier else None))
        responses += lesson.responses
        changes += lesson.changes
        gen.lessons.append(lesson.plan())
    gen.writer.write(Lesson, LESSON_COLUMNS, lessons)
    gen.writer.write(AnticipatedResponse, RESPONSE_COLUMNS, responses)
    gen.writer.write(LessonChange, CHANGE_COLUMNS, changes)


class _Ids:
    def __init__(self, gen: Generation):
        self.lessons = gen.ids.counter(Lesson)
        self.responses = gen.ids.counter(AnticipatedResponse)
        self.changes = gen.ids.counter(LessonChange)


class _Lesson:
    """One lesson's rows, its changes numbered and dated in the order they were made."""

    def __init__(self, ids: _Ids, rng: random.Random, cycle, opened: datetime, until: datetime):
        self.ids, self.rng, self.cycle = ids, rng, cycle
        self.id = next(ids.lessons)
        self.topic = cycle.topic
        self.members = cycle.team.member_ids
        self.opened, self.until = opened, until
        self.revision = 0
        self.field_revisions: dict[str, int] = {}
        self.responses: list[tuple] = []
        self.response_ids: list[int] = []
        self.changes: list[tuple] = []
        self._planned: list[tuple] = []

    def write(self, taught_before: tuple[int, list[int]] | None) -> None:
        rng = self.rng
        self._plan(ChangeKind.start, None, "", "", self.members[1])
        fields = [(f, text.format(topic=self.topic)) for f, text in PLAN.items()]
        for field, text in [*fields, *MINUTES.items()]:
            if field in DRAFTED:
                self._plan(ChangeKind.edit, None, field, DRAFT.format(field=field))
            self._plan(ChangeKind.edit, None, field, text)
            self.field_revisions[field] = self.revision
        count = rng.randint(5, 8)
        carried = taught_before[1] if taught_before else []
        for position, text in enumerate(rng.sample(RESPONSES, count), start=1):
            self._response(
                position, text, carried[position - 1] if position <= len(carried) else None
            )
        self._dated()

    def _plan(self, kind, response_id, field: str, value: str, author: int | None = None):
        self.revision += 1
        author = author or self.rng.choice(self.members)
        self._planned.append((self.revision, response_id, kind, field, value, author))

    def _response(self, position: int, text, carried_from: int | None) -> None:
        rng = self.rng
        response_id = next(self.ids.responses)
        self.response_ids.append(response_id)
        author = rng.choice(self.members)
        self._plan(ChangeKind.add, response_id, "", "", author)
        added = self.revision
        revisions = dict.fromkeys(RESPONSE_FIELDS, added)
        assessing = text.assessing
        if rng.random() < 0.3:  # sharpened later by someone else
            assessing += SHARPER
            self._plan(ChangeKind.edit, response_id, "assessing_questions", assessing)
            revisions["assessing_questions"] = self.revision
        removed = position > 5 and rng.random() < 0.15
        if removed:
            self._plan(ChangeKind.remove, response_id, "", "")
        self.responses.append(
            (response_id, self.id, position, position <= 5, text.name, text.description)
            + (text.representation, text.correctness, text.misconception, assessing)
            + (text.advancing, text.connection, None, carried_from, revisions, author)
            + (added, removed)  # made datetimes by _dated
        )

    def _dated(self) -> None:
        """Spread the changes over the design days; responses take their add's moment."""
        step = (self.until - self.opened) / (self.revision + 1)
        at = {
            r: (self.opened + step * r).replace(microsecond=0) for r in range(1, self.revision + 1)
        }
        for revision, response_id, kind, field, value, author in self._planned:
            change_id = next(self.ids.changes)
            self.changes.append(
                (change_id, self.id, revision, response_id, kind, field, value, author)
                + (at[revision],)
            )
        removals = {
            response_id: at[revision]
            for revision, response_id, kind, *_ in self._planned
            if kind == ChangeKind.remove
        }
        self.responses = [row[:-2] + (at[row[-2]], removals.get(row[0])) for row in self.responses]
        self.created_at = at[1]

    def plan(self) -> LessonPlan:
        kept = [(row[0], row[3]) for row in self.responses if row[-1] is None]
        return LessonPlan(self.id, self.cycle, self.revision, kept, len(self.responses))

    def row(self, task_id: int, revised_from: int | None) -> tuple:
        plan = tuple(PLAN[f].format(topic=self.topic) for f in PLAN)
        minutes = tuple(int(m) for m in MINUTES.values())
        return (self.id, self.cycle.id, task_id, revised_from, *plan, *minutes) + (
            self.field_revisions,
            self.revision,
            self.created_at,
        )
