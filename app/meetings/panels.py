"""The panel a segment shows in the run view. Later features register panels for their kind
(the task board for select_task, the anticipation chart for anticipate, the debrief
comparison for debrief) with @panel(SegmentKind.x).

A panel is rendered once per change and served to every viewer of the same role (run_cache),
and on the projector to everyone: draw nothing per person or leader-private in one."""

from collections.abc import Callable
from dataclasses import dataclass, field

from app.meetings.continuity import continuity
from app.meetings.models import Meeting, Segment, SegmentKind


@dataclass(frozen=True)
class Panel:
    template: str
    context: dict = field(default_factory=dict)


PanelMaker = Callable[[Meeting, Segment], Panel | None]
_PANELS: dict[SegmentKind, PanelMaker] = {}


def panel(kind: SegmentKind):
    def register(maker: PanelMaker) -> PanelMaker:
        _PANELS[kind] = maker
        return maker

    return register


def panels_for(meeting: Meeting, segment: Segment | None) -> list[Panel]:
    if segment is None:
        return []
    found = []
    if segment.position == 0:
        found.append(Panel("meetings/panels/_continuity.html", {"open": continuity(meeting)}))
    maker = _PANELS.get(segment.kind)
    if maker and (made := maker(meeting, segment)):
        found.append(made)
    return found
