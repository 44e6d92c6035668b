"""A teacher records their lesson in real Chromium: the class, the monitoring chart, a
response nobody anticipated, the exit prompt, the task as enacted and a reflection, each part
saved on its own while what is typed in the others stays; screenshots on a laptop and a
phone."""

import pytest
from playwright.sync_api import Page, expect

from app.enactments import counting
from tests.browser.conftest import PHONE, screenshot, sign_in
from tests.browser.test_accessibility import AXE, describe
from tests.enactments.helpers import make_enactment, make_teaching_lesson, responses
from tests.factories import PASSWORD, add_member, make_world

pytestmark = pytest.mark.browser


def record_the_class(page: Page) -> None:
    page.get_by_role("link", name="Each teacher's lesson and its record").click()
    expect(page.get_by_role("heading", name="Enactments", level=1)).to_be_visible()
    expect(page.get_by_text("Not recorded yet.")).to_have_count(3)
    page.get_by_role("link", name="Record my lesson").click()
    page.get_by_label("Class").fill("4B")
    page.get_by_label("Number of students").fill("٢٤")
    page.get_by_role("button", name="Record the lesson").click()
    expect(page.get_by_text("Write the number with the digits 0 to 9")).to_be_visible()
    screenshot(page, "enactment-new-refused")
    page.get_by_label("Number of students").fill("24")
    page.get_by_label("Minutes the lesson took").fill("55")
    page.get_by_role("button", name="Record the lesson").click()
    expect(page.get_by_role("heading", name="Priya Teacher's lesson with class 4B")).to_be_visible()


def fill_the_chart(page: Page) -> None:
    page.get_by_label("Students using Halves then quarters").fill("9")
    page.get_by_label("Codes or initials for Halves then quarters").fill("Maria, K7")
    page.get_by_label("Shared Halves then quarters").check()
    page.get_by_label("Place in the sharing order for Halves then quarters").fill("2")
    page.get_by_label("Students using Each brownie in fourths").fill("6")
    page.get_by_label("Shared Each brownie in fourths").check()
    page.get_by_label("Place in the sharing order for Each brownie in fourths").fill("1")
    # Typed in another part and not saved yet: a chart save must not lose it.
    page.get_by_label("What worked").fill("Pairs talked before anyone drew.")
    page.get_by_role("button", name="Save the chart").click()
    expect(page.get_by_text("“Maria” looks like a name")).to_be_visible()
    page.get_by_label("Codes or initials for Halves then quarters").fill("M.R., K7")
    page.get_by_role("button", name="Save the chart").click()
    expect(page.get_by_text("The monitoring chart is saved.")).to_be_visible()
    expect(page.get_by_label("Students using Halves then quarters")).to_have_value("9")
    expect(page.get_by_label("What worked")).to_have_value("Pairs talked before anyone drew.")


def add_what_nobody_anticipated(page: Page) -> None:
    page.get_by_label("What the students did").fill("Subtracted 3 from 4")
    page.get_by_label("More about it (optional)").fill("Said each friend gets one.")
    page.get_by_role("button", name="Add to the chart").click()
    expect(page.get_by_text("Added: it has its own row on the chart.")).to_be_visible()
    page.get_by_label("Students using Subtracted 3 from 4").fill("3")
    page.get_by_label("Codes or initials for Subtracted 3 from 4").fill("S12 S14 JMK")
    page.get_by_role("button", name="Save the chart").click()
    expect(page.get_by_text("The monitoring chart is saved.")).to_be_visible()


def exit_factors_and_reflection(page: Page) -> None:
    exit_prompt = page.locator("#record-exit")
    exit_prompt.get_by_label("Meets").fill("20")
    exit_prompt.get_by_label("Exceeds").fill("6")
    page.get_by_role("button", name="Save the levels").click()
    expect(page.get_by_text("These add up to 26, more than the 24 students")).to_be_visible()
    exit_prompt = page.locator("#record-exit")
    exit_prompt.get_by_label("Exceeds").fill("2")
    exit_prompt.get_by_label("Not yet").fill("1")
    page.get_by_role("button", name="Save the levels").click()
    expect(page.get_by_text("The exit prompt's levels are saved.")).to_be_visible()
    expect(page.get_by_text("1 of the 24 students is not accounted for.")).to_be_visible()

    page.get_by_label("Students were pressed to explain and justify").check()
    page.get_by_label("Connections between strategies were drawn").check()
    page.get_by_label("Too little or too much time").check()
    page.get_by_role("button", name="Save the task as enacted").click()
    expect(page.get_by_text("The task as enacted is saved.")).to_be_visible()

    page.get_by_label("What surprised me").fill("Nobody drew a number line.")
    page.get_by_label("What I would change").fill("Give five more minutes to explore.")
    page.get_by_label("Video link (optional)").fill("javascript:alert(1)")
    page.get_by_role("button", name="Save the reflection").click()
    expect(page.get_by_text("Paste a link that starts with https://")).to_be_visible()
    page.get_by_label("Video link (optional)").fill("https://video.example.org/4b")
    page.get_by_label("Moments to look at").fill("12:40 the share-out at table 3")
    page.get_by_role("button", name="Save the reflection").click()
    expect(page.get_by_text("Your reflection is saved.")).to_be_visible()


