"""Co-editing a lesson: per-field saves, conflicts, history, restore, responses and order."""

import pytest
import sqlalchemy as sa

from app.extensions import db
from app.lessons import writing
from app.lessons.models import AnticipatedResponse, ChangeKind, LessonChange
from app.lessons.starting import earlier_lesson, start_lesson
from app.lessons.writing import FieldConflict
from tests.factories import make_cycle
from tests.lessons.helpers import make_lesson


def _changes(lesson) -> list[LessonChange]:
    return list(
        db.session.scalars(
            sa.select(LessonChange)
            .where(LessonChange.lesson_id == lesson.id)
            .order_by(LessonChange.id)
        )
    )


def test_saving_a_field_keeps_the_change_with_its_author(team_world):
    lesson = make_lesson(team_world.team)
    saved = writing.save_field(team_world.teacher, lesson, "learning_goal", "Fair shares", base=0)
    assert saved.changed and lesson.learning_goal == "Fair shares"
    assert lesson.field_revision("learning_goal") == saved.revision
    last = _changes(lesson)[-1]
    assert (last.field, last.value, last.author_id) == (
        "learning_goal",
        "Fair shares",
        team_world.teacher.id,
    )


def test_saves_of_different_fields_from_the_same_revision_both_stand(team_world):
    lesson = make_lesson(team_world.team)
    writing.save_field(team_world.teacher, lesson, "learning_goal", "Fair shares", base=0)
    writing.save_field(team_world.leader, lesson, "materials", "Paper brownies", base=0)
    assert (lesson.learning_goal, lesson.materials) == ("Fair shares", "Paper brownies")


def test_a_save_of_the_same_field_from_an_older_revision_is_a_conflict_and_changes_nothing(
    team_world,
):
    lesson = make_lesson(team_world.team)
    first = writing.save_field(team_world.leader, lesson, "launch", "Read the task aloud.", base=0)
    with pytest.raises(FieldConflict) as raised:
        writing.save_field(team_world.teacher, lesson, "launch", "Show a picture first.", base=0)
    assert raised.value.theirs == "Read the task aloud."
    assert raised.value.revision == first.revision
    assert raised.value.author.id == team_world.leader.id
    db.session.expire_all()
    assert lesson.launch == "Read the task aloud."
    kept = writing.save_field(
        team_world.teacher, lesson, "launch", "Show a picture first.", base=first.revision
    )
    assert kept.changed and lesson.launch == "Show a picture first."


def test_saving_the_value_that_already_stands_is_no_change(team_world):
    lesson = make_lesson(team_world.team)
    writing.save_field(team_world.teacher, lesson, "materials", "Paper", base=0)
    count = len(_changes(lesson))
    again = writing.save_field(team_world.teacher, lesson, "materials", "Paper", base=0)
    assert not again.changed and len(_changes(lesson)) == count


def test_minutes_are_saved_as_numbers_and_cleared_with_nothing(team_world):
    lesson = make_lesson(team_world.team)
    saved = writing.save_field(team_world.teacher, lesson, "explore_minutes", "25", base=0)
    assert lesson.explore_minutes == 25
    writing.save_field(team_world.teacher, lesson, "explore_minutes", "", base=saved.revision)
    assert lesson.explore_minutes is None


def test_restoring_an_earlier_value_is_a_new_change(team_world):
    lesson = make_lesson(team_world.team)
    first = writing.save_field(team_world.teacher, lesson, "exit_prompt", "How much?", base=0)
    writing.save_field(team_world.leader, lesson, "exit_prompt", "Draw it.", base=first.revision)
    old = next(c for c in _changes(lesson) if c.value == "How much?")
    writing.restore(team_world.teacher, old)
    assert lesson.exit_prompt == "How much?"
    assert _changes(lesson)[-1].kind == ChangeKind.restore


def test_responses_are_added_in_sequence_reordered_and_moved(team_world):
    lesson = make_lesson(team_world.team)
    a = writing.add_response(
        team_world.teacher, lesson, {"name": "Halves", "correctness": "correct"}
    )
    b = writing.add_response(
        team_world.teacher, lesson, {"name": "Drawing", "representation": "area_model"}
    )
    c = writing.add_response(
        team_world.leader, lesson, {"name": "Division", "correctness": "partial"}
    )
    assert [a.position, b.position, c.position] == [1, 2, 3]
    writing.reorder(team_world.teacher, lesson, [c.id, a.id])
    db.session.expire_all()
    assert [r.name for r in _order(lesson)] == ["Division", "Halves", "Drawing"]
    writing.move(team_world.teacher, b, -1)
    db.session.expire_all()
    assert [r.name for r in _order(lesson)] == ["Division", "Drawing", "Halves"]


def test_a_removed_response_can_be_brought_back(team_world):
    lesson = make_lesson(team_world.team)
    a = writing.add_response(team_world.teacher, lesson, {"name": "Halves"})
    writing.remove_response(team_world.teacher, a)
    assert a.removed_at is not None and _order(lesson) == []
    writing.bring_back(team_world.teacher, a)
    assert _order(lesson) == [a]


def test_a_response_field_conflicts_like_a_plan_field(team_world):
    lesson = make_lesson(team_world.team)
    a = writing.add_response(
        team_world.teacher, lesson, {"name": "Halves", "assessing_questions": "Why halves?"}
    )
    base = a.field_revision("assessing_questions")
    writing.save_field(team_world.leader, lesson, "assessing_questions", "Why?\nHow?", base, a)
    with pytest.raises(FieldConflict):
        writing.save_field(
            team_world.teacher, lesson, "assessing_questions", "Why halves first?", base, a
        )
    assert a.assessing == ["Why?", "How?"]


def test_a_new_cycle_on_a_task_taught_before_starts_from_that_lesson(team_world):
    first = make_lesson(team_world.team)
    writing.save_field(team_world.teacher, first, "learning_goal", "Fair shares", base=0)
    writing.add_response(
        team_world.teacher, first, {"name": "Halves", "advancing_questions": "And 5 friends?"}
    )
    gone = writing.add_response(team_world.teacher, first, {"name": "Removed one"})
    writing.remove_response(team_world.teacher, gone)
    again = make_cycle(
        team_world.team, title="Brownies again", stage="design", shared_task_id=first.task_id
    )
    assert earlier_lesson(again).id == first.id
    second = start_lesson(team_world.leader, again)
    assert second.revised_from_id == first.id
    assert second.learning_goal == "Fair shares"
    [carried] = _order(second)
    assert (carried.name, carried.advancing, carried.carried_from_id) == (
        "Halves",
        ["And 5 friends?"],
        _order(first)[0].id,
    )
    # Editing the carried plan starts from the revision the carry-over gave it.
    writing.save_field(
        team_world.leader,
        second,
        "learning_goal",
        "Fair shares of one whole",
        second.field_revision("learning_goal"),
    )
    assert start_lesson(team_world.leader, again).id == second.id


def test_another_teams_lesson_is_never_the_one_to_revise_from(team_world):
    from tests.factories import make_team

    other = make_team(name="Other team")
    theirs = make_lesson(other)
    ours = make_cycle(team_world.team, stage="design", shared_task_id=theirs.task_id)
    assert earlier_lesson(ours) is None


def _order(lesson) -> list[AnticipatedResponse]:
    return list(
        db.session.scalars(
            sa.select(AnticipatedResponse)
            .where(
                AnticipatedResponse.lesson_id == lesson.id, AnticipatedResponse.removed_at.is_(None)
            )
            .order_by(AnticipatedResponse.position)
        )
    )
