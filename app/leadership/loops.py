"""The mentoring loop around a session the teacher leader facilitates."""

import sqlalchemy as sa

from app import editing
from app.auth.models import User
from app.extensions import db
from app.leadership.models import MentoringLoop
from app.meetings.models import Meeting

FIELDS = ("leader_goals", "planning_notes", "leader_reflection", "mentor_reflection", "next_goals")


def loop_for(meeting: Meeting, leader: User) -> MentoringLoop:
    """The loop of this meeting and leader, created empty on first use."""
    loop = db.session.scalar(
        sa.select(MentoringLoop).where(
            MentoringLoop.meeting_id == meeting.id, MentoringLoop.leader_id == leader.id
        )
    )
    if loop is None:
        loop = MentoringLoop(meeting_id=meeting.id, leader_id=leader.id)
        db.session.add(loop)
        try:
            db.session.commit()
        except sa.exc.IntegrityError:
            db.session.rollback()
            return loop_for(meeting, leader)
    return loop


def save(loop: MentoringLoop, values: dict[str, str], posted_version: int | None) -> None:
    """Save the loop's texts; editing.StaleEdit if the other person saved first."""
    with editing.edit(loop, posted_version):
        for field in FIELDS:
            if field in values:
                setattr(loop, field, values[field].strip())
