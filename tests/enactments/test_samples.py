"""Photos of student work: re-encoded without metadata, resized, refused with a message when
they are not images, too large or bombs; served to the team only; edited and removed by
whoever records the enactment."""

import io

import pytest
import sqlalchemy as sa
from PIL import Image

from app.enactments.models import WorkSample
from app.extensions import db
from tests.enactments.helpers import make_enactment, make_teaching_lesson, responses
from tests.enactments.sample_helpers import (
    image_bytes,
    jpeg_with_gps,
    png_with_text,
    upload,
    zip_bytes,
)


@pytest.fixture(autouse=True)
def upload_folder(app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "UPLOAD_FOLDER", str(tmp_path / "uploads"))
    return tmp_path / "uploads"


@pytest.fixture
def lesson(team_world):
    return make_teaching_lesson(team_world.team, team_world.leader)


@pytest.fixture
def enactment(lesson, team_world):
    return make_enactment(lesson.cycle, team_world.leader)


@pytest.fixture
def key(lesson):
    return f"r{responses(lesson)[0].id}"


def stored() -> list[WorkSample]:
    db.session.expire_all()
    return db.session.scalars(sa.select(WorkSample).order_by(WorkSample.id)).all()


def served(client, sample, size: str = "") -> Image.Image:
    answer = client.get(f"/samples/{sample.id}/image" + (f"?size={size}" if size else ""))
    assert answer.status_code == 200
    return Image.open(io.BytesIO(answer.data))


def test_a_phone_photo_loses_its_location_and_every_other_metadata(
    client_as, enactment, key, upload_folder
):
    leader = client_as("leader")
    answer = upload(leader, enactment, jpeg_with_gps(), key)
    assert answer.status_code == 302
    assert answer.headers["Location"].endswith(
        f"/enactments/{enactment.id}?saved=samples#record-samples"
    )
    (sample,) = stored()
    assert sample.caption == "K7 drew halves" and sample.tally.response_id == int(key[1:])
    for size in ("", "thumb"):
        image = served(leader, sample, size)
        assert image.format == "JPEG"
        assert not image.getexif() and not image.getexif().get_ifd(0x8825)
        assert "exif" not in image.info and "icc_profile" not in image.info
    raw = (upload_folder / "samples" / sample.image_name).read_bytes()
    assert b"SecretCam" not in raw and b"Exif" not in raw


def test_a_png_with_text_chunks_becomes_a_plain_jpeg(client_as, enactment, key, upload_folder):
    upload(client_as("leader"), enactment, png_with_text(), key, "work.png")
    (sample,) = stored()
    raw = (upload_folder / "samples" / sample.image_name).read_bytes()
    assert raw.startswith(b"\xff\xd8") and b"Student Full Name" not in raw and b"Elm St" not in raw
    image = Image.open(io.BytesIO(raw))
    assert image.format == "JPEG" and image.mode == "RGB" and not image.getexif()
    assert (sample.width, sample.height) == (60, 40)


def test_a_large_photo_is_shrunk_to_1600_and_its_thumbnail_to_400(client_as, enactment, key):
    leader = client_as("leader")
    upload(leader, enactment, image_bytes((3200, 2000), "JPEG"), key)
    (sample,) = stored()
    assert (sample.width, sample.height) == (1600, 1000)
    assert served(leader, sample).size == (1600, 1000)
    assert served(leader, sample, "thumb").size == (400, 250)


@pytest.mark.parametrize(
    "content",
    [b"<!doctype html><script>alert(1)</script>", zip_bytes(), b"%PDF-1.4 fake"],
    ids=["html", "zip", "pdf"],
)
def test_a_disguised_file_is_refused_with_a_message_and_the_form_kept(
    client_as, enactment, key, content
):
    answer = upload(client_as("leader"), enactment, content, key, "work.jpg", caption="K7 halves")
    page = answer.get_data(True)
    assert answer.status_code == 422
    assert "Upload a PNG, JPEG, GIF or WebP image." in page
    assert 'id="photo-error"' in page and "K7 halves" in page
    assert f'<option selected value="{key}">' in page or f'value="{key}" selected' in page
    assert stored() == []


def test_an_oversized_file_is_refused_with_a_message(client_as, enactment, key):
    too_big = b"\xff\xd8" + b"0" * (10 * 1024 * 1024)
    answer = upload(client_as("leader"), enactment, too_big, key)
    assert answer.status_code == 422
    assert "larger than 10 MB" in answer.get_data(True)
    assert stored() == []


def test_a_decompression_bomb_is_refused_with_a_message(client_as, enactment, key):
    out = io.BytesIO()
    Image.new("1", (20000, 20000)).save(out, "PNG")  # tiny file, 400 million pixels
    answer = upload(client_as("leader"), enactment, out.getvalue(), key, "bomb.png")
    assert answer.status_code == 422
    assert "too many pixels" in answer.get_data(True)
    assert stored() == []


def test_a_missing_photo_response_or_long_caption_is_refused_next_to_its_field(
    client_as, enactment, key
):
    leader = client_as("leader")
    answer = leader.post(
        f"/enactments/{enactment.id}/samples",
        data={"response": "", "caption": "x" * 301},
        content_type="multipart/form-data",
    )
    page = answer.get_data(True)
    assert answer.status_code == 422
    assert "Choose a photo of the student work" in page
    assert "Choose the response this work shows." in page
    assert "Keep it to 300 characters or fewer." in page
    answer = upload(leader, enactment, jpeg_with_gps(), "r999999")
    assert answer.status_code == 422
    assert "no longer on the chart" in answer.get_data(True)
    assert "choose it again" in answer.get_data(True)


