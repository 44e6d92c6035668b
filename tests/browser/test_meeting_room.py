"""Journey (a) of issue 7: a real room. The leader's laptop drives a projector display window
and a presenter console window; a teacher and the mentor follow on their phones."""

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from app.demo.meetings import UPCOMING_AGENDA
from app.demo.seed import DEMO_PASSWORD
from tests.browser.conftest import PHONE, publish_for_readme, screenshot, sign_in
from tests.browser.test_move_logging import ConsoleErrors
from tests.demo_snapshot import seed_demo

pytestmark = pytest.mark.browser

UPCOMING = "Cycle 3 debrief: Fraction Pairs across our classrooms"
TITLES = [segment.title for segment in UPCOMING_AGENDA]
FULL_HD = {"width": 1920, "height": 1080}
HD = {"width": 1280, "height": 720}
NUDGE = "PRIVATE NUDGE: ask Marcus how he knew 2/5 is close to 1/2."
NOTE = "Two classrooms saw the benchmark strategy first."
DECISION = "Everyone brings three work samples to the next debrief."
ACTION = "Copy the next candidate tasks for every classroom"


@pytest.fixture
def console_errors():
    watch = ConsoleErrors()
    yield watch
    assert watch.errors == [], "console errors:\n" + "\n".join(watch.errors)


def heading(page: Page, title: str) -> Locator:
    return page.get_by_role("heading", name=title, level=1)


def notes_of(page: Page) -> Locator:
    return page.get_by_role("region", name="Notes, questions and decisions")


def in_view(page: Page, locator: Locator) -> bool:
    box = locator.bounding_box()
    size = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= size["height"]


def snap(page: Page, name: str):
    """A viewport screenshot; then drop the empty style attributes Playwright leaves behind,
    which htmx's settling would otherwise copy into the page against the CSP."""
    path = screenshot(page, name, full_page=False)
    page.evaluate(
        "document.querySelectorAll('[style=\"\"]').forEach(e => e.removeAttribute('style'))"
    )
    return path


def add_note(phone: Page, body: str, kind: str = "Note") -> None:
    box = phone.get_by_label("What to add")
    box.click()
    phone.get_by_label("Type").select_option(label=kind)
    box.fill(body)
    phone.get_by_role("button", name="Add", exact=True).click()
    expect(notes_of(phone).get_by_text(body)).to_be_visible()


