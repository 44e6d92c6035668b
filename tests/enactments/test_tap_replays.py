"""Tap-to-count under replays and growth: a response added offline and sent again is created
once; any sequence of taps with repeated keys ends at the count of its distinct taps; the
count page and a tap run the same statements however many responses the lesson has."""

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.enactments.models import Tally, Unanticipated
from app.extensions import db
from app.lessons.models import Lesson, Representation
from tests.conftest import Auth, _empty_all_tables
from tests.enactments.tap_helpers import add_responses, make_enactment, make_room
from tests.factories import make_world
from tests.lessons.helpers import make_lesson
from tests.meetings.helpers import at_the_same_moment

KEY = "new-response-key-01"


@pytest.fixture
def room(team_world):
    return make_room(team_world.team, team_world.teacher)


def add(client, enactment, name="Subtracted 3 from 4", key=KEY):
    return client.post(
        f"/enactments/{enactment.id}/count/unanticipated", json={"key": key, "name": name}
    )


def unanticipated_names(enactment) -> list[str]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            sa.select(Unanticipated.name).where(Unanticipated.enactment_id == enactment.id)
        )
    )


def test_a_response_added_offline_and_sent_again_is_created_once(room, client_as):
    enactment, _ = room
    teacher = client_as("teacher")
    first = add(teacher, enactment)
    teacher.post(
        f"/enactments/{enactment.id}/taps",
        json={"key": "tap-on-new-one-0001", "by": 1, "unanticipated": first.json["id"]},
    )
    again = add(teacher, enactment)
    assert first.status_code == again.status_code == 200
    assert again.json == first.json | {"count": 1}
    assert unanticipated_names(enactment) == ["Subtracted 3 from 4"]
    assert add(teacher, enactment, key="another-new-key-001").json["id"] != first.json["id"]
    assert unanticipated_names(enactment) == ["Subtracted 3 from 4"] * 2


def test_the_same_key_in_another_room_makes_that_rooms_own_response(room, team_world, client_as):
    enactment, _ = room
    lesson = make_lesson(team_world.team, title="Another cycle")
    other = make_enactment(lesson, team_world.teacher)
    teacher = client_as("teacher")
    assert add(teacher, enactment).json["id"] != add(teacher, other).json["id"]
    assert unanticipated_names(other) == ["Subtracted 3 from 4"]


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("", "short name"),
        ("   \t ", "short name"),
        ("\x00\x00", "short name"),
        (None, "short name"),
        (["a list"], "short name"),
        ("x" * 121, "under 120"),
    ],
)
def test_a_bad_name_is_refused_with_a_message(room, client_as, name, said):
    enactment, _ = room
    answer = add(client_as("teacher"), enactment, name=name)
    assert answer.status_code == 422
    assert said in answer.json["message"]
    assert unanticipated_names(enactment) == []


def test_a_name_is_cleaned_of_what_no_column_holds(room, client_as):
    enactment, _ = room
    answer = add(client_as("teacher"), enactment, name="  Drew\x00 a   number line ")
    assert answer.json["name"] == "Drew a number line"


def test_a_bad_key_for_a_new_response_is_refused(room, client_as):
    enactment, _ = room
    answer = add(client_as("teacher"), enactment, key="too-short")
    assert answer.status_code == 422
    assert unanticipated_names(enactment) == []


def test_a_tap_and_its_replay_at_the_same_moment_count_once(app, room, client_as):
    enactment, (response, *_) = room
    phone, replay = client_as("teacher"), client_as("teacher")
    url = f"/enactments/{enactment.id}/taps"
    for round_ in range(4):  # several rounds: each is a race that may or may not collide
        body = {"key": f"raced-tap-{round_:08d}", "by": 1, "response": response.id}
        answers = at_the_same_moment(
            app, *(lambda c=client, b=body: c.post(url, json=b) for client in (phone, replay))
        )
        assert [a.status_code for a in answers] == [200, 200]
        assert {a.json["count"] for a in answers} == {round_ + 1}
    db.session.expire_all()
    assert db.session.scalar(sa.select(Tally.count).where(Tally.response_id == response.id)) == 4


