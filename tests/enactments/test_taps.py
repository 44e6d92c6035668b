"""Tap-to-count's routes: a tap sent again counts once, undo has its own key, bad input is a
422 with a message (never a 500), another team's enactment a 404, a teammate who does not
record it a 403."""

import pytest
import sqlalchemy as sa

from app.enactments.models import Tally, Tap, Unanticipated
from app.extensions import db
from tests.enactments.tap_helpers import make_room

KEY = "tap-key-0000000001"


@pytest.fixture
def room(team_world):
    return make_room(team_world.team, team_world.teacher)


@pytest.fixture
def teacher(client_as):
    return client_as("teacher")


def taps_url(enactment) -> str:
    return f"/enactments/{enactment.id}/taps"


def send(client, enactment, key=KEY, by=1, **target):
    return client.post(taps_url(enactment), json={"key": key, "by": by, **target})


def count_of(enactment, response) -> int:
    db.session.expire_all()
    found = db.session.scalar(
        sa.select(Tally.count).where(
            Tally.enactment_id == enactment.id, Tally.response_id == response.id
        )
    )
    return found or 0


def stored_taps() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Tap))


def test_the_count_page_shows_every_response_in_sequence_with_its_count(room, teacher):
    enactment, (first, second, third) = room
    send(teacher, enactment, response=second.id)
    page = teacher.get(f"/enactments/{enactment.id}/count").get_data(as_text=True)
    names = [first.name, second.name, third.name]
    assert [page.index(n) for n in names] == sorted(page.index(n) for n in names)
    assert 'aria-label="Each gets 3/4, 1 student"' in page
    assert 'aria-label="Halves then quarters, 0 students"' in page
    assert "Area model" in page
    assert "Something nobody anticipated" in page


def test_a_tap_sent_twice_with_its_key_counts_once(room, teacher):
    enactment, (response, *_) = room
    first = send(teacher, enactment, response=response.id)
    again = send(teacher, enactment, response=response.id)
    assert first.status_code == again.status_code == 200
    assert (
        first.json
        == again.json
        == {
            "key": KEY,
            "count": 1,
            "response": response.id,
            "unanticipated": None,
        }
    )
    assert count_of(enactment, response) == 1
    assert stored_taps() == 1


def test_undo_is_a_tap_of_its_own_with_its_own_key(room, teacher):
    enactment, (response, *_) = room
    send(teacher, enactment, "plus-one-key-000001", response=response.id)
    send(teacher, enactment, "plus-one-key-000002", response=response.id)
    undo = send(teacher, enactment, "undo-key-000000001", by=-1, response=response.id)
    assert undo.json["count"] == 1
    assert send(teacher, enactment, "undo-key-000000001", by=-1, response=response.id).json == (
        undo.json
    )
    assert count_of(enactment, response) == 1


def test_a_tap_may_come_as_a_form_with_the_time_it_was_made(room, teacher):
    enactment, (response, *_) = room
    answer = teacher.post(
        taps_url(enactment),
        data={
            "key": KEY,
            "by": "1",
            "response": str(response.id),
            "tapped_at": "2026-12-01T09:15:30.000Z",
        },
    )
    assert answer.status_code == 200
    tap = db.session.scalar(sa.select(Tap))
    assert (tap.tapped_at.hour, tap.tapped_at.minute, tap.by) == (9, 15, 1)


def test_a_device_clock_far_off_still_counts_the_tap_without_its_time(room, teacher):
    enactment, (response, *_) = room
    answer = send(teacher, enactment, response=response.id, tapped_at="1970-01-01T00:00:00Z")
    assert answer.json["count"] == 1
    assert db.session.scalar(sa.select(Tap.tapped_at)) is None


BAD_TAPS = [
    ({"key": None}, "key"),
    ({"key": "short"}, "key"),
    ({"key": "k" * 65}, "key"),
    ({"key": "k" * 10_000}, "key"),
    ({"key": "tap-key-00000000\x00"}, "key"),
    ({"key": "tap-key-0000000١٢"}, "key"),
    ({"key": "tap key with space"}, "key"),
    ({"key": ["tap-key-0000000001"]}, "key"),
    ({"by": 0}, "1 or -1"),
    ({"by": 2}, "1 or -1"),
    ({"by": True}, "1 or -1"),
    ({"by": "+1"}, "1 or -1"),
    ({"by": 1.0}, "1 or -1"),
    ({"by": None}, "1 or -1"),
    ({"response": "²"}, "chart"),
    ({"response": "١٢"}, "chart"),
    ({"response": 0}, "chart"),
    ({"response": -3}, "chart"),
    ({"response": 2**31}, "chart"),
    ({"response": 10**400}, "chart"),
    ({"response": 1.5}, "chart"),
    ({"response": "abc\x00"}, "chart"),
    ({"response": None}, "which response"),
    ({"unanticipated": 1}, "which response"),
    ({"tapped_at": "yesterday"}, "time"),
    ({"tapped_at": "2026-02-30T10:00:00"}, "time"),
    ({"tapped_at": "\x00" * 50}, "time"),
    ({"tapped_at": 1733000000}, "time"),
]


