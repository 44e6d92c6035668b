"""Journey: a teacher who recorded a lesson on the wrong cycle removes the record: the page
before says what goes (the taps, the photo of student work), the record leaves the cycle's
enactments, and the photo's files leave the server."""

import io

import pytest
from playwright.sync_api import expect

from app.enactments import counting, samples
from tests.browser.conftest import screenshot, sign_in
from tests.enactments.sample_helpers import image_bytes
from tests.enactments.tap_helpers import make_room
from tests.factories import PASSWORD, make_world

pytestmark = pytest.mark.browser


@pytest.fixture
def uploads(app, tmp_path, monkeypatch):
    folder = tmp_path / "uploads"
    monkeypatch.setitem(app.config, "UPLOAD_FOLDER", str(folder))
    return folder


def test_a_teacher_removes_a_lesson_recorded_on_the_wrong_cycle(page, uploads):
    world = make_world()
    enactment, responses = make_room(world.team, world.teacher, title="Wrong cycle")
    counting.tap(enactment, "journey-tap-000000001", 1, response_id=responses[0].id)
    photo = samples.check_photo(io.BytesIO(image_bytes(kind="JPEG")))
    samples.add_sample(world.teacher, enactment, f"r{responses[0].id}", "K7 halves", photo)
    assert len([p for p in uploads.rglob("*") if p.is_file()]) == 2
    record, cycle_id = f"/enactments/{enactment.id}", enactment.cycle_id

    sign_in(page, world.teacher.email, PASSWORD)
    expect(page.get_by_role("link", name="Dashboard", exact=True)).to_be_visible()
    page.goto(record)
    link = page.get_by_role("link", name="Remove this record…")
    link.scroll_into_view_if_needed()
    screenshot(page, "enactment-record-remove-link", full_page=False)
    link.click()

    heading = page.get_by_role("heading", name=f"lesson with class {enactment.class_code}?")
    expect(heading).to_be_visible()
    expect(page.get_by_text("1 tap from tap-to-count")).to_be_visible()
    expect(page.get_by_text("1 photo of student work, deleted from the server")).to_be_visible()
    screenshot(page, "enactment-remove-confirm")
    page.get_by_role("button", name="Remove the lesson record").click()

    expect(page.get_by_role("heading", name="Enactments")).to_be_visible()
    expect(page.get_by_text("was removed")).to_be_visible()
    assert page.url.endswith(f"/cycles/{cycle_id}/enactments")
    section = page.get_by_role("region", name="Who has recorded their lesson")
    expect(section.get_by_role("link", name=f"class {enactment.class_code}")).to_have_count(0)
    screenshot(page, "enactment-removed")
    assert not [p for p in uploads.rglob("*") if p.is_file()], "the photo's files are gone"
    assert page.goto(record).status == 404
