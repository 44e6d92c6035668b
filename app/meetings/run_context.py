"""Everything the run view's fragments draw, loaded in a fixed number of statements.

A running meeting has three views: the member view (/run) on anyone's device, the presenter
console (/run/console) with the controls and the leader's private nudges, and the projector
display (/run/display), which draws only what the whole team may see.
"""

from flask_login import current_user

from app.meetings import attendance, contributions
from app.meetings.access import can_present
from app.meetings.forms import ContributionForm, member_choices
from app.meetings.models import Meeting, Segment
from app.meetings.panels import panels_for
from app.meetings.queries import load_meeting
from app.meetings.timer import LOW_TIME_SECONDS, countdown, format_clock
from app.teams.models import Role
from app.timeutil import utcnow

MEMBER, CONSOLE, DISPLAY = "member", "console", "display"
PAGE = ("contributions", "attendance", "form")
DISPLAY_PAGE = ("contributions", "attendance")


def contribution_form(meeting: Meeting, submitted: bool = False) -> ContributionForm:
    form = ContributionForm() if submitted else ContributionForm(formdata=None)
    form.owner_id.choices = member_choices(meeting, "Choose the owner")
    return form


def up_next(meeting: Meeting, segment: Segment | None) -> Segment | None:
    """The segment after the current one (the first one before the start)."""
    if meeting.status == "planned":
        return meeting.segments[0] if meeting.segments else None
    if segment is None or segment.position + 1 >= len(meeting.segments):
        return None
    return meeting.segments[meeting.segments.index(segment) + 1]


def run_context(meeting_id: int, *parts: str, view: str = MEMBER) -> dict:
    """The run view's data. `parts` adds what only some fragments draw ("contributions",
    "attendance", "form"): every screen re-fetches fragments on each event, so each loads
    only its own. The member and console pages take PAGE, the display DISPLAY_PAGE."""
    meeting = load_meeting(meeting_id)
    segment = meeting.current_segment
    context = {
        "meeting": meeting,
        "team": meeting.team,
        "segment": segment,
        "countdown": countdown(meeting, segment, utcnow()) if segment else None,
        "format_clock": format_clock,
        "low_seconds": LOW_TIME_SECONDS,
        "can_present": can_present(current_user, meeting),
        "panels_for": panels_for,
        "view": view,
        "up_next": up_next(meeting, segment) if view == CONSOLE else None,
    }
    if "contributions" in parts and view == DISPLAY:
        context["contributions"] = contributions.shared_of(meeting.id)
        context["private_notes"] = []
    elif "contributions" in parts:
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
    if "attendance" in parts:
        members = meeting.team.memberships
        context["members"] = sorted(members, key=lambda m: (m.role != Role.mentor, m.user.name))
        context["present"] = attendance.attendance_of(meeting)
    if "form" in parts and view != DISPLAY:
        context["form"] = contribution_form(meeting)
    return context
