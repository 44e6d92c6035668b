"""Who was at a meeting."""

import sqlalchemy as sa

from app.auth.models import User
from app.extensions import db
from app.live import publish
from app.meetings.models import Attendance, Meeting


def _row(meeting: Meeting, user_id: int) -> Attendance | None:
    return db.session.scalar(
        sa.select(Attendance).where(
            Attendance.meeting_id == meeting.id, Attendance.user_id == user_id
        )
    )


def mark_present(meeting: Meeting, user: User, commit: bool = True) -> None:
    """Record that `user` joined; a no-op once they are recorded either way."""
    if _row(meeting, user.id) is not None:
        return
    db.session.add(Attendance(meeting_id=meeting.id, user_id=user.id, present=True))
    if commit:
        try:
            db.session.commit()
        except sa.exc.IntegrityError:
            db.session.rollback()
            return
        publish(meeting.channel(), "attendance")


def set_present(meeting: Meeting, user_id: int, present: bool) -> None:
    row = _row(meeting, user_id)
    if row is None:
        db.session.add(Attendance(meeting_id=meeting.id, user_id=user_id, present=present))
    else:
        row.present = present
    try:
        db.session.commit()
    except sa.exc.IntegrityError:
        # Their row was written in the same instant (another presenter, or their own device
        # opening the run view): update it instead.
        db.session.rollback()
        _row(meeting, user_id).present = present
        db.session.commit()
    publish(meeting.channel(), "attendance")


def attendance_of(meeting: Meeting) -> dict[int, bool]:
    rows = db.session.execute(
        sa.select(Attendance.user_id, Attendance.present).where(Attendance.meeting_id == meeting.id)
    )
    return {user_id: present for user_id, present in rows}
