"""The library and task pages run a fixed number of statements as the library grows to 2,000."""

import sqlalchemy as sa

from app.extensions import db
from app.tasks.models import Demand, Task, TaskStandard
from app.teams.models import GRADES
from app.timeutil import utcnow
from tests.meetings.test_statement_counts import statements_per_page
from tests.tasks.factories import make_task

DEMANDS = list(Demand)


def grow(world, n: int) -> None:
    """n more tasks: shared ones of both teams and drafts of each, two standards apiece."""
    start = db.session.scalar(sa.select(sa.func.count(Task.id)))
    teams = [world.team, world.other_team]
    rows = [
        {
            "district_id": world.team.district_id,
            "team_id": teams[i % 2].id,
            "shared_at": None if i % 5 == 0 else utcnow(),
            "title": f"Grown task {start + i}",
            "grade": GRADES[i % len(GRADES)],
            "big_idea": "Fractions as numbers on the number line.",
            "statement": f"Where does {i}/12 sit between 0 and 1? Show how you know.",
            "source": "",
            "license": "",
            "demand": DEMANDS[i % 4].name,
            "demand_reason": "Students choose the representation.",
            "created_by_id": (world.teacher if i % 2 == 0 else world.outsider).id,
            "created_at": utcnow(),
            "updated_at": utcnow(),
            "version": 1,
        }
        for i in range(n)
    ]
    db.session.execute(sa.insert(Task), rows)
    ids = db.session.scalars(sa.select(Task.id).order_by(Task.id).offset(start))
    standards = [
        {"task_id": task_id, "code": code, "position": p}
        for task_id in ids
        for p, code in enumerate(("4.NF.A.1", "4.NF.A.2"))
    ]
    db.session.execute(sa.insert(TaskStandard), standards)
    db.session.commit()


def test_library_and_task_pages_run_the_same_statements_with_20_or_2000_tasks(
    client_as, team_world, count_statements
):
    task = make_task(team_world.team, "Our draft", shared=False, author=team_world.teacher)
    grow(team_world, 20)
    client = client_as("teacher")
    urls = [
        "/tasks",
        "/tasks?page=2",
        "/tasks?q=number+line&grade=4",
        "/tasks?standard=4.NF.A.1&scope=drafts",
        f"/tasks/{task.id}",
        f"/tasks/{task.id}/edit",
        "/tasks/export.csv",
    ]
    statements_per_page(client, urls, count_statements)  # warm up
    with_twenty = statements_per_page(client, urls, count_statements)
    grow(team_world, 1980)
    with_2000 = statements_per_page(client, urls, count_statements)
    assert with_2000 == with_twenty
    page = client.get("/tasks").get_data(as_text=True)
    assert "1801 tasks" in page  # 1,600 shared, 200 drafts of our team and ours
