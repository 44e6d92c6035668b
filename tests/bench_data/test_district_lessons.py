"""The generated district's lessons: one per cycle with a shared task, 5 to 8 anticipated
responses in sequence (and those promoted at its debrief), and a history shaped like the one
the lessons' write path leaves."""

from collections import defaultdict
from datetime import datetime, time

import sqlalchemy as sa

from app.bench_data import seed_district
from app.cycles.models import Cycle
from app.enactments.models import Unanticipated
from app.extensions import db
from app.lessons.models import (
    PLAN_FIELDS,
    PLAN_MINUTES,
    AnticipatedResponse,
    ChangeKind,
    Lesson,
    LessonChange,
)
from app.lessons.writing import text_of
from app.teams.models import Membership
from app.timeutil import local_now

SCALE = 0.05


def _by_lesson(model) -> dict[int, list]:
    rows = defaultdict(list)
    for row in db.session.scalars(sa.select(model).order_by(model.id)):
        rows[row.lesson_id].append(row)
    return rows


def test_every_cycle_with_a_shared_task_has_a_lesson_with_anticipations_and_history(app):
    written = seed_district(scale=SCALE)
    decided = db.session.scalars(sa.select(Cycle).where(Cycle.shared_task_id.is_not(None))).all()
    lessons = {lesson.cycle_id: lesson for lesson in db.session.scalars(sa.select(Lesson))}
    assert decided and set(lessons) == {cycle.id for cycle in decided}
    assert written["lessons"] == len(lessons)
    responses, changes = _by_lesson(AnticipatedResponse), _by_lesson(LessonChange)
    members = defaultdict(set)
    for team_id, user_id in db.session.execute(sa.select(Membership.team_id, Membership.user_id)):
        members[team_id].add(user_id)
    now = datetime.combine(local_now().date(), time(0))
    # Added at a debrief from what nobody anticipated (test_district_enactments.py)
    promoted = set(db.session.scalars(sa.select(Unanticipated.promoted_to_id)))
    for cycle in decided:
        lesson = lessons[cycle.id]
        assert lesson.task_id == cycle.shared_task_id
        assert all(getattr(lesson, field) for field in (*PLAN_FIELDS, *PLAN_MINUTES))
        mine = [r for r in responses[lesson.id] if r.id not in promoted]
        assert 5 <= len(mine) <= 8
        assert all(len(r.assessing) >= 2 and len(r.advancing) >= 2 for r in mine)
        history = changes[lesson.id]
        assert 12 <= len(history) - (len(responses[lesson.id]) - len(mine)) <= 30
        assert [c.revision for c in history] == list(range(1, lesson.revision + 1))
        assert history[0].kind == ChangeKind.start
        stamps = [c.created_at for c in history]
        assert stamps == sorted(stamps) and cycle.vote_closed_at < stamps[0] and stamps[-1] < now
        assert {c.author_id for c in history} <= members[cycle.team_id]
        at = {c.revision: c for c in history}
        for field, revision in lesson.field_revisions.items():
            assert (at[revision].field, at[revision].value) == (field, text_of(lesson, field))
        for response in mine:
            added = at[response.field_revisions["name"]]
            assert (added.kind, added.response_id) == (ChangeKind.add, response.id)
            sharpened = at[response.field_revisions["assessing_questions"]]
            assert sharpened.response_id == response.id
            if sharpened.kind == ChangeKind.edit:
                assert sharpened.value == response.assessing_questions
            removals = [c for c in history if c.kind == ChangeKind.remove]
            assert (response.removed_at is not None) == (
                response.id in {c.response_id for c in removals}
            )
    assert sum(len(rows) for rows in changes.values()) == written["lesson_changes"]
    kinds = {c.kind for rows in changes.values() for c in rows}
    assert kinds == {ChangeKind.start, ChangeKind.edit, ChangeKind.add, ChangeKind.remove}


def test_a_task_taught_again_is_revised_from_the_teams_earlier_lesson(app):
    seed_district(scale=0.2)  # enough months per team for a task to come round again
    lessons = {lesson.id: lesson for lesson in db.session.scalars(sa.select(Lesson))}
    revised = [lesson for lesson in lessons.values() if lesson.revised_from_id]
    assert revised
    responses = _by_lesson(AnticipatedResponse)
    for lesson in revised:
        earlier = lessons[lesson.revised_from_id]
        assert earlier.task_id == lesson.task_id
        assert earlier.cycle.team_id == lesson.cycle.team_id
        assert earlier.cycle.starts_on < lesson.cycle.starts_on
        carried = {r.carried_from_id for r in responses[lesson.id]} - {None}
        assert carried and carried <= {r.id for r in responses[earlier.id]}
