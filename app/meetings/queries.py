"""Reads of meetings shaped for pages, each a fixed number of statements."""

from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from app.auth.models import User
from app.extensions import db
from app.meetings.access import RESTORE_WINDOW
from app.meetings.models import Contribution, ContributionKind, Meeting, Segment, SegmentKind
from app.teams.access import member_team_ids
from app.teams.models import Membership, Team
from app.timeutil import local_now, utcnow


def with_agenda():
    return selectinload(Meeting.segments).selectinload(Segment.facilitator)


def load_meeting(meeting_id: int) -> Meeting:
    return db.session.scalar(
        sa.select(Meeting)
        .where(Meeting.id == meeting_id)
        .options(
            with_agenda(),
            selectinload(Meeting.team).selectinload(Team.memberships).joinedload(Membership.user),
        )
        .execution_options(populate_existing=True)
    )


def upcoming_for(user: User, limit: int = 6) -> list[Meeting]:
    """Running meetings and those starting from today on, in the user's teams."""
    today = local_now().replace(hour=0, minute=0, second=0, microsecond=0)
    return list(
        db.session.scalars(
            sa.select(Meeting)
            .where(
                Meeting.team_id.in_(member_team_ids(user)),
                Meeting.ended_at.is_(None),
                Meeting.deleted_at.is_(None),
                sa.or_(Meeting.starts_at >= today, Meeting.started_at.is_not(None)),
            )
            .options(selectinload(Meeting.team))
            .order_by(Meeting.starts_at)
            .limit(limit)
        )
    )


def recently_deleted(team_id: int) -> list[Meeting]:
    """The team's meetings deleted within the restore window, newest first."""
    return list(
        db.session.scalars(
            sa.select(Meeting)
            .where(
                Meeting.team_id == team_id,
                Meeting.deleted_at >= utcnow() - RESTORE_WINDOW,
            )
            .options(selectinload(Meeting.deleted_by))
            .order_by(Meeting.deleted_at.desc())
        )
    )


@dataclass
class Continuity:
    """What the team left open: unfinished action items and the last meeting's next steps."""

    open_actions: list[Contribution] = field(default_factory=list)
    last_meeting: Meeting | None = None
    next_steps: list[Contribution] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.open_actions and not self.next_steps


def continuity(meeting: Meeting) -> Continuity:
    earlier = sa.select(Meeting.id).where(
        Meeting.team_id == meeting.team_id,
        Meeting.id != meeting.id,
        Meeting.starts_at <= meeting.starts_at,
        Meeting.deleted_at.is_(None),
    )
    open_actions = db.session.scalars(
        sa.select(Contribution)
        .where(
            Contribution.meeting_id.in_(earlier),
            Contribution.kind == ContributionKind.action,
            Contribution.done_at.is_(None),
            Contribution.removed_at.is_(None),
        )
        .options(selectinload(Contribution.owner))
        .order_by(Contribution.due_on.is_(None), Contribution.due_on)
    ).all()
    last = db.session.scalar(
        sa.select(Meeting)
        .where(Meeting.id.in_(earlier), Meeting.ended_at.is_not(None))
        .order_by(Meeting.starts_at.desc())
        .limit(1)
    )
    next_steps = []
    if last is not None:
        next_steps = db.session.scalars(
            sa.select(Contribution)
            .join(Segment, Contribution.segment_id == Segment.id)
            .where(
                Contribution.meeting_id == last.id,
                Contribution.is_private.is_(False),
                Contribution.removed_at.is_(None),
                Contribution.kind.in_([ContributionKind.decision, ContributionKind.note]),
                Segment.kind.in_([SegmentKind.next_steps, SegmentKind.debrief]),
            )
            .order_by(Contribution.created_at)
        ).all()
    return Continuity(list(open_actions), last, list(next_steps))
