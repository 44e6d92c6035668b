"""seed-district gives the generated district its task library."""

from collections import Counter

import sqlalchemy as sa

from app.auth.models import User
from app.bench_data import DISTRICT_PASSWORD, seed_district
from app.bench_data.context import Size
from app.bench_data.tasks import FULL_TASKS
from app.extensions import db
from app.tasks.models import Demand, Task, TaskStandard
from app.teams.models import Membership

SCALE = 0.05


def test_the_generated_district_has_a_library_in_proportion(app):
    written = seed_district(scale=SCALE)
    tasks = db.session.scalars(sa.select(Task)).all()
    expected = max(40, round(FULL_TASKS * Size.at(SCALE).teams / 100))
    assert len(tasks) == written["tasks"] == expected
    assert set(Counter(t.demand for t in tasks)) == set(Demand)
    drafts = sum(t.is_draft for t in tasks)
    assert 0 < drafts < len(tasks) / 4
    assert db.session.scalar(sa.select(sa.func.count(TaskStandard.id))) == written["task_standards"]


def test_a_generated_teacher_finds_the_shared_tasks(app):
    seed_district(scale=SCALE)
    member = db.session.scalar(sa.select(User).join(Membership).limit(1))
    client = app.test_client()
    client.post("/sign-in", data={"email": member.email, "password": DISTRICT_PASSWORD})
    page = client.get("/tasks?q=auditorium").get_data(as_text=True)
    assert "Auditorium Seats" in page and "Cube Towers" not in page
    shared = db.session.scalar(sa.select(sa.func.count(Task.id)).where(Task.shared_at.is_not(None)))
    assert f"{shared} tasks" in client.get("/tasks?scope=shared").get_data(as_text=True)
