"""The demo's lessons, written through the lessons' own write path (app.lessons.writing), so
their history, revisions and carried-over responses are what a team's week of co-designing
leaves: last school year's lesson on the number-line task, cycle 3's on Fraction Pairs, then
cycle 4's, revised from last year's.
Each change is dated when its author made it. Loading the demo twice changes nothing."""

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import current_app

from app.auth.models import User
from app.cycles.models import Cycle
from app.demo import lesson_cycle3, lesson_cycle4, lesson_last_year
from app.demo.cycles import LAST_YEAR_TOPIC
from app.demo.plans import (
    AddResponse,
    Clash,
    CoEdit,
    LessonStep,
    MoveResponse,
    RemoveResponse,
    Restore,
    Save,
)
from app.extensions import db
from app.lessons import writing
from app.lessons.models import AnticipatedResponse, LessonChange
from app.lessons.starting import lesson_of, start_lesson
from app.teams.models import Team

CURRENT_TOPIC = "fractions on the number line"
COMPARING_TOPIC = "comparing fractions"


def seed_lessons(team: Team, people: dict[str, User]) -> bool:
    """Write the lessons the team lacks; False when nothing was written (also when the
    demo's cycles are from before the lessons and have no number-line task to revise).
    Last year's goes first: cycle 4's starts from it."""
    cycles = list(db.session.scalars(sa.select(Cycle).where(Cycle.team_id == team.id)))
    last_year = next((c for c in cycles if LAST_YEAR_TOPIC in c.title), None)
    current = next((c for c in cycles if CURRENT_TOPIC in c.title and c is not last_year), None)
    if last_year is None or current is None or current.shared_task_id is None:
        return False
    comparing = next((c for c in cycles if COMPARING_TOPIC in c.title), None)
    plans = (
        (last_year, "mentor", lesson_last_year.STEPS),
        (comparing, "leader", lesson_cycle3.STEPS),
        (current, "leader", lesson_cycle4.STEPS),
    )
    written = False
    for cycle, starter, steps in plans:
        if cycle is not None and cycle.shared_task_id is not None and lesson_of(cycle) is None:
            _Writer(cycle, people, starter).run(steps)
            written = True
    return written


class _Writer:
    """Replays a lesson's steps in order, each by its author, then dates what it wrote."""

    def __init__(self, cycle: Cycle, people: dict[str, User], starter: str):
        self.people = people
        self.opened = cycle.vote_closed_at.date()
        self.lesson = start_lesson(people[starter], cycle)
        self.lesson.created_at = self._when(0, time(15, 35))
        self.responses = {
            r.name: r
            for r in db.session.scalars(
                sa.select(AnticipatedResponse).where(
                    AnticipatedResponse.lesson_id == self.lesson.id
                )
            )
        }
        self.stamped = 0
        self._stamp(self.lesson.created_at)

    def run(self, steps: tuple[LessonStep, ...]) -> None:
        for step in steps:
            self._step(step)

    def _step(self, step: LessonStep) -> None:
        if isinstance(step, CoEdit):
            # Every editor loaded the page before anyone saved.
            bases = [self._base(save) for save in step.saves]
            for save, base in zip(step.saves, bases, strict=True):
                self._save(save, base)
            return
        if isinstance(step, Clash):
            base = self._base(step.first)
            self._save(step.first, base)
            try:
                self._save(step.second, base)
            except writing.FieldConflict as conflict:
                merged = replace(step.second, text=step.merged)
                self._save(merged, conflict.revision, seconds=50)
            else:
                raise AssertionError("the second save of a clash must conflict")
            return
        if isinstance(step, Save):
            self._save(step, self._base(step))  # dated by _save
            return
        who = self.people[step.who]
        if isinstance(step, AddResponse):
            response = writing.add_response(who, self.lesson, dict(step.fields))
            response.created_at = self._when(step.day, step.at)
            self.responses[step.key] = response
        elif isinstance(step, RemoveResponse):
            writing.remove_response(who, self.responses[step.key])
            self.responses[step.key].removed_at = self._when(step.day, step.at)
        elif isinstance(step, MoveResponse):
            writing.move(who, self.responses[step.key], step.by)
        elif isinstance(step, Restore):
            writing.restore(who, self._earlier(step))
        self._stamp(self._when(step.day, step.at))

    def _save(self, save: Save, base: int, seconds: int = 0) -> None:
        response = self.responses[save.response] if save.response else None
        who = self.people[save.who]
        writing.save_field(who, self.lesson, save.field, save.text, base, response)
        self._stamp(self._when(save.day, save.at) + timedelta(seconds=seconds))

    def _base(self, save: Save) -> int:
        record = self.responses[save.response] if save.response else self.lesson
        db.session.refresh(record)
        return record.field_revision(save.field)

    def _earlier(self, step: Restore) -> LessonChange:
        response = self.responses[step.response] if step.response else None
        changes = db.session.scalars(
            sa.select(LessonChange)
            .where(
                LessonChange.lesson_id == self.lesson.id,
                LessonChange.response_id == response.id
                if response
                else LessonChange.response_id.is_(None),
                LessonChange.field == step.field,
            )
            .order_by(LessonChange.revision.desc())
        ).all()
        return changes[step.back]

    def _when(self, day: int, at: time) -> datetime:
        local = datetime.combine(self.opened + timedelta(days=day), at)
        return local_to_utc(local)

    def _stamp(self, when: datetime) -> None:
        """Date the changes written since the last stamp."""
        db.session.execute(
            sa.update(LessonChange)
            .where(LessonChange.lesson_id == self.lesson.id, LessonChange.id > self.stamped)
            .values(created_at=when)
        )
        self.stamped = db.session.scalar(
            sa.select(sa.func.coalesce(sa.func.max(LessonChange.id), 0)).where(
                LessonChange.lesson_id == self.lesson.id
            )
        )
        db.session.commit()


def local_to_utc(local: datetime) -> datetime:
    """A wall-clock time in the district's zone, as the naive UTC the database keeps."""
    zone = ZoneInfo(current_app.config["TIMEZONE"])
    return local.replace(tzinfo=zone).astimezone(UTC).replace(tzinfo=None)