def no_axe_violations(page: Page) -> None:
    page.wait_for_load_state("networkidle")
    results = AXE.run(page).response
    assert results["passes"], "axe checked nothing"
    assert not results["violations"], describe(results["violations"])


def test_a_teacher_records_a_lesson_end_to_end(new_context, app):
    world = make_world()
    lesson = make_teaching_lesson(world.team, world.leader)
    page = new_context().new_page()
    sign_in(page, world.teacher.email, PASSWORD)
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    page.goto(f"/cycles/{lesson.cycle_id}")

    record_the_class(page)
    fill_the_chart(page)
    add_what_nobody_anticipated(page)
    exit_factors_and_reflection(page)

    page.reload()
    expect(page.get_by_label("Students using Subtracted 3 from 4")).to_have_value("3")
    expect(
        page.get_by_label("Place in the sharing order for Each brownie in fourths")
    ).to_have_value("1")
    expect(page.get_by_label("Too little or too much time")).to_be_checked()
    expect(page.get_by_label("What worked")).to_have_value("Pairs talked before anyone drew.")
    screenshot(page, "enactment-record")
    no_axe_violations(page)

    phone = new_context(PHONE).new_page()
    sign_in(phone, world.teacher.email, PASSWORD)
    expect(phone.get_by_role("navigation", name="Main")).to_be_visible()
    phone.goto(page.url)
    expect(phone.get_by_label("Students using Halves then quarters")).to_have_value("9")
    screenshot(phone, "enactment-record-phone")
    no_axe_violations(phone)
    phone.goto(f"/cycles/{lesson.cycle_id}/enactments")
    expect(phone.get_by_text("18 counted on the chart")).to_be_visible()
    screenshot(phone, "enactment-list-phone")
    no_axe_violations(phone)


def test_a_chart_saved_after_a_tap_shows_the_new_count_and_keeps_the_rest(new_context, app):
    world = make_world()
    lesson = make_teaching_lesson(world.team, world.leader)
    enactment = make_enactment(lesson.cycle, world.teacher)
    first = responses(lesson)[0]
    page = new_context(PHONE).new_page()
    sign_in(page, world.teacher.email, PASSWORD)
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    page.goto(f"/enactments/{enactment.id}")
    page.get_by_label("Students using Halves then quarters").fill("4")
    page.get_by_label("Codes or initials for Halves then quarters").fill("K7 S12")

    counting.tap(enactment, "t" * 20, 1, response_id=first.id)  # another device, meanwhile
    page.get_by_role("button", name="Save the chart").click()

    expect(page.get_by_text("Counts changed by tapping")).to_be_visible()
    expect(page.get_by_text("Halves then quarters: now 1 (it was 0; you typed 4)")).to_be_visible()
    expect(page.get_by_label("Students using Halves then quarters")).to_have_value("1")
    expect(page.get_by_label("Codes or initials for Halves then quarters")).to_have_value("K7 S12")
    screenshot(page, "enactment-chart-conflict-phone", full_page=False)
    page.get_by_label("Students using Halves then quarters").fill("5")
    page.get_by_role("button", name="Save the chart").click()
    expect(page.get_by_text("The monitoring chart is saved.")).to_be_visible()
    expect(page.get_by_label("Students using Halves then quarters")).to_have_value("5")


def test_a_colleague_reads_the_record_without_changing_it(new_context, app):
    world = make_world()
    lesson = make_teaching_lesson(world.team, world.leader)
    enactment = make_enactment(lesson.cycle, world.leader, "Room 12")
    colleague = add_member(world.team)
    page = new_context(PHONE).new_page()
    sign_in(page, colleague.email, PASSWORD)
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    page.goto(f"/enactments/{enactment.id}")
    expect(page.get_by_text("you see it as it was saved")).to_be_visible()
    expect(page.get_by_label("Students using Halves then quarters")).to_be_disabled()
    expect(page.get_by_role("button", name="Save the chart")).to_have_count(0)
    expect(page.get_by_role("button", name="Add to the chart")).to_have_count(0)
    no_axe_violations(page)
