"""Notes, questions, decisions and action items added during a meeting."""

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from app.auth.models import User
from app.extensions import db
from app.live import publish
from app.meetings.models import Contribution, ContributionKind, Meeting
from app.teams.access import member_team_ids
from app.timeutil import utcnow

MAX_BODY = 2000


def add(
    author: User,
    meeting: Meeting,
    kind: ContributionKind,
    body: str,
    is_private: bool = False,
    owner_id: int | None = None,
    due_on: date | None = None,
) -> Contribution:
    contribution = Contribution(
        meeting_id=meeting.id,
        segment_id=meeting.current_segment_id,
        author_id=author.id,
        kind=kind,
        body=body.strip(),
        is_private=is_private and kind == ContributionKind.note,
        owner_id=owner_id if kind == ContributionKind.action else None,
        due_on=due_on if kind == ContributionKind.action else None,
    )
    db.session.add(contribution)
    db.session.commit()
    if not contribution.is_private:
        publish(meeting.channel(), "contributions")
    return contribution


def delete(contribution: Contribution) -> None:
    channel, was_private = contribution.meeting.channel(), contribution.is_private
    db.session.delete(contribution)
    db.session.commit()
    if not was_private:
        publish(channel, "contributions")


def set_done(contribution: Contribution, done: bool) -> None:
    contribution.done_at = utcnow() if done else None
    db.session.commit()
    publish(contribution.meeting.channel(), "contributions")


def of_meeting(meeting: Meeting, viewer: User) -> list[Contribution]:
    """Everything shared in the meeting, plus the viewer's own private notes."""
    return list(
        db.session.scalars(
            sa.select(Contribution)
            .where(
                Contribution.meeting_id == meeting.id,
                sa.or_(Contribution.is_private.is_(False), Contribution.author_id == viewer.id),
            )
            .options(selectinload(Contribution.author), selectinload(Contribution.owner))
            .order_by(Contribution.created_at, Contribution.id)
        )
    )


def open_actions_for(user: User) -> list[Contribution]:
    return list(
        db.session.scalars(
            sa.select(Contribution)
            .where(
                Contribution.owner_id == user.id,
                Contribution.kind == ContributionKind.action,
                Contribution.done_at.is_(None),
                # Only teams the person is still on: elsewhere they could not open them.
                Contribution.meeting_id.in_(
                    sa.select(Meeting.id).where(Meeting.team_id.in_(member_team_ids(user)))
                ),
            )
            .options(selectinload(Contribution.meeting).selectinload(Meeting.team))
            .order_by(Contribution.due_on.is_(None), Contribution.due_on, Contribution.id)
        )
    )
