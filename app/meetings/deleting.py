"""Deleting a meeting, and bringing it back: a deleted meeting is hidden everywhere, and the
team's planners can restore it within RESTORE_WINDOW (app/meetings/access.py)."""

from app.auth.models import User
from app.extensions import db
from app.meetings.models import Meeting
from app.timeutil import utcnow


class CannotDelete(Exception):
    """A running meeting is ended before it is deleted."""


def delete_meeting(actor: User, meeting: Meeting) -> None:
    if meeting.status == "running":
        raise CannotDelete()
    meeting.deleted_at, meeting.deleted_by_id = utcnow(), actor.id
    db.session.commit()


def restore_meeting(actor: User, meeting: Meeting) -> None:
    meeting.deleted_at = meeting.deleted_by_id = None
    db.session.commit()
