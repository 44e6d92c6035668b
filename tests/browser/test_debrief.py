"""Journey: the team's debrief is on the projector while a teacher still counts on a phone;
each tap shows on the projector's heat map without a reload. Screenshots of the projector at
1920×1080 and 1280×720 and of the debrief page on a laptop."""

import re

import pytest
from playwright.sync_api import Page, expect

from app.extensions import db
from tests.browser.conftest import PHONE, screenshot, sign_in
from tests.browser.test_accessibility import AXE, describe
from tests.debriefs.helpers import count, make_debrief, unexpected
from tests.enactments.helpers import make_enactment, responses
from tests.factories import PASSWORD, make_world

pytestmark = pytest.mark.browser

FULL_HD = {"width": 1920, "height": 1080}
HD = {"width": 1280, "height": 720}


@pytest.fixture
def debrief():
    world = make_world()
    lesson, room_b, room_l = make_debrief(world)
    first, second, third = responses(lesson)
    room_m = make_enactment(lesson.cycle, world.mentor, "4M", 22)
    count(room_m, first, 7, order=1)
    count(room_m, second, 4)
    count(room_m, third, 8, order=2)
    unexpected(world, room_m, "Repeated addition of 3/4", 3, order=3)
    for room, levels in (
        (room_b, (2, 5, 12, 5)),
        (room_l, (3, 6, 7, None)),
        (room_m, (1, 4, 11, 6)),
    ):
        room.not_yet, room.approaching, room.meets, room.exceeds = levels
    room_b.demand_factors = "scaffolding pressing connections"
    room_l.demand_factors = "pressing time_off"
    room_m.demand_factors = "connections enough_time focus_on_answers"
    room_b.what_worked = "Pairs talked before anyone drew."
    room_b.surprised = "Nobody used a number line."
    room_b.would_change = "A shorter launch."
    room_l.what_worked = "The number line came up on its own."
    db.session.commit()
    return world, lesson, room_b


def heat_total(page: Page, kind: str):
    chart = page.get_by_role("img", name="Anticipated responses in each classroom")
    return chart.locator(f"g.{kind}")


def open_projector(page: Page, world, lesson) -> None:
    sign_in(page, world.leader.email, PASSWORD)
    expect(page.get_by_role("link", name="Dashboard", exact=True)).to_be_visible()
    page.goto(f"/cycles/{lesson.cycle_id}/debrief/display")
    expect(page.get_by_role("heading", name="Anticipated responses × classrooms")).to_be_visible()


def test_the_projector_shows_a_tap_from_the_phone_without_reload(new_context, browser, debrief):
    world, lesson, room_b = debrief
    projector = new_context(FULL_HD).new_page()
    errors: list[str] = []
    projector.on("pageerror", lambda error: errors.append(str(error)))
    open_projector(projector, world, lesson)
    expect(heat_total(projector, "grand-total")).to_have_attribute("data-count", "54")
    expect(heat_total(projector, "column-total").first).to_have_attribute("data-count", "18")
    expect(projector.get_by_role("heading", name="Sharing sequences")).to_be_visible()
    expect(projector.get_by_role("button")).to_have_count(0)
    expect(projector.get_by_role("textbox")).to_have_count(0)
    screenshot(projector, "debrief-projector-1920", full_page=False)

    phone_context = browser.new_context(
        base_url=projector.url.split("/cycles")[0], viewport=PHONE, is_mobile=True, has_touch=True
    )
    try:
        phone = phone_context.new_page()
        sign_in(phone, world.teacher.email, PASSWORD)
        expect(phone.get_by_role("link", name="Dashboard", exact=True)).to_be_visible()
        phone.goto(f"/enactments/{room_b.id}/count")
        phone.get_by_role("button", name="Each brownie in fourths, 6 students").tap()
        expect(
            phone.get_by_role("button", name="Each brownie in fourths, 7 students")
        ).to_be_visible()
    finally:
        phone_context.close()

    expect(heat_total(projector, "column-total").first).to_have_attribute("data-count", "19")
    expect(heat_total(projector, "grand-total")).to_have_attribute("data-count", "55")
    assert projector.evaluate("performance.getEntriesByType('navigation').length") == 1
    assert not errors, errors
    screenshot(projector, "debrief-projector-1920-after-tap", full_page=False)


