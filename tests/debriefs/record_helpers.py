"""A cycle in its debrief stage with a lesson, one enactment and responses nobody anticipated."""

from app.cycles.models import CycleStage
from app.enactments import counting
from app.extensions import db
from tests.enactments.helpers import make_enactment, make_teaching_lesson


def make_debriefing(world, unanticipated=("Subtracted 3 from 4",)):
    """(lesson, enactment, [unanticipated]) of world.teacher's class in a debriefing cycle,
    each unanticipated response counted twice."""
    lesson = make_teaching_lesson(world.team, world.leader, ("Halves then quarters",))
    enactment = make_enactment(lesson.cycle, world.teacher)
    found = []
    for name in unanticipated:
        made = counting.add_unanticipated(world.teacher, enactment, name, f"About {name}")
        for n in range(2):
            counting.tap(enactment, f"{made.id}-{n}".ljust(20, "x"), 1, unanticipated_id=made.id)
        found.append(made)
    lesson.cycle.stage = CycleStage.debrief
    db.session.commit()
    return lesson, enactment, found


def record_url(cycle) -> str:
    return f"/cycles/{cycle.id}/debrief/record"
