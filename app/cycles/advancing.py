"""Moving a cycle one stage forward or back: select → design → teach → debrief → done."""

from app.cycles.models import Cycle, CycleStage
from app.cycles.planning import commit_change
from app.editing import check_version


class NotNextToIt(Exception):
    """Stages are taken one at a time."""


def move_to(cycle: Cycle, stage: CycleStage, posted_version: int | None) -> bool:
    """Move to the stage next to the current one; StaleEdit if the form showed another
    version (or none: a move is only ever made from what the mover saw). A cycle already in
    `stage` stays as it is (a second click, or two planners agreeing): False."""
    if stage == cycle.stage:
        return False
    check_version(cycle, -1 if posted_version is None else posted_version)
    if stage not in (cycle.stage.next, cycle.stage.previous):
        raise NotNextToIt()
    cycle.stage = stage
    commit_change(cycle)
    return True


def is_back(cycle: Cycle, stage: CycleStage) -> bool:
    return stage.step < cycle.stage.step