def test_the_projector_fits_a_1280_screen(new_context, debrief):
    world, lesson, _ = debrief
    projector = new_context(HD).new_page()
    open_projector(projector, world, lesson)
    chart = projector.get_by_role("img", name="Anticipated responses in each classroom")
    box = chart.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= HD["width"]
    bars = projector.get_by_role("img", name="Exit prompt levels in each classroom")
    assert bars.bounding_box()["y"] < HD["height"]
    screenshot(projector, "debrief-projector-1280", full_page=False)
    results = AXE.run(projector).response
    assert not results["violations"], describe(results["violations"])


def test_the_debrief_page_on_a_laptop_with_its_table_alternatives(new_context, debrief):
    world, lesson, _ = debrief
    page = new_context().new_page()
    sign_in(page, world.teacher.email, PASSWORD)
    expect(page.get_by_role("link", name="Dashboard", exact=True)).to_be_visible()
    page.goto(f"/cycles/{lesson.cycle_id}")
    page.get_by_role("link", name="The classrooms side by side").click()
    expect(page.get_by_role("heading", name="Debrief: the classrooms side by side")).to_be_visible()
    page.get_by_text("The counts as a table").click()
    table = page.get_by_role("table", name="Students using each anticipated response, by classroom")
    expect(table.get_by_role("row", name=re.compile("^Halves then quarters"))).to_contain_text("22")
    factors = page.get_by_role("table", name=re.compile("factors seen in each classroom"))
    expect(factors.get_by_role("row", name=re.compile("^Students were pressed"))).to_contain_text(
        "2 of 3"
    )
    expect(page.get_by_text("Pairs talked before anyone drew.")).to_be_visible()
    screenshot(page, "debrief-page")
    results = AXE.run(page).response
    assert not results["violations"], describe(results["violations"])


def test_a_debrief_segment_shows_the_charts_live_on_the_meetings_projector(
    new_context, browser, debrief
):
    from app.meetings.models import SegmentKind
    from tests.factories import make_meeting

    world, lesson, room_b = debrief
    meeting = make_meeting(
        world.team,
        cycle_id=lesson.cycle_id,
        segments=[{"title": "Compare the classrooms", "kind": SegmentKind.debrief}],
        running=True,
    )
    projector = new_context(FULL_HD).new_page()
    sign_in(projector, world.leader.email, PASSWORD)
    expect(projector.get_by_role("link", name="Dashboard", exact=True)).to_be_visible()
    projector.goto(f"/meetings/{meeting.id}/run/display")
    expect(
        projector.get_by_role("heading", name="Debrief: the classrooms side by side")
    ).to_be_visible()
    expect(heat_total(projector, "grand-total")).to_have_attribute("data-count", "54")
    screenshot(projector, "debrief-meeting-panel-1920", full_page=False)

    teacher = new_context(PHONE).new_page()
    sign_in(teacher, world.teacher.email, PASSWORD)
    expect(teacher.get_by_role("link", name="Dashboard", exact=True)).to_be_visible()
    teacher.goto(f"/enactments/{room_b.id}/count")
    teacher.get_by_role("button", name="Three fourths by division, 0 students").click()
    expect(
        teacher.get_by_role("button", name="Three fourths by division, 1 student")
    ).to_be_visible()
    expect(heat_total(projector, "grand-total")).to_have_attribute("data-count", "55")


def test_six_classrooms_and_six_responses_fit_the_projector(new_context):
    from tests.debriefs.helpers import grow
    from tests.enactments.helpers import make_teaching_lesson

    world = make_world()
    lesson = make_teaching_lesson(world.team, world.leader)
    grow(world, lesson, rooms=6, more_responses=3)
    projector = new_context(FULL_HD).new_page()
    open_projector(projector, world, lesson)
    for name in ("Anticipated responses in each classroom", "Exit prompt levels in each classroom"):
        box = projector.get_by_role("img", name=name).bounding_box()
        assert box["y"] + box["height"] <= FULL_HD["height"], name
    screenshot(projector, "debrief-projector-six-rooms", full_page=False)
