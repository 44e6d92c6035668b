"""Lessons with some history: edits by two people, responses, a lesson revised from another."""

from datetime import timedelta

from app.lessons import writing
from app.lessons.models import Lesson
from app.lessons.starting import start_lesson
from app.timeutil import local_now
from tests.factories import make_cycle
from tests.lessons.helpers import make_lesson, make_task


def edit(actor, lesson: Lesson, field: str, text: str, response=None) -> writing.Saved:
    """Save `text` from the field's current revision, as an editor that saw the latest."""
    record = response or lesson
    return writing.save_field(actor, lesson, field, text, record.field_revision(field), response)


def revised_lesson(world) -> tuple[Lesson, Lesson]:
    """(earlier, revised): the team's January lesson with a plan and three responses, then a
    March cycle on the same task that starts from it."""
    task = make_task(world.team)
    january = local_now().date() - timedelta(days=60)
    earlier = make_lesson(world.team, task, title="Sharing brownies, January", starts_on=january)
    edit(world.leader, earlier, "launch", "Read the task aloud. Ask what a fair share means.")
    edit(world.leader, earlier, "materials", "Paper brownies")
    for name in ("Halves then quarters", "Repeated halving", "Each gets one brownie"):
        writing.add_response(
            world.leader, earlier, {"name": name, "assessing_questions": "How did you cut it?"}
        )
    cycle = make_cycle(
        world.team, title="Sharing brownies, March", stage="design", shared_task_id=task.id
    )
    return earlier, start_lesson(world.teacher, cycle)
