"""Anticipated responses in real Chromium: add one with every field, sequence them by keyboard
alone and by drag and drop, remove one and undo, and build the board on the projector from a
phone."""

import re
import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from app.meetings.models import SegmentKind
from tests.browser.conftest import PHONE, screenshot, sign_in
from tests.factories import PASSWORD, make_meeting, make_world
from tests.lessons.helpers import make_lesson
from tests.lessons.response_helpers import add, image_bytes

pytestmark = pytest.mark.browser

PROJECTOR = {"width": 1920, "height": 1080}
TALL = {"width": 1280, "height": 1400}
AXE = Axe()
LOADED = "(path) => performance.getEntriesByName(location.origin + path).length"
SEQUENCE = "() => [...document.querySelectorAll('ol.responses > li')].map(li => +li.dataset.id)"


def expect_sequence(page: Page, ids: list[int]) -> None:
    page.wait_for_function(
        f"ids => JSON.stringify(({SEQUENCE})()) === JSON.stringify(ids)", arg=ids
    )


def expect_no_axe_violations(page: Page) -> None:
    page.wait_for_load_state("networkidle")
    results = AXE.run(page).response
    assert results["passes"], "axe checked nothing"
    assert not results["violations"], [
        (v["id"], v["nodes"][0]["target"]) for v in results["violations"]
    ]


@pytest.fixture(autouse=True)
def upload_folder(app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "UPLOAD_FOLDER", str(tmp_path / "uploads"))


def signed_in(new_context, person, url: str, viewport=None) -> Page:
    page = (new_context(viewport=viewport) if viewport else new_context()).new_page()
    sign_in(page, person.email, PASSWORD)
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    page.goto(url)
    return page


