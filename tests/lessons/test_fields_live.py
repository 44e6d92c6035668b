"""The lesson page's live side: one stream on the cycle's channel telling every screen of a
save ("lesson") and of who edits what ("presence"), the content re-fetched through an ordinary
route, and presence marks that name teammates only while they edit."""

import threading
import time

import pytest
import sqlalchemy as sa

from app import live
from app.cycles.models import live_channel
from app.extensions import db
from app.lessons import writing
from app.live.presence import LocalPresence
from app.teams.models import Membership
from tests.lessons.helpers import make_lesson
from tests.lessons.test_fields import add_response
from tests.live.test_stream import event_names

TAB, OTHER_TAB = "tab0000001", "tab0000002"


@pytest.fixture
def lesson(team_world):
    return make_lesson(team_world.team)


@pytest.fixture(autouse=True)
def short_streams(app, monkeypatch):
    monkeypatch.setitem(app.config, "LIVE_STREAM_SECONDS", 1)


def test_a_save_is_told_on_the_stream_as_lesson(app, client_as, team_world, lesson):
    after = live.latest_id(live_channel(lesson.cycle_id))
    threading.Timer(
        0.3,
        lambda: _in_app(app, lambda: _save(team_world.teacher.id, lesson.id)),
    ).start()
    response = client_as("leader").get(f"/lessons/{lesson.id}/events?after={after}")
    assert response.status_code == 200 and response.mimetype == "text/event-stream"
    assert "lesson" in event_names(response.get_data(as_text=True))


def _in_app(app, call):
    with app.app_context():
        call()


def _save(user_id, lesson_id):
    from app.auth.models import User
    from app.lessons.models import Lesson

    writing.save_field(
        db.session.get(User, user_id), db.session.get(Lesson, lesson_id), "launch", "Go", 0
    )


def test_a_member_who_leaves_the_team_loses_the_stream(app, monkeypatch, team_world, lesson):
    monkeypatch.setitem(app.config, "LIVE_STREAM_SECONDS", 10)
    monkeypatch.setitem(app.config, "LIVE_RECHECK_SECONDS", 0.3)
    from tests.conftest import Auth

    client = app.test_client()
    Auth(client).login(team_world.teacher)
    teacher_id, team_id = team_world.teacher.id, team_world.team.id

    def remove():
        db.session.execute(
            sa.delete(Membership).where(
                Membership.user_id == teacher_id, Membership.team_id == team_id
            )
        )
        db.session.commit()

    threading.Timer(0.5, lambda: _in_app(app, remove)).start()
    started = time.monotonic()
    client.get(f"/lessons/{lesson.id}/events").get_data(as_text=True)
    assert time.monotonic() - started < 3


def test_the_content_route_draws_the_plan_and_the_responses(client_as, lesson):
    response = add_response(lesson, name="Counting by fourths")
    page = client_as("teacher").get(f"/lessons/{lesson.id}/content", headers={"HX-Request": "true"})
    assert page.status_code == 200
    assert 'id="field-plan-launch"' in page.text and "Counting by fourths" in page.text
    assert f'id="field-response-{response.id}-assessing_questions"' in page.text
    assert "<html" not in page.text


def _mark(client, lesson, field, tab=TAB):
    return client.post(f"/lessons/{lesson.id}/presence", data={"field": field, "tab": tab})


def _editing(client, lesson) -> str:
    return client.get(f"/lessons/{lesson.id}/presence").text


def test_teammates_see_who_edits_which_field_but_not_themselves(client_as, lesson):
    teacher, leader = client_as("teacher"), client_as("leader")
    assert _mark(teacher, lesson, "plan-launch").status_code == 204
    assert '<li data-field="plan-launch">Priya Teacher is editing</li>' in _editing(leader, lesson)
    assert "Priya Teacher" not in _editing(teacher, lesson)
    _mark(leader, lesson, "plan-launch")
    assert "Jordan Leader, Priya Teacher are editing" in _editing(client_as("mentor"), lesson)


def test_leaving_a_field_takes_the_name_off_it(client_as, lesson):
    teacher, leader = client_as("teacher"), client_as("leader")
    response = add_response(lesson)
    _mark(teacher, lesson, "plan-launch")
    _mark(teacher, lesson, f"response-{response.id}-name")
    shown = _editing(leader, lesson)
    assert "plan-launch" not in shown and f"response-{response.id}-name" in shown
    _mark(teacher, lesson, "")
    assert "Priya Teacher" not in _editing(leader, lesson)


def test_each_tab_is_marked_on_its_own(client_as, lesson):
    teacher, leader = client_as("teacher"), client_as("leader")
    _mark(teacher, lesson, "plan-launch", TAB)
    _mark(teacher, lesson, "plan-explore", OTHER_TAB)
    _mark(teacher, lesson, "", TAB)
    shown = _editing(leader, lesson)
    assert "plan-launch" not in shown and "plan-explore" in shown


def test_a_mark_is_told_once_not_at_every_heartbeat(client_as, lesson):
    teacher = client_as("teacher")
    channel = live_channel(lesson.cycle_id)
    _mark(teacher, lesson, "plan-launch")
    told = live.latest_id(channel)
    _mark(teacher, lesson, "plan-launch")  # the heartbeat
    assert live.latest_id(channel) == told
    _mark(teacher, lesson, "plan-explore")
    assert live.latest_id(channel) != told


@pytest.mark.parametrize(
    ("field", "tab"),
    [
        ("plan-revision", TAB),
        ("response-1-to_share", TAB),
        ("plan-launch<script>", TAB),
        ("plan-launch", "short"),
        ("plan-launch", "bad tab with spaces"),
    ],
)
def test_unknown_fields_and_tabs_mark_nothing(client_as, lesson, field, tab):
    _mark(client_as("teacher"), lesson, field, tab)
    assert "<li" not in _editing(client_as("leader"), lesson)


def test_marks_expire_when_the_heartbeat_stops(app, client_as, lesson, monkeypatch):
    # A clock the test moves: a busy machine must not expire the mark before it is looked at.
    now = [1000.0]
    monkeypatch.setitem(app.extensions, "presence", LocalPresence(ttl=20, clock=lambda: now[0]))
    _mark(client_as("teacher"), lesson, "plan-launch")
    leader = client_as("leader")
    now[0] += 19.9
    assert "Priya Teacher" in _editing(leader, lesson)
    now[0] += 0.2
    assert "Priya Teacher" not in _editing(leader, lesson)


def test_the_leaving_page_beacon_clears_the_mark(app, client_as, lesson):
    """navigator.sendBeacon posts a form with the CSRF token as a field."""
    teacher, leader = client_as("teacher"), client_as("leader")
    app.config["WTF_CSRF_ENABLED"] = True  # the fixture app_context turns it off again
    page = teacher.get(f"/cycles/{lesson.cycle_id}/lesson").text
    token = page.split('data-csrf-token="')[1].split('"')[0]
    url = f"/lessons/{lesson.id}/presence"
    assert (
        teacher.post(
            url, data={"field": "plan-launch", "tab": TAB, "csrf_token": token}
        ).status_code
        == 204
    )
    assert teacher.post(url, data={"field": "", "tab": TAB}).status_code == 400  # no token
    assert teacher.post(url, data={"field": "", "tab": TAB, "csrf_token": token}).status_code == 204
    assert "Priya Teacher" not in _editing(leader, lesson)
