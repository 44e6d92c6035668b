"""Two people on one enactment's record in real Chromium: the teacher fills in the lesson's facts
while a planner saves the reflection; her save goes through (another part is no conflict), and
a second save of the same part by the planner meets hers as a conflict, his text kept."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PHONE, screenshot, sign_in
from tests.enactments.helpers import fresh, make_enactment, make_teaching_lesson
from tests.factories import PASSWORD, make_world

pytestmark = pytest.mark.browser


def open_record(page: Page, who, enactment) -> None:
    sign_in(page, who.email, PASSWORD)
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    page.goto(f"/enactments/{enactment.id}")
    expect(page.get_by_role("heading", name="The lesson", exact=True)).to_be_visible()


def test_saving_one_part_while_a_teammate_saves_another_is_no_conflict(new_context):
    world = make_world()
    lesson = make_teaching_lesson(world.team, world.leader)
    enactment = make_enactment(lesson.cycle, world.teacher)
    teacher = new_context(PHONE).new_page()
    planner = new_context().new_page()
    open_record(teacher, world.teacher, enactment)
    open_record(planner, world.leader, enactment)

    teacher.get_by_label("Minutes the lesson took").fill("55")
    planner.get_by_label("What worked").fill("Pairs talked before anyone drew.")
    planner.get_by_role("button", name="Save the reflection").click()
    expect(planner.get_by_text("Your reflection is saved.")).to_be_visible()
    teacher.get_by_role("button", name="Save the lesson's facts").click()
    expect(teacher.get_by_text("The lesson's facts are saved.")).to_be_visible()
    expect(teacher.get_by_text("Someone else saved this record")).to_have_count(0)
    record = fresh(enactment)
    assert (record.minutes, record.what_worked) == (55, "Pairs talked before anyone drew.")

    # The same part, saved from a page drawn before her save: a conflict, his text kept.
    planner.get_by_label("Minutes the lesson took").fill("50")
    planner.get_by_role("button", name="Save the lesson's facts").click()
    expect(
        planner.get_by_text("Priya Teacher saved the lesson's facts while you were editing")
    ).to_be_visible()
    expect(planner.get_by_label("Minutes the lesson took")).to_have_value("50")
    assert fresh(enactment).minutes == 55
    screenshot(planner, "enactment-record-same-part-conflict", full_page=False)
    planner.get_by_role("button", name="Save the lesson's facts").click()
    expect(planner.get_by_text("The lesson's facts are saved.")).to_be_visible()
    assert fresh(enactment).minutes == 50