def test_a_teacher_adds_sequences_and_removes_anticipated_responses(new_context):
    world = make_world()
    lesson = make_lesson(world.team)
    halves, numerators = add(
        lesson,
        world.teacher,
        "Halves, then halves again",
        "Adds the numerators",
        assessing_questions="How did you cut them?",
    )
    # Arriving by a boosted link: the list's behaviour scripts come with it.
    # Tall enough for a card and the one above it: a drag must not scroll the page.
    page = signed_in(new_context, world.teacher, f"/cycles/{lesson.cycle_id}", TALL)
    page.get_by_role("link", name="The lesson and its anticipated responses").click()
    expect(page.get_by_role("heading", name="Anticipated responses")).to_be_visible()
    page.wait_for_function(LOADED, arg="/static/js/responses-keep.js")

    # Add a response with every field.
    form = page.locator("#add-response")
    page.get_by_text("Add an anticipated response").click()
    form.get_by_label("Name", exact=True).fill("Draws a number line")
    form.get_by_label("What the student does").fill("Marks quarters from 0 to 3.")
    form.get_by_label("Representation").select_option(label="Number line")
    form.get_by_label("Partial").check()
    form.get_by_label("Misconception behind it").fill("Counts tick marks, not spaces.")
    form.get_by_label("Assessing questions").fill("Where is one whole?\nWhat does each jump mean?")
    form.get_by_label("Advancing questions").fill("How much does one friend get?")
    form.get_by_label("How it connects to the goal").fill("Fractions as lengths.")
    # A name left blank (past the browser's own check): the message beside it, in view, and
    # everything typed still there.
    name = form.get_by_label("Name", exact=True)
    name.fill("   ")
    name.evaluate("field => field.removeAttribute('required')")
    page.get_by_role("button", name="Add the response").click()
    expect(page.get_by_text("Give the response a short name.")).to_be_in_viewport()
    expect(form.get_by_label("Misconception behind it")).to_have_value(
        "Counts tick marks, not spaces."
    )
    expect(form.get_by_label("Partial")).to_be_checked()
    form.get_by_label("Name", exact=True).fill("Draws a number line")
    page.get_by_role("button", name="Add the response").click()
    expect(page.get_by_text("Added “Draws a number line”.")).to_be_visible()
    number_line = lesson_response_id(page, "Draws a number line")
    expect_sequence(page, [halves.id, numerators.id, number_line])

    # A new response half typed stays as it is while the list is redrawn.
    page.get_by_text("Add an anticipated response").click()
    form.get_by_label("Name", exact=True).fill("Half typed")

    # Keyboard only: Tab to "Move later", Enter, and the focus stays for the next press.
    page.get_by_role("button", name="Move “Halves, then halves again” earlier").focus()
    page.keyboard.press("Tab")
    later = page.get_by_role("button", name="Move “Halves, then halves again” later")
    expect(later).to_be_focused()
    page.keyboard.press("Enter")
    expect_sequence(page, [numerators.id, halves.id, number_line])
    expect(later).to_be_focused()
    page.keyboard.press("Enter")
    expect_sequence(page, [numerators.id, number_line, halves.id])
    expect(later).to_be_focused()
    expect(later).to_have_attribute("aria-disabled", "true")
    page.keyboard.press("Enter")  # at the end: nothing moves
    expect_sequence(page, [numerators.id, number_line, halves.id])
    expect(form.get_by_label("Name", exact=True)).to_have_value("Half typed")

    # Drag and drop: the number line's handle onto the top half of the first card.
    with page.expect_response(re.compile(r"/responses/order$")) as answer:
        page.locator(f"#response-{number_line} .drag-handle").drag_to(
            page.locator(f"#response-{numerators.id}"), target_position={"x": 60, "y": 5}
        )
    assert answer.value.ok
    expect_sequence(page, [number_line, numerators.id, halves.id])
    page.reload()
    expect_sequence(page, [number_line, numerators.id, halves.id])

    # Share in the discussion: the planned sequence numbers the shared ones.
    page.get_by_role("button", name="Share in the discussion: “Adds the numerators”").click()
    sequence = page.get_by_role("list", name="The planned discussion sequence")
    expect(sequence.get_by_role("listitem")).to_have_text(
        ["Draws a number line", "Halves, then halves again"]
    )

    # Remove, then Undo: back in its place.
    page.get_by_role("button", name="Remove “Halves, then halves again”").click()
    expect(page.get_by_text("Removed “Halves, then halves again”.")).to_be_visible()
    undo = page.get_by_role("button", name="Undo")
    expect(undo).to_be_focused()
    removed = page.get_by_role("list", name="Removed responses")
    expect(removed.get_by_role("button", name="Bring back")).to_have_count(1)
    expect_sequence(page, [number_line, numerators.id])
    undo.click()
    expect_sequence(page, [number_line, numerators.id, halves.id])
    expect(page.get_by_role("list", name="Removed responses")).to_have_count(0)

    # A sketch: add it on the card, see it, remove it after being asked.
    page.get_by_text("Add a sketch of “Draws a number line”").click()
    page.get_by_label("Sketch image of “Draws a number line”").set_input_files(
        {"name": "line.png", "mimeType": "image/png", "buffer": image_bytes((2400, 600))}
    )
    page.get_by_role("button", name="Add the sketch").click()
    expect(page.get_by_text("Sketch added for “Draws a number line”.")).to_be_visible()
    sketch = page.get_by_role("img", name="Sketch of “Draws a number line”")
    expect(sketch).to_be_visible()
    assert sketch.evaluate("img => img.naturalWidth") == 1600
    page.get_by_text("Add an anticipated response").click()
    expect_no_axe_violations(page)
    screenshot(page, "lesson-responses")
    page.get_by_role("link", name="Replace or remove the sketch of “Draws a number line”").click()
    expect(
        page.get_by_role("heading", name="Replace or remove the sketch of “Draws a number line”?")
    ).to_be_visible()
    expect_no_axe_violations(page)
    page.get_by_role("button", name="Remove the sketch").click()
    expect(page.get_by_text("The sketch of “Draws a number line” was removed.")).to_be_visible()
    expect(page.get_by_role("img", name="Sketch of “Draws a number line”")).to_have_count(0)


def lesson_response_id(page: Page, name: str) -> int:
    share = page.get_by_role("button", name=f"Share in the discussion: “{name}”")
    return int(re.search(r"\d+", share.get_attribute("id")).group())


