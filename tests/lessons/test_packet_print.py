"""Printed, the monitoring chart is one landscape page: the chart page's print stylesheet and
the packet's last page alike, with twelve anticipated responses."""

from pathlib import Path

import pytest
from weasyprint import HTML

import app.pdf
from app.lessons import writing
from tests.lessons.helpers import make_lesson
from tests.lessons.packet_helpers import add_responses

STATIC = Path(__file__).resolve().parents[2] / "static"
# Realistic worst cases: a long name and long questions (the chart shows the first of each).
LONG_NAME = "Area models of two wholes drawn at different sizes, then compared piece by piece"
LONG_QUESTION = (
    "How do you know the two wholes in your drawing are the same size, and why does that "
    "matter when you compare the shaded parts?"
)


@pytest.fixture
def twelve(team_world):
    return twelve_long_responses(team_world)


def twelve_long_responses(team_world):
    """Twelve responses, two not to share, a third of them with a long name and questions."""
    lesson = make_lesson(team_world.team)
    responses = add_responses(team_world.teacher, lesson, 12, to_share=lambda i: i % 5 != 0)
    for response in responses[::3]:
        for field, text in (
            ("name", LONG_NAME),
            ("assessing_questions", LONG_QUESTION),
            ("advancing_questions", LONG_QUESTION),
        ):
            writing.save_field(
                team_world.teacher, lesson, field, text, response.field_revision(field), response
            )
    return lesson


def printed_pages(page_html: str):
    """The page as a browser prints it: its own stylesheets, print media."""
    local = page_html.replace('="/static/', f'="{STATIC.as_uri()}/')
    return HTML(string=local, base_url=STATIC.as_uri() + "/").render().pages


def is_landscape(page) -> bool:
    return page.width > page.height


def test_the_chart_page_prints_on_one_landscape_page_with_twelve_responses(client_as, twelve):
    page = client_as("teacher").get(f"/cycles/{twelve.cycle_id}/lesson/monitoring")
    assert page.text.count('class="monitoring-row') == 15

    pages = printed_pages(page.text)

    assert len(pages) == 1
    assert is_landscape(pages[0])


def test_a_short_chart_prints_on_one_landscape_page_too(client_as, team_world):
    lesson = make_lesson(team_world.team)
    add_responses(team_world.teacher, lesson, 3)
    page = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/lesson/monitoring")

    pages = printed_pages(page.text)

    assert len(pages) == 1 and is_landscape(pages[0])


def test_the_packets_monitoring_chart_is_its_one_landscape_last_page(
    client_as, twelve, monkeypatch
):
    documents = []
    render = app.pdf.render_template
    monkeypatch.setattr(
        app.pdf,
        "render_template",
        lambda *a, **k: documents.append(render(*a, **k)) or documents[-1],
    )
    response = client_as("teacher").get(f"/cycles/{twelve.cycle_id}/lesson/packet.pdf")
    assert response.status_code == 200

    pages = HTML(string=documents[-1], base_url=STATIC.as_uri() + "/").render().pages

    assert [is_landscape(page) for page in pages] == [False] * (len(pages) - 1) + [True]
