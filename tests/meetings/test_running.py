"""Running a meeting: presenter actions, one consistent state, a server-side countdown."""

from datetime import timedelta

import pytest

from app.extensions import db
from app.meetings.models import Attendance, Meeting, Segment
from app.timeutil import utcnow
from tests import factories
from tests.meetings.helpers import HTMX, at_the_same_moment, count, fresh, text, words


def press(client, meeting_id: int, action: str, run_version: int | str, htmx=False, **data):
    return client.post(
        f"/meetings/{meeting_id}/run/{action}",
        data={"run_version": str(run_version), **{k: str(v) for k, v in data.items()}},
        headers=HTMX if htmx else {},
    )


def current_position(meeting_id: int) -> int | None:
    meeting = fresh(Meeting, meeting_id)
    return meeting.current_segment.position if meeting.current_segment else None


def rewind_timer(meeting_id: int, seconds: int) -> None:
    """Pretend the current segment's countdown started `seconds` ago."""
    meeting = fresh(Meeting, meeting_id)
    meeting.timer_started_at = utcnow() - timedelta(seconds=seconds)
    db.session.commit()


def test_presenter_starts_the_meeting_on_the_first_segment(client_as, team_world, meeting):
    response = press(client_as("leader"), meeting.id, "start", 0)

    assert response.status_code == 302
    assert response.headers["Location"] == f"/meetings/{meeting.id}/run/console"
    started = fresh(Meeting, meeting.id)
    assert started.status == "running"
    assert started.current_segment.title == "Check-in"
    assert started.timer_started_at is not None
    assert started.run_version == 1
    presence = db.session.query(Attendance).one()
    assert (presence.user_id, presence.present) == (team_world.leader.id, True)


def test_presenter_walks_through_the_agenda_and_ends(client_as, meeting):
    client = client_as("mentor")
    for version, action in enumerate(["start", "next", "next", "previous"]):
        assert press(client, meeting.id, action, version).status_code == 302
    assert current_position(meeting.id) == 1

    press(client, meeting.id, "end", 4)
    ended = fresh(Meeting, meeting.id)
    assert ended.status == "ended"
    assert ended.current_segment_id is None and ended.timer_started_at is None
    assert "Meeting ended" in text(client_as("teacher").get(f"/meetings/{meeting.id}/run/state"))


def test_next_on_the_last_segment_and_previous_on_the_first_stay_put(client_as, running_meeting):
    client = client_as("mentor")
    press(client, running_meeting.id, "previous", 0)
    assert current_position(running_meeting.id) == 0
    for version in range(1, 5):
        press(client, running_meeting.id, "next", version)
    assert current_position(running_meeting.id) == 2


def test_actions_before_the_start_change_nothing(client_as, meeting):
    client = client_as("mentor")
    press(client, meeting.id, "next", 0)
    press(client, meeting.id, "add_time", 1, minutes=5)
    planned = fresh(Meeting, meeting.id)
    assert planned.status == "planned" and planned.current_segment_id is None
    assert {s.added_minutes for s in planned.segments} == {0}


def test_a_meeting_without_segments_cannot_start(client_as, team_world):
    empty = factories.make_meeting(team_world.team)
    press(client_as("mentor"), empty.id, "start", 0)
    assert fresh(Meeting, empty.id).status == "planned"


def test_second_press_with_the_same_run_version_is_refused_as_stale(client_as, running_meeting):
    mentor, leader = client_as("mentor"), client_as("leader")

    first = press(mentor, running_meeting.id, "next", 0, htmx=True)
    second = press(leader, running_meeting.id, "next", 0, htmx=True)

    assert first.status_code == second.status_code == 200
    assert "Someone else moved the meeting on" not in text(first)
    assert "Someone else moved the meeting on just before you" in text(second)
    assert 'name="run_version" value="1"' in text(second)
    assert current_position(running_meeting.id) == 1
    assert fresh(Meeting, running_meeting.id).run_version == 1


def test_press_without_a_run_version_is_stale_and_changes_nothing(client_as, running_meeting):
    response = press(client_as("mentor"), running_meeting.id, "next", "abc", htmx=True)
    assert "Someone else moved the meeting on" in text(response)
    assert current_position(running_meeting.id) == 0


def test_two_presenters_pressing_next_at_the_same_moment_move_the_meeting_once(
    app, client_as, running_meeting
):
    mentor, leader = client_as("mentor"), client_as("leader")
    meeting_id = running_meeting.id

    responses = at_the_same_moment(
        app,
        lambda: press(mentor, meeting_id, "next", 0, htmx=True),
        lambda: press(leader, meeting_id, "next", 0, htmx=True),
    )

    assert [r.status_code for r in responses] == [200, 200]
    stale = ["Someone else moved the meeting on" in text(r) for r in responses]
    assert sorted(stale) == [False, True]
    moved = fresh(Meeting, running_meeting.id)
    assert moved.run_version == 1
    assert moved.current_segment.position == 1


def test_elapsed_seconds_are_banked_on_the_segment_that_ran(client_as, running_meeting):
    client = client_as("mentor")
    first, second, _ = (s.id for s in running_meeting.segments)

    rewind_timer(running_meeting.id, 90)
    press(client, running_meeting.id, "next", 0)
    assert 90 <= fresh(Segment, first).elapsed_seconds <= 92

    rewind_timer(running_meeting.id, 30)
    press(client, running_meeting.id, "pause", 1)
    assert fresh(Meeting, running_meeting.id).timer_started_at is None
    assert 30 <= fresh(Segment, second).elapsed_seconds <= 32

    press(client, running_meeting.id, "resume", 2)
    rewind_timer(running_meeting.id, 60)
    press(client, running_meeting.id, "previous", 3)
    assert 90 <= fresh(Segment, second).elapsed_seconds <= 93
    assert 90 <= fresh(Segment, first).elapsed_seconds <= 92

    rewind_timer(running_meeting.id, 45)
    press(client, running_meeting.id, "end", 4)
    assert 135 <= fresh(Segment, first).elapsed_seconds <= 138


