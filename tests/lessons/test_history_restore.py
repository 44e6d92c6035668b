"""Restoring an earlier version of a field from the history: it asks first, lands as a new
change that can itself be restored from, and never overwrites words saved meanwhile."""

import sqlalchemy as sa

from app.extensions import db
from app.lessons import writing
from app.lessons.models import ChangeKind, LessonChange
from tests.lessons.helpers import make_lesson
from tests.lessons.history_helpers import edit


def _change_of(lesson, value: str, field: str = "launch") -> LessonChange:
    return db.session.scalars(
        sa.select(LessonChange)
        .where(
            LessonChange.lesson_id == lesson.id,
            LessonChange.field == field,
            LessonChange.value == value,
        )
        .order_by(LessonChange.id)
    ).first()


def _count(lesson) -> int:
    return db.session.scalar(
        sa.select(sa.func.count(LessonChange.id)).where(LessonChange.lesson_id == lesson.id)
    )


def _two_versions(world):
    lesson = make_lesson(world.team)
    edit(world.leader, lesson, "launch", "Read the task aloud.")
    edit(world.teacher, lesson, "launch", "Show a picture of brownies.")
    return lesson


def _restore(client, change, base=None, follow=False):
    data = {} if base is None else {"base": str(base)}
    answer = client.post(f"/lesson-changes/{change.id}/restore", data=data)
    return _followed(client, answer) if follow else answer


def _followed(client, answer):
    """The page a redirect leads to (IsolatedClient cannot follow redirects itself)."""
    assert answer.status_code == 302, answer.status_code
    return client.get(answer.headers["Location"])


def test_restoring_asks_first_and_shows_what_it_would_change(client_as, team_world):
    lesson = _two_versions(team_world)
    old = _change_of(lesson, "Read the task aloud.")
    client = client_as("teacher")
    history = client.get(f"/cycles/{lesson.cycle_id}/lesson/history").get_data(as_text=True)
    assert f'href="/lesson-changes/{old.id}/restore"' in history
    asked = client.get(f"/lesson-changes/{old.id}/restore")
    page = asked.get_data(as_text=True)
    assert asked.status_code == 200
    assert "Restore the version of" in page and "by Jordan Leader?" in page
    assert "Show a picture of brownies</del>" in page and "Read the task aloud</ins>" in page
    assert "Yes, restore this version" in page
    db.session.expire_all()
    assert lesson.launch == "Show a picture of brownies."


def test_a_post_without_the_confirmed_form_only_asks(client_as, team_world):
    lesson = _two_versions(team_world)
    count = _count(lesson)
    answer = _restore(client_as("teacher"), _change_of(lesson, "Read the task aloud."))
    assert answer.status_code == 200 and "Yes, restore this version" in answer.get_data(True)
    db.session.expire_all()
    assert lesson.launch == "Show a picture of brownies." and _count(lesson) == count


def test_restoring_lands_as_a_new_change_that_names_the_version(client_as, team_world):
    lesson = _two_versions(team_world)
    old = _change_of(lesson, "Read the task aloud.")
    client = client_as("mentor")
    answer = _restore(client, old, base=lesson.field_revision("launch"), follow=True)
    page = answer.get_data(as_text=True)
    assert "Restored the version of" in page and "The history keeps the words" in page
    db.session.expire_all()
    assert lesson.launch == "Read the task aloud."
    newest = db.session.scalars(
        sa.select(LessonChange).order_by(LessonChange.id.desc()).limit(1)
    ).one()
    assert (newest.kind, newest.author_id) == (ChangeKind.restore, team_world.mentor.id)
    first = page.split('<li class="card history-revision">')[1]
    assert (
        "Ana Mentor" in first and "Restored the version of" in first and "by Jordan Leader" in first
    )
    assert "Show a picture of brownies</del>" in first


def test_a_restore_can_itself_be_undone_and_restored_again(client_as, team_world):
    lesson = _two_versions(team_world)
    client = client_as("teacher")
    _restore(client, _change_of(lesson, "Read the task aloud."), lesson.field_revision("launch"))
    # Undo the restore: bring back the words it replaced.
    picture = _change_of(lesson, "Show a picture of brownies.")
    _restore(client, picture, lesson.field_revision("launch"))
    db.session.expire_all()
    assert lesson.launch == "Show a picture of brownies."
    # Restore the restore: it names the author of the words, not the one who restored them.
    restore = db.session.scalars(
        sa.select(LessonChange).where(LessonChange.kind == ChangeKind.restore)
    ).first()
    answer = _restore(client, restore, lesson.field_revision("launch"), follow=True)
    db.session.expire_all()
    assert lesson.launch == "Read the task aloud."
    first = answer.get_data(as_text=True).split('<li class="card history-revision">')[1]
    assert "by Jordan Leader" in first


