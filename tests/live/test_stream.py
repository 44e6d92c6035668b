"""The Server-Sent Events stream of a meeting, read through the test client."""

import threading
import time

import pytest
import sqlalchemy as sa

from app import live
from app.extensions import db
from app.live.brokers import LocalBroker
from app.live.stream import message
from app.teams.models import Membership
from tests import factories
from tests.conftest import Auth


@pytest.fixture(autouse=True)
def short_streams(app, monkeypatch):
    """Streams end after a second, so a test can read the whole body."""
    monkeypatch.setitem(app.config, "LIVE_STREAM_SECONDS", 1)


@pytest.fixture
def meeting(team_world):
    return factories.make_meeting(
        team_world.team, segments=["Check-in", "Anticipate"], running=True
    )


def signed_in(app, user):
    client = app.test_client()
    Auth(client).login(user)
    return client


def post_note(client, meeting_id: int, body: str = "A note", **extra):
    response = client.post(
        f"/meetings/{meeting_id}/run/contributions", data={"kind": "note", "body": body, **extra}
    )
    assert response.status_code == 302
    return response


def stream(client, meeting_id: int, after: str | None = None, last_event_id: str | None = None):
    query = f"?after={after}" if after is not None else ""
    headers = {"Last-Event-ID": last_event_id} if last_event_id else {}
    return client.get(f"/meetings/{meeting_id}/run/events{query}", headers=headers)


def event_names(body: str) -> list[str]:
    return [
        line.removeprefix("event: ") for line in body.splitlines() if line.startswith("event: ")
    ]


def test_stream_is_event_stream_that_ends_after_its_lifetime(app, team_world, meeting):
    response = stream(signed_in(app, team_world.teacher), meeting.id)
    assert response.status_code == 200
    assert response.mimetype == "text/event-stream"
    assert response.headers["Cache-Control"] == "no-cache"
    body = response.get_data(as_text=True)
    assert body.startswith("retry: 1500\n\n")
    assert event_names(body) == []


def test_note_posted_while_streaming_arrives_as_a_contributions_event(app, team_world, meeting):
    viewer, author = signed_in(app, team_world.mentor), signed_in(app, team_world.teacher)
    meeting_id = meeting.id
    author.get(f"/meetings/{meeting_id}/run")  # already here: the note changes no attendance
    response = stream(viewer, meeting_id)

    def post_soon():
        with app.app_context():
            post_note(author, meeting_id, "Posted mid-stream")

    poster = threading.Timer(0.2, post_soon)
    poster.start()
    body = response.get_data(as_text=True)
    poster.join()

    assert event_names(body) == ["contributions"]
    channel = f"meeting:{meeting_id}"
    assert f"id: {live.broker().latest_id(channel)}\nevent: contributions\n" in body


def test_private_note_sends_no_event(app, team_world, meeting):
    client = signed_in(app, team_world.teacher)
    client.get(f"/meetings/{meeting.id}/run")  # already here: the note changes no attendance
    before = live.broker().latest_id(meeting.channel())
    post_note(client, meeting.id, "Only mine", is_private="y")
    assert event_names(stream(client, meeting.id, after=before).get_data(as_text=True)) == []


def test_stream_replays_only_events_newer_than_last_event_id(app, team_world, meeting):
    client = signed_in(app, team_world.mentor)
    channel = meeting.channel()
    before_note = live.broker().latest_id(channel)
    post_note(client, meeting.id)
    after_note = live.broker().latest_id(channel)
    client.post(
        f"/meetings/{meeting.id}/run/attendance/{team_world.teacher.id}", data={"present": "1"}
    )

    caught_up = stream(client, meeting.id, after=before_note, last_event_id=after_note)
    assert event_names(caught_up.get_data(as_text=True)) == ["attendance"]

    from_the_page = stream(client, meeting.id, after=before_note)
    assert event_names(from_the_page.get_data(as_text=True)) == ["contributions", "attendance"]


