"""A cycle with a lesson of anticipated responses, taught in several classrooms."""

from app.enactments import counting
from app.enactments.models import Tally
from app.extensions import db
from tests import factories
from tests.enactments.helpers import make_enactment, make_teaching_lesson, responses


def count(enactment, response=None, n: int = 0, order: int | None = None, unanticipated=None):
    """Set a chart row: n students, shared at `order` (None: not shared)."""
    row = counting.tally(
        enactment,
        response_id=response.id if response else None,
        unanticipated_id=unanticipated.id if unanticipated else None,
    )
    row.count, row.share_order = n, order
    db.session.commit()
    return row


def unexpected(world, enactment, name: str, n: int, order: int | None = None):
    found = counting.add_unanticipated(world.teacher, enactment, name)
    count(enactment, n=n, order=order, unanticipated=found)
    return found


def make_debrief(world):
    """Two classrooms: the teacher's 4B (24 students) and the leader's 4L (20 students)."""
    lesson = make_teaching_lesson(world.team, world.leader)
    first, second, third = responses(lesson)
    room_b = make_enactment(lesson.cycle, world.teacher, "4B", 24)
    room_l = make_enactment(lesson.cycle, world.leader, "4L", 20)
    count(room_b, first, 12, order=2)
    count(room_b, second, 6, order=1)
    count(room_b, third, 0)
    count(room_l, first, 3)
    count(room_l, second, 9, order=3)
    count(room_l, third, 5, order=1)
    unexpected(world, room_b, "Subtracted 3 from 4", 3)
    unexpected(world, room_l, "Drew a number line", 2, order=2)
    return lesson, room_b, room_l


def grow(world, lesson, rooms: int, more_responses: int) -> None:
    """`rooms` more classrooms (each by a new member) and `more_responses` more anticipated
    responses, every one counted in every room, each room with a response nobody
    anticipated and an exit prompt."""
    from app.lessons import writing

    for i in range(more_responses):
        writing.add_response(world.leader, lesson, {"name": f"Grown response {i}"})
    for i in range(rooms):
        member = factories.add_member(world.team)
        room = make_enactment(lesson.cycle, member, f"G{i}-{member.id}", 22)
        room.meets, room.not_yet, room.demand_factors = 10, 4, "pressing time_off"
        room.what_worked = "Pairs."
        for place, response in enumerate(responses(lesson), start=1):
            count(room, response, place, order=place)
        unexpected(world, room, f"Unexpected {member.id}", 1)
    assert db.session.query(Tally).count() > 0
