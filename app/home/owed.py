"""What I owe: the open action items assigned to a person, most urgent first."""

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from app.auth.models import User
from app.extensions import db
from app.meetings.models import Contribution, ContributionKind, Meeting
from app.paging import Page, paginate
from app.teams.access import member_team_ids

ON_DASHBOARD = 10
PER_PAGE = 25


@dataclass(frozen=True)
class Owed:
    first: list[Contribution]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.first)


def _open_actions(user: User) -> sa.Select:
    # Joined, not select-in: the same statements whether or not anything is owed.
    return (
        sa.select(Contribution)
        .where(
            Contribution.owner_id == user.id,
            Contribution.kind == ContributionKind.action,
            Contribution.done_at.is_(None),
            Contribution.removed_at.is_(None),
            # Only teams the person is still on: elsewhere they could not open them.
            Contribution.meeting_id.in_(
                sa.select(Meeting.id).where(
                    Meeting.team_id.in_(member_team_ids(user)), Meeting.deleted_at.is_(None)
                )
            ),
        )
        .options(joinedload(Contribution.meeting).joinedload(Meeting.team))
        .order_by(Contribution.due_on.is_(None), Contribution.due_on, Contribution.id)
    )


def owed_by(user: User) -> Owed:
    """The first few for the dashboard, and how many there are in all (one statement: the
    count is a window over the whole list, computed before the limit)."""
    rows = db.session.execute(
        _open_actions(user).add_columns(sa.func.count().over()).limit(ON_DASHBOARD)
    ).all()
    return Owed([action for action, _ in rows], rows[0][1] if rows else 0)


def owed_page(user: User, number: int) -> Page:
    return paginate(_open_actions(user), number, PER_PAGE)
