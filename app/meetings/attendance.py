"""Who was at a meeting.

A member is present once their device opens the run view (before or after Start) or once
they add a contribution. A facilitator's correction (or their own mark) is final: opening
the run view again never overrides it."""

from datetime import timedelta

import sqlalchemy as sa

from app.auth.models import User
from app.extensions import db
from app.live import publish
from app.meetings.models import Attendance, Meeting
from app.timeutil import utcnow

# A visit this long before Start was a look at the agenda, not joining the meeting.
EARLY_VISIT = timedelta(hours=4)
# A reload of the run view rewrites seen_at (a write and a commit) at most this often.
SEEN_EVERY = timedelta(minutes=1)


def _row(meeting: Meeting, user_id: int) -> Attendance | None:
    return db.session.scalar(
        sa.select(Attendance).where(
            Attendance.meeting_id == meeting.id, Attendance.user_id == user_id
        )
    )


def _commit_new(meeting: Meeting) -> bool:
    """Commit a new row; False if the same person's row was written in the same instant."""
    try:
        db.session.commit()
    except sa.exc.IntegrityError:
        db.session.rollback()
        return False
    return True


def record_visit(meeting: Meeting, user: User) -> None:
    """Their device opened the run view of a planned or running meeting: they are here."""
    row = _row(meeting, user.id)
    if row is not None:
        now = utcnow()
        if row.seen_at is None or row.seen_at < now - SEEN_EVERY:
            row.seen_at = now
            db.session.commit()
        return
    db.session.add(
        Attendance(meeting_id=meeting.id, user_id=user.id, present=True, seen_at=utcnow())
    )
    if _commit_new(meeting):
        publish(meeting.channel(), "attendance")


def mark_present(meeting: Meeting, user: User, commit: bool = True) -> None:
    """Record that `user` joined (the presenter pressing Start, a contributor); an explicit
    "absent" is overridden by what they did. A no-op when already present."""
    row = _row(meeting, user.id)
    if row is not None and row.present:
        return
    if row is None:
        db.session.add(Attendance(meeting_id=meeting.id, user_id=user.id, present=True))
    else:
        row.present, row.marked_by_id = True, None
    if commit and _commit_new(meeting):
        publish(meeting.channel(), "attendance")


def forget_early_visits(meeting: Meeting, now) -> None:
    """At Start: a visit hours before it (a look at the agenda) does not count as joining."""
    db.session.execute(
        sa.delete(Attendance).where(
            Attendance.meeting_id == meeting.id,
            Attendance.marked_by_id.is_(None),
            Attendance.seen_at < now - EARLY_VISIT,
        )
    )


def set_present(meeting: Meeting, user_id: int, present: bool, marked_by: User) -> None:
    """An explicit mark: a facilitator's correction, or a person marking themselves."""
    row = _row(meeting, user_id)
    if row is None:
        row = Attendance(meeting_id=meeting.id, user_id=user_id)
        db.session.add(row)
    row.present, row.marked_by_id = present, marked_by.id
    if not _commit_new(meeting):
        # Their row was written in the same instant (another presenter, or their own device
        # opening the run view): update it instead.
        row = _row(meeting, user_id)
        row.present, row.marked_by_id = present, marked_by.id
        db.session.commit()
    publish(meeting.channel(), "attendance")


def attendance_of(meeting: Meeting) -> dict[int, bool]:
    rows = db.session.execute(
        sa.select(Attendance.user_id, Attendance.present).where(Attendance.meeting_id == meeting.id)
    )
    return {user_id: present for user_id, present in rows}
