"""The image or PDF of a task: checked by content, re-encoded, served only to who may see it."""

import io
import warnings

import sqlalchemy as sa
from PIL import Image

from app import uploads
from app.extensions import db
from app.tasks.models import Task
from tests.tasks.factories import make_task, task_form


def _png_with_exif() -> bytes:
    image = Image.new("RGB", (40, 30), "orange")
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x0131] = "Tracker 1.0"  # Software
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def _post(client, team, content: bytes, name: str):
    data = task_form(team) | {"file": (io.BytesIO(content), name)}
    return client.post("/tasks", data=data, content_type="multipart/form-data")


def test_a_photo_is_reencoded_without_its_metadata_and_served_to_the_team(
    team_world, client_as, upload_folder
):
    teacher = client_as("teacher")
    response = _post(teacher, team_world.team, _png_with_exif(), "photo.jpg")
    assert response.status_code == 302
    task = db.session.scalar(sa.select(Task))
    stored = (upload_folder / task.file_name).read_bytes()
    assert b"SecretCam" not in stored and b"Tracker" not in stored
    assert not str(upload_folder).startswith("static")
    served = teacher.get(f"/tasks/{task.id}/file")
    assert served.status_code == 200 and served.mimetype == "image/jpeg"
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    assert client_as("outsider").get(f"/tasks/{task.id}/file").status_code == 404


def test_a_pdf_is_kept_and_downloaded_not_shown_inline(team_world, client_as):
    teacher = client_as("teacher")
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    assert _post(teacher, team_world.team, pdf, "task.pdf").status_code == 302
    task = db.session.scalar(sa.select(Task))
    served = teacher.get(f"/tasks/{task.id}/file")
    assert served.data == pdf and served.mimetype == "application/pdf"
    assert served.headers["Content-Disposition"].startswith("attachment")


def test_a_file_that_only_pretends_to_be_an_image_is_refused(team_world, client_as):
    teacher = client_as("teacher")
    response = _post(teacher, team_world.team, b"<html><script>x</script>", "cute.png")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Upload a PNG, JPEG, GIF or WebP image, or a PDF." in page
    assert 'value="Sharing brownies"' in page  # nothing typed is lost
    assert db.session.scalar(sa.select(sa.func.count(Task.id))) == 0


def test_a_file_over_the_limit_gets_a_clear_message(team_world, client_as):
    teacher = client_as("teacher")
    big = b"%PDF-" + b"0" * uploads.MAX_BYTES
    response = _post(teacher, team_world.team, big, "big.pdf")
    assert response.status_code == 422
    assert "That file is larger than 5 MB." in response.get_data(as_text=True)


def test_an_empty_file_is_refused(team_world, client_as):
    response = _post(client_as("teacher"), team_world.team, b"", "empty.png")
    assert response.status_code == 422
    assert "That file is empty." in response.get_data(as_text=True)


def test_a_decompression_bomb_is_refused():
    out = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(out, "PNG")  # a few KB that unpack to 400 Mpx
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            uploads.check_upload(io.BytesIO(out.getvalue()))
        except uploads.FileProblem as problem:
            assert "too many pixels" in str(problem)
        else:
            raise AssertionError("a 400-megapixel image was accepted")


def test_replacing_and_removing_the_file_cleans_up(team_world, client_as, upload_folder):
    teacher = client_as("teacher")
    _post(teacher, team_world.team, _png_with_exif(), "one.jpg")
    task = db.session.scalar(sa.select(Task))
    first = task.file_name
    form = task_form(version=str(task.version)) | {"file": (io.BytesIO(_png_with_exif()), "2.jpg")}
    response = teacher.post(f"/tasks/{task.id}", data=form, content_type="multipart/form-data")
    assert response.status_code == 302
    db.session.expire_all()
    task = db.session.get(Task, task.id)
    assert task.file_name != first and not (upload_folder / first).exists()
    form = task_form(version=str(task.version), remove_file="y")
    assert teacher.post(f"/tasks/{task.id}", data=form).status_code == 302
    assert db.session.get(Task, task.id).file_name is None
    assert list(upload_folder.iterdir()) == []


def test_a_task_without_a_file_has_none_to_serve(team_world, client_as):
    task = make_task(team_world.team)
    assert client_as("teacher").get(f"/tasks/{task.id}/file").status_code == 404


def test_a_good_file_sent_with_a_bad_form_is_asked_for_again(team_world, client_as):
    teacher = client_as("teacher")
    data = task_form(team_world.team, title="") | {"file": (io.BytesIO(_png_with_exif()), "a.jpg")}
    response = teacher.post("/tasks", data=data, content_type="multipart/form-data")
    assert response.status_code == 422
    assert "choose it again" in response.get_data(as_text=True)
