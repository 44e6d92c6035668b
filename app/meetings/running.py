"""Presenter actions on a running meeting. Each is refused if the screen it came from is stale,
so two presenters pressing "next" at the same moment move the meeting on once."""

import sqlalchemy as sa
from sqlalchemy.orm.exc import StaleDataError

from app.auth.models import User
from app.extensions import db
from app.live import publish
from app.meetings.attendance import forget_early_visits, mark_present
from app.meetings.models import Meeting
from app.meetings.timer import bank_elapsed
from app.timeutil import local_now, to_local, utcnow

ACTIONS = ("start", "next", "previous", "pause", "resume", "add_time", "end")
MAX_ADDED_MINUTES = 120


class StalePress(Exception):
    """The meeting moved on since this presenter's screen was drawn."""


class CannotReopen(Exception):
    """Only a meeting that ended today can be reopened."""


def _claim(meeting: Meeting, seen_version: int) -> None:
    """Atomically take the next run_version, or raise StalePress if another press got it."""
    claimed = db.session.execute(
        sa.update(Meeting)
        .where(Meeting.id == meeting.id, Meeting.run_version == seen_version)
        .values(run_version=Meeting.run_version + 1)
        .execution_options(synchronize_session=False)
    ).rowcount
    if claimed != 1:
        db.session.rollback()
        raise StalePress()
    db.session.refresh(meeting)


def _move_to(meeting: Meeting, index: int) -> None:
    now = utcnow()
    bank_elapsed(meeting, now)
    meeting.current_segment = meeting.segments[index]
    meeting.timer_started_at = now


def _index_of_current(meeting: Meeting) -> int:
    return meeting.segments.index(meeting.current_segment) if meeting.current_segment else -1


def perform(actor: User, meeting: Meeting, action: str, seen_version: int, minutes: int = 0):
    if action not in ACTIONS:
        raise ValueError(action)
    _claim(meeting, seen_version)
    now = utcnow()
    index = _index_of_current(meeting)
    if action == "start" and meeting.status == "planned" and meeting.segments:
        meeting.started_at = now
        _move_to(meeting, 0)
        forget_early_visits(meeting, now)
        mark_present(meeting, actor, commit=False)
    elif meeting.status != "running":
        pass
    elif action == "next" and index + 1 < len(meeting.segments):
        _move_to(meeting, index + 1)
    elif action == "previous" and index > 0:
        _move_to(meeting, index - 1)
    elif action == "pause":
        bank_elapsed(meeting, now)
    elif action == "resume" and meeting.timer_started_at is None and meeting.current_segment:
        meeting.timer_started_at = now
    elif action == "add_time" and meeting.current_segment:
        segment = meeting.current_segment
        segment.added_minutes = min(segment.added_minutes + minutes, MAX_ADDED_MINUTES)
    elif action == "end":
        bank_elapsed(meeting, now)
        meeting.ended_at = now
        meeting.current_segment = None
    _commit_and_publish(meeting)
    if action == "start":
        publish(meeting.channel(), "attendance")  # whoever started it is here


def _commit_and_publish(meeting: Meeting) -> None:
    """Commit a presenter's change and tell every screen; StalePress if a planner saved this
    meeting or segment in the same instant (press again)."""
    channel = meeting.channel()
    try:
        db.session.commit()
    except StaleDataError as error:
        db.session.rollback()
        raise StalePress() from error
    publish(channel, "state")


def can_reopen(meeting: Meeting) -> bool:
    """An End pressed by mistake is undone the same (local) day; later the minutes stand."""
    if meeting.status != "ended":
        return False
    return to_local(meeting.ended_at).date() == local_now().date()


def reopen(actor: User, meeting: Meeting, seen_version: int) -> None:
    """Run an ended meeting again from its last segment, the timer paused."""
    if not can_reopen(meeting):
        raise CannotReopen()
    _claim(meeting, seen_version)
    meeting.ended_at = None
    meeting.current_segment = meeting.segments[-1] if meeting.segments else None
    meeting.timer_started_at = None
    _commit_and_publish(meeting)
