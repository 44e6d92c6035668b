"""What the team left open: unfinished action items of earlier meetings and the last meeting's
next steps, shown when a meeting starts. Bounded: the first SHOWN of each (actions soonest due,
then most recent), with the number of the rest counted in the same statement."""

from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from app.auth.models import User
from app.extensions import db
from app.meetings.models import Contribution, ContributionKind, Meeting, Segment, SegmentKind

SHOWN = 8


@dataclass
class Continuity:
    open_actions: list[Contribution] = field(default_factory=list)
    more_actions: int = 0
    next_steps: list[Contribution] = field(default_factory=list)
    more_steps: int = 0

    @property
    def empty(self) -> bool:
        return not self.open_actions and not self.next_steps

    @property
    def last_meeting(self) -> Meeting | None:
        return self.next_steps[0].meeting if self.next_steps else None


def _bounded(query: sa.Select) -> tuple[list[Contribution], int]:
    """The first SHOWN rows and how many more there are (a window count: one statement)."""
    rows = db.session.execute(
        query.add_columns(sa.func.count().over().label("total")).limit(SHOWN)
    ).all()
    total = rows[0].total if rows else 0
    return [row[0] for row in rows], total - len(rows)


def continuity(meeting: Meeting) -> Continuity:
    earlier = sa.select(Meeting.id).where(
        Meeting.team_id == meeting.team_id,
        Meeting.id != meeting.id,
        Meeting.starts_at <= meeting.starts_at,
        Meeting.deleted_at.is_(None),
    )
    actions, more_actions = _bounded(
        sa.select(Contribution)
        .where(
            Contribution.meeting_id.in_(earlier),
            Contribution.kind == ContributionKind.action,
            Contribution.done_at.is_(None),
            Contribution.removed_at.is_(None),
        )
        .options(joinedload(Contribution.owner).load_only(User.name))
        .order_by(
            Contribution.due_on.is_(None),
            Contribution.due_on,
            Contribution.created_at.desc(),
            Contribution.id.desc(),
        )
    )
    last = (
        sa.select(Meeting.id)
        .where(Meeting.id.in_(earlier), Meeting.ended_at.is_not(None))
        .order_by(Meeting.starts_at.desc())
        .limit(1)
        .scalar_subquery()
    )
    steps, more_steps = _bounded(
        sa.select(Contribution)
        .join(Segment, Contribution.segment_id == Segment.id)
        .where(
            Contribution.meeting_id == last,
            Contribution.is_private.is_(False),
            Contribution.removed_at.is_(None),
            Contribution.kind.in_([ContributionKind.decision, ContributionKind.note]),
            Segment.kind.in_([SegmentKind.next_steps, SegmentKind.debrief]),
        )
        .options(joinedload(Contribution.meeting).load_only(Meeting.title, Meeting.starts_at))
        .order_by(Contribution.created_at, Contribution.id)
    )
    return Continuity(actions, more_actions, steps, more_steps)
