"""The demo's current cycle designs its lesson: a full plan, anticipated responses a grade 4
team would write, a week of history by several people, revised from last year's lesson."""

from collections import Counter
from datetime import timedelta

import sqlalchemy as sa

from app.cycles.models import CycleStage
from app.cycles.queries import current_cycle
from app.demo.seed import DEMO_PASSWORD, PEOPLE, demo_team
from app.extensions import db
from app.lessons.models import (
    PLAN_FIELDS,
    PLAN_MINUTES,
    AnticipatedResponse,
    ChangeKind,
    Correctness,
    Lesson,
    LessonChange,
)
from app.lessons.queries import lesson_view
from app.lessons.starting import earlier_lesson
from app.timeutil import utcnow
from tests.demo_snapshot import seed_demo


def _current():
    seed_demo()
    team, _ = demo_team()
    cycle = current_cycle(team.id).cycle
    return cycle, lesson_view(cycle)


def _changes(lesson: Lesson) -> list[LessonChange]:
    return list(
        db.session.scalars(
            sa.select(LessonChange)
            .where(LessonChange.lesson_id == lesson.id)
            .order_by(LessonChange.revision, LessonChange.id)
        )
    )


def test_current_cycle_designs_a_fully_planned_lesson_on_its_shared_task(app):
    cycle, view = _current()
    assert cycle.stage == CycleStage.design and cycle.vote_closed
    lesson = view.lesson
    assert lesson.task_id == cycle.shared_task_id
    assert all(getattr(lesson, field).strip() for field in PLAN_FIELDS)
    assert all(getattr(lesson, field) for field in PLAN_MINUTES)
    assert lesson.planned_minutes == 8 + 20 + 15


def test_current_lesson_anticipates_six_or_more_responses_with_their_questions(app):
    _, view = _current()
    responses = view.responses
    assert len(responses) >= 6
    for response in responses:
        assert response.description and response.connection, response.name
        assert 2 <= len(response.assessing) <= 3, response.name
        assert 2 <= len(response.advancing) <= 3, response.name
        if response.correctness != Correctness.correct:
            assert response.misconception, response.name
    assert {r.correctness for r in responses} == set(Correctness)
    assert len({r.representation for r in responses}) >= 5
    not_shared = [r for r in responses if not r.to_share]
    assert 1 <= len(not_shared) <= 2
    # The sequence: shared responses first, the general rule last of them.
    assert view.shared == responses[: len(view.shared)]
    assert view.shared[-1].name.startswith("Multiplies top and bottom")
    assert [r.position for r in responses] == sorted(r.position for r in responses)


def test_current_lesson_is_revised_from_last_years_lesson_on_the_same_task(app):
    cycle, view = _current()
    lesson = view.lesson
    earlier = earlier_lesson(cycle)
    assert earlier is not None and lesson.revised_from_id == earlier.id
    assert earlier.task_id == lesson.task_id
    assert earlier.cycle.stage == CycleStage.done
    assert cycle.starts_on - earlier.cycle.starts_on >= timedelta(days=300)
    old = {
        r.id: r
        for r in db.session.scalars(
            sa.select(AnticipatedResponse).where(AnticipatedResponse.lesson_id == earlier.id)
        )
    }
    assert len(old) >= 6
    carried = [r for r in view.responses if r.carried_from_id in old]
    added = [r for r in view.responses if r.carried_from_id is None]
    assert len(carried) >= 5 and len(added) == 2
    assert [r.carried_from_id in old for r in view.removed] == [True]
    sharpened = [
        r for r in carried if r.assessing_questions != old[r.carried_from_id].assessing_questions
    ]
    assert len(sharpened) >= 2
    assert any(r.correctness != old[r.carried_from_id].correctness for r in carried)
    assert lesson.learning_goal != earlier.learning_goal and lesson.launch != earlier.launch


def test_lesson_history_is_a_week_of_several_people_with_a_co_edit_a_conflict_and_a_restore(app):
    cycle, view = _current()
    changes = _changes(view.lesson)
    assert view.lesson.revision == changes[-1].revision
    edits = [c for c in changes if c.revision > 1]
    assert len({c.author_id for c in edits}) == 5, "every member of the team wrote some of it"
    days = {c.created_at.date() for c in edits}
    assert len(days) >= 5
    stamps = [c.created_at for c in changes]
    assert stamps == sorted(stamps), "revisions follow the order they were made in"
    assert cycle.vote_closed_at <= stamps[0] and stamps[-1] < utcnow()
    kinds = Counter(c.kind for c in changes)
    assert {ChangeKind.start, ChangeKind.edit, ChangeKind.add, ChangeKind.remove} <= set(kinds)
    assert kinds[ChangeKind.reorder] == 2 and kinds[ChangeKind.restore] == 1
    # The co-edit: two people saved different fields at the same moment.
    by_moment = Counter(c.created_at for c in edits if c.kind == ChangeKind.edit)
    moment = next(when for when, count in by_moment.items() if count == 2)
    together = [c for c in edits if c.created_at == moment]
    assert len({c.author_id for c in together}) == 2 and len({c.field for c in together}) == 2
    # The conflict: a second save of the discussion from the same revision kept both texts.
    first, merged = [c for c in edits if c.field == "discuss"]
    assert first.author_id != merged.author_id and first.value in merged.value
    assert merged.created_at - first.created_at < timedelta(minutes=2)
    # The restore put back the exit prompt a later save had shortened.
    prompts = [c for c in edits if c.field == "exit_prompt"]
    assert prompts[-1].kind == ChangeKind.restore
    assert prompts[-1].value == prompts[-3].value != prompts[-2].value
    assert view.lesson.exit_prompt == prompts[-3].value


def test_last_years_lesson_has_its_own_history_by_the_team_of_then(app):
    cycle, _ = _current()
    earlier = earlier_lesson(cycle)
    changes = _changes(earlier)
    team, people = demo_team()
    then = {people[key].id for key in ("mentor", "leader", "teacher1")}
    assert {c.author_id for c in changes} == then
    assert all(c.created_at.date() < cycle.starts_on - timedelta(days=300) for c in changes)


def test_loading_the_demo_twice_writes_no_lesson_twice(app):
    seed_demo()
    counts = [
        db.session.scalar(sa.select(sa.func.count(m.id)))
        for m in (Lesson, AnticipatedResponse, LessonChange)
    ]
    assert seed_demo() is False
    again = [
        db.session.scalar(sa.select(sa.func.count(m.id)))
        for m in (Lesson, AnticipatedResponse, LessonChange)
    ]
    assert again == counts and counts[0] == 3  # last year's, cycle 3's and cycle 4's


def test_a_teacher_opens_the_demo_lesson_page(app, client):
    cycle, view = _current()
    teacher = next(person for person in PEOPLE if person.key == "teacher3")
    client.post("/sign-in", data={"email": teacher.email, "password": DEMO_PASSWORD})
    page = client.get(f"/cycles/{cycle.id}/lesson")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert all(response.name in text for response in view.responses)
