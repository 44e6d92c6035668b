"""One-row aggregates of what a run-view fragment draws, joined into its access statement.

The fragment cache (run_cache) is keyed by the meeting's newest live event; these facts key it
too, so a change that published no event (a private note, a new team member) still makes a
new rendering, at the cost of a few index lookups in a statement the fragment runs anyway."""

import sqlalchemy as sa

from app.auth.models import User
from app.meetings.models import Attendance, Contribution, Meeting
from app.teams.models import Membership


def contributions(meeting_id: int, viewer: User | None) -> sa.Subquery:
    """Of the contributions `viewer` may see (None: the shared ones, as the display)."""
    visible = Contribution.is_private.is_(False)
    if viewer is not None:
        visible = sa.or_(visible, Contribution.author_id == viewer.id)
    return (
        sa.select(
            sa.func.count(Contribution.id),
            sa.func.count(Contribution.done_at),
            sa.func.count(Contribution.removed_at),
            sa.func.max(Contribution.id),
            sa.func.max(Contribution.done_at),
            sa.func.max(Contribution.removed_at),
        )
        .where(Contribution.meeting_id == meeting_id, visible)
        .subquery("contribution_facts")
    )


def attendance(meeting_id: int) -> sa.Subquery:
    """Of the team's members and who is marked here."""
    team = sa.select(Meeting.team_id).where(Meeting.id == meeting_id).scalar_subquery()
    here = sa.and_(Attendance.meeting_id == meeting_id, Attendance.present.is_(True))
    return (
        sa.select(
            sa.func.count(Membership.id),
            sa.func.sum(Membership.user_id),
            sa.func.count(Attendance.id),
            sa.func.sum(Attendance.user_id),
        )
        .select_from(Membership)
        .outerjoin(Attendance, sa.and_(here, Attendance.user_id == Membership.user_id))
        .where(Membership.team_id == team)
        .subquery("attendance_facts")
    )
