"""A lesson with anticipated responses and one teacher's enactment of it, for tap-to-count."""

import itertools

from app.enactments.models import Enactment
from app.extensions import db
from app.lessons.models import AnticipatedResponse, Lesson, Representation
from app.timeutil import local_now
from tests.lessons.helpers import make_lesson

_rooms = itertools.count(1)
RESPONSES = (
    ("Halves then quarters", Representation.area_model),
    ("Each gets 3/4", Representation.equation),
    ("Cuts each brownie into 4", Representation.drawing),
)


def add_responses(lesson: Lesson, names_and_kinds) -> list[AnticipatedResponse]:
    responses = [
        AnticipatedResponse(lesson_id=lesson.id, position=i + 1, name=name, representation=kind)
        for i, (name, kind) in enumerate(names_and_kinds)
    ]
    db.session.add_all(responses)
    db.session.commit()
    return responses


def make_enactment(lesson: Lesson, teacher, class_code: str | None = None) -> Enactment:
    enactment = Enactment(
        cycle_id=lesson.cycle_id,
        teacher_id=teacher.id,
        taught_on=local_now().date(),
        class_code=class_code or f"4B-{next(_rooms)}",
    )
    db.session.add(enactment)
    db.session.commit()
    return enactment


def make_room(team, teacher, title: str = "Sharing brownies, January"):
    """(enactment, responses): a lesson with RESPONSES, taught by `teacher`."""
    lesson = make_lesson(team, title=title)
    responses = add_responses(lesson, RESPONSES)
    return make_enactment(lesson, teacher), responses
