"""A cycle in its teach stage with a lesson of anticipated responses, and enactments of it."""

from app.cycles.models import CycleStage
from app.enactments.models import Enactment
from app.extensions import db
from app.lessons import writing
from app.lessons.models import Lesson
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