@pytest.mark.parametrize(("change", "said"), BAD_TAPS)
def test_a_bad_tap_is_refused_with_a_message_and_writes_nothing(room, teacher, change, said):
    enactment, (response, *_) = room
    body = {"key": KEY, "by": 1, "response": response.id} | change
    answer = teacher.post(taps_url(enactment), json=body)
    assert answer.status_code == 422
    assert said in answer.json["message"]
    assert stored_taps() == 0


@pytest.mark.parametrize("body", ["[1, 2]", '"tap"', "{not json", "null"])
def test_a_body_that_is_not_a_json_object_is_refused(room, teacher, body):
    enactment, _ = room
    answer = teacher.post(taps_url(enactment), data=body, content_type="application/json")
    assert answer.status_code == 422
    assert answer.json["message"]


def test_a_response_of_another_lesson_or_room_is_refused(room, teacher, team_world):
    enactment, _ = room
    elsewhere, (theirs, *_) = make_room(team_world.team, team_world.teacher, "Another cycle")
    other_room = Unanticipated(enactment_id=elsewhere.id, name="Elsewhere")
    db.session.add(other_room)
    db.session.commit()
    for target in ({"response": theirs.id}, {"unanticipated": other_room.id}):
        answer = send(teacher, enactment, **target)
        assert answer.status_code == 422
        assert "not on this lesson's chart" in answer.json["message"]
    assert stored_taps() == 0


def test_another_teams_enactment_is_a_404_in_json(room, client_as):
    enactment, (response, *_) = room
    outsider = client_as("outsider")
    answer = send(outsider, enactment, response=response.id)
    assert answer.status_code == 404
    assert "not found" in answer.json["message"]
    assert outsider.get(f"/enactments/{enactment.id}/counts").status_code == 404
    assert outsider.get(f"/enactments/{enactment.id}/count").status_code == 404
    assert send(outsider, enactment, response=response.id).status_code == 404
    assert stored_taps() == 0


def test_a_teammate_who_did_not_teach_it_and_does_not_plan_is_refused(team_world, client_as):
    enactment, (response, *_) = make_room(team_world.team, team_world.leader)
    teacher = client_as("teacher")
    answer = send(teacher, enactment, response=response.id)
    assert answer.status_code == 403
    assert "Only the teacher" in answer.json["message"]
    assert teacher.get(f"/enactments/{enactment.id}/count").status_code == 403
    assert (
        teacher.post(
            f"/enactments/{enactment.id}/count/unanticipated", json={"key": KEY, "name": "Guessed"}
        ).status_code
        == 403
    )
    assert teacher.get(f"/enactments/{enactment.id}/counts").status_code == 200  # the team sees
    assert stored_taps() == 0


def test_a_planner_may_correct_a_teachers_counts(room, client_as):
    enactment, (response, *_) = room
    assert send(client_as("mentor"), enactment, response=response.id).json["count"] == 1


def test_the_counts_as_json_for_a_device_that_has_replayed(room, teacher):
    enactment, (first, second, third) = room
    send(teacher, enactment, "count-key-00000001", response=first.id)
    send(teacher, enactment, "count-key-00000002", response=first.id)
    made = teacher.post(
        f"/enactments/{enactment.id}/count/unanticipated", json={"key": KEY, "name": "Subtracted"}
    ).json
    send(teacher, enactment, "count-key-00000003", unanticipated=made["id"])
    counts = teacher.get(f"/enactments/{enactment.id}/counts").json
    assert counts == {
        "responses": {str(first.id): 2, str(second.id): 0, str(third.id): 0},
        "unanticipated": [{"id": made["id"], "name": "Subtracted", "count": 1}],
    }


def test_the_record_page_links_to_tap_to_count_for_those_who_record(
    room, client_as, app, team_world
):
    from tests.conftest import Auth
    from tests.factories import add_member

    enactment, _ = room
    link = f'href="/enactments/{enactment.id}/count"'
    page = client_as("teacher").get(f"/enactments/{enactment.id}").get_data(as_text=True)
    assert link in page and "Count by tapping" in page
    colleague_client = app.test_client()
    Auth(colleague_client).login(add_member(team_world.team))
    colleague = colleague_client.get(f"/enactments/{enactment.id}")
    assert colleague.status_code == 200 and link not in colleague.get_data(as_text=True)
