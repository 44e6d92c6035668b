"""Notes, questions, decisions and action items added during a meeting.

Removing one hides it at once and offers Undo for UNDO_WINDOW; the row stays, hidden, so
Undo is a plain update and nothing a team wrote is lost to a stray tap. An ended meeting's
contributions are final (reopen the meeting to change them)."""

from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from app.auth.models import User
from app.extensions import db
from app.live import publish
from app.meetings.attendance import mark_present
from app.meetings.models import Contribution, ContributionKind, Meeting
from app.timeutil import utcnow

MAX_BODY = 2000
UNDO_WINDOW = timedelta(seconds=10)


class Refused(Exception):
    """The change is not allowed now; the message says why, to the person who tried."""


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
    if any(m.user_id == author.id for m in meeting.team.memberships):
        mark_present(meeting, author)  # whoever adds to the meeting is at it
    return contribution


FINAL = (
    "This meeting has ended: its minutes are final. Reopen it (on the day it ran) to change them."
)


def remove(actor: User, contribution: Contribution) -> None:
    """Hide the contribution everywhere; Undo brings it back within UNDO_WINDOW."""
    if contribution.meeting.status == "ended":
        raise Refused(FINAL)
    contribution.removed_at, contribution.removed_by_id = utcnow(), actor.id
    _commit_and_publish(contribution)


def restore(actor: User, contribution: Contribution) -> None:
    """Undo a removal: the contribution is back on every screen."""
    if contribution.removed_at is None:
        raise Refused("It is already back: someone pressed Undo first.")
    if contribution.meeting.status == "ended":
        raise Refused(FINAL)
    if contribution.removed_at < utcnow() - UNDO_WINDOW:
        raise Refused("Too late to undo: it was removed more than 10 seconds ago.")
    contribution.removed_at = contribution.removed_by_id = None
    _commit_and_publish(contribution)


def _commit_and_publish(contribution: Contribution) -> None:
    channel, private = contribution.meeting.channel(), contribution.is_private
    db.session.commit()
    if not private:
        publish(channel, "contributions")


def set_done(contribution: Contribution, done: bool) -> None:
    contribution.done_at = utcnow() if done else None
    db.session.commit()
    publish(contribution.meeting.channel(), "contributions")


def of_meeting(meeting: Meeting, viewer: User) -> list[Contribution]:
    """Everything shared in the meeting, plus the viewer's own private notes, plus those
    removed so recently that Undo is still offered (their `removed_at` is set)."""
    return list(
        db.session.scalars(
            sa.select(Contribution)
            .where(
                Contribution.meeting_id == meeting.id,
                sa.or_(Contribution.is_private.is_(False), Contribution.author_id == viewer.id),
                sa.or_(
                    Contribution.removed_at.is_(None),
                    Contribution.removed_at >= utcnow() - UNDO_WINDOW,
                ),
            )
            .options(*_names_of_people())
            .order_by(Contribution.created_at, Contribution.id)
        )
    )


def shared_of(meeting_id: int) -> list[Contribution]:
    """What the whole team added and kept: no private note and no removed one is loaded."""
    return list(
        db.session.scalars(
            sa.select(Contribution)
            .where(
                Contribution.meeting_id == meeting_id,
                Contribution.is_private.is_(False),
                Contribution.removed_at.is_(None),
            )
            .options(*_names_of_people())
            .order_by(Contribution.created_at, Contribution.id)
        )
    )


def _names_of_people() -> tuple:
    """Author and owner in the same statement, their names only (never a password hash)."""
    return (
        joinedload(Contribution.author).load_only(User.name),
        joinedload(Contribution.owner).load_only(User.name),
    )


def undo_seconds_left(contribution: Contribution) -> int:
    left = contribution.removed_at + UNDO_WINDOW - utcnow()
    return max(int(left.total_seconds()) + 1, 1)
