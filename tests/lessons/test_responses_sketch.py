"""A response's sketch: images only, re-encoded without metadata, at most 1600 px, served to
the team alone, replaced and removed (after asking) with a note in the history."""

import io
import warnings

import pytest
import sqlalchemy as sa
from PIL import Image

from app.extensions import db
from app.lessons.models import AnticipatedResponse, LessonChange
from app.lessons.starting import start_lesson
from app.uploads import MAX_BYTES
from tests.factories import make_cycle
from tests.lessons.helpers import make_lesson
from tests.lessons.response_helpers import add, image_bytes, jpeg_with_gps, response_form


@pytest.fixture(autouse=True)
def sketch_folder(app, tmp_path, monkeypatch):
    """Sketches go to a folder of the test's own."""
    monkeypatch.setitem(app.config, "UPLOAD_FOLDER", str(tmp_path / "uploads"))
    return tmp_path / "uploads" / "sketches"


@pytest.fixture
def response(team_world) -> AnticipatedResponse:
    return add(make_lesson(team_world.team), team_world.teacher, "Halves")[0]


def _upload(client, response, content: bytes, name: str = "sketch.jpg", **more):
    return client.post(
        f"/responses/{response.id}/sketch",
        data={"sketch": (io.BytesIO(content), name), **more},
        content_type="multipart/form-data",
    )


def _fresh(response) -> AnticipatedResponse:
    db.session.expire_all()
    return db.session.get(AnticipatedResponse, response.id)


def _sketch_changes(response) -> list[str]:
    return list(
        db.session.scalars(
            sa.select(LessonChange.value)
            .where(LessonChange.response_id == response.id, LessonChange.field == "sketch")
            .order_by(LessonChange.id)
        )
    )


def test_a_photo_loses_its_location_and_is_served_to_the_team_only(
    client_as, response, sketch_folder
):
    teacher = client_as("teacher")
    answer = _upload(teacher, response, jpeg_with_gps())
    assert answer.status_code == 302
    assert answer.headers["Location"].endswith(f"#response-{response.id}")
    name = _fresh(response).sketch_name
    stored = (sketch_folder / name).read_bytes()
    assert b"SecretCam" not in stored
    assert not Image.open(io.BytesIO(stored)).getexif().get_ifd(0x8825)
    served = teacher.get(f"/responses/{response.id}/sketch")
    assert served.status_code == 200 and served.mimetype == "image/jpeg"
    assert served.data == stored
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    assert served.headers["Cache-Control"].startswith("private")
    assert client_as("outsider").get(f"/responses/{response.id}/sketch").status_code == 404
    assert _sketch_changes(response) == ["added"]
    page = teacher.get(f"/cycles/{response.lesson.cycle_id}/lesson").get_data(as_text=True)
    assert f"/responses/{response.id}/sketch?v={name[:8]}" in page
    assert 'alt="Sketch of “Halves”"' in page


def test_a_large_image_is_shrunk_to_1600_pixels_on_its_longer_side(client_as, response):
    teacher = client_as("teacher")
    assert _upload(teacher, response, image_bytes((3200, 1000)), "wide.png").status_code == 302
    served = teacher.get(f"/responses/{response.id}/sketch")
    assert Image.open(io.BytesIO(served.data)).size == (1600, 500)


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"<html><script>alert(1)</script>", "cute.png", "Upload a PNG, JPEG, GIF or WebP image."),
        (b"%PDF-1.4\n%%EOF\n", "sketch.pdf", "That is a PDF. Upload a PNG, JPEG, GIF or WebP"),
        (b"%PDF-" + b"0" * MAX_BYTES, "big.pdf", "That file is larger than 5 MB."),
        (b"", "empty.png", "That file is empty."),
    ],
)
def test_what_is_not_an_image_is_refused_beside_the_cards_field(
    client_as, response, sketch_folder, content, name, message
):
    answer = _upload(client_as("teacher"), response, content, name)
    page = answer.get_data(as_text=True)
    assert answer.status_code == 422
    assert f'<p class="field-error" id="sketch-{response.id}-error">{message}' in page
    assert _fresh(response).sketch_name is None
    assert not sketch_folder.exists() or list(sketch_folder.iterdir()) == []


def test_no_file_chosen_is_asked_for(client_as, response):
    answer = client_as("teacher").post(f"/responses/{response.id}/sketch", data={})
    assert answer.status_code == 422
    assert "Choose an image to upload." in answer.get_data(as_text=True)


def test_a_decompression_bomb_is_refused(client_as, response):
    bomb = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(bomb, "PNG")  # a few KB that unpack to 400 Mpx
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        answer = _upload(client_as("teacher"), response, bomb.getvalue(), "bomb.png")
    assert answer.status_code == 422
    assert "too many pixels" in answer.get_data(as_text=True)


def test_the_card_offers_a_new_sketch_and_sends_a_sketched_one_to_its_own_page(client_as, response):
    teacher = client_as("teacher")
    lesson_page = f"/cycles/{response.lesson.cycle_id}/lesson"
    assert f'id="sketch-{response.id}"' in teacher.get(lesson_page).get_data(as_text=True)
    assert teacher.get(f"/responses/{response.id}/sketch/edit").status_code == 302
    _upload(teacher, response, image_bytes())
    page = teacher.get(lesson_page).get_data(as_text=True)
    assert f'id="sketch-{response.id}"' not in page
    assert f'href="/responses/{response.id}/sketch/edit"' in page


