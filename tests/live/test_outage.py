"""A Redis outage degrades live updates and never lies: writes succeed and say so, pages render,
/healthz names the broker, open screens poll meanwhile and all refresh when Redis returns.

"Down" is a RedisBroker pointed at a port nothing listens on. Recovery uses a redis-server of
the test's own on a free port, stopped and started again by the test (never the shared Redis).
"""

import shutil
import socket
import subprocess
import threading
import time

import pytest
import redis
import sqlalchemy as sa

from app.extensions import db
from app.leadership.models import FacilitationMove
from app.live import stream as live_stream
from app.live.brokers import RedisBroker
from app.meetings.models import Attendance, Contribution, Meeting
from tests import factories
from tests.conftest import Auth
from tests.meetings.helpers import HTMX, count, text


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_down(app, monkeypatch):
    broker = RedisBroker(f"redis://127.0.0.1:{free_port()}/0")
    monkeypatch.setitem(app.extensions, "live", broker)
    return broker


@pytest.fixture
def meeting(team_world):
    return factories.make_meeting(
        team_world.team, segments=["Check-in", "Anticipate"], running=True
    )


def signed_in(app, user):
    client = app.test_client()
    Auth(client).login(user)
    return client


def event_names(body: str) -> list[str]:
    return [
        line.removeprefix("event: ") for line in body.splitlines() if line.startswith("event: ")
    ]


