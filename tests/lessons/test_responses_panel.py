"""An "anticipate" segment shows its cycle's anticipated responses in the run view and on the
projector, live, with where to add one from a phone, and nothing private."""

from app.lessons import writing
from app.meetings.models import SegmentKind
from tests import factories
from tests.lessons.helpers import make_lesson
from tests.lessons.response_helpers import add
from tests.meetings.test_statement_counts import statements_per_page


def _anticipating(team_world, lesson):
    return factories.make_meeting(
        team_world.team,
        cycle_id=lesson.cycle_id,
        segments=[{"title": "Anticipate", "kind": SegmentKind.anticipate}],
        running=True,
    )


def _panels(meeting) -> list[str]:
    return [
        f"/meetings/{meeting.id}/run/display/panel",
        f"/meetings/{meeting.id}/run/panel",
        f"/meetings/{meeting.id}/run/display",
    ]


def test_the_panel_shows_the_responses_in_sequence_with_their_questions(team_world, client_as):
    lesson = make_lesson(team_world.team)
    first, second, gone = add(
        lesson,
        team_world.teacher,
        "Halves, then halves again",
        "Adds the numerators",
        "Removed idea",
        assessing_questions="How did you cut them?\nAre the pieces equal?",
        advancing_questions="What is one piece worth?",
    )
    writing.save_field(team_world.teacher, lesson, "correctness", "incorrect", 0, second)
    writing.save_field(team_world.teacher, lesson, "misconception", "Fractions as pairs", 0, second)
    writing.save_field(team_world.teacher, lesson, "representation", "number_line", 0, second)
    writing.move(team_world.teacher, second, -1)
    writing.remove_response(team_world.teacher, gone)
    meeting = _anticipating(team_world, lesson)
    leader = client_as("leader")
    for url in _panels(meeting):
        page = leader.get(url).get_data(as_text=True)
        board = page.split('class="anticipation-list"')[1]
        assert board.index("Adds the numerators") < board.index("Halves, then halves again"), url
        assert "Number line · <strong>Incorrect</strong>" in board
        assert "Fractions as pairs" in board
        assert "<li>How did you cut them?</li><li>Are the pieces equal?</li>" in board
        assert "<li>What is one piece worth?</li>" in board
        assert "Removed idea" not in board
        assert team_world.teacher.name not in board  # no author on the projector
        lesson_url = f"http://localhost/cycles/{lesson.cycle_id}/lesson"
        assert f'Add yours from your own device: <a href="{lesson_url}">' in page
        assert f"/cycles/{lesson.cycle_id}/lesson/board" in page
        assert f"/cycles/{lesson.cycle_id}/events?after=" in page  # catches up from there
        assert 'hx-trigger="sse:lesson, sse:refresh"' in page


def test_a_response_added_from_a_phone_reaches_the_cached_projector_panel(team_world, client_as):
    lesson = make_lesson(team_world.team)
    meeting = _anticipating(team_world, lesson)
    leader = client_as("leader")
    url = f"/meetings/{meeting.id}/run/display/panel"
    assert "No anticipated response yet." in leader.get(url).get_data(as_text=True)
    client_as("teacher").post(f"/lessons/{lesson.id}/responses", data={"name": "From a phone"})
    assert "From a phone" in leader.get(url).get_data(as_text=True)
    board = leader.get(f"/cycles/{lesson.cycle_id}/lesson/board").get_data(as_text=True)
    assert "From a phone" in board and "<html" not in board


def test_the_panel_says_when_there_is_no_cycle_or_no_lesson_yet(team_world, client_as):
    leader = client_as("leader")
    without_cycle = factories.make_meeting(
        team_world.team,
        segments=[{"title": "Anticipate", "kind": SegmentKind.anticipate}],
        running=True,
    )
    page = leader.get(f"/meetings/{without_cycle.id}/run/display/panel").get_data(as_text=True)
    assert "belongs to no cycle" in page
    cycle = factories.make_cycle(team_world.team)
    no_lesson = factories.make_meeting(
        team_world.team,
        cycle_id=cycle.id,
        segments=[{"title": "Anticipate", "kind": SegmentKind.anticipate}],
        running=True,
    )
    page = leader.get(f"/meetings/{no_lesson.id}/run/display/panel").get_data(as_text=True)
    assert "The lesson has not started yet." in page


def test_the_panel_runs_the_same_statements_as_responses_grow(
    team_world, client_as, count_statements
):
    lesson = make_lesson(team_world.team)
    meeting = _anticipating(team_world, lesson)
    add(lesson, team_world.teacher, "First", assessing_questions="Why?")
    client = client_as("leader")
    urls = [*_panels(meeting)[:2], f"/cycles/{lesson.cycle_id}/lesson/board"]
    with_one = statements_per_page(client, urls, count_statements)
    add(lesson, team_world.teacher, *(f"Way {i}" for i in range(19)), assessing_questions="Why?")
    assert statements_per_page(client, urls, count_statements) == with_one


def test_the_lesson_page_and_a_redrawn_list_run_the_same_statements_as_responses_grow(
    team_world, client_as, count_statements
):
    lesson = make_lesson(team_world.team)
    [first] = add(lesson, team_world.teacher, "First")
    client = client_as("teacher")
    client.post(f"/responses/{first.id}/remove")
    add(lesson, team_world.teacher, "Second")
    page = f"/cycles/{lesson.cycle_id}/lesson"
    with_one = statements_per_page(client, [page], count_statements)
    with count_statements() as back_with_one:
        client.post(f"/responses/{first.id}/bring-back", headers={"HX-Request": "true"})
    removed = add(lesson, team_world.teacher, *(f"Gone {i}" for i in range(10)))
    for response in removed:
        writing.remove_response(team_world.teacher, response)
    add(lesson, team_world.teacher, *(f"Way {i}" for i in range(19)))
    assert statements_per_page(client, [page], count_statements) == with_one
    client.post(f"/responses/{first.id}/remove")
    with count_statements() as back_with_many:
        client.post(f"/responses/{first.id}/bring-back", headers={"HX-Request": "true"})
    assert back_with_many.count == back_with_one.count