def test_restoring_the_version_that_stands_says_so_and_changes_nothing(client_as, team_world):
    lesson = _two_versions(team_world)
    standing = _change_of(lesson, "Show a picture of brownies.")
    count = _count(lesson)
    client = client_as("teacher")
    asked = client.get(f"/lesson-changes/{standing.id}/restore").get_data(as_text=True)
    assert "already stands" in asked and "Yes, restore" not in asked
    answer = _restore(client, standing, lesson.field_revision("launch"), follow=True)
    assert "nothing changed" in answer.get_data(as_text=True)
    assert _count(lesson) == count


def test_a_retried_restore_changes_nothing_more(client_as, team_world):
    lesson = _two_versions(team_world)
    old = _change_of(lesson, "Read the task aloud.")
    asked_at = lesson.field_revision("launch")
    client = client_as("teacher")
    assert _restore(client, old, asked_at).status_code == 302
    count = _count(lesson)
    again = _restore(client, old, asked_at, follow=True)
    assert "nothing changed" in again.get_data(as_text=True)
    assert _count(lesson) == count


def test_words_saved_after_the_question_are_shown_before_anything_is_replaced(
    client_as, team_world
):
    lesson = _two_versions(team_world)
    old = _change_of(lesson, "Read the task aloud.")
    asked_at = lesson.field_revision("launch")
    edit(team_world.leader, lesson, "launch", "Start with a story.")
    answer = _restore(client_as("teacher"), old, asked_at)
    page = answer.get_data(as_text=True)
    assert answer.status_code == 409
    assert "Someone saved launch since" in page and "Start with a story</del>" in page
    db.session.expire_all()
    assert lesson.launch == "Start with a story."


def test_a_removed_responses_change_offers_to_bring_it_back_instead(client_as, team_world):
    lesson = make_lesson(team_world.team)
    response = writing.add_response(team_world.teacher, lesson, {"name": "Drawing"})
    edit(team_world.teacher, lesson, "description", "Draws four brownies.", response)
    edit(team_world.teacher, lesson, "description", "Draws three brownies.", response)
    writing.remove_response(team_world.leader, response)
    old = _change_of(lesson, "Draws four brownies.", field="description")
    client = client_as("teacher")
    history = client.get(f"/cycles/{lesson.cycle_id}/lesson/history").get_data(as_text=True)
    assert f'href="/lesson-changes/{old.id}/restore"' not in history
    assert f'action="/lesson-changes/{old.id}/bring-back"' in history
    refused = client.post(f"/lesson-changes/{old.id}/restore", data={"base": "0"})
    assert refused.status_code == 302
    db.session.expire_all()
    assert response.description == "Draws three brownies."
    back = _followed(client, client.post(f"/lesson-changes/{old.id}/bring-back"))
    assert "“Drawing” is back in the plan." in back.get_data(as_text=True)
    db.session.expire_all()
    assert response.removed_at is None
    restore_link = f'href="/lesson-changes/{old.id}/restore"'
    assert restore_link in client.get(f"/cycles/{lesson.cycle_id}/lesson/history").get_data(True)


def test_a_response_field_is_restored_on_that_response(client_as, team_world):
    lesson = make_lesson(team_world.team)
    response = writing.add_response(
        team_world.teacher, lesson, {"name": "Drawing", "correctness": "partial"}
    )
    edit(team_world.teacher, lesson, "correctness", "incorrect", response)
    old = _change_of(lesson, "partial", field="correctness")
    asked = client_as("leader").get(f"/lesson-changes/{old.id}/restore").get_data(as_text=True)
    assert "Incorrect</del>" in asked and "Partial</ins>" in asked
    _restore(client_as("leader"), old, response.field_revision("correctness"))
    db.session.expire_all()
    assert response.correctness.value == "partial"


def test_events_and_sketches_are_not_restored(client_as, team_world):
    lesson = make_lesson(team_world.team)
    response = writing.add_response(team_world.teacher, lesson, {"name": "Drawing"})
    added = db.session.scalars(
        sa.select(LessonChange).where(
            LessonChange.response_id == response.id, LessonChange.field == ""
        )
    ).one()
    answer = client_as("teacher").get(f"/lesson-changes/{added.id}/restore")
    assert answer.status_code == 302


def test_another_teams_change_is_not_found(client_as, team_world):
    lesson = _two_versions(team_world)
    old = _change_of(lesson, "Read the task aloud.")
    client = client_as("outsider")
    assert client.get(f"/lesson-changes/{old.id}/restore").status_code == 404
    assert _restore(client, old, lesson.field_revision("launch")).status_code == 404
    assert client.post(f"/lesson-changes/{old.id}/bring-back").status_code == 404
    db.session.expire_all()
    assert lesson.launch == "Show a picture of brownies."
