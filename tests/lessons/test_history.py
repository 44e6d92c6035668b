"""The lesson's history page: changes newest first with their author and the words they
changed, grouped by the save they came in, filtered by field or response, a page at a time."""

import re

import sqlalchemy as sa

from app.extensions import db
from app.lessons import writing
from app.lessons.history import PER_PAGE
from app.lessons.models import AnticipatedResponse, ChangeKind, LessonChange
from tests.lessons.helpers import make_lesson
from tests.lessons.history_helpers import edit, revised_lesson


def _history(client, lesson, query: str = "", status: int = 200) -> str:
    response = client.get(f"/cycles/{lesson.cycle_id}/lesson/history{query}")
    assert response.status_code == status
    return response.get_data(as_text=True)


def _revisions(page: str) -> list[str]:
    return re.findall(r'<li class="card history-revision">(.*?)</ul>\s*</li>', page, re.S)


def test_the_history_shows_each_change_newest_first_with_its_author_and_word_diff(
    client_as, team_world
):
    lesson = make_lesson(team_world.team)
    edit(team_world.leader, lesson, "launch", "Read the task aloud.")
    edit(team_world.teacher, lesson, "launch", "Read the task aloud twice.")
    page = _history(client_as("teacher"), lesson)
    newest, older, start = _revisions(page)
    assert "Priya Teacher" in newest and "Jordan Leader" in older
    assert "<strong>Launch</strong>" in newest
    assert '<ins><span class="visually-hidden">added: </span> twice</ins>' in newest
    assert "<del>" not in newest
    assert '<ins><span class="visually-hidden">added: </span>Read the task aloud.</ins>' in older
    assert "Started the lesson" in start


def test_changes_saved_together_share_one_revision_in_the_domains_words(client_as, team_world):
    lesson = make_lesson(team_world.team)
    writing.add_response(
        team_world.teacher,
        lesson,
        {"name": "Halves then quarters", "assessing_questions": "Why four pieces?"},
    )
    client = client_as("teacher")
    added = _revisions(_history(client, lesson))[0]
    assert "Added “Halves then quarters”" in added
    assert "Assessing questions of “Halves then quarters”" in added
    assert "Why four pieces?" in added
    assert "Name of" not in added  # "Added “…”" says it
    response = db.session.scalars(sa.select(AnticipatedResponse)).one()
    own = _revisions(_history(client, lesson, f"?response={response.id}"))[0]
    assert "Name of “Halves then quarters”" in own


def test_a_reorder_lists_the_names_in_their_new_order(client_as, team_world):
    lesson = make_lesson(team_world.team)
    first = writing.add_response(team_world.teacher, lesson, {"name": "Drawing"})
    second = writing.add_response(team_world.teacher, lesson, {"name": "Number line"})
    writing.reorder(team_world.leader, lesson, [second.id, first.id])
    newest = _revisions(_history(client_as("teacher"), lesson))[0]
    assert "Reordered the sequence" in newest
    assert "1. “Number line”, 2. “Drawing”" in newest


def test_choices_read_as_their_labels_and_removal_offers_to_bring_back(client_as, team_world):
    lesson = make_lesson(team_world.team)
    response = writing.add_response(team_world.teacher, lesson, {"name": "Drawing"})
    edit(team_world.teacher, lesson, "representation", "number_line", response)
    writing.remove_response(team_world.leader, response)
    removed, representation = _revisions(_history(client_as("teacher"), lesson))[:2]
    assert "Removed “Drawing”" in removed and "Bring back the response" in removed
    assert "Representation of “Drawing”" in representation
    assert "Number line</ins>" in representation and "Drawing</del>" in representation


def test_a_sketch_change_reads_as_added_replaced_or_removed(client_as, team_world):
    lesson = make_lesson(team_world.team)
    response = writing.add_response(team_world.teacher, lesson, {"name": "Drawing"})
    for revision, value in ((50, "a1.png"), (51, "b2.png"), (52, "")):
        db.session.add(
            LessonChange(
                lesson_id=lesson.id,
                revision=revision,
                response_id=response.id,
                kind=ChangeKind.edit,
                field="sketch",
                value=value,
                author_id=team_world.teacher.id,
            )
        )
    db.session.commit()
    page = _history(client_as("teacher"), lesson)
    removed, replaced, added = _revisions(page)[:3]
    assert "Sketch removed from “Drawing”" in removed
    assert "Sketch replaced on “Drawing”" in replaced
    assert "Sketch added to “Drawing”" in added
    assert "a1.png" not in page and "Restore this version" not in page


