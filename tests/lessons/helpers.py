"""A team's cycle in design on a shared task, with its lesson started."""

from app.extensions import db
from app.lessons.models import Lesson
from app.lessons.starting import start_lesson
from app.tasks.models import Demand, Task
from tests.factories import make_cycle


def make_task(team, title: str = "Sharing brownies") -> Task:
    task = Task(
        team_id=team.id,
        district_id=team.district_id,
        title=title,
        grade="4",
        statement="Share three brownies equally among four friends. How much does each get?",
        demand=Demand.doing_mathematics,
        demand_reason="Students choose their own way and explain it.",
    )
    db.session.add(task)
    db.session.commit()
    return task


def make_lesson(
    team, task: Task | None = None, title: str = "Sharing brownies, January", **cycle_fields
) -> Lesson:
    task = task or make_task(team)
    cycle = make_cycle(team, title=title, stage="design", shared_task_id=task.id, **cycle_fields)
    return start_lesson(None, cycle)
