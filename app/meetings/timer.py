"""The countdown of the running segment, computed from server-side facts only."""

from dataclasses import dataclass
from datetime import datetime

from app.meetings.models import Meeting, Segment

LOW_TIME_SECONDS = 120


@dataclass(frozen=True)
class Countdown:
    allowed_seconds: int
    elapsed_seconds: int
    running: bool

    @property
    def remaining_seconds(self) -> int:
        return self.allowed_seconds - self.elapsed_seconds

    @property
    def state(self) -> str:
        if self.remaining_seconds < 0:
            return "over"
        if self.remaining_seconds <= min(LOW_TIME_SECONDS, self.allowed_seconds // 4 or 1):
            return "low"
        return "ok"


def running_seconds(meeting: Meeting, now: datetime) -> int:
    """Seconds the current segment has run since its countdown last (re)started."""
    if meeting.timer_started_at is None:
        return 0
    return max(0, int((now - meeting.timer_started_at).total_seconds()))


def countdown(meeting: Meeting, segment: Segment, now: datetime) -> Countdown:
    return Countdown(
        allowed_seconds=segment.allowed_seconds,
        elapsed_seconds=segment.elapsed_seconds + running_seconds(meeting, now),
        running=meeting.timer_started_at is not None,
    )


def bank_elapsed(meeting: Meeting, now: datetime) -> None:
    """Add the running span to the current segment's elapsed time; the timer then stands."""
    if meeting.current_segment is not None:
        meeting.current_segment.elapsed_seconds += running_seconds(meeting, now)
    meeting.timer_started_at = None


def format_clock(seconds: int) -> str:
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    return f"{sign}{seconds // 60}:{seconds % 60:02d}"