def test_a_revised_lesson_starts_with_one_line_and_a_fields_history_lists_its_first_value(
    client_as, team_world
):
    _, lesson = revised_lesson(team_world)
    client = client_as("teacher")
    page = _history(client, lesson)
    assert "Started from the lesson of Sharing brownies, January" in page
    assert "Paper brownies" not in page  # carried values stand behind the start line
    assert "What changed since the earlier lesson" in page
    launch = _history(client, lesson, "?field=launch")
    assert "As the lesson started" in launch and "Ask what a fair share means." in launch
    assert "The lesson holds this version" in launch
    carried = _history(client, lesson, "?field=representation")
    assert "Drawing</ins>" in carried and "<del>" not in carried


def test_the_history_filters_by_field_and_by_response(client_as, team_world):
    lesson = make_lesson(team_world.team)
    edit(team_world.teacher, lesson, "launch", "Read the task aloud.")
    edit(team_world.teacher, lesson, "materials", "Paper brownies")
    drawing = writing.add_response(team_world.teacher, lesson, {"name": "Drawing"})
    writing.add_response(team_world.teacher, lesson, {"name": "Number line"})
    client = client_as("teacher")
    launch = _history(client, lesson, "?field=launch")
    assert "Read the task aloud." in launch and "Paper brownies" not in launch
    assert "Drawing" not in launch.split('id="history-response"')[1].split("</select>")[1]
    assert '<option value="launch" selected>' in launch
    only_drawing = _history(client, lesson, f"?response={drawing.id}")
    assert "Added “Drawing”" in only_drawing and "Added “Number line”" not in only_drawing
    assert "Read the task aloud." not in only_drawing
    assert "Show every change" in only_drawing


def test_an_unknown_field_is_told_next_to_the_field_and_the_whole_history_shows(
    client_as, team_world
):
    lesson = make_lesson(team_world.team)
    edit(team_world.teacher, lesson, "launch", "Read the task aloud.")
    page = _history(client_as("teacher"), lesson, "?field=password", status=422)
    assert 'id="history-field-error"' in page and 'aria-invalid="true"' in page
    assert "Read the task aloud." in page


def test_a_response_of_another_lesson_is_not_found(client_as, team_world):
    lesson = make_lesson(team_world.team)
    other = make_lesson(team_world.other_team, title="Their cycle")
    theirs = writing.add_response(team_world.outsider, other, {"name": "Secret"})
    _history(client_as("teacher"), lesson, f"?response={theirs.id}", status=404)
    _history(client_as("teacher"), lesson, "?response=x1", status=404)


def test_another_teams_history_is_not_found(client_as, team_world):
    lesson = make_lesson(team_world.team)
    assert client_as("outsider").get(f"/cycles/{lesson.cycle_id}/lesson/history").status_code == 404


def test_the_history_comes_a_page_at_a_time(client_as, team_world):
    lesson = make_lesson(team_world.team)
    for n in range(PER_PAGE + 3):
        edit(team_world.teacher, lesson, "launch", f"Version {n}")
    ids = db.session.scalars(
        sa.select(LessonChange.id).where(LessonChange.field == "launch").order_by(LessonChange.id)
    ).all()
    client = client_as("teacher")
    first = _history(client, lesson, "?field=launch")
    assert first.count('class="history-change"') == PER_PAGE
    assert f'id="change-{ids[-1]}"' in first and f'id="change-{ids[0]}"' not in first
    assert "Next page" in first and "field=launch" in first.split("Next page")[0][-200:]
    second = _history(client, lesson, "?field=launch&page=2")
    assert second.count('class="history-change"') == 3
    assert f'id="change-{ids[0]}"' in second and f'id="change-{ids[-1]}"' not in second


def test_a_cycle_without_a_lesson_sends_to_the_lesson_page(client_as, team_world):
    from tests.factories import make_cycle

    cycle = make_cycle(team_world.team, stage="design")
    response = client_as("teacher").get(f"/cycles/{cycle.id}/lesson/history")
    assert response.status_code == 302 and response.headers["Location"].endswith("/lesson")


def test_the_lesson_page_links_to_the_history(client_as, team_world):
    lesson = make_lesson(team_world.team)
    page = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/lesson").get_data(as_text=True)
    assert f'href="/cycles/{lesson.cycle_id}/lesson/history"' in page
    assert "what changed since" not in page.lower()
    assert db.session.scalar(sa.select(sa.func.count(AnticipatedResponse.id))) == 0
