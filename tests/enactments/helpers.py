"""A cycle in its teach stage with a lesson of anticipated responses, and enactments of it."""

import sqlalchemy as sa

from app.cycles.models import CycleStage
from app.enactments.models import Enactment, Tally
from app.extensions import db
from app.lessons import writing
from app.lessons.models import AnticipatedResponse, Lesson
from app.timeutil import local_now
from tests.lessons.helpers import make_lesson

RESPONSES = ("Halves then quarters", "Each brownie in fourths", "Three fourths by division")


def make_teaching_lesson(team, author, responses=RESPONSES, title: str = "Brownies") -> Lesson:
    lesson = make_lesson(team, title=title)
    for name in responses:
        writing.add_response(author, lesson, {"name": name})
    lesson.cycle.stage = CycleStage.teach
    db.session.commit()
    return lesson


def make_enactment(cycle, teacher, class_code: str = "4B", students: int | None = 24):
    enactment = Enactment(
        cycle_id=cycle.id,
        teacher_id=teacher.id,
        taught_on=local_now().date(),
        class_code=class_code,
        students=students,
        demand_factors="",
    )
    db.session.add(enactment)
    db.session.commit()
    return enactment


def responses(lesson) -> list[AnticipatedResponse]:
    return db.session.scalars(
        sa.select(AnticipatedResponse)
        .where(AnticipatedResponse.lesson_id == lesson.id)
        .order_by(AnticipatedResponse.position)
    ).all()


def fresh(enactment) -> Enactment:
    db.session.expire_all()
    return db.session.get(Enactment, enactment.id)


def tallies(enactment) -> dict[str, tuple]:
    db.session.expire_all()
    rows = db.session.scalars(sa.select(Tally).where(Tally.enactment_id == enactment.id))
    return {
        (f"r{t.response_id}" if t.response_id else f"u{t.unanticipated_id}"): (
            t.count,
            t.codes,
            t.share_order,
        )
        for t in rows
    }


def chart_form(lesson, **rows) -> dict:
    """Every anticipated response at 0 as drawn; rows: key -> dict of overrides."""
    form = {}
    for response in responses(lesson):
        key = f"r{response.id}"
        row = {"count": "0", "drawn": "0", "codes": "", "order": ""} | rows.get(key, {})
        for name, value in row.items():
            if value is not None:
                form[f"{name}-{key}"] = value
    return form


def url(enactment, part: str = "") -> str:
    return f"/enactments/{enactment.id}" + (f"/{part}" if part else "")
