"""The run-view panel of "anticipate" segments: the meeting's cycle's anticipated responses in
their planned sequence, live. The team's anticipations hold nothing private, so the projector
may show them; no author's name is drawn."""

from app import live
from app.cycles.models import Cycle, live_channel
from app.extensions import db
from app.lessons.queries import lesson_view
from app.meetings.models import Meeting, Segment, SegmentKind
from app.meetings.panels import Panel, panel


@panel(SegmentKind.anticipate)
def anticipation_board(meeting: Meeting, segment: Segment) -> Panel:
    cycle = db.session.get(Cycle, meeting.cycle_id) if meeting.cycle_id else None
    if cycle is None:
        return Panel("lessons/_run_panel.html", {"cycle": None})
    # The stream starts from the event the board was drawn at: nothing between is missed.
    after = live.latest_id(live_channel(cycle.id))
    return Panel(
        "lessons/_run_panel.html", {"cycle": cycle, "view": lesson_view(cycle), "after": after}
    )