def test_a_new_response_and_its_replay_at_the_same_moment_make_one(app, room, client_as):
    enactment, _ = room
    phone, replay = client_as("teacher"), client_as("teacher")
    answers = at_the_same_moment(app, lambda: add(phone, enactment), lambda: add(replay, enactment))
    assert [a.status_code for a in answers] == [200, 200]
    assert answers[0].json["id"] == answers[1].json["id"]
    assert unanticipated_names(enactment) == ["Subtracted 3 from 4"]


# ---- Any sequence of taps, keys repeated: each distinct key counts once, in order, clamped --
def expected(sent: list[int], by_key: list[int]) -> int:
    """The model: a key's first arrival adds its +1 or -1 (the count kept within 0-999); a
    key sent again (a device replaying its queue) changes nothing."""
    count, seen = 0, set()
    for key in sent:
        if key not in seen:
            seen.add(key)
            count = max(0, min(999, count + by_key[key]))
    return count


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    sent=st.lists(st.integers(0, 5), max_size=14),
    by_key=st.lists(st.sampled_from([1, -1]), min_size=6, max_size=6),
)
def test_any_sequence_of_taps_counts_each_distinct_key_once(app, sent, by_key):
    _empty_all_tables()
    world = make_world()
    enactment, (response, *_) = make_room(world.team, world.teacher)
    client = app.test_client()
    Auth(client).login(world.teacher)
    last = 0
    for key in sent:
        answer = client.post(
            f"/enactments/{enactment.id}/taps",
            json={"key": f"key-number-{key:08d}", "by": by_key[key], "response": response.id},
        )
        assert answer.status_code == 200
        last = answer.json["count"]
    db.session.expire_all()
    stored = db.session.scalar(sa.select(Tally.count).where(Tally.response_id == response.id))
    assert last == (stored or 0) == expected(sent, by_key)


# ---- Statements per request: the same with 3 responses or 40 ------------------------------
def grow(enactment, client, n: int) -> None:
    """n more anticipated responses, each tapped, and n responses nobody anticipated."""
    lesson = db.session.scalar(sa.select(Lesson).where(Lesson.cycle_id == enactment.cycle_id))
    more = add_responses(lesson, [(f"Grown {i}", Representation.table) for i in range(n)])
    for i, response in enumerate(more):
        client.post(
            f"/enactments/{enactment.id}/taps",
            json={"key": f"grown-tap-{response.id:08d}", "by": 1, "response": response.id},
        )
        add(client, enactment, name=f"Nobody {i}", key=f"grown-add-{response.id:08d}")


@pytest.mark.parametrize("role", ["teacher", "mentor"])
def test_count_page_and_a_tap_run_the_same_statements_as_responses_grow(
    room, client_as, count_statements, role
):
    enactment, (response, *_) = room
    client = client_as(role)

    def measure(key: str) -> tuple[int, int, int]:
        found = []
        for method, url, body in (
            ("GET", f"/enactments/{enactment.id}/count", None),
            ("GET", f"/enactments/{enactment.id}/counts", None),
            (
                "POST",
                f"/enactments/{enactment.id}/taps",
                {"key": key, "by": 1, "response": response.id},
            ),
        ):
            with count_statements() as counter:
                answer = client.open(url, method=method, json=body)
            assert answer.status_code == 200, url
            found.append(counter.count)
        return tuple(found)

    grow(enactment, client, 1)
    client.post(  # its chart row made, as in every later tap
        f"/enactments/{enactment.id}/taps",
        json={"key": "first-tap-00000001", "by": 1, "response": response.id},
    )
    few = measure("measure-tap-000001")
    grow(enactment, client, 20)
    many = measure("measure-tap-000002")
    assert few == many
