"""The monitoring chart page: the anticipated responses in the planned discussion sequence,
blank rows for what nobody anticipated, for the cycle's team only."""

import re

from app.lessons import writing
from tests import factories
from tests.lessons.helpers import make_lesson
from tests.lessons.packet_helpers import add_responses
from tests.meetings.test_statement_counts import statements_per_page


def _row_names(html: str) -> list[str]:
    """Each row's name as the screen shows it (the printed one may be shortened)."""
    return re.findall(
        r'<span class="monitoring-name">(?:<span class="on-screen">)?([^<]+)</span>', html
    )


def _orders(html: str) -> list[str]:
    cells = re.findall(r'<td class="monitoring-order">(.*?)</td>', html, re.S)
    return [re.sub(r"<[^>]+>[^<]*</span>", "", cell).strip() for cell in cells]


def test_the_chart_lists_responses_to_share_in_sequence_then_the_others_then_blank_rows(
    client_as, team_world
):
    lesson = make_lesson(team_world.team)
    teacher = team_world.teacher
    first, second, aside, third = add_responses(teacher, lesson, 4, to_share=lambda i: i != 3)
    writing.reorder(teacher, lesson, [third.id, aside.id, second.id, first.id])

    page = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/lesson/monitoring")

    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert _row_names(html) == [
        "Response 04",
        "Response 02",
        "Response 01",
        "Response 03",
        *["Not anticipated"] * 4,
    ]
    assert _orders(html)[:4] == ["1", "2", "3", "–"]
    for header in ("Students (codes or initials)", "Order to share", "Notes"):
        assert f">{header}</th>" in html
    assert "Student names never go on this chart" in html


def test_each_row_shows_its_key_questions_and_the_full_ones_behind_a_details(client_as, team_world):
    lesson = make_lesson(team_world.team)
    add_responses(team_world.teacher, lesson, 1)

    html = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/lesson/monitoring").text

    key = html.split('<td class="monitoring-questions">')[1].split("<details")[0]
    assert re.search(r"Assess:</span> <span[^>]*>Assessing 01 first\?</span>", key)
    assert re.search(r"Advance:</span> <span[^>]*>Advancing 01 first\?</span>", key)
    assert "second?" not in key
    details = html.split('<details class="monitoring-details">')[1].split("</details>")[0]
    assert "Assessing 01 second?" in details and "Advancing 01 second?" in details
    assert "Area model" in html and "Partial" in html
    assert "<input" not in html.split("<table")[1] and "<textarea" not in html


def test_a_long_lesson_keeps_at_least_three_blank_rows(client_as, team_world):
    lesson = make_lesson(team_world.team)
    add_responses(team_world.teacher, lesson, 12)

    html = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/lesson/monitoring").text

    assert _row_names(html).count("Not anticipated") == 3
    assert len(_row_names(html)) == 15


def test_removed_responses_are_not_on_the_chart(client_as, team_world):
    lesson = make_lesson(team_world.team)
    kept, gone = add_responses(team_world.teacher, lesson, 2)
    writing.remove_response(team_world.teacher, gone)

    html = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/lesson/monitoring").text

    assert "Response 01" in html and "Response 02" not in html


def test_a_lesson_without_responses_still_gives_a_chart_to_fill_in(client_as, team_world):
    lesson = make_lesson(team_world.team)

    html = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/lesson/monitoring").text

    assert _row_names(html) == ["Not anticipated"] * 8


def test_a_cycle_without_a_lesson_says_so_and_links_to_the_lesson_page(client_as, team_world):
    cycle = factories.make_cycle(team_world.team)

    page = client_as("teacher").get(f"/cycles/{cycle.id}/lesson/monitoring")

    assert page.status_code == 200
    assert "No lesson yet" in page.text
    assert f'href="/cycles/{cycle.id}/lesson"' in page.text
    assert "<table" not in page.text


def test_another_teams_cycle_and_odd_ids_are_not_found(client_as, team_world):
    lesson = make_lesson(team_world.team)
    url = f"/cycles/{lesson.cycle_id}/lesson/monitoring"
    assert client_as("outsider").get(url).status_code == 404
    teacher = client_as("teacher")
    for odd in ("0", "999999", "-1", "1x"):
        assert teacher.get(f"/cycles/{odd}/lesson/monitoring").status_code == 404, odd


def test_signed_out_visitors_are_sent_to_sign_in(client, team_world):
    lesson = make_lesson(team_world.team)
    response = client.get(f"/cycles/{lesson.cycle_id}/lesson/monitoring")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_the_lesson_page_links_to_the_chart_and_the_packet(client_as, team_world):
    lesson = make_lesson(team_world.team)
    html = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/lesson").text
    assert f'href="/cycles/{lesson.cycle_id}/lesson/monitoring"' in html
    assert f'href="/cycles/{lesson.cycle_id}/lesson/packet.pdf"' in html


def test_the_chart_runs_the_same_statements_with_one_or_twenty_responses(
    client_as, team_world, count_statements
):
    lesson = make_lesson(team_world.team)
    add_responses(team_world.teacher, lesson, 1)
    client = client_as("teacher")
    urls = [f"/cycles/{lesson.cycle_id}/lesson/monitoring"]

    with_one = statements_per_page(client, urls, count_statements)
    add_responses(team_world.teacher, lesson, 19, start=2, to_share=lambda i: i % 4 != 0)
    with_twenty = statements_per_page(client, urls, count_statements)

    assert with_twenty == with_one
