"""What changed since the earlier lesson a revised lesson started from."""

import sqlalchemy as sa

from app.extensions import db
from app.lessons import writing
from app.lessons.models import AnticipatedResponse
from tests.lessons.helpers import make_lesson
from tests.lessons.history_helpers import edit, revised_lesson


def _responses(lesson) -> dict[str, AnticipatedResponse]:
    rows = db.session.scalars(
        sa.select(AnticipatedResponse).where(AnticipatedResponse.lesson_id == lesson.id)
    )
    return {r.name: r for r in rows}


def _changes(client, lesson) -> str:
    answer = client.get(f"/cycles/{lesson.cycle_id}/lesson/changes")
    assert answer.status_code == 200
    return answer.get_data(as_text=True)


def test_a_lesson_just_revised_has_nothing_changed_yet(client_as, team_world):
    _, lesson = revised_lesson(team_world)
    page = _changes(client_as("teacher"), lesson)
    assert "What changed since Sharing brownies, January" in page
    assert "Nothing yet" in page


def test_the_changes_show_plan_words_and_responses_added_taken_out_and_rewritten(
    client_as, team_world
):
    earlier, lesson = revised_lesson(team_world)
    carried = _responses(lesson)
    edit(team_world.teacher, lesson, "launch", "Read the task aloud. Ask who ate more.")
    edit(team_world.teacher, lesson, "explore_minutes", "25")
    edit(
        team_world.teacher,
        lesson,
        "assessing_questions",
        "How did you cut it? Are the pieces fair?",
        carried["Halves then quarters"],
    )
    writing.remove_response(team_world.teacher, carried["Each gets one brownie"])
    writing.add_response(team_world.teacher, lesson, {"name": "Draw and label"})
    writing.add_response(team_world.leader, earlier, {"name": "Promoted after the debrief"})
    page = _changes(client_as("teacher"), lesson)
    plan = page.split('id="plan-changes-heading"')[1].split("</section>")[0]
    assert "<dt>Launch</dt>" in plan and "what a fair share means</del>" in plan
    assert "who ate more</ins>" in plan
    assert "<dt>Explore minutes</dt>" in plan and "25</ins>" in plan
    assert "Materials" not in plan
    responses = page.split('id="response-changes-heading"')[1].split("</section>")[0]
    added = responses.split("<h3>Added since</h3>")[1].split("</ul>")[0]
    assert "Draw and label" in added
    removed = responses.split("<h3>Taken out since</h3>")[1].split("</ul>")[0]
    assert "Each gets one brownie" in removed
    assert "Promoted after the debrief" in removed and "only in the earlier lesson" in removed
    assert "“Halves then quarters” rewritten" in responses
    assert "<dt>Assessing questions</dt>" in responses and "Are the pieces fair?</ins>" in responses
    assert "Repeated halving" not in responses
    assert "The planned sequence" not in page  # only additions and removals


def test_a_new_order_shows_the_sequence_then_and_now(client_as, team_world):
    _, lesson = revised_lesson(team_world)
    carried = _responses(lesson)
    writing.move(team_world.teacher, carried["Each gets one brownie"], -2)
    page = _changes(client_as("teacher"), lesson)
    sequence = page.split('id="sequence-changes-heading"')[1]
    then, now = sequence.split("<h3>Now</h3>")
    assert then.index("Halves then quarters") < then.index("Each gets one brownie")
    assert now.index("Each gets one brownie") < now.index("Halves then quarters")


def test_the_lesson_page_says_where_it_started_from(client_as, team_world):
    _, lesson = revised_lesson(team_world)
    page = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/lesson").get_data(as_text=True)
    assert "Started from the lesson of Sharing brownies, January" in page
    assert page.count(f'href="/cycles/{lesson.cycle_id}/lesson/changes"') == 2


def test_a_lesson_not_revised_from_another_sends_to_its_page(client_as, team_world):
    lesson = make_lesson(team_world.team)
    answer = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/lesson/changes")
    assert answer.status_code == 302 and answer.headers["Location"].endswith("/lesson")


def test_another_teams_changes_are_not_found(client_as, team_world):
    _, lesson = revised_lesson(team_world)
    answer = client_as("outsider").get(f"/cycles/{lesson.cycle_id}/lesson/changes")
    assert answer.status_code == 404
