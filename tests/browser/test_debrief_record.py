"""The team writes its debrief record and promotes a response nobody anticipated in real
Chromium; the lesson page then lists it among the anticipated responses."""

import re

import pytest
from playwright.sync_api import Page, expect

from app.enactments import counting
from tests.browser.conftest import PHONE, screenshot, sign_in
from tests.browser.test_accessibility import AXE, describe
from tests.debriefs.record_helpers import make_debriefing, record_url
from tests.enactments.helpers import make_enactment
from tests.factories import PASSWORD, make_world

pytestmark = pytest.mark.browser


def no_axe_violations(page: Page) -> None:
    results = AXE.run(page).response
    assert results["passes"], "axe checked nothing"
    assert not results["violations"], describe(results["violations"])


def write_the_record(page: Page) -> None:
    page.get_by_label("What worked").fill("Pairs talked before anyone drew.")
    page.get_by_label("What we learned as teachers").fill("Pressing for why kept the demand.")
    # The browser stops at 4,000 characters (maxlength); the server's refusal is tested in
    # tests/debriefs/test_record.py.
    expect(page.get_by_label("Next steps")).to_have_attribute("maxlength", "4000")
    page.get_by_label("Next steps").fill("Number lines every week; press for why.")
    page.get_by_role("button", name="Save the debrief record").click()
    expect(page.get_by_text("The debrief record is saved.")).to_be_visible()
    expect(page.get_by_text("Your next cycle will start from these next steps.")).to_be_visible()
    expect(page.get_by_label("Next steps")).to_have_value("Number lines every week; press for why.")
    saved_by = re.compile(r"^Saved by Priya Teacher, \w{3} \w{3} \d+, \d{4} · ")
    expect(page.get_by_text(saved_by)).to_be_visible()


def test_the_team_writes_its_record_and_promotes_a_response(new_context, app):
    world = make_world()
    lesson, _, _ = make_debriefing(world, ("Subtracted 3 from 4", "Counted by ones"))
    page = new_context().new_page()
    sign_in(page, world.teacher.email, PASSWORD)
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    page.goto(record_url(lesson.cycle))

    write_the_record(page)
    expect(page.get_by_role("link", name="Open the next cycle")).to_have_count(0)

    row = page.locator("li", has_text="Subtracted 3 from 4")
    expect(row.get_by_text("Priya Teacher, class 4B · 2 students")).to_be_visible()
    row.get_by_label("Representation").select_option(label="Number line")
    page.get_by_role("button", name="Promote “Subtracted 3 from 4” to the anticipations").click()
    expect(row.get_by_text("Promoted to the anticipations.")).to_be_visible()
    screenshot(page, "debrief-record")
    no_axe_violations(page)

    page.goto(f"/cycles/{lesson.cycle_id}/lesson")
    responses = page.get_by_role("region", name="Anticipated responses")
    expect(responses.get_by_role("heading", name="Subtracted 3 from 4")).to_be_visible()
    expect(responses.get_by_role("heading", name="Counted by ones")).to_have_count(0)
    screenshot(page, "debrief-promoted-on-the-lesson")

    page.goto(record_url(lesson.cycle))
    page.get_by_role("button", name="Undo the promotion of “Subtracted 3 from 4”").click()
    expect(page.get_by_text("is no longer among the anticipated responses")).to_be_visible()
    page.goto(f"/cycles/{lesson.cycle_id}/lesson")
    expect(responses.get_by_role("heading", name="Subtracted 3 from 4")).to_have_count(0)


def test_a_planner_opens_the_next_cycle_from_the_record_on_a_phone(new_context, app):
    world = make_world()
    lesson, _, _ = make_debriefing(world)
    page = new_context(PHONE).new_page()
    sign_in(page, world.leader.email, PASSWORD)
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    page.goto(record_url(lesson.cycle))
    page.get_by_label("Next steps").fill("Number lines every week.")
    page.get_by_role("button", name="Save the debrief record").click()
    expect(page.get_by_role("button", name="Close the cycle")).to_be_visible()
    screenshot(page, "debrief-record-phone")
    page.get_by_role("link", name="Open the next cycle").click()
    expect(page.get_by_role("heading", name="Open a new cycle")).to_be_visible()
    expect(page.get_by_label("Goal")).to_have_value("Number lines every week.")


def test_similar_responses_from_two_rooms_are_promoted_as_one(new_context, app):
    world = make_world()
    lesson, _, _ = make_debriefing(world, ("Took one away", "Drew four brownies"))
    other_room = make_enactment(lesson.cycle, world.leader, "4L")
    counting.add_unanticipated(world.leader, other_room, "Subtracted the 3", "Wrote 4 - 3 = 1.")
    page = new_context().new_page()
    sign_in(page, world.mentor.email, PASSWORD)
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    page.goto(record_url(lesson.cycle))

    page.get_by_label("Choose “Took one away” from Priya Teacher, class 4B").check()
    page.get_by_role("button", name="Promote the ticked ones as one response").click()
    expect(page.get_by_text("Choose two or more responses to promote as one.")).to_be_visible()
    screenshot(page, "debrief-promote-together-refused")
    page.get_by_label("Choose “Took one away” from Priya Teacher, class 4B").check()
    page.get_by_label("Choose “Subtracted the 3” from Jordan Leader, class 4L").check()
    page.get_by_label("Representation of the combined response").select_option(label="Equation")
    page.get_by_role("button", name="Promote the ticked ones as one response").click()
    expect(
        page.get_by_text("Promoted as one anticipated response: “Took one away”.")
    ).to_be_visible()
    expect(page.get_by_text("Promoted to the anticipations.")).to_have_count(2)
    screenshot(page, "debrief-promoted-together")
    no_axe_violations(page)


def test_a_record_saved_meanwhile_by_a_teammate_is_not_overwritten(new_context, app):
    world = make_world()
    lesson, _, _ = make_debriefing(world)
    mine, theirs = new_context().new_page(), new_context().new_page()
    for page, person in ((mine, world.teacher), (theirs, world.leader)):
        sign_in(page, person.email, PASSWORD)
        expect(page.get_by_role("navigation", name="Main")).to_be_visible()
        page.goto(record_url(lesson.cycle))
    theirs.get_by_label("Next steps").fill("Theirs: fraction strips.")
    theirs.get_by_role("button", name="Save the debrief record").click()
    expect(theirs.get_by_text("The debrief record is saved.")).to_be_visible()

    mine.get_by_label("Next steps").fill("Mine: number lines.")
    mine.get_by_role("button", name="Save the debrief record").click()
    expect(mine.get_by_text("Someone else saved the debrief record")).to_be_visible()
    expect(mine.get_by_label("Next steps")).to_have_value("Mine: number lines.")
    screenshot(mine, "debrief-record-stale", full_page=False)
    mine.get_by_role("button", name="Save the debrief record").click()
    expect(mine.get_by_text("The debrief record is saved.")).to_be_visible()
    expect(mine.get_by_label("Next steps")).to_have_value("Mine: number lines.")
