"""Reads of meetings shaped for pages, each a fixed number of statements."""

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from app.auth.models import User
from app.extensions import db
from app.meetings.access import RESTORE_WINDOW
from app.meetings.models import Meeting, Segment
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