def test_a_retried_post_stores_one_photo(client_as, enactment, key):
    leader = client_as("leader")
    for _ in range(2):
        answer = upload(leader, enactment, jpeg_with_gps(), key, idempotency_key="r" * 24)
        assert answer.status_code == 302
    assert len(stored()) == 1


def test_a_teammate_sees_the_photos_but_cannot_add_change_or_remove_them(client_as, enactment, key):
    upload(client_as("leader"), enactment, jpeg_with_gps(), key)
    (sample,) = stored()
    teacher = client_as("teacher")
    page = teacher.get(f"/enactments/{enactment.id}").get_data(True)
    assert "K7 drew halves" in page and f"/samples/{sample.id}/image?size=thumb" in page
    assert "Add a photo of student work" not in page and f"/samples/{sample.id}/edit" not in page
    assert served(teacher, sample).format == "JPEG"
    assert upload(teacher, enactment, jpeg_with_gps(), key).status_code == 403
    assert teacher.get(f"/enactments/{enactment.id}/samples/new").status_code == 403
    assert teacher.post(f"/samples/{sample.id}", data={"response": key}).status_code == 403
    assert teacher.post(f"/samples/{sample.id}/remove").status_code == 403
    assert len(stored()) == 1


def test_another_teams_sample_and_enactment_answer_404(client_as, enactment, key):
    upload(client_as("leader"), enactment, jpeg_with_gps(), key)
    (sample,) = stored()
    outsider = client_as("outsider")
    assert outsider.get(f"/samples/{sample.id}/image").status_code == 404
    assert outsider.get(f"/samples/{sample.id}/edit").status_code == 404
    assert outsider.get(f"/enactments/{enactment.id}/samples/new").status_code == 404
    assert upload(outsider, enactment, jpeg_with_gps(), key).status_code == 404


def test_the_image_is_served_privately_without_sniffing_and_with_an_etag(client_as, enactment, key):
    leader = client_as("leader")
    upload(leader, enactment, jpeg_with_gps(), key)
    (sample,) = stored()
    answer = leader.get(f"/samples/{sample.id}/image")
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert answer.headers["Content-Type"] == "image/jpeg"
    assert answer.headers["Cache-Control"].startswith("private")
    etag = answer.headers["ETag"]
    again = leader.get(f"/samples/{sample.id}/image", headers={"If-None-Match": etag})
    assert again.status_code == 304


def test_the_recorder_changes_the_caption_and_response_and_marks_it_for_the_report(
    client_as, lesson, enactment, key
):
    leader = client_as("leader")
    upload(leader, enactment, jpeg_with_gps(), key)
    (sample,) = stored()
    other = f"r{responses(lesson)[1].id}"
    answer = leader.post(
        f"/samples/{sample.id}", data={"response": other, "caption": "A.R.", "in_report": "y"}
    )
    assert answer.status_code == 302
    (sample,) = stored()
    assert sample.caption == "A.R." and sample.in_report
    assert sample.tally.response_id == int(other[1:])
    refused = leader.post(f"/samples/{sample.id}", data={"response": other, "caption": "x" * 301})
    assert refused.status_code == 422 and "x" * 301 in refused.get_data(True)


def test_removing_asks_first_then_deletes_the_files(client_as, enactment, key, upload_folder):
    leader = client_as("leader")
    upload(leader, enactment, jpeg_with_gps(), key)
    (sample,) = stored()
    sample_id, name = sample.id, sample.image_name
    asked = leader.get(f"/samples/{sample.id}/remove").get_data(True)
    assert "Remove this photo of student work?" in asked and "Keep it" in asked
    assert len(stored()) == 1
    assert leader.post(f"/samples/{sample_id}/remove").status_code == 302
    assert stored() == []
    assert not (upload_folder / "samples" / name).exists()
    assert not (upload_folder / "sample-thumbs" / name).exists()
    assert leader.get(f"/samples/{sample_id}/image").status_code == 404


def test_an_unanticipated_response_can_be_chosen(client_as, enactment):
    from app.enactments import counting

    leader = client_as("leader")
    found = counting.add_unanticipated(enactment.teacher, enactment, "Drew a grid")
    page = leader.get(f"/enactments/{enactment.id}/samples/new").get_data(True)
    assert "Drew a grid (not anticipated)" in page
    assert 'capture="environment"' in page and 'accept="image/*"' in page
    upload(leader, enactment, jpeg_with_gps(), f"u{found.id}")
    (sample,) = stored()
    assert sample.tally.unanticipated_id == found.id


def test_a_sideways_phone_photo_is_turned_upright_before_its_exif_goes(client_as, enactment, key):
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: the camera was held on its side
    upload(client_as("leader"), enactment, image_bytes((80, 40), "JPEG", exif=exif.tobytes()), key)
    (sample,) = stored()
    assert (sample.width, sample.height) == (40, 80)


def test_adding_changing_and_removing_a_photo_tells_an_open_debrief(client_as, enactment, key):
    from app import live
    from app.cycles.models import live_channel

    channel = live_channel(enactment.cycle_id)

    def events_since(before):
        return [event.name for event in live.broker().read(channel, before, timeout=0.1)]

    leader = client_as("leader")
    before = live.latest_id(channel)
    upload(leader, enactment, jpeg_with_gps(), key)
    assert events_since(before) == ["enactment"]
    (sample,) = stored()
    before = live.latest_id(channel)
    leader.post(f"/samples/{sample.id}", data={"response": key, "caption": "A.R."})
    assert events_since(before) == ["enactment"]
    before = live.latest_id(channel)
    leader.post(f"/samples/{sample.id}/remove")
    assert events_since(before) == ["enactment"]
    before = live.latest_id(channel)
    assert upload(leader, enactment, b"<html>", key).status_code == 422
    assert events_since(before) == []