def test_a_note_posted_while_redis_is_down_is_saved_once_and_says_so(
    app, team_world, meeting, redis_down, caplog
):
    teacher = signed_in(app, team_world.teacher)
    response = teacher.post(
        f"/meetings/{meeting.id}/run/contributions",
        data={"kind": "note", "body": "Saved anyway", "idempotency_key": "r" * 20},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert response.headers["HX-Trigger"] == "contributions-changed"
    assert "may not have been saved" not in text(response)
    assert "Saved anyway" not in text(response)  # a fresh, empty box
    assert db.session.scalars(sa.select(Contribution.body)).all() == ["Saved anyway"]
    assert "could not publish" in caplog.text

    again = teacher.post(
        f"/meetings/{meeting.id}/run/contributions",
        data={"kind": "note", "body": "Saved anyway", "idempotency_key": "r" * 20},
        headers=HTMX,
    )
    assert again.status_code == 200
    assert count(Contribution) == 1


def test_the_presenter_moves_on_while_redis_is_down(app, team_world, meeting, redis_down):
    mentor = signed_in(app, team_world.mentor)
    response = mentor.post(f"/meetings/{meeting.id}/run/next", data={"run_version": "0"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Meeting, meeting.id).current_segment.title == "Anticipate"


def test_the_run_view_renders_while_redis_is_down_and_its_stream_starts_unknown(
    app, team_world, meeting, redis_down
):
    page = signed_in(app, team_world.teacher).get(f"/meetings/{meeting.id}/run")
    assert page.status_code == 200
    # No `after`: the stream starts unknown (the notes still come in the stream: push=notes).
    assert f'sse-connect="/meetings/{meeting.id}/run/events?push=notes"' in text(page)


@pytest.mark.parametrize("view", ["console", "display"])
def test_the_console_and_the_display_render_while_redis_is_down(
    app, team_world, meeting, redis_down, view
):
    page = signed_in(app, team_world.mentor).get(f"/meetings/{meeting.id}/run/{view}")
    assert page.status_code == 200
    assert "sse-connect=" in text(page)


def test_other_writes_succeed_while_redis_is_down(app, team_world, meeting, redis_down):
    mentor = signed_in(app, team_world.mentor)
    teacher_id = team_world.teacher.id
    marked = mentor.post(
        f"/meetings/{meeting.id}/run/attendance/{teacher_id}", data={"present": "1"}
    )
    logged = mentor.post(
        f"/meetings/{meeting.id}/moves", data={"move_type": "eliciting", "made_by": "leader"}
    )
    nudged = mentor.post(
        f"/meetings/{meeting.id}/nudges",
        data={"leader": team_world.leader.id, "body": "Ask for another way"},
    )
    assert [marked.status_code, logged.status_code, nudged.status_code] == [302, 302, 302]
    assert count(FacilitationMove) == 1
    assert db.session.scalar(sa.select(Attendance).where(Attendance.user_id == teacher_id))


def test_healthz_names_the_broker_down_but_answers_200_for_the_database(client, redis_down):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok", "broker": "down"}


def test_an_open_screen_polls_while_redis_is_down(
    app, monkeypatch, team_world, meeting, redis_down
):
    monkeypatch.setitem(app.config, "LIVE_STREAM_SECONDS", 1)
    monkeypatch.setattr(live_stream, "POLL_SECONDS", 0.2)
    viewer = signed_in(app, team_world.teacher)
    response = viewer.get(f"/meetings/{meeting.id}/run/events", headers={"Last-Event-ID": "1-0"})
    assert response.status_code == 200
    names = event_names(response.get_data(as_text=True))
    assert len(names) >= 3 and set(names) == {"refresh"}


class OwnRedis:
    """A redis-server of this test's own, on a free port, without persistence."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                redis.Redis.from_url(self.url).ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def own_redis():
    if shutil.which("redis-server") is None:
        pytest.fail("The outage tests need redis-server (apt-get install redis-server).")
    server = OwnRedis()
    server.start()
    yield server
    server.stop()


def test_when_redis_returns_every_open_screen_refreshes_and_follows_again(
    app, monkeypatch, team_world, meeting, own_redis
):
    monkeypatch.setitem(app.extensions, "live", RedisBroker(own_redis.url))
    monkeypatch.setitem(app.config, "LIVE_STREAM_SECONDS", 4)
    monkeypatch.setattr(live_stream, "POLL_SECONDS", 0.2)
    viewer, author = signed_in(app, team_world.mentor), signed_in(app, team_world.teacher)
    meeting_id = meeting.id

    def post(body):
        with app.app_context():
            response = author.post(
                f"/meetings/{meeting_id}/run/contributions", data={"kind": "note", "body": body}
            )
            assert response.status_code == 302

    def outage_then_recovery():
        time.sleep(0.5)
        own_redis.stop()
        time.sleep(0.3)
        post("During the outage")
        time.sleep(0.5)
        own_redis.start()
        time.sleep(0.8)
        post("After the outage")

    outage = threading.Thread(target=outage_then_recovery)
    outage.start()
    body = viewer.get(f"/meetings/{meeting_id}/run/events").get_data(as_text=True)
    outage.join()

    messages = [m for m in body.split("\n\n") if "event: " in m]
    polls = [m for m in messages if m == "event: refresh\ndata: refresh"]
    recovery = next(i for i, m in enumerate(messages) if m.startswith("id: ") and i > 0)
    assert polls, "screens poll while Redis is down"
    assert "event: refresh" in messages[recovery], "when Redis returns the screen refreshes"
    assert any("event: contributions" in m for m in messages[recovery:]), messages
    assert count(Contribution) == 2


def test_a_channel_whose_event_was_lost_is_told_to_refresh_when_publishing_works_again(
    app, monkeypatch, team_world, meeting, own_redis
):
    broker = RedisBroker(own_redis.url)
    monkeypatch.setitem(app.extensions, "live", broker)
    author = signed_in(app, team_world.teacher)
    own_redis.stop()
    author.post(f"/meetings/{meeting.id}/run/contributions", data={"kind": "note", "body": "Lost"})
    own_redis.start()
    other = factories.make_meeting(team_world.team, segments=["Check-in"], running=True)
    author.post(f"/meetings/{other.id}/run/contributions", data={"kind": "note", "body": "Back"})

    events = broker.read(meeting.channel(), "0-0", timeout=0.1)
    assert [event.name for event in events] == ["refresh"]
