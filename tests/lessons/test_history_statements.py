"""The history, restore and what-changed pages run a fixed number of statements however
long the history and however many responses the lesson has."""

import sqlalchemy as sa

from app.extensions import db
from app.lessons import writing
from app.lessons.models import ChangeKind, LessonChange
from tests.lessons.history_helpers import edit, revised_lesson
from tests.meetings.test_statement_counts import statements_per_page

FIELDS = ("launch", "explore", "materials", "big_ideas")


def _grow_history(world, lesson, response, more: int) -> None:
    """`more` changes by every member to plan and response fields, every fifth a restore (so
    restores, which name the version they restored, are on every page and every filter)."""
    people = [world.teacher, world.leader, world.mentor]
    revision = lesson.revision
    rows = []
    for n in range(more):
        revision += 1
        kind = ChangeKind.restore if n % 5 == 4 else ChangeKind.edit
        on_response = n % 3 == 0
        rows.append(
            LessonChange(
                lesson_id=lesson.id,
                revision=revision,
                response_id=response.id if on_response else None,
                field="description" if on_response else FIELDS[n % len(FIELDS)],
                value=f"Version {n % 7} of the words",
                kind=kind,
                author_id=people[n % 3].id,
            )
        )
    db.session.add_all(rows)
    db.session.execute(
        sa.update(type(lesson)).where(type(lesson).id == lesson.id).values(revision=revision)
    )
    db.session.commit()


def _urls(lesson, response, change) -> list[str]:
    history = f"/cycles/{lesson.cycle_id}/lesson/history"
    return [
        history,
        f"{history}?page=2",
        f"{history}?field=launch",
        f"{history}?response={response.id}",
        f"/lesson-changes/{change.id}/restore",
    ]


def test_the_history_runs_the_same_statements_with_10_or_300_more_changes(
    client_as, team_world, count_statements
):
    _, lesson = revised_lesson(team_world)
    response = writing.add_response(team_world.teacher, lesson, {"name": "Draw and label"})
    edit(team_world.teacher, lesson, "launch", "Start with a story.")
    change = db.session.scalars(
        sa.select(LessonChange)
        .where(LessonChange.lesson_id == lesson.id, LessonChange.field == "launch")
        .order_by(LessonChange.id)
    ).first()
    edit(team_world.leader, lesson, "launch", "Start with a picture.")
    writing.restore(team_world.mentor, change)
    _grow_history(team_world, lesson, response, 10)
    client = client_as("teacher")
    urls = _urls(lesson, response, change)
    count = sa.select(sa.func.count(LessonChange.id)).where(LessonChange.lesson_id == lesson.id)

    with_10 = statements_per_page(client, urls, count_statements)
    _grow_history(team_world, lesson, response, 290)
    with_300 = statements_per_page(client, urls, count_statements)
    assert db.session.scalar(count) > 300

    assert with_300 == with_10


def test_what_changed_runs_the_same_statements_with_3_or_30_responses(
    client_as, team_world, count_statements
):
    earlier, lesson = revised_lesson(team_world)
    client = client_as("teacher")
    urls = [f"/cycles/{lesson.cycle_id}/lesson/changes", f"/cycles/{lesson.cycle_id}/lesson"]
    edit(team_world.teacher, lesson, "launch", "Start with a story.")

    with_3 = statements_per_page(client, urls, count_statements)
    for n in range(27):
        response = writing.add_response(team_world.teacher, lesson, {"name": f"Way {n}"})
        writing.add_response(team_world.leader, earlier, {"name": f"Earlier way {n}"})
        if n % 3 == 0:
            writing.remove_response(team_world.teacher, response)
    with_30 = statements_per_page(client, urls, count_statements)

    assert with_30 == with_3
