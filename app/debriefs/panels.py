"""The run-view panel of a "debrief" segment: the meeting's cycle's heat map and exit bars,
live. Reflections stay on the debrief page: the panel shows the comparison's charts only,
which hold nothing private, so the projector may show it."""

from app.cycles.models import Cycle
from app.debriefs import charts
from app.debriefs.queries import comparison
from app.extensions import db
from app.meetings.models import Meeting, Segment, SegmentKind
from app.meetings.panels import Panel, panel


def charts_of(cycle: Cycle) -> dict:
    found = comparison(cycle)
    return {
        "cycle": cycle,
        "comparison": found,
        # Narrow drawings: a panel is a column of the run view, and its type must still read.
        "heat_map": charts.heat_map(found, "panel-heat", width=560),
        "exit_bars": charts.exit_bars(found, "panel-exit", width=540),
    }


@panel(SegmentKind.debrief)
def debrief_comparison(meeting: Meeting, segment: Segment) -> Panel:
    cycle = db.session.get(Cycle, meeting.cycle_id) if meeting.cycle_id else None
    if cycle is None:
        return Panel("debriefs/_run_panel.html", {"cycle": None})
    return Panel("debriefs/_run_panel.html", charts_of(cycle))