def test_a_room_with_a_projector_a_console_and_two_phones(new_context, console_errors):
    seed_demo()
    laptop = console_errors.watch(new_context(viewport=FULL_HD))
    console = laptop.new_page()
    sign_in(console, "leader@demo.test", DEMO_PASSWORD)
    console.get_by_role("link", name=UPCOMING, exact=True).click()
    console.get_by_role("link", name="Presenter console").click()
    expect(console.get_by_text("Presenter console", exact=True)).to_be_visible()
    expect(console.get_by_text(f"First: {TITLES[0]}")).to_be_visible()

    # The projector display opens in a second window of the same laptop.
    with console.expect_popup() as opened:
        console.get_by_role("link", name="Open the projector display").click()
    display = opened.value
    expect(heading(display, UPCOMING)).to_be_visible()
    expect(display.locator(".site-header")).to_have_count(0)
    expect(display.get_by_role("button")).to_have_count(0)
    display.evaluate("window.notReloaded = true")

    # Keys pressed in the display window drive the meeting: Space starts it (once its scripts
    # have run: a popup's heading can be drawn before them).
    display.wait_for_load_state("load")
    display.keyboard.press("Space")
    expect(heading(display, TITLES[0])).to_be_visible()
    expect(heading(console, TITLES[0])).to_be_visible()
    expect(console.get_by_text(f"Up next: {TITLES[1]}")).to_be_visible()

    # A teacher on a phone: the note box is on screen without scrolling.
    teacher = console_errors.watch(new_context(viewport=PHONE)).new_page()
    sign_in(teacher, "teacher1@demo.test", DEMO_PASSWORD)
    teacher.get_by_role("link", name=UPCOMING, exact=True).click()
    teacher.get_by_role("link", name="Join the live meeting").click()
    expect(heading(teacher, TITLES[0])).to_be_visible()
    expect(teacher.get_by_role("link", name="Open the presenter console")).to_have_count(0)
    assert in_view(teacher, teacher.get_by_label("What to add"))
    assert in_view(teacher, teacher.get_by_role("button", name="Add", exact=True))
    assert teacher.evaluate("document.documentElement.scrollHeight > window.innerHeight")
    snap(teacher, "room-phone-member-view")

    add_note(teacher, NOTE)
    expect(notes_of(display).get_by_text(NOTE)).to_be_visible(timeout=2_000)
    # The first segment: what we left open sits beside the live notes, both on screen.
    left_open = display.get_by_role("region", name="What we left open last time")
    expect(left_open).to_be_visible()
    assert in_view(display, notes_of(display).get_by_text(NOTE))
    assert in_view(display, display.get_by_role("timer"))
    snap(display, "room-display-1920-first-segment")
    display.set_viewport_size(HD)
    assert in_view(display, notes_of(display).get_by_text(NOTE))
    snap(display, "room-display-1280-first-segment")
    display.set_viewport_size(FULL_HD)

    # The mentor nudges the leader from a phone: the console shows it, the display never.
    mentor = console_errors.watch(new_context(viewport=PHONE)).new_page()
    sign_in(mentor, "mentor@demo.test", DEMO_PASSWORD)
    mentor.get_by_role("link", name=UPCOMING, exact=True).click()
    mentor.get_by_role("link", name="Log facilitation moves").click()
    mentor.get_by_label("Nudge to the leader").fill(NUDGE)
    mentor.get_by_role("button", name="Send nudge").click()
    nudges = console.get_by_role("status", name="Private nudges for you")
    expect(nudges).to_contain_text(NUDGE, timeout=2_000)
    snap(console, "room-console-with-nudge")
    display.wait_for_timeout(500)  # the display got the same event: give it time to misbehave
    assert NUDGE not in display.content()
    assert "/run/nudges" not in display.content()

    # ? lists the keys on the display too; nothing there is a button.
    shortcuts = display.get_by_role("heading", name="Keyboard shortcuts")
    display.keyboard.press("?")
    expect(shortcuts).to_be_visible()
    display.keyboard.press("?")
    expect(shortcuts).to_be_hidden()

    # → in the display window moves the meeting on, on every screen.
    display.keyboard.press("ArrowRight")
    expect(heading(display, TITLES[1])).to_be_visible()
    expect(heading(console, TITLES[1])).to_be_visible()
    expect(heading(teacher, TITLES[1])).to_be_visible(timeout=2_000)
    for body in (
        "Marcus's class compared both fractions with one half.",
        "Sofia's class drew area models; two students got stuck on eighths.",
        "Which representation made the benchmark idea visible?",
    ):
        add_note(teacher, body, "Question" if body.endswith("?") else "Note")
    expect(notes_of(display).get_by_text("Which representation")).to_be_visible(timeout=2_000)
    publish_for_readme(
        snap(display, "room-display-1920-middle-segment"),
        "projector-run-view.png",
    )
    display.set_viewport_size(HD)
    snap(display, "room-display-1280-middle-segment")
    display.set_viewport_size(FULL_HD)
    add_note(teacher, DECISION, "Decision")
    teacher.get_by_label("What to add").click()
    teacher.get_by_label("Type").select_option(label="Action item")
    teacher.get_by_label("What to add").fill(ACTION)
    teacher.get_by_label("Owner").select_option(label="Marcus Bell")
    teacher.get_by_role("button", name="Add", exact=True).click()
    expect(notes_of(display).get_by_text(ACTION)).to_be_visible(timeout=2_000)

    # To the last segment: Next is disabled, End stands apart and asks first.
    for title in TITLES[2:]:
        display.keyboard.press("ArrowRight")
        expect(heading(display, title)).to_be_visible()
    expect(heading(console, TITLES[-1])).to_be_visible()
    expect(console.get_by_role("button", name="Next segment →")).to_be_disabled()
    expect(console.get_by_text("This is the last segment.")).to_be_visible()
    carried = display.get_by_role("region", name="Decided and assigned earlier in this meeting")
    expect(carried).to_contain_text(DECISION)
    expect(carried).to_contain_text(ACTION)
    snap(display, "room-display-1920-next-steps")
    display.keyboard.press("ArrowRight")  # nothing after the last segment, and no ending by key
    expect(heading(display, TITLES[-1])).to_be_visible()

    console.evaluate("window.notReloaded = true")
    console.get_by_role("link", name="End the meeting…").click()
    asking = console.get_by_role("dialog", name="End the meeting now?")
    expect(asking).to_be_visible()
    expect(asking).to_contain_text("Every screen then shows the recap")
    asking.get_by_role("button", name="Keep going").click()
    expect(asking).to_be_hidden()
    expect(heading(console, TITLES[-1])).to_be_visible()
    console.get_by_role("link", name="End the meeting…").click()
    snap(console, "room-console-end-dialog")
    asking.get_by_role("button", name="End the meeting").click()
    expect(heading(console, "Thank you, everyone")).to_be_visible()
    assert console.evaluate("window.notReloaded") is True  # the console stayed live

    # After End the display shows the recap, still without a reload.
    expect(heading(display, "Thank you, everyone")).to_be_visible(timeout=2_000)
    recap = notes_of(display)
    expect(recap.get_by_role("heading", name="Decisions (1)")).to_be_visible()
    expect(recap).to_contain_text(DECISION)
    expect(recap.get_by_role("heading", name="Action items (1)")).to_be_visible()
    expect(recap).not_to_contain_text("Nothing added")
    assert display.evaluate("window.notReloaded") is True
    assert NUDGE not in display.content()
    snap(display, "room-display-1920-ended")
    display.set_viewport_size(HD)
    snap(display, "room-display-1280-ended")
    expect(heading(teacher, "Thank you, everyone")).to_be_visible(timeout=2_000)
    expect(notes_of(teacher).get_by_role("heading", name="Decisions (1)")).to_be_visible()
    expect(teacher.get_by_label("What to add")).to_be_hidden()  # the minutes are final


