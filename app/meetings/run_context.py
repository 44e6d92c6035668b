"""Everything the run view's fragments draw, loaded in a fixed number of statements.

A running meeting has three views: the member view (/run) on anyone's device, the presenter
console (/run/console) with the controls and the leader's private nudges, and the projector
display (/run/display), which draws only what the whole team may see.

The meeting, its agenda and the viewer's role come from one statement (access.meeting_to_run);
each fragment then loads only what it draws.
"""

from dataclasses import dataclass

import sqlalchemy as sa
from flask_login import current_user

from app.auth.models import User
from app.extensions import db
from app.forms import choices
from app.meetings import contributions
from app.meetings.access import RunAccess
from app.meetings.forms import ContributionForm
from app.meetings.models import Attendance, Contribution, Meeting, Segment
from app.meetings.panels import panels_for
from app.meetings.timer import LOW_TIME_SECONDS, countdown, format_clock
from app.teams.models import Membership, Role
from app.timeutil import utcnow

MEMBER, CONSOLE, DISPLAY = "member", "console", "display"
PAGE = ("contributions", "attendance", "form")
DISPLAY_PAGE = ("contributions", "attendance")
CARRIED_KINDS = ("decision", "action")


@dataclass(frozen=True)
class Member:
    """One person on the meeting's team as the run view draws them: no more than that."""

    user_id: int
    name: str
    role: Role
    here: bool


def members_of(meeting: Meeting) -> list[Member]:
    """The team's members, mentors first, with whether they are marked here: one statement."""
    rows = db.session.execute(
        sa.select(Membership.user_id, User.name, Membership.role, Attendance.present)
        .join(User, User.id == Membership.user_id)
        .outerjoin(
            Attendance,
            sa.and_(Attendance.meeting_id == meeting.id, Attendance.user_id == Membership.user_id),
        )
        .where(Membership.team_id == meeting.team_id)
    )
    members = [Member(user_id, name, role, bool(here)) for user_id, name, role, here in rows]
    return sorted(members, key=lambda m: (m.role != Role.mentor, m.name))


def contribution_form(
    meeting: Meeting, submitted: bool = False, members: list[Member] | None = None
) -> ContributionForm:
    form = ContributionForm() if submitted else ContributionForm(formdata=None)
    people = sorted(
        members_of(meeting) if members is None else members, key=lambda m: m.name.lower()
    )
    form.owner_id.choices = choices(
        [(None, "Choose the owner")] + [(m.user_id, m.name) for m in people]
    )
    return form


def up_next(meeting: Meeting, segment: Segment | None) -> Segment | None:
    """The segment after the current one (the first one before the start)."""
    if meeting.status == "planned":
        return meeting.segments[0] if meeting.segments else None
    if segment is None or segment.position + 1 >= len(meeting.segments):
        return None
    return meeting.segments[meeting.segments.index(segment) + 1]


def current_countdown(meeting: Meeting):
    segment = meeting.current_segment
    return countdown(meeting, segment, utcnow()) if segment else None


def grouped(meeting: Meeting, segment: Segment | None, shared: list[Contribution]) -> dict:
    """The running meeting's shared contributions as the run view and the display draw them:
    those added to the current segment, those decided and assigned earlier (carried into a
    next-steps segment) and the rest of the meeting."""
    current_id = segment.id if segment else None
    here = [c for c in shared if c.segment_id == current_id]
    earlier = [c for c in shared if c.segment_id != current_id]
    carried = []
    if segment and segment.kind.value == "next_steps":
        carried = [c for c in earlier if c.kind.value in CARRIED_KINDS]
    return {
        "here": here,
        "carried": carried,
        "earlier": [c for c in earlier if c not in carried],
    }


def _contributions(context: dict, meeting: Meeting, view: str) -> None:
    if view == DISPLAY:
        context["contributions"] = contributions.shared_of(meeting.id)
        context["private_notes"] = []
    else:
        rows = contributions.of_meeting(meeting, current_user)
        shared = [c for c in rows if not c.removed_at]
        context["contributions"] = [c for c in shared if not c.is_private]
        context["private_notes"] = [c for c in shared if c.is_private]
        context["undo_offers"] = [
            c
            for c in rows
            if c.removed_at and (c.author_id == current_user.id or context["can_present"])
        ]
        context["undo_seconds_left"] = contributions.undo_seconds_left
    context["groups"] = grouped(meeting, context["segment"], context["contributions"])


def run_context(access: RunAccess, *parts: str, view: str = MEMBER) -> dict:
    """The run view's data. `parts` adds what only some fragments draw ("contributions",
    "attendance", "form"): every screen re-fetches fragments on each event, so each loads
    only its own. The member and console pages take PAGE, the display DISPLAY_PAGE."""
    meeting = access.meeting
    segment = meeting.current_segment
    context = {
        "meeting": meeting,
        "team": meeting.team,
        "segment": segment,
        "countdown": current_countdown(meeting),
        "format_clock": format_clock,
        "low_seconds": LOW_TIME_SECONDS,
        "can_present": access.can_present,
        "panels_for": panels_for,
        "view": view,
        "up_next": up_next(meeting, segment) if view == CONSOLE else None,
    }
    if "contributions" in parts:
        _contributions(context, meeting, view)
    members = None
    if "attendance" in parts:
        context["members"] = members = members_of(meeting)
    if "form" in parts and view != DISPLAY:
        context["form"] = contribution_form(meeting, members=members)
    return context
