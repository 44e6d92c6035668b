"""The planned discussion sequence: drag and drop, Move earlier / later, sharing."""

import re
from functools import partial

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.extensions import db
from app.lessons import writing
from app.lessons.models import AnticipatedResponse
from tests.conftest import Auth, _empty_all_tables
from tests.factories import make_world
from tests.lessons.helpers import make_lesson, make_task
from tests.lessons.response_helpers import add, sequence
from tests.meetings.helpers import at_the_same_moment

HTMX = {"HX-Request": "true"}


def _ids(lesson) -> list[int]:
    db.session.expire_all()
    return [
        r.id
        for r in db.session.scalars(
            db.select(AnticipatedResponse)
            .where(
                AnticipatedResponse.lesson_id == lesson.id,
                AnticipatedResponse.removed_at.is_(None),
            )
            .order_by(AnticipatedResponse.position, AnticipatedResponse.id)
        )
    ]


def test_drag_and_drop_posts_the_new_order(team_world, client_as):
    lesson = make_lesson(team_world.team)
    a, b, c = add(lesson, team_world.teacher, "A", "B", "C")
    answer = client_as("teacher").post(
        f"/lessons/{lesson.id}/responses/order",
        data={"response_id": [str(c.id), str(a.id), str(b.id)]},
        headers=HTMX,
    )
    assert answer.status_code == 200
    assert sequence(lesson) == ["C", "A", "B"]
    page = answer.get_data(as_text=True)
    assert re.findall(r'data-id="(\d+)"', page) == [str(c.id), str(a.id), str(b.id)]


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_any_posted_order_keeps_the_sequence_a_permutation_of_the_lessons_responses(app, data):
    _empty_all_tables()
    world = make_world()
    lesson = make_lesson(world.team)
    other = make_lesson(world.other_team, task=make_task(world.other_team))
    mine = [r.id for r in add(lesson, world.teacher, *"ABCDE")]
    [theirs] = [r.id for r in add(other, world.outsider, "Z")]
    gone = add(lesson, world.teacher, "Gone")[0]
    client = app.test_client()
    Auth(client).login(world.teacher)
    client.post(f"/responses/{gone.id}/remove")
    before = _ids(lesson)
    ids = st.one_of(
        st.sampled_from([*mine, theirs, gone.id]).map(str),
        st.sampled_from(["", "x", "-1", "1.5", "²", "9" * 30, "\x00", "0"]),
        st.integers(min_value=0, max_value=2**40).map(str),
    )
    posted = data.draw(st.lists(ids, max_size=12))
    answer = client.post(
        f"/lessons/{lesson.id}/responses/order", data={"response_id": posted}, headers=HTMX
    )
    assert answer.status_code == 200
    after = _ids(lesson)
    assert sorted(after) == sorted(before) == sorted(mine)
    named = [int(i) for i in dict.fromkeys(posted) if i.isascii() and i.isdigit()]
    expected = [i for i in named if i in mine]
    assert after[: len(expected)] == expected
    assert _ids(other) == [theirs]


def test_move_earlier_and_later_and_nothing_at_the_ends(team_world, client_as):
    lesson = make_lesson(team_world.team)
    a, b, c = add(lesson, team_world.teacher, "A", "B", "C")
    teacher = client_as("teacher")

    def move(response, direction):
        url = f"/responses/{response.id}/move"
        return teacher.post(url, data={"direction": direction}, headers=HTMX)

    assert move(a, "later").status_code == 200 and sequence(lesson) == ["B", "A", "C"]
    move(c, "earlier")
    assert sequence(lesson) == ["B", "C", "A"]
    assert move(b, "earlier").status_code == 200 and sequence(lesson) == ["B", "C", "A"]
    assert move(a, "later").status_code == 200 and sequence(lesson) == ["B", "C", "A"]
    assert move(a, "sideways").status_code == 200 and sequence(lesson) == ["B", "C", "A"]
    plain = teacher.post(f"/responses/{a.id}/move", data={"direction": "earlier"})
    assert plain.status_code == 302 and plain.headers["Location"].endswith(f"#response-{a.id}")
    assert sequence(lesson) == ["B", "A", "C"]


