"""What a teacher takes to class, in real Chromium: the monitoring chart on a tablet (portrait
and landscape) with a row's questions opened, the chart printed on one landscape page, and
the lesson packet downloaded from the lesson page."""

import re

import pytest
from playwright.sync_api import expect

from app.lessons import writing
from tests.browser.conftest import SCREENSHOTS, screenshot, sign_in
from tests.browser.test_accessibility import AXE, describe
from tests.factories import PASSWORD, make_world
from tests.lessons.helpers import make_lesson, make_task
from tests.lessons.packet_helpers import add_responses
from tests.lessons.test_packet_print import twelve_long_responses

pytestmark = pytest.mark.browser

TABLET_PORTRAIT = {"width": 768, "height": 1024}
TABLET_LANDSCAPE = {"width": 1024, "height": 768}


def planned_lesson(world):
    task = make_task(world.team, title="Fraction Pairs")
    lesson = make_lesson(world.team, task=task, title="Grade 4 — comparing fractions, March")
    names = (
        "Common denominators",
        "Benchmark to one half",
        "Distance from one",
        "Area models of equal wholes",
        "Bigger denominator, bigger fraction",
        "Equally close to one",
        "Decimals",
        "Area models of unequal wholes",
    )
    responses = add_responses(world.teacher, lesson, len(names), to_share=lambda i: i != 6)
    for response, name in zip(responses, names, strict=True):
        writing.save_field(
            world.teacher, lesson, "name", name, response.field_revision("name"), response
        )
    writing.save_field(
        world.teacher,
        lesson,
        "assessing_questions",
        "How did you decide which fraction is greater?\nWhat does 3/4 mean in your drawing?",
        responses[0].field_revision("assessing_questions"),
        responses[0],
    )
    return lesson


def test_a_teacher_reads_the_chart_on_a_tablet_prints_it_and_downloads_the_packet(new_context):
    world = make_world()
    lesson = planned_lesson(world)
    page = new_context(TABLET_PORTRAIT).new_page()
    sign_in(page, world.teacher.email, PASSWORD)
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()

    page.goto(f"/cycles/{lesson.cycle_id}/lesson")
    page.get_by_role("link", name="Monitoring chart").click()
    expect(page.get_by_role("heading", name="Fraction Pairs", level=1)).to_be_visible()
    expect(page.get_by_text("Student names never go on this chart")).to_be_visible()
    chart = page.get_by_role("table", name=re.compile("Monitoring chart"))
    rows = chart.locator("tbody tr")
    expect(rows).to_have_count(8 + 3)
    expect(rows.nth(0).get_by_role("rowheader")).to_contain_text("Common denominators")
    expect(rows.nth(0).locator(".monitoring-order")).to_have_text("1")
    expect(rows.nth(7).get_by_role("rowheader")).to_contain_text("Equally close to one")
    expect(rows.nth(8).get_by_role("rowheader")).to_contain_text("Not anticipated")
    for header in ("Students (codes or initials)", "Order to share", "Notes"):
        expect(chart.get_by_role("columnheader", name=header)).to_be_visible()

    # A row's full questions are a tap away, and the tap target is finger-sized.
    summary = rows.nth(0).locator("summary")
    box = summary.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    expect(rows.nth(0).get_by_text("What does 3/4 mean in your drawing?")).to_be_hidden()
    summary.click()
    expect(rows.nth(0).get_by_text("What does 3/4 mean in your drawing?")).to_be_visible()
    # Rows are big enough to read and tap; the chart fits the tablet's width.
    row_box = rows.nth(1).bounding_box()
    assert row_box["height"] >= 60
    assert page.evaluate("document.documentElement.scrollWidth") <= TABLET_PORTRAIT["width"]
    screenshot(page, "lesson-monitoring-tablet-portrait")
    violations = AXE.run(page).response["violations"]
    assert not violations, describe(violations)

    page.set_viewport_size(TABLET_LANDSCAPE)
    expect(rows.nth(0).get_by_text("What does 3/4 mean in your drawing?")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= TABLET_LANDSCAPE["width"]
    screenshot(page, "lesson-monitoring-tablet-landscape")

    # Printed: chrome hidden, one landscape page.
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    expect(rows.nth(0).get_by_text("What does 3/4 mean in your drawing?")).to_be_hidden()
    screenshot(page, "lesson-monitoring-print")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    (SCREENSHOTS / "lesson-monitoring-print.pdf").write_bytes(pdf)  # to look at
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    assert re.search(rb"/MediaBox\s*\[\s*0 0 792 612", pdf), "a landscape Letter page"
    page.emulate_media(media="screen")

    page.get_by_role("link", name="Lesson", exact=True).click()
    # The chart has the packet's link too: click the lesson page's, once it is shown.
    expect(page.get_by_role("heading", name="Anticipated responses")).to_be_visible()
    with page.expect_download(timeout=30_000) as download:
        page.get_by_role("link", name="Lesson packet (PDF)").click()
    assert download.value.suggested_filename == f"cycle-{lesson.cycle_id}-lesson-packet.pdf"
    with open(download.value.path(), "rb") as packet:
        assert packet.read(5) == b"%PDF-"


def test_chromium_prints_twelve_long_responses_on_one_landscape_page(new_context, team_world):
    lesson = twelve_long_responses(team_world)
    page = new_context(TABLET_LANDSCAPE).new_page()
    sign_in(page, team_world.teacher.email, PASSWORD)
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    page.goto(f"/cycles/{lesson.cycle_id}/lesson/monitoring")
    expect(page.locator("tbody tr")).to_have_count(15)

    pdf = page.pdf(prefer_css_page_size=True, print_background=True)

    (SCREENSHOTS / "lesson-monitoring-print-twelve.pdf").write_bytes(pdf)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
