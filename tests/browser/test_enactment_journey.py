"""The issue's journey, from the classroom to the projector: a teacher records her lesson on a
phone, counts in tap-to-count mode (big targets, one undo), loses the wifi mid-count and gets
it back, adds a response nobody anticipated in the moment; then the team's projector shows the
exact counts of her classroom and a colleague's, response by response, with the totals."""

import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect

from app.enactments.models import Enactment, Tap
from app.extensions import db
from tests.browser.conftest import PHONE, screenshot, sign_in
from tests.browser.test_tap_count import server_counts, status, target
from tests.debriefs.helpers import count, unexpected
from tests.enactments.helpers import make_enactment, make_teaching_lesson, responses
from tests.factories import PASSWORD, make_world

pytestmark = pytest.mark.browser

FULL_HD = {"width": 1920, "height": 1080}
HALVES, FOURTHS, DIVISION = (
    "Halves then quarters",
    "Each brownie in fourths",
    "Three fourths by division",
)
NEW = "Counted on by quarters"


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(
        base_url=live_server, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    yield context
    context.close()


def students(n: int) -> str:
    return f"{n} student" if n == 1 else f"{n} students"


def shows(page: Page, name: str, n: int) -> None:
    expect(page.get_by_role("button", name=f"{name}, {students(n)}")).to_be_visible()


def record_the_lesson(page: Page, cycle) -> None:
    page.goto(f"/cycles/{cycle.id}")
    page.get_by_role("link", name="Each teacher's lesson and its record").tap()
    page.get_by_role("link", name="Record my lesson").tap()
    page.get_by_label("Date taught").fill("2026-11-30")
    page.get_by_label("Class").fill("4B")
    page.get_by_label("Number of students").fill("24")
    page.get_by_label("Minutes the lesson took").fill("55")
    page.get_by_role("button", name="Record the lesson").tap()
    expect(page.get_by_role("heading", name="Priya Teacher's lesson with class 4B")).to_be_visible()


def count_online(page: Page) -> None:
    for _ in range(3):
        target(page, HALVES).tap()
    shows(page, HALVES, 3)
    target(page, FOURTHS).tap()
    target(page, FOURTHS).tap()
    shows(page, FOURTHS, 2)
    page.get_by_role("button", name=f"Undo last tap ({FOURTHS})").tap()
    shows(page, FOURTHS, 1)
    expect(status(page)).to_have_text("All taps saved.")


def count_offline(page: Page) -> None:
    target(page, HALVES).tap()
    target(page, HALVES).tap()
    target(page, DIVISION).tap()
    page.get_by_label("Something nobody anticipated").fill(NEW)
    page.get_by_role("button", name="Add", exact=True).tap()
    target(page, NEW).tap()
    target(page, NEW).tap()
    shows(page, HALVES, 5)
    shows(page, DIVISION, 1)
    shows(page, NEW, 2)


def heat_row(projector: Page, name: str):
    table = projector.get_by_role(
        "table", name="Students using each anticipated response, by classroom"
    )
    return table.get_by_role("row", name=re.compile(rf"^{re.escape(name)}\b"))


def cells(row) -> list[str]:
    return [
        re.sub(r"\s*\(.*\)|\s*of \d+", "", text).strip()
        for text in row.locator("td").all_text_contents()
    ]


def test_counted_on_a_phone_through_a_wifi_drop_the_projector_shows_exact_counts(
    phone, new_context
):
    world = make_world()
    lesson = make_teaching_lesson(world.team, world.leader)
    halves, fourths, division = responses(lesson)
    colleague = make_enactment(lesson.cycle, world.leader, "4L", 20)
    count(colleague, halves, 3)
    count(colleague, fourths, 9)
    count(colleague, division, 5)
    unexpected(world, colleague, "Drew a number line", 2)

    errors: list[str] = []
    page = phone.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, world.teacher.email, PASSWORD)
    expect(page.get_by_role("link", name="Dashboard", exact=True)).to_be_visible()
    record_the_lesson(page, lesson.cycle)
    page.get_by_role("link", name="Count by tapping").tap()
    expect(page.get_by_role("heading", name=re.compile("Count by tapping"))).to_be_visible()
    for name in (HALVES, FOURTHS, DIVISION):
        box = target(page, name).bounding_box()
        assert box["height"] >= 72 and box["width"] >= 0.8 * PHONE["width"], "a target for a thumb"

    count_online(page)
    enactment = db.session.scalar(sa.select(Enactment).where(Enactment.class_code == "4B"))
    assert server_counts(enactment) == {HALVES: 3, FOURTHS: 1}

    phone.set_offline(True)
    count_offline(page)
    expect(status(page)).to_have_text(
        "Offline — 5 taps and 1 new response waiting; they'll be sent when the connection returns."
    )
    shot = screenshot(page, "journey-phone-offline", full_page=False)
    assert shot.exists()
    assert server_counts(enactment) == {HALVES: 3, FOURTHS: 1}

    phone.set_offline(False)
    expect(status(page)).to_have_text("All taps saved.", timeout=15_000)
    assert server_counts(enactment) == {HALVES: 5, FOURTHS: 1, DIVISION: 1, NEW: 2}
    taps = sa.select(sa.func.count()).select_from(Tap).where(Tap.enactment_id == enactment.id)
    assert db.session.scalar(taps) == 11, "3 + 2 + 1 undo online, 5 offline: none lost or doubled"
    assert errors == []

    projector = new_context(FULL_HD).new_page()
    sign_in(projector, world.mentor.email, PASSWORD)
    expect(projector.get_by_role("link", name="Dashboard", exact=True)).to_be_visible()
    projector.goto(f"/cycles/{lesson.cycle_id}/debrief/display")
    expect(
        projector.get_by_role("heading", name="Anticipated responses × classrooms")
    ).to_be_visible()
    table = projector.get_by_role(
        "table", name="Students using each anticipated response, by classroom"
    )
    columns = [t.strip() for t in table.get_by_role("columnheader").all_text_contents()]
    assert columns == ["Response", "4B · Priya Teacher", "4L · Jordan Leader", "Total"]
    assert cells(heat_row(projector, HALVES)) == ["5", "3", "8"]
    assert cells(heat_row(projector, FOURTHS)) == ["1", "9", "10"]
    assert cells(heat_row(projector, DIVISION)) == ["1", "5", "6"]
    assert cells(heat_row(projector, "Total")) == ["7", "17", "24"]
    chart = projector.get_by_role("img", name="Anticipated responses in each classroom")
    expect(chart.locator("g.grand-total")).to_have_attribute("data-count", "24")
    unexpected_list = projector.get_by_role("list").filter(has_text=NEW)
    expect(unexpected_list.get_by_role("listitem").filter(has_text=NEW)).to_have_text(
        re.compile(rf"^\s*2\s+{NEW}\s+· 4B\s*$")
    )
    expect(
        unexpected_list.get_by_role("listitem").filter(has_text="Drew a number line")
    ).to_have_text(re.compile(r"^\s*2\s+Drew a number line\s+· 4L\s*$"))
    screenshot(projector, "journey-projector-1920", full_page=False)