def test_the_move_buttons_keep_their_ids_and_say_when_they_are_at_an_end(team_world, client_as):
    lesson = make_lesson(team_world.team)
    a, b = add(lesson, team_world.teacher, "A", "B")
    page = client_as("teacher").post(
        f"/responses/{a.id}/move", data={"direction": "later"}, headers=HTMX
    )
    html = page.get_data(as_text=True)
    # htmx puts the focus back on the element with the focused button's id after the swap.
    assert f'id="response-{a.id}-later" name="direction" value="later" aria-disabled="true"' in html
    assert f'id="response-{b.id}-earlier" name="direction" value="earlier" aria-disabled' in html
    assert f'id="response-{a.id}-earlier" name="direction" value="earlier">' in html
    assert "Move “A” </span>" in html


def test_a_retried_move_moves_once(team_world, client_as):
    lesson = make_lesson(team_world.team)
    a, _, _ = add(lesson, team_world.teacher, "A", "B", "C")
    teacher = client_as("teacher")
    form = {"direction": "later", "idempotency_key": "move-key-0123456789abcdef"}
    for _ in range(2):
        assert teacher.post(f"/responses/{a.id}/move", data=form).status_code == 302
    assert sequence(lesson) == ["B", "A", "C"]


def test_share_toggle_and_the_numbered_discussion_sequence(team_world, client_as):
    lesson = make_lesson(team_world.team)
    a, b, c = add(lesson, team_world.teacher, "Guesses", "Draws", "Halves")
    teacher = client_as("teacher")
    answer = teacher.post(
        f"/responses/{a.id}/share", data={"share": "no", "base": "0"}, headers=HTMX
    )
    assert answer.status_code == 200
    html = answer.get_data(as_text=True)
    assert "The planned discussion sequence" in html
    listed = html.split('aria-labelledby="sequence-heading">')[1].split("</ol>")[0]
    assert re.findall(r'">([^<]+)</a></li>', listed) == ["Draws", "Halves"]
    assert f'id="response-{a.id}-share" aria-pressed="false"' in html
    assert f'id="response-{b.id}-share" aria-pressed="true"' in html
    assert "Shared 1st" in html and "Shared 2nd" in html and "Not shared" in html
    db.session.expire_all()
    assert db.session.get(AnticipatedResponse, a.id).to_share is False


def test_the_same_share_press_twice_changes_nothing_and_a_stale_one_is_told(team_world, client_as):
    lesson = make_lesson(team_world.team)
    [a] = add(lesson, team_world.teacher, "Guesses")
    teacher, leader = client_as("teacher"), client_as("leader")
    off = {"share": "no", "base": "0"}
    assert teacher.post(f"/responses/{a.id}/share", data=off).status_code == 302
    assert leader.post(f"/responses/{a.id}/share", data=off).status_code == 302  # same value
    db.session.expire_all()
    revision = db.session.get(AnticipatedResponse, a.id).field_revision("to_share")
    teacher.post(f"/responses/{a.id}/share", data={"share": "yes", "base": str(revision)})
    stale = leader.post(f"/responses/{a.id}/share", data=off, headers=HTMX)
    assert stale.status_code == 409
    assert "changed “Guesses” a moment ago: it is shared now." in stale.get_data(as_text=True)
    assert db.session.get(AnticipatedResponse, a.id).to_share is True


@pytest.mark.parametrize("value", ["", "maybe", "YES"])
def test_a_share_value_other_than_yes_or_no_is_refused(team_world, client_as, value):
    lesson = make_lesson(team_world.team)
    [a] = add(lesson, team_world.teacher, "Guesses")
    answer = client_as("teacher").post(
        f"/responses/{a.id}/share", data={"share": value, "base": "0"}, headers=HTMX
    )
    assert answer.status_code == 422
    assert "Choose whether to share it." in answer.get_data(as_text=True)


def test_two_moves_at_the_same_moment_both_stand(app, team_world, client_as):
    lesson = make_lesson(team_world.team)
    teacher, leader = client_as("teacher"), client_as("leader")
    for _ in range(5):
        a, b, c = add(lesson, team_world.teacher, "A", "B", "C")
        at_the_same_moment(
            app,
            partial(teacher.post, f"/responses/{a.id}/move", data={"direction": "later"}),
            partial(leader.post, f"/responses/{c.id}/move", data={"direction": "earlier"}),
        )
        # One after the other, whichever went first: neither move is lost.
        assert sequence(lesson) in (["B", "C", "A"], ["C", "A", "B"])
        for response in (a, b, c):
            writing.remove_response(team_world.teacher, response)
