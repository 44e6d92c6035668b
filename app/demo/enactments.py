"""The demo's enactments, written through the services the enactment pages use
(app.enactments.recording, samples; app.debriefs.promoting), so every invariant of a recorded
lesson holds: last year's two rooms, and cycle 3's three so far, with their charts, the
responses nobody anticipated, photos of student work, exit levels, demand factors and
reflections. Loading the demo twice changes nothing."""

from datetime import date, datetime, time, timedelta
from io import BytesIO

import sqlalchemy as sa

from app.auth.models import User
from app.cycles.models import Cycle
from app.debriefs import promoting
from app.demo.cycles import CYCLES, LAST_YEAR_TOPIC, DemoCycle
from app.demo.enactment_plans import EARLY_LOOK, FRACTION_PAIRS, MISSING, NUMBER_LINE, Taught
from app.demo.lessons import COMPARING_TOPIC, local_to_utc
from app.demo.work_images import drawing
from app.enactments import recording, samples
from app.enactments.chart import PostedRow
from app.enactments.models import Enactment, Unanticipated
from app.enactments.parts import fingerprint
from app.extensions import db
from app.lessons import writing
from app.lessons.models import AnticipatedResponse, LessonChange
from app.lessons.starting import lesson_of
from app.teams.models import Team


def seed_enactments(team: Team, people: dict[str, User]) -> bool:
    """Record the lessons unless the team has recorded one; False when nothing was added
    (also when the cycles or their lessons are missing)."""
    cycles = list(db.session.scalars(sa.select(Cycle).where(Cycle.team_id == team.id)))
    last_year = next((c for c in cycles if LAST_YEAR_TOPIC in c.title), None)
    comparing = next((c for c in cycles if COMPARING_TOPIC in c.title), None)
    if last_year is None or comparing is None:
        return False
    if lesson_of(last_year) is None or lesson_of(comparing) is None:
        return False
    if db.session.scalar(
        sa.select(Enactment.id).where(Enactment.cycle_id.in_([c.id for c in cycles])).limit(1)
    ):
        return False
    _Recorder(last_year, people).record_all(NUMBER_LINE)
    recorder = _Recorder(comparing, people)
    before, after = _split(FRACTION_PAIRS)
    recorder.record_all(before)
    _promote_missing_piece(recorder, people["leader"])
    recorder.record_all(after)
    return True


def _split(taught: tuple[Taught, ...]) -> tuple[tuple[Taught, ...], tuple[Taught, ...]]:
    return (
        tuple(t for t in taught if t.day < EARLY_LOOK),
        tuple(t for t in taught if t.day >= EARLY_LOOK),
    )


def _spec(cycle: Cycle) -> DemoCycle:
    return next(spec for spec in CYCLES if spec.topic in cycle.title)


class _Recorder:
    """Records one cycle's lessons, each by its teacher, dated when it was taught."""

    def __init__(self, cycle: Cycle, people: dict[str, User]):
        self.cycle = cycle
        self.people = people
        spec = _spec(cycle)
        # Fraction Pairs counts from the “Cycle 3 planning” meeting, last year's from its start.
        self.anchor = (
            cycle.starts_on
            if spec.topic == LAST_YEAR_TOPIC
            else (cycle.starts_on - timedelta(days=spec.starts))
        )
        lesson = lesson_of(cycle)
        self.responses = {
            r.name: r.id
            for r in db.session.scalars(
                sa.select(AnticipatedResponse).where(
                    AnticipatedResponse.lesson_id == lesson.id,
                    AnticipatedResponse.removed_at.is_(None),
                )
            )
        }
        self.found: dict[str, Unanticipated] = {}

    def day(self, offset: int) -> date:
        return self.anchor + timedelta(days=offset)

    def when(self, offset: int, at: time) -> datetime:
        return local_to_utc(datetime.combine(self.day(offset), at))

    def record_all(self, taught: tuple[Taught, ...]) -> None:
        for one in taught:
            self._record(one)

    def _record(self, taught: Taught) -> None:
        teacher = self.people[taught.teacher]
        enactment = recording.record_lesson(
            teacher,
            self.cycle,
            {
                "taught_on": self.day(taught.day),
                "class_code": taught.class_code,
                "students": taught.students,
                "minutes": taught.minutes,
            },
        )
        not_yet, approaching, meets, exceeds = taught.levels
        parts = {
            "exit": {
                "not_yet": not_yet,
                "approaching": approaching,
                "meets": meets,
                "exceeds": exceeds,
            },
            "factors": {"demand_factors": " ".join(taught.factors)},
            "reflection": {
                "what_worked": taught.worked,
                "surprised": taught.surprised,
                "would_change": taught.would_change,
                "video_url": taught.video_url,
                "video_moments": taught.video_moments,
            },
        }
        for part, values in parts.items():
            drawn = fingerprint(enactment, part)
            recording.save_fields(enactment, values, enactment.version, part, drawn, teacher)
        keys = {name: f"r{response_id}" for name, response_id in self.responses.items()}
        for found in taught.found:
            added = recording.add_unanticipated(teacher, enactment, found.name, found.description)
            added.created_at = self.when(taught.day, time(10, 20))
            self.found[found.name] = added
            keys[found.name] = f"u{added.id}"
        rows = [
            PostedRow(
                key=keys[row.response],
                count_text=str(row.count),
                drawn=None,
                codes=row.codes,
                shared=row.share is not None,
                order_text=str(row.share or ""),
            )
            for row in taught.rows
        ]
        recording.save_chart(enactment, rows, set(keys.values()))
        for sample in taught.samples:
            photo = samples.check_photo(BytesIO(drawing(sample.drawing)))
            added = samples.add_sample(
                teacher, enactment, keys[sample.response], sample.caption, photo
            )
            if sample.in_report:
                samples.update_sample(added, keys[sample.response], sample.caption, True)
            added.created_at = self.when(taught.day, time(15, 40))
        enactment.created_at = self.when(taught.day, time(15, 30))
        db.session.commit()


def _promote_missing_piece(recorder: _Recorder, leader: User) -> None:
    """At the early look the team adds S.K.'s strategy to the chart, with its question."""
    lesson = lesson_of(recorder.cycle)
    last = db.session.scalar(
        sa.select(sa.func.max(LessonChange.id)).where(LessonChange.lesson_id == lesson.id)
    )
    response = promoting.promote(
        leader,
        recorder.found[MISSING],
        {"representation": "words", "correctness": "partial"},
    )
    db.session.refresh(response)
    writing.save_field(
        leader,
        lesson,
        "advancing_questions",
        "Which missing piece is smaller, and how do you know?",
        response.field_revision("advancing_questions"),
        response,
    )
    when = recorder.when(EARLY_LOOK, time(16, 10))
    response.created_at = when
    db.session.execute(
        sa.update(LessonChange)
        .where(LessonChange.lesson_id == lesson.id, LessonChange.id > last)
        .values(created_at=when)
    )
    db.session.commit()
    recorder.responses[MISSING] = response.id