def test_the_phone_note_box_opens_fully_when_focused(new_context, console_errors):
    seed_demo()
    leader = console_errors.watch(new_context()).new_page()
    sign_in(leader, "leader@demo.test", DEMO_PASSWORD)
    leader.get_by_role("link", name=UPCOMING, exact=True).click()
    leader.get_by_role("link", name="Presenter console").click()
    leader.get_by_role("button", name="Start the meeting").click()
    expect(heading(leader, TITLES[0])).to_be_visible()

    phone = console_errors.watch(new_context(viewport=PHONE)).new_page()
    sign_in(phone, "teacher2@demo.test", DEMO_PASSWORD)
    phone.get_by_role("link", name=UPCOMING, exact=True).click()
    phone.get_by_role("link", name="Join the live meeting").click()
    expect(heading(phone, TITLES[0])).to_be_visible()
    # One line: the type, the box and Add; the heading and "Only me" wait for the focus.
    expect(phone.get_by_label("Only me")).to_be_hidden()
    for field in (phone.get_by_label("Type"), phone.get_by_label("What to add")):
        expect(field).to_be_visible()
    phone.mouse.wheel(0, 600)
    assert in_view(phone, phone.get_by_label("What to add"))
    assert in_view(phone, phone.get_by_label("Type"))
    phone.get_by_label("What to add").click()
    expect(phone.get_by_label("Only me")).to_be_visible()
    expect(
        phone.get_by_role("heading", name="Add a note, question, decision or action")
    ).to_be_visible()
    assert in_view(phone, phone.get_by_role("button", name="Add", exact=True))
    phone.get_by_label("Type").select_option(label="Action item")
    expect(phone.get_by_label("Owner")).to_be_visible()
    snap(phone, "room-phone-note-box-open")
    assert re.search(r"Add", phone.get_by_role("button", name="Add", exact=True).inner_text())
