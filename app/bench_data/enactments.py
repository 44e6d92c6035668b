"""Each taught lesson's enactments and each finished cycle's debrief.

A cycle in its teach week has the lessons taught so far (about half its teachers); one past
it has one per teacher (the leader teaches too), one missing in some. Each enactment has
its monitoring chart (a count and some student codes per anticipated response, the planned
ones shared in order), a response or two nobody anticipated in some rooms, the exit prompt's
levels, the demand factors seen and a short reflection; some rooms counted by tapping (taps
adding up to the chart's counts, an undo now and then). A few work samples per finished cycle
all show one small shared image. A finished cycle has its debrief record, and some of what
nobody anticipated was promoted into the lesson then, as app/debriefs/promoting does: a new
anticipated response at the end of the sequence, one more change in the lesson's history.
"""

import random
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa

from app.bench_data import enactment_texts as texts
from app.bench_data.context import Generation, LessonPlan
from app.cycles.models import Cycle, CycleStage
from app.enactments import samples
from app.enactments.models import DemandFactor, Enactment, Tally, Tap, Unanticipated, WorkSample
from app.lessons.models import (
    AnticipatedResponse,
    ChangeKind,
    Correctness,
    Lesson,
    LessonChange,
    Representation,
)

ENACTMENT_COLUMNS = (
    "id",
    "cycle_id",
    "teacher_id",
    "taught_on",
    "class_code",
    "students",
    "minutes",
    "not_yet",
    "approaching",
    "meets",
    "exceeds",
    "demand_factors",
    "what_worked",
    "surprised",
    "would_change",
    "video_url",
    "video_moments",
    "created_at",
)
UNANTICIPATED_COLUMNS = ("id", "enactment_id", "name", "description", "promoted_to_id")
UNANTICIPATED_COLUMNS += ("created_at",)
TALLY_COLUMNS = ("id", "enactment_id", "response_id", "unanticipated_id", "count", "codes")
TALLY_COLUMNS += ("share_order",)
TAP_COLUMNS = ("id", "enactment_id", "key", "tally_id", "by", "tapped_at", "received_at")
SAMPLE_COLUMNS = ("id", "enactment_id", "tally_id", "caption", "image_name", "width", "height")
SAMPLE_COLUMNS += ("in_report", "uploaded_by_id", "created_at")
PROMOTED_COLUMNS = ("id", "lesson_id", "position", "to_share", "name", "description")
PROMOTED_COLUMNS += ("representation", "correctness", "field_revisions", "created_by_id")
PROMOTED_COLUMNS += ("created_at",)
CHANGE_COLUMNS = ("id", "lesson_id", "revision", "response_id", "kind", "field", "value")
CHANGE_COLUMNS += ("author_id", "created_at")
RESPONSE_FIELDS = ("name", "description", "representation", "correctness")

TAUGHT = (CycleStage.teach, CycleStage.debrief, CycleStage.done)
TAUGHT_IN_TEACH_WEEK = 0.5  # the share of teachers who taught by now in a teach-week cycle
INCOMPLETE = 0.15  # the taught cycles with one teacher's lesson never recorded
WITH_UNANTICIPATED = 0.4  # of the rooms
PROMOTED = 0.3  # of what nobody anticipated, in a finished cycle
TAPPED = 0.2  # of the rooms: counted by tapping
UNDONE = 0.05  # of the taps: followed by an undo (and tapped again on the right response)
SAMPLES_PER_CYCLE = (0, 3)  # work samples of a finished cycle
LATE_LESSON = time(10, 15)  # when a class's lesson starts; taps follow within the hour

STUDENT_CODES = [f"S{n:02d}" for n in range(1, 31)]
SAMPLE_IMAGE = "bench-district-sample.jpg"  # one shared file: the rows are what is measured
SAMPLE_SIZE = (64, 48)


def seed_enactments(gen: Generation) -> None:
    rng = gen.random("enactments")
    rows = _Rows(gen)
    for lesson in gen.lessons:
        if lesson.cycle.stage in TAUGHT:
            _CycleTeaching(rows, rng, lesson, gen.today).write()
    gen.writer.write(Enactment, ENACTMENT_COLUMNS, rows.enactments)
    gen.writer.write(Unanticipated, UNANTICIPATED_COLUMNS, rows.unanticipated)
    gen.writer.write(Tally, TALLY_COLUMNS, rows.tallies)
    gen.writer.write(Tap, TAP_COLUMNS, rows.taps)
    gen.writer.write(WorkSample, SAMPLE_COLUMNS, rows.samples)
    gen.writer.write(AnticipatedResponse, PROMOTED_COLUMNS, rows.promoted)
    gen.writer.write(LessonChange, CHANGE_COLUMNS, rows.changes)
    if rows.samples:
        _store_sample_image()
    _update(gen.writer.connection, Lesson, "revision", rows.revisions)
    records = [
        {"key": cycle_id, "worked": worked, "learned": learned}
        for cycle_id, (worked, learned) in rows.records.items()
    ]
    if records:
        cycles = Cycle.__table__
        gen.writer.connection.execute(
            cycles.update()
            .where(cycles.c.id == sa.bindparam("key"))
            .values(debrief_worked=sa.bindparam("worked"), debrief_learned=sa.bindparam("learned")),
            records,
        )


