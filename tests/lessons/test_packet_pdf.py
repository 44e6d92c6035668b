"""The lesson packet PDF: the cover, the task, the plan, the anticipated responses with their
questions in the discussion sequence, and the monitoring chart on a landscape page."""

import html
import re
import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

import app.pdf
from app.extensions import db
from app.lessons import writing
from tests import factories
from tests.lessons.helpers import make_lesson, make_task
from tests.lessons.packet_helpers import add_responses
from tests.meetings.test_statement_counts import statements_per_page


@pytest.fixture
def printed(monkeypatch):
    """The HTML of every document handed to WeasyPrint."""
    documents: list[str] = []
    render = app.pdf.render_template

    def recording(template, **context):
        page = render(template, **context)
        documents.append(page)
        return page

    monkeypatch.setattr(app.pdf, "render_template", recording)
    return documents


def text_of(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def pdf_text(data: bytes) -> str | None:
    """The PDF's own text, when poppler's pdftotext is installed."""
    if not shutil.which("pdftotext"):
        return None
    out = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, timeout=60)
    return " ".join(out.stdout.decode().split())


def png(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    out = BytesIO()
    Image.new("RGB", (40, 30), (31, 95, 139)).save(out, "PNG")
    path.write_bytes(out.getvalue())


def _planned(lesson, teacher) -> None:
    for field, text in {
        "learning_goal": "Fair shares can be named with fractions.",
        "materials": "Paper brownies, scissors.",
        "launch": "Read the task together.",
        "launch_minutes": "5",
        "explore": "Pairs share the brownies.",
        "explore_minutes": "25",
        "discuss_minutes": "15",
        "exit_prompt": "Share 2 brownies among 3.",
    }.items():
        writing.save_field(teacher, lesson, field, text, base=0)


def test_a_member_downloads_the_packet_with_the_cover_the_task_and_the_plan(
    client_as, team_world, printed
):
    task = make_task(team_world.team, title="Brownies for four")
    lesson = make_lesson(
        team_world.team, task=task, title="Fair shares, March", standards="4.NF.A.1, 4.NF.B.3"
    )
    _planned(lesson, team_world.teacher)

    response = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/lesson/packet.pdf")

    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF-")
    assert f"cycle-{lesson.cycle_id}-lesson-packet.pdf" in response.headers["Content-Disposition"]
    text = text_of(printed[-1])
    for expected in (
        "Brownies for four",
        "Fair shares, March",
        team_world.team.name,
        "Grade 4",
        "4.NF.A.1, 4.NF.B.3",
        "Share three brownies equally among four friends.",
        "Mathematical learning goal Fair shares can be named with fractions.",
        "Launch Read the task together. 5",
        "Explore Pairs share the brownies. 25",
        "Total 45",
        "Exit prompt Share 2 brownies among 3.",
        "Student names never go",
    ):
        assert expected in text, expected
    if (real := pdf_text(response.data)) is not None:
        assert "Brownies for four" in real and "Fair shares can be named" in real


def test_the_questions_are_printed_in_the_discussion_sequence(client_as, team_world, printed):
    lesson = make_lesson(team_world.team)
    teacher = team_world.teacher
    first, second, aside, third = add_responses(teacher, lesson, 4, to_share=lambda i: i != 3)
    writing.reorder(teacher, lesson, [third.id, aside.id, second.id, first.id])

    response = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/lesson/packet.pdf")

    assert response.status_code == 200
    wanted = ["04", "02", "01", "03"]  # to share in order, then the one not to share
    for text in filter(None, (text_of(printed[-1]), pdf_text(response.data))):
        for kind in ("Assessing", "Advancing"):
            places = [text.index(f"{kind} {n} second?") for n in wanted]
            assert places == sorted(places), (kind, text)
    text = text_of(printed[-1])
    assert "1. Response 04" in text and "3. Response 01" in text
    assert "Not planned to share: Response 03" in text
    assert "Misconception: Misconception 2" in text
    assert "Connects to the goal: Connection 4 to fair shares." in text


def test_an_empty_lesson_still_prints_something_sensible(client_as, team_world, printed):
    lesson = make_lesson(team_world.team)

    response = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/lesson/packet.pdf")

    assert response.status_code == 200 and response.data.startswith(b"%PDF-")
    text = text_of(printed[-1])
    assert "The plan is not written yet" in text
    assert "No anticipated response yet" in text
    assert text.count("Not anticipated") == 8


def test_sketches_and_the_task_image_are_printed_and_a_missing_file_is_left_out(
    app, client_as, team_world, printed, tmp_path, monkeypatch
):
    monkeypatch.setitem(app.config, "UPLOAD_FOLDER", str(tmp_path))
    lesson = make_lesson(team_world.team)
    drawn, lost = add_responses(team_world.teacher, lesson, 2)
    png(tmp_path / "sketches" / "drawn.png")
    drawn.sketch_name, lost.sketch_name = "drawn.png", "gone.png"
    task = lesson.task
    png(tmp_path / "tasks" / "task.png")
    task.file_name, task.file_type = "task.png", "image/png"
    db.session.commit()

    response = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/lesson/packet.pdf")

    assert response.status_code == 200
    page = printed[-1]
    assert (tmp_path / "sketches" / "drawn.png").resolve().as_uri() in page
    assert (tmp_path / "tasks" / "task.png").resolve().as_uri() in page
    assert "gone.png" not in page and 'alt="Sketch of Response 02"' not in page
    assert response.data.count(b"/Subtype /Image") == 2


def test_a_sketch_name_cannot_reach_outside_the_upload_folder(
    app, client_as, team_world, printed, tmp_path, monkeypatch
):
    monkeypatch.setitem(app.config, "UPLOAD_FOLDER", str(tmp_path / "uploads"))
    png(tmp_path / "secret.png")
    lesson = make_lesson(team_world.team)
    (response,) = add_responses(team_world.teacher, lesson, 1)
    response.sketch_name = "../../secret.png"
    db.session.commit()

    reply = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/lesson/packet.pdf")

    assert reply.status_code == 200 and "secret.png" not in printed[-1]


def test_a_cycle_without_a_lesson_has_no_packet_and_says_so(client_as, team_world):
    cycle = factories.make_cycle(team_world.team)
    response = client_as("teacher").get(f"/cycles/{cycle.id}/lesson/packet.pdf")
    assert response.status_code == 404
    assert response.mimetype == "text/html" and "No lesson yet" in response.text


def test_another_teams_packet_and_odd_ids_are_not_found(client_as, team_world):
    lesson = make_lesson(team_world.team)
    assert (
        client_as("outsider").get(f"/cycles/{lesson.cycle_id}/lesson/packet.pdf").status_code == 404
    )
    for odd in ("0", "999999", "-1", "1x"):
        assert client_as("teacher").get(f"/cycles/{odd}/lesson/packet.pdf").status_code == 404


def test_the_packet_runs_the_same_statements_with_one_or_twenty_responses(
    client_as, team_world, count_statements
):
    lesson = make_lesson(team_world.team)
    add_responses(team_world.teacher, lesson, 1)
    client = client_as("teacher")
    urls = [f"/cycles/{lesson.cycle_id}/lesson/packet.pdf"]

    with_one = statements_per_page(client, urls, count_statements)
    add_responses(team_world.teacher, lesson, 19, start=2, to_share=lambda i: i % 4 != 0)
    with_twenty = statements_per_page(client, urls, count_statements)

    assert with_twenty == with_one


def test_pdfs_fetch_only_static_files_and_the_uploads_they_were_handed(tmp_path):
    handed, other = tmp_path / "handed.png", tmp_path / "other.png"
    png(handed)
    png(other)
    fetcher = app.pdf.OwnFilesOnly(tmp_path / "static", files=[handed])

    assert fetcher.fetch(handed.as_uri()) is not None
    with pytest.raises(ValueError, match="own files"):
        fetcher.fetch(other.as_uri())
    with pytest.raises(ValueError, match="own files"):
        fetcher.fetch(f"{handed.as_uri()}/../other.png")
