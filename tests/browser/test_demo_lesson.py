"""A teacher of the demo team goes from the team page to the current cycle and on to the lesson
the team is designing: the plan and the anticipated responses in their discussion sequence."""

import pytest
from playwright.sync_api import expect

from app.cycles.queries import current_cycle
from app.demo.seed import DEMO_PASSWORD, demo_team
from app.lessons.queries import lesson_view
from tests.browser.conftest import screenshot, sign_in
from tests.demo_snapshot import seed_demo

pytestmark = pytest.mark.browser


def test_a_teacher_opens_the_lesson_her_team_is_designing(new_context):
    seed_demo()
    team, people = demo_team()
    cycle = current_cycle(team.id).cycle
    view = lesson_view(cycle)

    page = new_context().new_page()
    sign_in(page, people["teacher3"].email, DEMO_PASSWORD)
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    page.goto(f"/teams/{team.id}")
    page.get_by_role("link", name=cycle.title).first.click()
    expect(page.get_by_role("heading", name=cycle.title, level=1)).to_be_visible()
    page.get_by_role("link", name="The lesson and its anticipated responses").click()

    expect(page.get_by_role("heading", name=cycle.shared_task.title, level=1)).to_be_visible()
    expect(page.get_by_text(view.lesson.learning_goal).first).to_be_visible()
    names = [response.name for response in view.responses]
    assert len(names) >= 6
    shown = page.get_by_text(names[0]).first
    expect(shown).to_be_visible()
    page_text = page.locator("main").inner_text()
    at = [page_text.index(name) for name in names]
    assert at == sorted(at), "the responses appear in their discussion sequence"
    screenshot(page, "demo-lesson")
