"""The demo's task library: original tasks for grades 3 to 5 at every level of demand."""

from collections import Counter

import sqlalchemy as sa
from werkzeug.datastructures import MultiDict

from app.demo.tasks import TASKS
from app.extensions import db
from app.tasks.forms import TaskFieldsForm
from app.tasks.models import Demand, Task
from app.tasks.transfer import as_row
from tests.demo_snapshot import seed_demo


def test_the_demo_library_spreads_grades_3_to_5_over_every_level_with_reasons(app):
    seed_demo()
    tasks = db.session.scalars(sa.select(Task)).all()
    assert len(tasks) >= 12
    assert {t.grade for t in tasks} == {"3", "4", "5"}
    per_level = Counter(t.demand for t in tasks)
    assert set(per_level) == set(Demand) and min(per_level.values()) >= 3
    assert all(len(t.demand_reason) > 40 for t in tasks)
    assert len({t.title for t in tasks}) == len(tasks)
    assert sum(t.is_draft for t in tasks) == 1


def test_every_demo_task_passes_the_checks_a_person_would_meet():
    for spec in TASKS:
        task = Task(
            title=spec.title,
            grade=spec.grade,
            statement=spec.statement,
            demand=spec.demand,
            demand_reason=spec.reason,
            big_idea=spec.big_idea,
            source="",
            license="",
        )
        row = as_row(task, list(spec.standards))
        form = TaskFieldsForm(formdata=MultiDict(row))
        assert form.validate(), (spec.title, form.errors)


def test_seeding_twice_adds_no_second_library(app):
    seed_demo()
    assert seed_demo() is False
    assert db.session.scalar(sa.select(sa.func.count(Task.id))) == len(TASKS)
