"""The countdown, computed from the server's facts only."""

from datetime import datetime, timedelta

import pytest

from app.meetings.models import Meeting, Segment
from app.meetings.timer import Countdown, bank_elapsed, countdown, format_clock, running_seconds

NOW = datetime(2031, 3, 4, 15, 30)


@pytest.mark.parametrize(
    ("allowed", "elapsed", "state"),
    [
        (600, 0, "ok"),
        (600, 479, "ok"),
        (600, 480, "low"),  # two minutes left
        (600, 600, "low"),  # exactly on time is not over yet
        (600, 601, "over"),
        (120, 89, "ok"),  # a short segment warns in its last quarter, not its last two minutes
        (120, 90, "low"),
        (0, 0, "low"),
        (0, 1, "over"),
    ],
)
def test_countdown_state(allowed, elapsed, state):
    assert Countdown(allowed, elapsed, running=True).state == state


def test_remaining_seconds_go_negative_when_over():
    assert Countdown(300, 360, running=True).remaining_seconds == -60


def segment(planned=10, added=0, elapsed=0) -> Segment:
    return Segment(title="S", planned_minutes=planned, added_minutes=added, elapsed_seconds=elapsed)


def test_running_seconds_count_from_the_timer_start():
    assert running_seconds(Meeting(timer_started_at=NOW - timedelta(seconds=75)), NOW) == 75
    assert running_seconds(Meeting(timer_started_at=None), NOW) == 0
    assert running_seconds(Meeting(timer_started_at=NOW + timedelta(seconds=5)), NOW) == 0


def test_countdown_adds_banked_and_running_time_and_added_minutes():
    current = segment(planned=10, added=2, elapsed=100)
    meeting = Meeting(timer_started_at=NOW - timedelta(seconds=20))
    shown = countdown(meeting, current, NOW)
    assert (shown.allowed_seconds, shown.elapsed_seconds, shown.running) == (720, 120, True)
    assert shown.remaining_seconds == 600


def test_paused_countdown_stands_still():
    shown = countdown(Meeting(timer_started_at=None), segment(elapsed=30), NOW)
    assert (shown.elapsed_seconds, shown.running) == (30, False)


def test_bank_elapsed_moves_running_time_onto_the_segment_and_stops_the_timer():
    current = segment(elapsed=30)
    meeting = Meeting(timer_started_at=NOW - timedelta(seconds=45), current_segment=current)
    bank_elapsed(meeting, NOW)
    assert current.elapsed_seconds == 75
    assert meeting.timer_started_at is None
    bank_elapsed(meeting, NOW + timedelta(minutes=5))
    assert current.elapsed_seconds == 75


@pytest.mark.parametrize(
    ("seconds", "clock"), [(0, "0:00"), (59, "0:59"), (61, "1:01"), (3600, "60:00"), (-65, "-1:05")]
)
def test_format_clock(seconds, clock):
    assert format_clock(seconds) == clock
