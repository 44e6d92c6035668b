"""The run-view panel of "do the math" and "select the task" segments: the meeting's cycle's
selection board, live. The board holds nothing private, so the projector may show it."""

from app.cycles.models import Cycle
from app.extensions import db
from app.meetings.models import Meeting, Segment, SegmentKind
from app.meetings.panels import Panel, panel
from app.selection.queries import board


@panel(SegmentKind.do_the_math)
@panel(SegmentKind.select_task)
def selection_board(meeting: Meeting, segment: Segment) -> Panel:
    cycle = db.session.get(Cycle, meeting.cycle_id) if meeting.cycle_id else None
    if cycle is None:
        return Panel("selection/_run_panel.html", {"cycle": None, "board": None})
    return Panel("selection/_run_panel.html", {"cycle": cycle, "board": board(cycle)})
