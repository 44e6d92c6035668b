"""Journey: on a phone, from tap-to-count, a teacher photographs a student's work (a photo
that carries GPS), ties it to a response with a caption, and sees it on the record of the
lesson; the stored photo has lost its location."""

import io
import re

import pytest
import sqlalchemy as sa
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from playwright.sync_api import expect

from app.enactments.models import WorkSample
from app.extensions import db
from tests.browser.conftest import PHONE, screenshot, sign_in
from tests.enactments.tap_helpers import make_room
from tests.factories import PASSWORD, make_world

pytestmark = pytest.mark.browser

CAPTION = "K7 split each brownie in halves, then halves again"


def photo_with_gps() -> bytes:
    """A 'phone photo': 2400 × 1800 with a drawing on it and a GPS position in its EXIF."""
    image = Image.new("RGB", (2400, 1800), "white")
    for x in range(200, 2200, 400):
        image.paste((30, 90, 160), (x, 600, x + 300, 1200))
    exif = Image.Exif()
    exif[0x010F] = "PhoneCam"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (39.0, 57.0, 8.0)
    gps[3], gps[4] = "W", (75.0, 9.0, 54.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


@pytest.fixture
def phone(browser, live_server, app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "UPLOAD_FOLDER", str(tmp_path / "uploads"))
    context = browser.new_context(
        base_url=live_server, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    context.set_default_timeout(5_000)
    yield context
    context.close()


def test_a_teacher_photographs_student_work_on_a_phone_and_sees_it_on_the_record(phone):
    world = make_world()
    enactment, responses = make_room(world.team, world.teacher)
    page = phone.new_page()
    sign_in(page, world.teacher.email, PASSWORD)
    expect(page.get_by_role("link", name="Dashboard", exact=True)).to_be_visible()
    page.goto(f"/enactments/{enactment.id}/count")
    page.get_by_role("link", name="Add a photo of student work").click()
    expect(page.get_by_role("heading", name="Add a photo of student work")).to_be_visible()

    page.get_by_role("button", name="Add the photo").click()
    expect(page.get_by_text("Choose a photo of the student work")).to_be_visible()
    screenshot(page, "work-sample-refused-phone")

    page.get_by_label("Photo of the student work").set_input_files(
        {"name": "IMG_0042.jpg", "mimeType": "image/jpeg", "buffer": photo_with_gps()}
    )
    page.get_by_label("The response it shows").select_option(label=responses[0].name)
    page.get_by_label("Caption").fill(CAPTION)
    screenshot(page, "work-sample-new-phone")
    assert not Axe().run(page).violations_count
    page.get_by_role("button", name="Add the photo").click()

    expect(page.get_by_text("Photo added to the student work.")).to_be_visible()
    section = page.get_by_role("region", name="Student work")
    expect(section.get_by_text(CAPTION)).to_be_visible()
    expect(section.get_by_text(responses[0].name, exact=True)).to_be_visible()
    thumb = section.get_by_role("img", name=re.compile("Student work: "))
    expect(thumb).to_be_visible()
    page.wait_for_function("() => [...document.images].every((image) => image.complete)")
    assert thumb.evaluate("image => image.naturalWidth") == 400
    section.scroll_into_view_if_needed()
    screenshot(page, "work-sample-record-phone", full_page=False)
    assert not Axe().run(page).violations_count

    db.session.expire_all()
    (sample,) = db.session.scalars(sa.select(WorkSample)).all()
    assert (sample.width, sample.height) == (1600, 1200)
    full = page.request.get(f"/samples/{sample.id}/image")
    assert full.headers["x-content-type-options"] == "nosniff"
    stored = Image.open(io.BytesIO(full.body()))
    assert not stored.getexif() and b"PhoneCam" not in full.body()

    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"/cycles/{enactment.cycle_id}/debrief")
    work = page.get_by_role("region", name="Student work by response")
    expect(work.get_by_role("heading", name=responses[0].name)).to_be_visible()
    expect(work.get_by_text(CAPTION)).to_be_visible()
    expect(work.get_by_text(enactment.class_code, exact=True)).to_be_visible()
    work.scroll_into_view_if_needed()
    screenshot(page, "work-sample-debrief", full_page=False)
    assert not Axe().run(page).violations_count
