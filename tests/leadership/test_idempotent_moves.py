"""A facilitation move tapped again after a lost answer (the same key) is logged once."""

import pytest

from app.extensions import db
from app.leadership.models import FacilitationMove
from tests import factories
from tests.meetings.helpers import HTMX, at_the_same_moment, count, words


@pytest.fixture
def meeting(team_world):
    return factories.make_meeting(team_world.team, running=True, segments=["Check-in", "Share"])


def log(client, meeting_id, key, move_type="eliciting"):
    return client.post(
        f"/meetings/{meeting_id}/moves",
        data={"move_type": move_type, "made_by": "leader", "note": "", "idempotency_key": key},
        headers=HTMX,
    )


def test_the_move_form_carries_a_key(client_as, meeting):
    page = client_as("mentor").get(f"/meetings/{meeting.id}/moves").get_data(as_text=True)
    assert 'name="idempotency_key" value="' in page


def test_a_move_sent_twice_with_one_key_is_logged_once_with_the_same_answer(client_as, meeting):
    mentor = client_as("mentor")
    first, again = log(mentor, meeting.id, "m" * 20), log(mentor, meeting.id, "m" * 20)
    assert first.status_code == again.status_code == 200
    assert words(first) == words(again)
    assert count(FacilitationMove) == 1


def test_the_same_move_key_at_the_same_moment_logs_one_move(app, client_as, meeting):
    mentor, meeting_id = client_as("mentor"), meeting.id
    answers = at_the_same_moment(
        app, lambda: log(mentor, meeting_id, "s" * 20), lambda: log(mentor, meeting_id, "s" * 20)
    )
    assert [a.status_code for a in answers] == [200, 200]
    assert count(FacilitationMove) == 1


def test_each_new_key_logs_a_new_move_and_keys_are_per_person(client_as, meeting):
    mentor, leader = client_as("mentor"), client_as("leader")
    log(mentor, meeting.id, "a" * 20)
    log(mentor, meeting.id, "b" * 20, move_type="connecting")
    log(leader, meeting.id, "a" * 20)
    db.session.expire_all()
    assert count(FacilitationMove) == 3


def test_a_note_key_does_not_swallow_a_move_with_the_same_key(client_as, meeting):
    mentor = client_as("mentor")
    mentor.post(
        f"/meetings/{meeting.id}/run/contributions",
        data={"kind": "note", "body": "A note", "idempotency_key": "z" * 20},
    )
    log(mentor, meeting.id, "z" * 20)
    assert count(FacilitationMove) == 1
