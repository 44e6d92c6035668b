"""Journey: from the debrief page a teacher downloads the debrief report, a PDF that carries
the photo of student work the team chose for it."""

import re

import pytest
from playwright.sync_api import expect

from app.extensions import db
from tests.browser.conftest import screenshot, sign_in
from tests.debriefs.helpers import make_debrief
from tests.debriefs.report_helpers import keep_photo
from tests.enactments.helpers import responses
from tests.factories import PASSWORD, make_world

pytestmark = pytest.mark.browser


@pytest.fixture
def upload_folder(app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "UPLOAD_FOLDER", str(tmp_path / "uploads"))


def test_a_teacher_downloads_the_debrief_report_from_the_debrief_page(new_context, upload_folder):
    world = make_world()
    lesson, room_b, _room_l = make_debrief(world)
    keep_photo(world.teacher, room_b, responses(lesson)[1], "B7 cut each brownie in fourths")
    lesson.cycle.next_steps = "Plan a number-line launch."
    db.session.commit()
    page = new_context().new_page()
    sign_in(page, world.teacher.email, PASSWORD)
    expect(page.get_by_role("link", name="Dashboard", exact=True)).to_be_visible()

    page.goto(f"/cycles/{lesson.cycle_id}/debrief")
    link = page.get_by_role("link", name="Debrief report (PDF)")
    expect(link).to_be_visible()
    screenshot(page, "debrief-report-link", full_page=False)
    with page.expect_download(timeout=30_000) as download:
        link.click()

    assert download.value.suggested_filename == f"cycle-{lesson.cycle_id}-debrief-report.pdf"
    with open(download.value.path(), "rb") as report:
        pdf = report.read()
    assert pdf.startswith(b"%PDF-")
    assert len(re.findall(rb"/Subtype\s*/Image", pdf)) == 1
    expect(page.get_by_role("heading", name="Debrief: the classrooms side by side")).to_be_visible()