def test_paused_time_is_not_counted(client_as, running_meeting):
    client = client_as("mentor")
    press(client, running_meeting.id, "pause", 0)
    meeting = fresh(Meeting, running_meeting.id)
    meeting.segments[0].elapsed_seconds = 100
    db.session.commit()
    press(client, running_meeting.id, "next", 1)
    assert fresh(Segment, running_meeting.segments[0].id).elapsed_seconds == 100


def test_resume_restarts_the_countdown_and_a_second_resume_does_not_reset_it(
    client_as, running_meeting
):
    client = client_as("mentor")
    press(client, running_meeting.id, "pause", 0)
    press(client, running_meeting.id, "resume", 1)
    rewind_timer(running_meeting.id, 50)
    press(client, running_meeting.id, "resume", 2)
    started = fresh(Meeting, running_meeting.id).timer_started_at
    assert utcnow() - started >= timedelta(seconds=49)


def test_add_time_extends_the_current_segment(client_as, running_meeting):
    client = client_as("leader")
    press(client, running_meeting.id, "add_time", 0, minutes=5)
    response = press(client, running_meeting.id, "add_time", 1, htmx=True)

    segment = fresh(Segment, running_meeting.segments[0].id)
    assert segment.added_minutes == 6
    assert segment.allowed_seconds == (5 + 6) * 60
    assert "5 minutes planned, 6 added" in words(response)
    assert fresh(Segment, running_meeting.segments[1].id).added_minutes == 0


@pytest.mark.parametrize("minutes", ["-50", "0", "1000"])
def test_add_time_ignores_minutes_outside_one_to_thirty(client_as, running_meeting, minutes):
    press(client_as("leader"), running_meeting.id, "add_time", 0, minutes=minutes)
    assert fresh(Segment, running_meeting.segments[0].id).added_minutes == 1


def test_teacher_who_does_not_facilitate_cannot_present(client_as, running_meeting):
    client = client_as("teacher")
    for action in ("start", "next", "previous", "pause", "resume", "add_time", "end"):
        assert press(client, running_meeting.id, action, 0).status_code == 403
    unchanged = fresh(Meeting, running_meeting.id)
    assert unchanged.run_version == 0 and unchanged.current_segment.position == 0
    state = text(client.get(f"/meetings/{running_meeting.id}/run/state"))
    assert "Next segment" not in state
    assert client.get(f"/meetings/{running_meeting.id}/run/console/state").status_code == 403


def test_teacher_who_facilitates_a_segment_may_present(client_as, team_world, running_meeting):
    segment = running_meeting.segments[2]
    segment.facilitator = team_world.teacher
    db.session.commit()
    client = client_as("teacher")
    console = text(client.get(f"/meetings/{running_meeting.id}/run/console/state"))
    assert "Next segment" in console
    assert press(client, running_meeting.id, "next", 0).status_code == 302
    assert current_position(running_meeting.id) == 1


def test_outsider_cannot_press_anything(client_as, running_meeting):
    assert press(client_as("outsider"), running_meeting.id, "next", 0).status_code == 404
    assert current_position(running_meeting.id) == 0


def test_unknown_action_is_not_found(client_as, running_meeting):
    assert press(client_as("mentor"), running_meeting.id, "rewind", 0).status_code == 404


def test_run_state_shows_the_current_segment_facilitator_and_countdown(client_as, running_meeting):
    rewind_timer(running_meeting.id, 4 * 60)
    page = words(client_as("teacher").get(f"/meetings/{running_meeting.id}/run/state"))
    assert "Other · segment 1 of 3 Check-in" in page
    assert "Facilitator: Ana Mentor" in page
    assert "1:00 left, time to wrap up" in page or "0:59 left, time to wrap up" in page


def test_run_state_shows_the_overrun(client_as, running_meeting):
    rewind_timer(running_meeting.id, 6 * 60 + 5)
    page = text(client_as("teacher").get(f"/meetings/{running_meeting.id}/run/state"))
    assert "timer-over" in page
    assert "+1:05" in page or "+1:06" in page
    assert "over time" in page


def test_planned_meeting_run_state_shows_the_start_button_to_presenters_only(client_as, meeting):
    console = text(client_as("leader").get(f"/meetings/{meeting.id}/run/console/state"))
    assert "Start the meeting" in console
    teacher_view = text(client_as("teacher").get(f"/meetings/{meeting.id}/run/state"))
    assert "Not started" in teacher_view and "Start the meeting" not in teacher_view


def test_presenting_keeps_the_meeting_details_untouched(client_as, running_meeting):
    press(client_as("mentor"), running_meeting.id, "next", 0)
    assert count(Meeting) == 1
    assert fresh(Meeting, running_meeting.id).title == "Fractions planning"


def test_starting_tells_every_screen_the_state_and_who_is_here(app, client_as, meeting):
    from app import live

    broker = live.broker()
    before = broker.latest_id(meeting.channel())

    press(client_as("mentor"), meeting.id, "start", 0)

    events = broker.read(meeting.channel(), before, timeout=0)
    assert [event.name for event in events] == ["state", "attendance"]
