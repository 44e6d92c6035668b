"""A cycle in real Chromium: opened from the team page, a meeting planned in it, its stage
moved forward on the stepper; screenshots on a laptop and a phone."""

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from app.timeutil import local_now
from tests.browser.conftest import PHONE, screenshot, sign_in
from tests.factories import PASSWORD, make_world

pytestmark = pytest.mark.browser

TITLE = "Grade 4 — equivalent fractions, December"


def current_step(page: Page):
    return page.get_by_role("navigation", name="Stages of the cycle").locator(
        '[aria-current="step"]'
    )


def open_cycle(page: Page, team_name: str) -> None:
    page.get_by_role("link", name="Open a new cycle").click()
    expect(page.get_by_role("heading", name="Open a new cycle")).to_be_visible()
    today = local_now().date()
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Goal").fill("Students explain why two fractions name the same amount.")
    page.get_by_label("Big idea").fill("More, smaller parts of the same whole.")
    page.get_by_label("Standards").fill("4.NF.A.1, 4.NF")
    page.get_by_label("Starts on").fill(today.isoformat())
    page.get_by_label("Ends on").fill((today - timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Open the cycle").click()
    expect(page.get_by_text("“4.NF” is not a standard code")).to_be_visible()
    expect(page.get_by_text("The cycle cannot end before it starts.")).to_be_visible()
    page.get_by_label("Standards").fill("4.NF.A.1, 4.nf.a.2")
    page.get_by_label("Ends on").fill((today + timedelta(days=28)).isoformat())
    page.get_by_role("button", name="Open the cycle").click()
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()


def test_a_leader_opens_a_cycle_plans_a_meeting_in_it_and_moves_it_on(new_context, app):
    world = make_world()
    page = new_context().new_page()
    sign_in(page, world.leader.email, PASSWORD)
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    page.goto(f"/teams/{world.team.id}")
    expect(page.get_by_text("No cycle is open")).to_be_visible()
    open_cycle(page, world.team.name)

    expect(current_step(page)).to_contain_text("Select")
    expect(page.get_by_text("4.NF.A.2")).to_be_visible()
    expect(page.get_by_text("No meeting belongs to this cycle yet.")).to_be_visible()

    cycle_id = page.url.rstrip("/").rsplit("/", 1)[1]
    page.get_by_role("link", name="Plan a meeting for this cycle").first.click()
    expect(page.get_by_label("Cycle", exact=True)).to_have_value(cycle_id)
    page.get_by_label("Title").fill("Do the math: equivalent-fraction candidates")
    page.get_by_label("Start time").fill("15:30")
    page.get_by_role("button", name="Plan meeting").click()
    expect(page.get_by_text("Part of the cycle")).to_be_visible()
    page.get_by_role("link", name=TITLE).click()
    expect(
        page.get_by_role("link", name="Do the math: equivalent-fraction candidates")
    ).to_be_visible()

    page.get_by_role("button", name="Move on to Design").click()
    expect(page.get_by_text("The cycle moved to Design")).to_be_visible()
    expect(current_step(page)).to_contain_text("Design")
    expect(page.get_by_role("heading", name="Stage: Design")).to_be_visible()
    screenshot(page, "cycle-laptop")

    page.get_by_role("link", name="Back to Select…").click()
    expect(page.get_by_role("heading", name="Move the cycle back to Select?")).to_be_visible()
    page.get_by_role("link", name="No, stay in Design").click()
    expect(current_step(page)).to_contain_text("Design")

    page.goto(f"/teams/{world.team.id}")
    expect(page.get_by_role("heading", name=f"Current cycle: {TITLE}")).to_be_visible()
    expect(page.get_by_text("1 meeting")).to_be_visible()
    screenshot(page, "cycle-team-page-laptop")

    teacher = new_context(viewport=PHONE).new_page()
    sign_in(teacher, world.teacher.email, PASSWORD)
    expect(teacher.get_by_role("navigation", name="Main")).to_be_visible()
    teacher.goto(f"/teams/{world.team.id}")
    expect(teacher.get_by_role("link", name="Open a new cycle")).to_have_count(0)
    screenshot(teacher, "cycle-team-page-phone")
    teacher.get_by_role("link", name=TITLE).click()
    expect(current_step(teacher)).to_contain_text("Design")
    expect(teacher.get_by_role("button", name="Move on to Teach")).to_have_count(0)
    screenshot(teacher, "cycle-phone")
