"""The record page follows tap-to-count: a tap on the teacher's phone shows on the chart of the
record open on a laptop, without a reload; while the chart is being filled in there, nothing
typed is replaced, a note says new counts arrived, and the next save shows them."""

import pytest
from playwright.sync_api import Page, expect

from app.cycles.models import live_channel
from app.enactments import counting
from app.enactments.recording import LIVE_EVENT
from app.live import publish
from tests.browser.conftest import screenshot, sign_in
from tests.enactments.helpers import make_enactment, make_teaching_lesson, responses
from tests.factories import PASSWORD, make_world

pytestmark = pytest.mark.browser


@pytest.fixture
def room():
    world = make_world()
    lesson = make_teaching_lesson(world.team, world.leader)
    return world, make_enactment(lesson.cycle, world.teacher), responses(lesson)


def tapped(enactment, response, key: str) -> None:
    """A tap from the teacher's phone, as the tap route makes and announces it."""
    counting.tap(enactment, key.ljust(20, "-"), 1, response_id=response.id)
    publish(live_channel(enactment.cycle_id), LIVE_EVENT)


def open_record(page: Page, world, enactment) -> None:
    sign_in(page, world.teacher.email, PASSWORD)
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    page.goto(f"/enactments/{enactment.id}")
    expect(page.get_by_label("Students using Halves then quarters")).to_have_value("0")
    page.wait_for_function("() => document.querySelector('[sse-connect]')['htmx-internal-data']")


def test_a_tap_shows_on_the_open_record_without_a_reload(new_context, room):
    world, enactment, (halves, fourths, _) = room
    page = new_context().new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_record(page, world, enactment)
    page.get_by_label("What worked").fill("Typed in the reflection, not saved yet")

    tapped(enactment, halves, "first")
    expect(page.get_by_label("Students using Halves then quarters")).to_have_value("1")
    tapped(enactment, halves, "second")
    tapped(enactment, fourths, "third")
    expect(page.get_by_label("Students using Halves then quarters")).to_have_value("2")
    expect(page.get_by_label("Students using Each brownie in fourths")).to_have_value("1")
    expect(page.get_by_label("What worked")).to_have_value("Typed in the reflection, not saved yet")
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    assert errors == []


def test_a_chart_being_filled_in_is_not_replaced_by_taps(new_context, room):
    world, enactment, (halves, fourths, _) = room
    page = new_context().new_page()
    open_record(page, world, enactment)
    page.get_by_label("Codes or initials for Each brownie in fourths").fill("K7 S12")
    page.get_by_label("Students using Each brownie in fourths").fill("2")

    tapped(enactment, halves, "while-typing")
    note = page.get_by_role("status").filter(has_text="New counts arrived from tapping")
    expect(note).to_be_visible()
    expect(page.get_by_label("Students using Halves then quarters")).to_have_value("0")
    expect(page.get_by_label("Codes or initials for Each brownie in fourths")).to_have_value(
        "K7 S12"
    )
    screenshot(page, "enactment-record-taps-waiting", full_page=False)

    # Only a row nobody typed in moved: the save keeps what was typed and shows the new count.
    page.get_by_role("button", name="Save the chart").click()
    expect(page.get_by_text("Counts changed by tapping")).to_be_visible()
    expect(page.get_by_label("Students using Halves then quarters")).to_have_value("1")
    expect(page.get_by_label("Students using Each brownie in fourths")).to_have_value("2")
    page.get_by_role("button", name="Save the chart").click()
    expect(page.get_by_text("The monitoring chart is saved.")).to_be_visible()
    expect(note).to_have_count(0)
    saved = page.get_by_role("status").filter(has_text="The monitoring chart is saved.")

    tapped(enactment, fourths, "after-saving")
    expect(page.get_by_label("Students using Each brownie in fourths")).to_have_value("3")
    expect(saved).to_be_visible()  # its own event's redraw kept the note
    expect(page.get_by_label("Codes or initials for Each brownie in fourths")).to_have_value(
        "K7 S12"
    )