def test_a_refused_replacement_keeps_the_sketch_and_says_why_on_its_page(client_as, response):
    teacher = client_as("teacher")
    _upload(teacher, response, image_bytes())
    kept = _fresh(response).sketch_name
    answer = _upload(teacher, response, b"%PDF-1.4\n%%EOF\n", "new.pdf")
    page = answer.get_data(as_text=True)
    assert answer.status_code == 422
    assert 'id="sketch-error">That is a PDF. Upload a PNG, JPEG, GIF or WebP image.' in page
    assert "Replace or remove the sketch of “Halves”?" in page
    assert _fresh(response).sketch_name == kept
    assert _sketch_changes(response) == ["added"]


def test_replacing_keeps_one_file_and_removing_asks_first(client_as, response, sketch_folder):
    teacher = client_as("teacher")
    _upload(teacher, response, image_bytes(), "one.png")
    first = _fresh(response).sketch_name
    _upload(teacher, response, jpeg_with_gps())
    second = _fresh(response).sketch_name
    assert second != first and [p.name for p in sketch_folder.iterdir()] == [second]
    asked = teacher.get(f"/responses/{response.id}/sketch/edit")
    assert asked.status_code == 200
    assert "Replace or remove the sketch of “Halves”?" in asked.get_data(as_text=True)
    assert _fresh(response).sketch_name == second
    removed = teacher.post(f"/responses/{response.id}/sketch/remove")
    assert removed.status_code == 302
    assert _fresh(response).sketch_name is None and list(sketch_folder.iterdir()) == []
    assert _sketch_changes(response) == ["added", "replaced", "removed"]
    assert teacher.post(f"/responses/{response.id}/sketch/remove").status_code == 302
    assert _sketch_changes(response) == ["added", "replaced", "removed"]
    assert teacher.get(f"/responses/{response.id}/sketch").status_code == 404


def test_a_retried_upload_stores_one_sketch(client_as, response, sketch_folder):
    teacher = client_as("teacher")
    key = {"idempotency_key": "sketch-key-0123456789abcdef"}
    for _ in range(2):
        assert _upload(teacher, response, image_bytes(), "one.png", **key).status_code == 302
    assert _sketch_changes(response) == ["added"]
    assert len(list(sketch_folder.iterdir())) == 1


def test_a_response_can_be_added_with_its_sketch(team_world, client_as, sketch_folder):
    lesson = make_lesson(team_world.team)
    form = response_form() | {"sketch": (io.BytesIO(image_bytes()), "s.png")}
    answer = client_as("teacher").post(
        f"/lessons/{lesson.id}/responses", data=form, content_type="multipart/form-data"
    )
    assert answer.status_code == 302
    [response] = db.session.scalars(sa.select(AnticipatedResponse)).all()
    assert (sketch_folder / response.sketch_name).is_file()
    assert _sketch_changes(response) == ["added"]


def test_a_bad_sketch_or_a_bad_form_adds_nothing_and_says_why(team_world, client_as):
    lesson = make_lesson(team_world.team)
    teacher = client_as("teacher")
    bad_sketch = response_form() | {"sketch": (io.BytesIO(b"GIF89a-not-really"), "s.gif")}
    answer = teacher.post(
        f"/lessons/{lesson.id}/responses", data=bad_sketch, content_type="multipart/form-data"
    )
    assert answer.status_code == 422
    page = answer.get_data(as_text=True)
    assert 'id="new-response-sketch-error">Upload a PNG, JPEG, GIF or WebP image.' in page
    assert 'value="Halves, then halves again"' in page
    good_sketch_no_name = response_form(name="") | {"sketch": (io.BytesIO(image_bytes()), "s.png")}
    answer = teacher.post(
        f"/lessons/{lesson.id}/responses",
        data=good_sketch_no_name,
        content_type="multipart/form-data",
    )
    assert answer.status_code == 422
    assert "choose it again" in answer.get_data(as_text=True)
    assert db.session.scalars(sa.select(AnticipatedResponse)).all() == []


def test_a_sketch_carried_into_a_revised_lesson_stays_with_the_earlier_one(
    team_world, client_as, response, sketch_folder
):
    teacher = client_as("teacher")
    _upload(teacher, response, image_bytes())
    name = _fresh(response).sketch_name
    earlier = response.lesson
    cycle = make_cycle(
        team_world.team,
        title="Sharing brownies, May",
        stage="design",
        shared_task_id=earlier.task_id,
    )
    carried = db.session.scalar(
        sa.select(AnticipatedResponse).where(
            AnticipatedResponse.lesson_id == start_lesson(None, cycle).id
        )
    )
    assert carried.sketch_name == name
    teacher.post(f"/responses/{carried.id}/sketch/remove")
    assert (sketch_folder / name).is_file()
    assert teacher.get(f"/responses/{response.id}/sketch").status_code == 200
    teacher.post(f"/responses/{response.id}/sketch/remove")
    assert not (sketch_folder / name).exists()
