"""The lesson page, the content every save re-fetches on every screen, a field and its editor
run a fixed number of SQL statements however many responses and changes the lesson has."""

from app.lessons import writing
from app.lessons.queries import lesson_view
from tests.lessons.helpers import make_lesson
from tests.meetings.test_statement_counts import statements_per_page


def grow(world, lesson, n: int) -> None:
    """n more responses with questions, and n edits of the plan and of each new response."""
    for i in range(n):
        response = writing.add_response(
            world.leader,
            lesson,
            {"name": f"Strategy {i}", "assessing_questions": "How?\nWhy?"},
        )
        writing.save_field(
            world.teacher,
            lesson,
            "launch",
            f"Launch take {lesson.revision}",
            lesson.field_revision("launch"),
        )
        writing.save_field(
            world.mentor,
            lesson,
            "misconception",
            f"Thinks {i}",
            response.field_revision("misconception"),
            response,
        )


def test_lesson_pages_run_the_same_statements_with_one_or_twenty_responses_and_changes(
    client_as, team_world, count_statements
):
    lesson = make_lesson(team_world.team)
    grow(team_world, lesson, 1)
    first = lesson_view(lesson.cycle).responses[0]
    urls = [
        f"/cycles/{lesson.cycle_id}/lesson",
        f"/lessons/{lesson.id}/content",
        f"/lessons/{lesson.id}/presence",
        f"/lessons/{lesson.id}/fields/launch",
        f"/lessons/{lesson.id}/fields/launch/edit",
        f"/responses/{first.id}/fields/misconception",
        f"/responses/{first.id}/fields/assessing_questions/edit",
    ]
    client = client_as("teacher")
    with_one = statements_per_page(client, urls, count_statements)
    grow(team_world, lesson, 19)
    with_twenty = statements_per_page(client, urls, count_statements)
    assert with_twenty == with_one
    assert with_one[f"/lessons/{lesson.id}/content"] <= 8
