"""The task library in real Chromium: search and filter it, open a task, write a draft with a
picture of the task, fix what the form refuses, and share the draft with the district."""

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from app.demo.seed import DEMO_PASSWORD
from tests.browser.conftest import DESKTOP, PHONE, screenshot, sign_in
from tests.demo_snapshot import seed_demo

pytestmark = pytest.mark.browser


def _task_picture(tmp_path) -> str:
    path = tmp_path / "task.png"
    image = Image.new("RGB", (480, 200), "white")
    for x in range(0, 480, 60):
        image.paste((31, 95, 139), (x, 80, x + 50, 120))
    image.save(path)
    return str(path)


def _search(page: Page) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Task library").click()
    expect(page.get_by_role("heading", name="Task library")).to_be_visible()
    page.get_by_label("Words").fill("fractions")
    page.get_by_label("Grade").select_option(label="Grade 4")
    page.get_by_label("Cognitive demand").select_option(label="Doing mathematics")
    page.get_by_role("button", name="Search").click()
    results = page.get_by_role("list").filter(has=page.locator(".task-item"))
    expect(results.get_by_role("link", name="Fraction Pairs")).to_be_visible()
    expect(page.get_by_role("link", name="Nines Facts")).to_have_count(0)
    expect(page.get_by_role("link", name="Fractions of a Pan")).to_have_count(0)  # grade 5


def test_search_open_a_task_write_a_draft_and_share_it(new_context, app, tmp_path):
    seed_demo()
    page = new_context(viewport=DESKTOP).new_page()
    sign_in(page, "teacher1@demo.test", DEMO_PASSWORD)
    _search(page)
    screenshot(page, "task-library-search")

    page.get_by_role("link", name="Fraction Pairs").click()
    expect(page.get_by_role("heading", name="Fraction Pairs", level=1)).to_be_visible()
    expect(page.get_by_text("Doing mathematics").first).to_be_visible()
    expect(page.get_by_role("table")).to_be_visible()  # the Markdown table of pairs
    screenshot(page, "task-page")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Task library").click()
    page.get_by_role("link", name="Write a task").click()
    page.get_by_label("Title").fill("Ribbon for the Bows")
    page.get_by_label("Grade").select_option(label="Grade 4")
    page.get_by_label("Standards").fill("4.NF.B.4 4.NF")
    page.get_by_label("Task statement").fill(
        "Each bow takes **3/4** of a metre of ribbon. How many bows can we make from 6 metres?"
    )
    page.get_by_label("Level of cognitive demand").select_option(
        label="Procedures with connections"
    )
    page.get_by_label("Why this level").fill(
        "Students can divide, but must show with a number line why 6 ÷ 3/4 is 8 bows."
    )
    page.get_by_label("Image or PDF of the task").set_input_files(_task_picture(tmp_path))
    page.get_by_role("button", name="Save the draft").click()

    expect(page.get_by_text("“4.NF” is not a standard code like 4.NF.A.1.")).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value("Ribbon for the Bows")
    expect(page.get_by_label("Why this level")).to_contain_text("number line")
    screenshot(page, "task-form-errors")
    page.get_by_label("Standards").fill("4.NF.B.4")
    page.get_by_label("Image or PDF of the task").set_input_files(_task_picture(tmp_path))
    page.get_by_role("button", name="Save the draft").click()

    expect(page.get_by_role("heading", name="Ribbon for the Bows", level=1)).to_be_visible()
    expect(page.get_by_text("Only Grade 4 Math Team sees this task")).to_be_visible()
    picture = page.get_by_role("img", name="The task as given to students: Ribbon for the Bows")
    expect(picture).to_be_visible()
    # Visible as soon as its box is laid out: its pixels arrive after.
    picture.evaluate("img => img.complete || new Promise(loaded => img.onload = loaded)")
    assert picture.evaluate("img => img.naturalWidth") == 480
    page.get_by_role("button", name="Share with the district").click()
    expect(
        page.get_by_text("Shared: everyone in the district can find this task now.")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Share with the district")).to_have_count(0)
    screenshot(page, "task-shared")


def test_the_library_on_a_phone(new_context, app):
    seed_demo()
    page = new_context(viewport=PHONE).new_page()
    sign_in(page, "leader@demo.test", DEMO_PASSWORD)
    _search(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the library scrolls sideways on a phone"
    screenshot(page, "task-library-phone")
    page.get_by_role("link", name="Fraction Pairs").click()
    expect(page.get_by_role("heading", name="Fraction Pairs", level=1)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "task-page-phone")