class _Rows:
    def __init__(self, gen: Generation):
        self.ids = {
            model: gen.ids.counter(model)
            for model in (
                Enactment,
                Unanticipated,
                Tally,
                Tap,
                WorkSample,
                AnticipatedResponse,
                LessonChange,
            )
        }
        self.enactments: list[tuple] = []
        self.unanticipated: list[tuple] = []
        self.tallies: list[tuple] = []
        self.taps: list[tuple] = []
        self.samples: list[tuple] = []
        self.promoted: list[tuple] = []
        self.changes: list[tuple] = []
        self.revisions: list[dict] = []  # the lessons that grew by a promotion
        self.records: dict[int, tuple[str, str]] = {}

    def take(self, model) -> int:
        return next(self.ids[model])


class _CycleTeaching:
    """One cycle's enactments, and its debrief if it is over."""

    def __init__(self, rows: _Rows, rng: random.Random, lesson: LessonPlan, today: date):
        self.rows, self.rng, self.lesson, self.today = rows, rng, lesson, today
        self.cycle = lesson.cycle
        self.team = self.cycle.team
        self.done = self.cycle.stage == CycleStage.done
        # The teach week is the cycle's third (app/bench_data/cycles.STAGE_BY_WEEK).
        first = self.cycle.starts_on + timedelta(days=14)
        last = min(first + timedelta(days=6), today)
        self.days = [first + timedelta(d) for d in range((last - first).days + 1)]
        self.school_days = [d for d in self.days if d.weekday() < 5] or self.days
        self.tallied: list[tuple[int, int, int]] = []  # (enactment, tally, teacher) for samples

    def write(self) -> None:
        rng = self.rng
        teachers = [self.team.leader_id, *self.team.teacher_ids]
        unexpected: list[tuple] = []  # (row index, id, name, text, when added)
        missing = rng.choice(teachers) if rng.random() < INCOMPLETE else None
        for number, teacher in enumerate(teachers):
            if self.cycle.stage == CycleStage.teach:
                if rng.random() >= TAUGHT_IN_TEACH_WEEK:
                    continue
            elif teacher == missing:
                continue
            class_code = f"{self.team.grade}{chr(ord('A') + number)}"
            unexpected += self._enactment(teacher, class_code)
        if self.done:
            self._debrief(unexpected)
        self._samples()

    def _enactment(self, teacher: int, class_code: str) -> list:
        rng, rows = self.rng, self.rows
        enactment_id = rows.take(Enactment)
        taught_on = rng.choice(self.school_days)
        starts = datetime.combine(taught_on, LATE_LESSON) + timedelta(minutes=rng.randrange(300))
        students = rng.randint(18, 30)
        unanticipated = []
        if rng.random() < WITH_UNANTICIPATED:
            for name, description in rng.sample(texts.UNANTICIPATED, rng.randint(1, 2)):
                made = starts + timedelta(minutes=rng.randint(15, 40))
                unanticipated.append((rows.take(Unanticipated), name, description, made))
        # Students spread over the responses; some work is never placed on the chart.
        keys = [("r", response_id) for response_id, _ in self.lesson.responses]
        keys += [("u", u[0]) for u in unanticipated]
        placed = rng.randint(students * 2 // 3, students) - len(unanticipated)
        weights = [rng.random() + 0.2 for _ in keys]
        # A response nobody anticipated was added for at least one student.
        counts = [0] * (len(keys) - len(unanticipated)) + [1] * len(unanticipated)
        for index in rng.choices(range(len(keys)), weights, k=placed):
            counts[index] += 1
        order = 0
        shared = {response_id for response_id, to_share in self.lesson.responses if to_share}
        tallies = []
        # Each student is one code of the class; a row notes the codes of up to three of its.
        start = rng.randrange(len(STUDENT_CODES))  # as good as a shuffle here, and cheaper
        pupils = STUDENT_CODES[start:] + STUDENT_CODES[:start]
        seated = 0
        for (kind, key_id), count in zip(keys, counts, strict=True):
            share = None
            if count and (key_id in shared if kind == "r" else rng.random() < 0.5):
                order += 1
                share = order
            codes = " ".join(pupils[seated : seated + min(count, 3)])
            seated += count
            tally_id = rows.take(Tally)
            tallies.append((tally_id, count))
            rows.tallies.append(
                (tally_id, enactment_id, key_id if kind == "r" else None)
                + (key_id if kind == "u" else None, count, codes if count else "", share)
            )
            if count:
                self.tallied.append((enactment_id, tally_id, teacher))
        for unexpected_id, name, description, made in unanticipated:
            rows.unanticipated.append((unexpected_id, enactment_id, name, description, None, made))
        first = len(rows.unanticipated) - len(unanticipated)
        if rng.random() < TAPPED:
            self._taps(enactment_id, tallies, starts)
        levels = self._levels(students)
        factors = rng.sample(list(DemandFactor), rng.randint(1, 3))
        reflected = rng.random() < 0.85
        filmed = rng.random() < 0.1
        rows.enactments.append(
            (enactment_id, self.cycle.id, teacher, taught_on, class_code, students)
            + (rng.choice((45, 50, 55, 60)), *levels, " ".join(f.value for f in factors))
            + tuple(rng.choice(t) if reflected else "" for t in _REFLECTIONS)
            + (f"https://video.example.org/{enactment_id}" if filmed else "",)
            + (texts.VIDEO_MOMENTS if filmed else "", starts + timedelta(hours=1))
        )
        return [(first + i, *found) for i, found in enumerate(unanticipated)]

    def _levels(self, students: int) -> tuple:
        """The exit prompt's four levels, a few students left out; None where not given."""
        rng = self.rng
        if rng.random() < 0.1:
            return (None, None, None, None)
        assessed = students - rng.randint(0, 3)
        cuts = sorted(rng.randint(0, assessed) for _ in range(3))
        return (cuts[0], cuts[1] - cuts[0], cuts[2] - cuts[1], assessed - cuts[2])

    def _taps(self, enactment_id: int, tallies: list, starts: datetime) -> None:
        """A tap per student counted; now and then one on the wrong response, undone."""
        rng, rows = self.rng, self.rows
        taps = [tally_id for tally_id, count in tallies for _ in range(count)]
        rng.shuffle(taps)
        at = starts + timedelta(minutes=12)
        number = 0
        for tally_id in taps:
            steps = [(tally_id, 1)]
            if rng.random() < UNDONE:
                slip = rng.choice(tallies)[0]
                steps = [(slip, 1), (slip, -1), (tally_id, 1)]
            for target, by in steps:
                number += 1
                at += timedelta(seconds=5 + 55 * rng.random())
                key = f"{number:04d}{rng.getrandbits(64):016x}"  # as a device makes them
                received = at + timedelta(seconds=3 * rng.random())
                rows.taps.append((rows.take(Tap), enactment_id, key, target, by, at, received))

    def _debrief(self, unexpected: list) -> None:
        rng, rows = self.rng, self.rows
        lesson = self.lesson
        held = datetime.combine(self.cycle.starts_on + timedelta(days=22), time(15, 30))
        rows.records[self.cycle.id] = (
            rng.choice(texts.DEBRIEF_WORKED),
            rng.choice(texts.DEBRIEF_LEARNED),
        )
        revision, position = lesson.revision, lesson.last_position
        for index, _, name, description, _ in unexpected:
            if rng.random() >= PROMOTED:
                continue
            revision += 1
            position += 1
            at = held + timedelta(minutes=revision - lesson.revision)
            response_id = rows.take(AnticipatedResponse)
            author = rng.choice(self.team.member_ids)
            rows.promoted.append(
                (response_id, lesson.id, position, True, name, description)
                + (Representation.other, Correctness.partial)
                + (dict.fromkeys(RESPONSE_FIELDS, revision), author, at)
            )
            rows.changes.append(
                (rows.take(LessonChange), lesson.id, revision, response_id, ChangeKind.add)
                + ("", "", author, at)
            )
            row = rows.unanticipated[index]
            rows.unanticipated[index] = (*row[:4], response_id, row[5])
        if revision != lesson.revision:
            rows.revisions.append({"key": lesson.id, "value": revision})

    def _samples(self) -> None:
        """A few photos of student work, tied to chart rows that have students on them."""
        if not self.done or not self.tallied:
            return
        rng, rows = self.rng, self.rows
        for enactment_id, tally_id, teacher in rng.sample(
            self.tallied, min(len(self.tallied), rng.randint(*SAMPLES_PER_CYCLE))
        ):
            rows.samples.append(
                (rows.take(WorkSample), enactment_id, tally_id, "Student work, de-identified")
                + (SAMPLE_IMAGE, *SAMPLE_SIZE, rng.random() < 0.5, teacher)
                + (datetime.combine(self.cycle.starts_on + timedelta(days=21), time(16)),)
            )


_REFLECTIONS = (texts.WHAT_WORKED, texts.SURPRISED, texts.WOULD_CHANGE)


def _update(connection: sa.Connection, model, column: str, values: list[dict]) -> None:
    """One column of rows by primary key, sent as one batch."""
    if not values:
        return
    table = model.__table__
    connection.execute(
        table.update()
        .where(table.c.id == sa.bindparam("key"))
        .values({column: sa.bindparam("value")}),
        values,
    )


def _store_sample_image() -> None:
    """The one small image every generated work sample shows, and its thumbnail."""
    from io import BytesIO

    from PIL import Image

    for folder in (samples.SAMPLES, samples.THUMBS):
        path = folder.path() / SAMPLE_IMAGE
        if not path.is_file():
            buffer = BytesIO()
            Image.new("RGB", SAMPLE_SIZE, (250, 248, 240)).save(buffer, "JPEG", quality=70)
            path.write_bytes(buffer.getvalue())