def test_the_undo_offer_survives_a_live_redraw_that_arrives_before_the_answer(new_context):
    """A removal's answer delayed past the redraw its own save set off (a busy server, a slow
    network): the list it was meant for is gone, and Undo must still be offered."""
    world = make_world()
    lesson = make_lesson(world.team)
    (halves,) = add(lesson, world.teacher, "Halves, then halves again")
    page = signed_in(new_context, world.teacher, f"/cycles/{lesson.cycle_id}/lesson")
    expect(page.get_by_role("heading", name="Anticipated responses")).to_be_visible()
    page.wait_for_function(LOADED, arg="/static/js/responses-keep.js")
    held = []

    def hold_the_answer(route):
        held.append((route, route.fetch()))  # the server removes it now; the page waits

    page.route(re.compile(rf"/responses/{halves.id}/remove$"), hold_the_answer)
    with page.expect_response(re.compile(rf"/lessons/{lesson.id}/content")):
        page.get_by_role("button", name="Remove “Halves, then halves again”").click()
    removed = page.get_by_role("list", name="Removed responses")
    expect(removed).to_contain_text("Halves, then halves again")
    route, answer = held[0]
    route.fulfill(response=answer)
    expect(page.get_by_text("Removed “Halves, then halves again”.")).to_be_visible()
    page.get_by_role("button", name="Undo").click()
    expect(page.get_by_role("list", name="Removed responses")).to_have_count(0)
    expect(page.locator("ol.responses")).to_contain_text("Halves, then halves again")


def test_a_response_added_on_a_phone_appears_on_the_projector(new_context):
    world = make_world()
    lesson = make_lesson(world.team)
    add(
        lesson,
        world.teacher,
        "Halves, then halves again",
        assessing_questions="How did you cut the brownies?\nAre the pieces the same size?",
        advancing_questions="How much of one brownie does each friend get?",
    )
    add(
        lesson,
        world.teacher,
        "Draws a number line",
        "Uses an area model",
        "Repeated halving table",
        assessing_questions="Where is one whole on your line?\nWhat does each part stand for?",
        advancing_questions="Can you write each share as a fraction?",
    )
    meeting = make_meeting(
        world.team,
        title="Planning the brownies lesson",
        cycle_id=lesson.cycle_id,
        segments=[{"title": "Anticipate student thinking", "kind": SegmentKind.anticipate}],
        running=True,
    )
    projector = signed_in(
        new_context, world.mentor, f"/meetings/{meeting.id}/run/display", PROJECTOR
    )
    board = projector.locator(".anticipation-board")
    expect(board.get_by_role("heading", name="Halves, then halves again")).to_be_visible()
    expect(projector.get_by_text("Add yours from your own device:")).to_be_visible()
    projector.wait_for_timeout(500)  # the cycle's event stream is open

    phone = signed_in(new_context, world.teacher, f"/cycles/{lesson.cycle_id}/lesson", PHONE)
    phone.get_by_text("Add an anticipated response").click()
    form = phone.locator("#add-response")
    form.get_by_label("Name", exact=True).fill("Adds the numerators")
    form.get_by_label("Incorrect").check()
    form.get_by_label("Misconception behind it").fill("Treats 3/4 as 3 + 4.")
    form.get_by_label("Assessing questions").fill("What does the 4 stand for?")
    phone.get_by_role("button", name="Add the response").click()
    expect(phone.get_by_text("Added “Adds the numerators”.")).to_be_visible()
    added_at = time.monotonic()
    expect(board.get_by_role("heading", name="Adds the numerators")).to_be_visible(timeout=3000)
    print(f"projector shows the phone's response {time.monotonic() - added_at:.2f} s after")
    expect(board.get_by_text("Treats 3/4 as 3 + 4.")).to_be_visible()
    no_scroll = "() => document.documentElement.scrollHeight <= window.innerHeight"
    assert projector.evaluate(no_scroll)
    expect_no_axe_violations(projector)
    screenshot(projector, "lesson-anticipate-projector", full_page=False)
    screenshot(phone, "lesson-responses-phone")