def test_screen_reconnecting_after_a_server_restart_is_told_to_refresh(
    app, monkeypatch, team_world, meeting
):
    client = signed_in(app, team_world.mentor)
    monkeypatch.setitem(app.extensions, "live", LocalBroker())
    for _ in range(3):
        post_note(client, meeting.id)
    seen = live.broker().latest_id(meeting.channel())

    monkeypatch.setitem(app.extensions, "live", LocalBroker())  # the restart
    post_note(client, meeting.id, "After the restart")

    body = stream(client, meeting.id, last_event_id=seen).get_data(as_text=True)
    assert event_names(body)[0] == "refresh"


def test_outsider_cannot_open_the_stream(app, team_world, meeting):
    assert stream(signed_in(app, team_world.outsider), meeting.id).status_code == 404


def test_signed_out_visitor_cannot_open_the_stream(client, meeting):
    response = stream(client, meeting.id)
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]


def test_a_screen_with_an_id_from_before_a_restart_refreshes_then_follows(
    app, monkeypatch, team_world, meeting
):
    client = signed_in(app, team_world.mentor)
    monkeypatch.setitem(app.extensions, "live", LocalBroker())
    post_note(client, meeting.id)
    seen = live.broker().latest_id(meeting.channel())

    # The restart; the new process then publishes more events than the old one had.
    monkeypatch.setitem(app.extensions, "live", LocalBroker())
    for _ in range(5):
        post_note(client, meeting.id, "After the restart")
    meeting_id = meeting.id

    def post_soon():
        with app.app_context():
            post_note(client, meeting_id, "While streaming")

    poster = threading.Timer(0.3, post_soon)
    poster.start()
    body = stream(client, meeting_id, last_event_id=seen).get_data(as_text=True)
    poster.join()
    assert event_names(body) == ["refresh", "contributions"]


@pytest.mark.parametrize(
    "garbled", ["²", "١٢", "1" * 5000, "9223372036854775808", "-5", "1-²", "abc", "0x1"]
)
def test_a_garbled_last_event_id_or_after_refreshes_never_a_500(app, team_world, meeting, garbled):
    client = signed_in(app, team_world.teacher)
    from_header = stream(client, meeting.id, last_event_id=garbled)
    from_query = client.get(f"/meetings/{meeting.id}/run/events", query_string={"after": garbled})
    for response in (from_header, from_query):
        assert response.status_code == 200
        assert event_names(response.get_data(as_text=True)) == ["refresh"]


def test_a_member_removed_from_the_team_stops_receiving_events(
    app, monkeypatch, team_world, meeting
):
    monkeypatch.setitem(app.config, "LIVE_STREAM_SECONDS", 10)
    monkeypatch.setitem(app.config, "LIVE_RECHECK_SECONDS", 0.3)
    teacher_id, team_id = team_world.teacher.id, team_world.team.id

    def remove_soon():
        with app.app_context():
            db.session.execute(
                sa.delete(Membership).where(
                    Membership.user_id == teacher_id, Membership.team_id == team_id
                )
            )
            db.session.commit()

    remover = threading.Timer(0.5, remove_soon)
    remover.start()
    started = time.monotonic()
    response = stream(signed_in(app, team_world.teacher), meeting.id)
    response.get_data(as_text=True)
    remover.join()
    assert time.monotonic() - started < 3


def test_a_member_still_on_the_team_keeps_the_stream(app, monkeypatch, team_world, meeting):
    monkeypatch.setitem(app.config, "LIVE_STREAM_SECONDS", 1.2)
    monkeypatch.setitem(app.config, "LIVE_RECHECK_SECONDS", 0.2)
    started = time.monotonic()
    stream(signed_in(app, team_world.teacher), meeting.id).get_data(as_text=True)
    assert time.monotonic() - started >= 1.1


def test_an_event_with_data_over_several_lines_sends_each_line_as_a_data_line():
    sent = message("notes", "7-0", "<ul>\n<li>a</li>\r\n<li>b\rc</li>\n</ul>")

    assert sent == (
        "id: 7-0\nevent: notes\n"
        "data: <ul>\ndata: <li>a</li>\ndata: <li>b\ndata: c</li>\ndata: </ul>\n\n"
    )
    assert message("state", "7-0") == "id: 7-0\nevent: state\ndata: state\n\n"
