"""One-row aggregates of what a run-view fragment draws, joined into its access statement.

The fragment cache (run_cache) is keyed by the meeting's newest live event; these facts key it
too, so a change that published no event (a private note, a new team member) still makes a
new rendering, at the cost of a few index lookups in a statement the fragment runs anyway."""

import sqlalchemy as sa

from app.meetings.models import Attendance, Contribution, Meeting
from app.teams.models import Membership

# Built once per kind with these parameters (access.run_check binds them).
MEETING_ID, USER_ID = sa.bindparam("meeting_id"), sa.bindparam("user_id")


def contributions(shared_only: bool) -> sa.Subquery:
    """Of the contributions the viewer may see (the shared ones only, as on the display)."""
    visible = Contribution.is_private.is_(False)
    if not shared_only:
        visible = sa.or_(visible, Contribution.author_id == USER_ID)
    return (
        sa.select(
            sa.func.count(Contribution.id),
            sa.func.count(Contribution.done_at),
            sa.func.count(Contribution.removed_at),
            sa.func.max(Contribution.id),
            sa.func.max(Contribution.done_at),
            sa.func.max(Contribution.removed_at),
        )
        .where(Contribution.meeting_id == MEETING_ID, visible)
        .subquery("contribution_facts")
    )


def attendance() -> sa.Subquery:
    """Of the team's members and who is marked here."""
    team = sa.select(Meeting.team_id).where(Meeting.id == MEETING_ID).scalar_subquery()
    here = sa.and_(Attendance.meeting_id == MEETING_ID, Attendance.present.is_(True))
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


KINDS = {
    "member notes": lambda: contributions(shared_only=False),
    "shared notes": lambda: contributions(shared_only=True),
    "attendance": attendance,
}
