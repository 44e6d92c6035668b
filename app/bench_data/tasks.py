"""The district's task library: 2,000 tasks at scale 1, most shared, some teams' drafts.

Tasks are variations on the demo's original tasks (app/demo/tasks.py), so searches and
filters find realistic words, grades, standards and every level of cognitive demand.
"""

from datetime import datetime, time, timedelta

from app.bench_data.context import Generation, TaskPlan
from app.demo.tasks import LICENSE, TASKS
from app.tasks.models import Task, TaskStandard

FULL_TASKS = 2_000
DRAFT_SHARE = 0.1
GRADES = ["K", "1", "2", "3", "4", "5", "6", "7", "8"]
TWISTS = [
    "",
    "with a partner",
    "for the class garden",
    "at the school fair",
    "on the number line",
    "with pattern blocks",
    "revisited",
    "in the lunch line",
]


def task_count(gen: Generation) -> int:
    return max(40, round(FULL_TASKS * gen.size.teams / 100))


TASK_COLUMNS = (
    "id",
    "district_id",
    "team_id",
    "shared_at",
    "title",
    "grade",
    "big_idea",
    "statement",
    "source",
    "license",
    "demand",
    "demand_reason",
    "created_by_id",
    "created_at",
    "updated_at",
    "version",
)
STANDARD_COLUMNS = ("id", "task_id", "code", "position")


def seed_tasks(gen: Generation) -> None:
    rng = gen.random("tasks")
    start = datetime.combine(gen.today - timedelta(days=5 * 365), time(15, 0))
    task_ids, standard_ids = gen.ids.counter(Task), gen.ids.counter(TaskStandard)
    tasks, standards = [], []
    for n in range(task_count(gen)):
        spec = TASKS[n % len(TASKS)]
        team = rng.choice(gen.teams)
        member = rng.choice(team.member_ids)
        created = start + timedelta(minutes=rng.randrange(5 * 365 * 24 * 60))
        grade = spec.grade if rng.random() < 0.6 else rng.choice(GRADES)
        twist = rng.choice(TWISTS)
        task_id = next(task_ids)
        shared_at = None if rng.random() < DRAFT_SHARE else created
        title = f"{spec.title} {twist} #{n + 1}".replace("  ", " ")
        gen.tasks.append(TaskPlan(task_id, team.id, shared_at is not None, spec.demand))
        tasks.append(
            (task_id, gen.district_id, team.id, shared_at, title, grade, spec.big_idea)
            + (spec.statement, f"Team {team.id}", LICENSE, spec.demand, spec.reason, member)
            + (created, created, 1)
        )
        for position, code in enumerate(spec.standards):
            standards.append((next(standard_ids), task_id, code, position))
    gen.writer.write(Task, TASK_COLUMNS, tasks)
    gen.writer.write(TaskStandard, STANDARD_COLUMNS, standards)
