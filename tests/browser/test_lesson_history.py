"""A teacher opens the lesson's history, sees the words a colleague changed, restores an
earlier version after confirming, and the lesson shows the restored words; a revised lesson
shows what changed since the lesson it started from."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from app.lessons import writing
from tests.browser.conftest import PHONE, screenshot, sign_in
from tests.factories import PASSWORD, make_world
from tests.lessons.helpers import make_lesson
from tests.lessons.history_helpers import edit, revised_lesson

pytestmark = pytest.mark.browser


def assert_accessible(page: Page) -> None:
    from tests.browser.test_accessibility import describe

    violations = Axe().run(page).response["violations"]
    assert not violations, describe(violations)


def test_a_teacher_restores_an_earlier_version_from_the_history(new_context):
    world = make_world()
    lesson = make_lesson(world.team)
    edit(world.leader, lesson, "launch", "Read the task aloud. Ask what a fair share means.")
    edit(world.mentor, lesson, "launch", "Read the task aloud twice. Ask who gets more.")
    response = writing.add_response(
        world.teacher,
        lesson,
        {"name": "Halves then quarters", "assessing_questions": "Why did you cut it in half?"},
    )
    edit(
        world.leader, lesson, "assessing_questions", "Why two cuts?\nAre the pieces fair?", response
    )

    page = new_context().new_page()
    sign_in(page, world.teacher.email, PASSWORD)
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    page.goto(f"/cycles/{lesson.cycle_id}/lesson")
    page.get_by_role("link", name="History").click()
    expect(page.get_by_role("heading", name="History of the lesson", level=1)).to_be_visible()
    newest = page.locator(".history-revision").first
    expect(newest.get_by_role("heading", level=2)).to_contain_text("Jordan Leader")
    expect(newest).to_contain_text("Assessing questions of “Halves then quarters”")
    expect(newest.locator("ins").first).to_contain_text("two cuts")
    expect(newest.locator("del").first).to_contain_text("did you cut it in half")
    screenshot(page, "lesson-history")
    assert_accessible(page)

    page.get_by_label("Field").select_option(label="Launch")
    page.get_by_role("button", name="Show").click()
    expect(page.locator(".history-change")).to_have_count(2)
    mentor_version = page.locator(".history-change").first
    expect(mentor_version.locator("ins")).to_contain_text(["twice"])
    expect(mentor_version).to_contain_text("The lesson holds this version")

    page.get_by_role("link", name="Restore this version of Launch").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("by Jordan Leader?")
    expect(page.locator("del").first).to_contain_text("twice")
    screenshot(page, "lesson-history-restore", full_page=False)
    assert_accessible(page)
    page.get_by_role("button", name="Yes, restore this version").click()

    expect(page.get_by_role("status")).to_contain_text("Restored the version of")
    restored = page.locator(".history-revision").first
    expect(restored).to_contain_text("Priya Teacher")
    expect(restored).to_contain_text("Restored the version of")
    expect(restored).to_contain_text("by Jordan Leader")
    # The restore is a change like any other: the words it replaced can come back.
    expect(restored.get_by_role("link", name="Restore this version of Launch")).to_have_count(0)
    expect(page.get_by_role("link", name="Restore this version of Launch")).to_have_count(1)

    page.get_by_role("link", name="Lesson", exact=True).click()
    plan = page.locator("#plan")
    expect(plan).to_contain_text("Read the task aloud. Ask what a fair share means.")
    expect(plan).not_to_contain_text("twice")

    phone = new_context(viewport=PHONE).new_page()
    sign_in(phone, world.leader.email, PASSWORD)
    expect(phone.get_by_role("navigation", name="Main")).to_be_visible()
    phone.goto(f"/cycles/{lesson.cycle_id}/lesson/history")
    expect(phone.locator(".history-revision").first).to_contain_text("Restored the version of")
    screenshot(phone, "lesson-history-phone", full_page=False)


def test_a_revised_lesson_shows_what_changed_since_the_earlier_one(new_context):
    world = make_world()
    earlier, lesson = revised_lesson(world)
    edit(world.teacher, lesson, "launch", "Read the task aloud. Ask who ate more brownie.")
    edit(world.teacher, lesson, "launch_minutes", "10")
    writing.add_response(world.teacher, lesson, {"name": "Draws and labels each share"})
    writing.move(world.teacher, writing._responses(lesson)[2], -2)
    carried = writing._responses(lesson)
    edit(world.leader, lesson, "correctness", "partial", carried[1])
    writing.remove_response(world.leader, carried[2])

    page = new_context().new_page()
    sign_in(page, world.teacher.email, PASSWORD)
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    page.goto(f"/cycles/{lesson.cycle_id}/lesson")
    expect(page.get_by_text("Started from the lesson of Sharing brownies, January")).to_be_visible()
    screenshot(page, "lesson-revised-line", full_page=False)
    page.get_by_role("link", name="what changed since", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "What changed since Sharing brownies, January"
    )
    plan = page.get_by_role("region", name="The plan")
    expect(plan.locator("ins").first).to_contain_text("who ate more brownie")
    responses = page.get_by_role("region", name="Anticipated responses")
    expect(responses.get_by_role("heading", name="Added since")).to_be_visible()
    expect(responses).to_contain_text("Draws and labels each share")
    expect(responses.get_by_role("heading", name="Taken out since")).to_be_visible()
    expect(page.get_by_role("region", name="The planned sequence")).to_be_visible()
    screenshot(page, "lesson-changes-since")
    assert_accessible(page)
