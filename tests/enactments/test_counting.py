"""Tap-to-count's rules: a tap counts once whatever the network does; counts stay in range."""

import pytest

from app.enactments import counting
from app.enactments.models import Enactment
from app.extensions import db
from app.lessons import writing
from app.timeutil import local_now
from tests.lessons.helpers import make_lesson


@pytest.fixture
def room(team_world):
    lesson = make_lesson(team_world.team)
    response = writing.add_response(team_world.teacher, lesson, {"name": "Halves then quarters"})
    enactment = Enactment(
        cycle_id=lesson.cycle_id,
        teacher_id=team_world.teacher.id,
        taught_on=local_now().date(),
        class_code="4B",
    )
    db.session.add(enactment)
    db.session.commit()
    return enactment, response


def test_a_tap_sent_twice_with_its_key_counts_once(room):
    enactment, response = room
    assert counting.tap(enactment, "k" * 20, 1, response_id=response.id) == 1
    assert counting.tap(enactment, "k" * 20, 1, response_id=response.id) == 1
    assert counting.tap(enactment, "j" * 20, 1, response_id=response.id) == 2


def test_undo_never_takes_a_count_below_zero(room):
    enactment, response = room
    counting.tap(enactment, "a" * 20, 1, response_id=response.id)
    assert counting.tap(enactment, "b" * 20, -1, response_id=response.id) == 0
    assert counting.tap(enactment, "c" * 20, -1, response_id=response.id) == 0


def test_taps_on_a_response_nobody_anticipated(room, team_world):
    enactment, _ = room
    found = counting.add_unanticipated(team_world.teacher, enactment, "Subtracted 3 from 4")
    assert counting.tap(enactment, "u" * 20, 1, unanticipated_id=found.id) == 1


def test_a_response_of_another_cycle_is_refused(room, team_world):
    enactment, _ = room
    other = make_lesson(team_world.team, title="Another cycle")
    theirs = writing.add_response(team_world.teacher, other, {"name": "Elsewhere"})
    with pytest.raises(counting.NotThisLesson):
        counting.tap(enactment, "x" * 20, 1, response_id=theirs.id)
