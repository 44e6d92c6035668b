"""The meeting room a team can trust, in real Chromium: attendance from before Start, Undo of
a removed note on every screen, and deleting a meeting that asks first and comes back."""

import re

import pytest
from playwright.sync_api import Page, expect

from app.demo.seed import DEMO_PASSWORD, TEAM_NAME
from tests.browser.conftest import screenshot, sign_in
from tests.browser.test_meetings import UPCOMING, add, notes_of
from tests.demo_snapshot import seed_demo

pytestmark = pytest.mark.browser


def open_run_view(page: Page, email: str) -> None:
    sign_in(page, email, DEMO_PASSWORD)
    page.get_by_role("link", name=UPCOMING, exact=True).click()
    page.get_by_role(
        "link", name=re.compile("Open the run view|Join the live meeting|Presenter console")
    ).click()
    expect(notes_of(page)).to_be_visible()


def start(page: Page) -> None:
    page.get_by_role("button", name="Start the meeting").click()
    expect(page.get_by_role("timer")).to_be_visible()


def test_teachers_who_open_the_run_view_before_start_are_present_in_the_minutes(new_context):
    seed_demo()
    teachers = [new_context().new_page() for _ in range(2)]
    for page, email in zip(teachers, ("teacher1@demo.test", "teacher2@demo.test"), strict=True):
        open_run_view(page, email)
        expect(page.get_by_text("Not started")).to_be_visible()
    leader = new_context().new_page()
    open_run_view(leader, "leader@demo.test")
    here = leader.get_by_role("region", name="Who is here")
    expect(here.get_by_role("button", name="Priya Natarajan is here")).to_be_visible()
    start(leader)
    expect(teachers[0].get_by_role("timer")).to_be_visible()

    leader.goto(re.sub(r"/run(/console)?$", "/minutes", leader.url))
    present = leader.get_by_role("paragraph").filter(has_text=re.compile("^Present:"))
    expect(present).to_contain_text("Priya Natarajan")
    expect(present).to_contain_text("Marcus Bell")
    expect(present).to_contain_text("Jordan Lee")
    screenshot(leader, "trust-minutes-attendance")


def test_remove_then_undo_restores_the_note_on_every_screen(new_context):
    seed_demo()
    leader = new_context().new_page()
    open_run_view(leader, "leader@demo.test")
    start(leader)
    teacher = new_context().new_page()
    open_run_view(teacher, "teacher1@demo.test")

    body = "Half the class drew a number line first"
    add(teacher, body)
    for page in (teacher, leader):
        expect(notes_of(page).get_by_text(body, exact=True)).to_be_visible()

    notes_of(teacher).get_by_role("button", name=re.compile(f"^Remove note: {body[:20]}")).click()
    for page in (teacher, leader):
        expect(notes_of(page).get_by_role("listitem").filter(has_text=body)).to_have_count(1)
        expect(notes_of(page).locator(".contribution").filter(has_text=body)).to_have_count(0)
    expect(notes_of(teacher).get_by_text("Removed.", exact=True)).to_be_visible()
    expect(notes_of(leader).get_by_text("A note was removed.")).to_be_visible()
    for page, name in ((teacher, "teacher"), (leader, "presenter")):
        notes_of(page).scroll_into_view_if_needed()
        screenshot(page, f"trust-removed-undo-{name}", full_page=False)

    notes_of(teacher).get_by_role("button", name=re.compile("^Undo removing note")).click()
    for page in (teacher, leader):
        expect(notes_of(page).locator(".contribution").filter(has_text=body)).to_be_visible()
        expect(notes_of(page).get_by_role("button", name=re.compile("^Undo"))).to_have_count(0)
    screenshot(leader, "trust-undone-presenter", full_page=False)

    # Removed again and left alone: the offer closes by itself after about ten seconds.
    notes_of(leader).get_by_role("button", name=re.compile(f"^Remove note: {body[:20]}")).click()
    undo = notes_of(teacher).get_by_role("button", name=re.compile("^Undo"))
    expect(undo).to_be_visible()
    expect(undo).to_have_count(0, timeout=14_000)
    expect(notes_of(teacher).get_by_text(body, exact=True)).to_have_count(0)


def test_deleting_a_meeting_asks_first_and_a_planner_restores_it(new_context):
    seed_demo()
    page = new_context().new_page()
    sign_in(page, "leader@demo.test", DEMO_PASSWORD)
    page.get_by_role("link", name=UPCOMING, exact=True).click()
    page.get_by_role("link", name="Delete this meeting…").click()
    expect(page.get_by_role("heading", name=f"Delete “{UPCOMING}”?")).to_be_visible()
    screenshot(page, "trust-delete-confirmation")
    page.get_by_role("link", name="Keep it").click()
    expect(page.get_by_role("heading", name=UPCOMING, level=1)).to_be_visible()

    page.get_by_role("link", name="Delete this meeting…").click()
    page.get_by_role("button", name="Delete the meeting").click()
    expect(page.get_by_role("heading", name="Grade-level meetings")).to_be_visible()
    deleted = page.get_by_role("region", name="Recently deleted")
    expect(deleted).to_contain_text(UPCOMING)
    expect(page.get_by_role("region", name="Coming up")).not_to_contain_text(UPCOMING)
    screenshot(page, "trust-recently-deleted")

    deleted.get_by_role("button", name=f"Restore {UPCOMING}").click()
    expect(page.get_by_role("heading", name=UPCOMING, level=1)).to_be_visible()
    page.get_by_role("link", name=f"{TEAM_NAME} meetings").click()
    expect(page.get_by_role("region", name="Coming up")).to_contain_text(UPCOMING)


def test_a_planned_meeting_says_where_its_facilitators_came_from_and_can_be_practice(
    new_context,
):
    seed_demo()
    page = new_context().new_page()
    sign_in(page, "leader@demo.test", DEMO_PASSWORD)
    page.get_by_role("link", name=f"Meetings of {TEAM_NAME}").click()
    page.get_by_role("link", name="Plan a meeting").click()
    page.get_by_label("Start from").select_option("cross-classroom-debrief")
    page.get_by_label("Title").fill("Trial run of the debrief protocol")
    page.get_by_label("Start time").fill("15:30")
    page.get_by_role("button", name="Plan meeting").click()

    sources = page.get_by_role("note")
    expect(sources).to_contain_text("Who leads each segment: planned from the handoff so far")
    expect(sources).to_contain_text("As in the last session with the same kind of segment")
    screenshot(page, "trust-planning-sources")

    page.get_by_role("button", name="Mark as a practice session").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Practice session")
    expect(page.get_by_role("button", name="Count it in the handoff")).to_be_visible()
