"""Private prompts from the mentor to the leader, shown only on the leader's own device."""

import sqlalchemy as sa

from app.auth.models import User
from app.extensions import db
from app.leadership.models import Nudge
from app.live import publish
from app.meetings.models import Meeting
from app.timeutil import utcnow

MAX_LENGTH = 280


def send(sender: User, meeting: Meeting, leader: User, body: str) -> Nudge:
    nudge = Nudge(
        meeting_id=meeting.id,
        segment_id=meeting.current_segment_id,
        from_id=sender.id,
        to_id=leader.id,
        body=body.strip(),
    )
    db.session.add(nudge)
    db.session.commit()
    # The event names no content: each screen asks for its own nudges, if any.
    publish(meeting.channel(), "nudges")
    return nudge


def dismiss(nudge: Nudge) -> None:
    nudge.dismissed_at = utcnow()
    db.session.commit()
    publish(f"meeting:{nudge.meeting_id}", "nudges")


def waiting_for(user: User, meeting_id: int) -> list[Nudge]:
    return list(
        db.session.scalars(
            sa.select(Nudge)
            .where(
                Nudge.meeting_id == meeting_id,
                Nudge.to_id == user.id,
                Nudge.dismissed_at.is_(None),
            )
            .order_by(Nudge.id)
        )
    )


def of_meeting(meeting_id: int, leader_id: int | None = None) -> list[Nudge]:
    """The meeting's nudges, to every leader or to one."""
    query = sa.select(Nudge).where(Nudge.meeting_id == meeting_id)
    if leader_id is not None:
        query = query.where(Nudge.to_id == leader_id)
    return list(
        db.session.scalars(
            query.options(
                sa.orm.selectinload(Nudge.sender),
                sa.orm.selectinload(Nudge.recipient),
                sa.orm.selectinload(Nudge.segment),
            ).order_by(Nudge.id)
        )
    )


def nudge_for(user: User, nudge_id: int) -> Nudge | None:
    """The nudge if `user` is its recipient."""
    nudge = db.session.get(Nudge, nudge_id)
    return nudge if nudge is not None and nudge.to_id == user.id else None
