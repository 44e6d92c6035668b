"""The debrief report PDF: the cover, the team's record, the comparison with its charts and
tables, and only the student work the team chose for the report, grouped by response."""

import contextlib
import re
import zlib

import pytest
import sqlalchemy as sa

import app.pdf
from app.enactments.models import Enactment
from app.extensions import db
from tests import factories
from tests.debriefs.helpers import grow, make_debrief
from tests.debriefs.report_helpers import choose_for_report, keep_photo
from tests.enactments.helpers import make_teaching_lesson, responses
from tests.lessons.test_packet_pdf import pdf_text, text_of
from tests.meetings.test_statement_counts import statements_per_page


@pytest.fixture
def printed(monkeypatch):
    """The HTML of every document handed to WeasyPrint."""
    documents: list[str] = []
    render = app.pdf.render_template

    def recording(template, **context):
        documents.append(render(template, **context))
        return documents[-1]

    monkeypatch.setattr(app.pdf, "render_template", recording)
    return documents


@pytest.fixture(autouse=True)
def upload_folder(app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "UPLOAD_FOLDER", str(tmp_path / "uploads"))
    return tmp_path / "uploads"


def page_sizes(pdf: bytes) -> list[tuple[int, int]]:
    """Each page's width and height in points, from the PDF's (compressed) objects."""
    objects = pdf
    for stream in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        with contextlib.suppress(zlib.error):  # an image, not objects
            objects += zlib.decompress(stream.group(1))
    found = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", objects)
    return [(round(float(w)), round(float(h))) for w, h in found]


def report_url(cycle_id: int) -> str:
    return f"/cycles/{cycle_id}/debrief/report.pdf"


def rooms_of(lesson) -> list[Enactment]:
    return db.session.scalars(
        sa.select(Enactment).where(Enactment.cycle_id == lesson.cycle_id).order_by(Enactment.id)
    ).all()


def recorded(world):
    """make_debrief's two rooms with exit levels, demand factors, reflections and the record."""
    lesson, room_b, room_l = make_debrief(world)
    room_b.not_yet, room_b.approaching, room_b.meets, room_b.exceeds = 2, 5, 12, 5
    room_b.demand_factors = "scaffolding pressing"
    room_l.demand_factors = "pressing time_off"
    room_b.what_worked = "Pairs talked before anyone drew."
    room_b.surprised = "Nobody used a number line."
    room_b.video_url = "https://video.example.org/4b"
    cycle = lesson.cycle
    cycle.debrief_worked = "Pressing for why kept the thinking with students."
    cycle.debrief_learned = "We under-anticipated number lines."
    cycle.next_steps = "Plan a number-line launch."
    db.session.commit()
    return lesson, room_b, room_l


def test_a_member_downloads_the_report_with_the_cover_the_record_and_the_comparison(
    client_as, team_world, printed
):
    lesson, _room_b, _room_l = recorded(team_world)

    response = client_as("teacher").get(report_url(lesson.cycle_id))

    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF-")
    disposition = response.headers["Content-Disposition"]
    assert f'filename="cycle-{lesson.cycle_id}-debrief-report.pdf"' in disposition
    page = printed[-1]
    assert page.count("<svg") == 2
    assert 'id="report-heat"' in page and 'id="report-exit"' in page
    text = text_of(page)
    first, second, third = (r.name for r in responses(lesson))
    for expected in (
        f"{team_world.team.name} · Debrief report",
        lesson.task.title,
        "2 classrooms",
        f"4B ({team_world.teacher.name}, 24 students)",
        f"4L ({team_world.leader.name}, 20 students)",
        "What worked Pressing for why kept the thinking with students.",
        "What we learned as teachers We under-anticipated number lines.",
        "Next steps Plan a number-line launch.",
        "Anticipated responses × classrooms",
        "The counts as a table",
        f"{first} 12 (50%) 3 (15%) 15",
        "Total 18 of 24 17 of 20 35",
        "Subtracted 3 from 4 3",
        "Drew a number line 2",
        "Exit prompt levels",
        "The levels as a table",
        "No exit prompt recorded",
        "Pairs talked before anyone drew.",
        "https://video.example.org/4b",
        "No reflection written.",
        "No photo of student work is chosen for the report",
    ):
        assert expected in text, expected
    # 4L shared the third response first, then the unanticipated, then the second.
    sequence = text[text.index("Sharing sequences") :]
    sequence = sequence[sequence.index("4L") :]
    assert sequence.index(third) < sequence.index("Drew a number line") < sequence.index(second)
    assert "Students were pressed to explain and justify ✓ ✓ 2 of 2" in text
    assert "Too little or too much time ✓ 1 of 2" in text
    if (real := pdf_text(response.data)) is not None:
        assert "Debrief report" in real and "Pressing for why kept the thinking" in real
        assert "Anticipated responses × classrooms" in real


def test_only_the_work_chosen_for_the_report_is_printed_grouped_by_response(
    client_as, team_world, printed, upload_folder
):
    lesson, room_b, room_l = make_debrief(team_world)
    first, second, _third = responses(lesson)
    chosen_b = keep_photo(team_world.teacher, room_b, second, "B7 cut each in fourths")
    left_out = keep_photo(team_world.teacher, room_b, first, "Not for the report", in_report=False)
    chosen_l = keep_photo(team_world.leader, room_l, first, "L2 halves then quarters")
    later = keep_photo(team_world.leader, room_l, first, "L9 quarters", in_report=False)
    choose_for_report(client_as("leader"), later, f"r{first.id}")

    response = client_as("mentor").get(report_url(lesson.cycle_id))

    assert response.status_code == 200
    page = printed[-1]
    for sample in (chosen_b, chosen_l, later):
        assert (upload_folder / "samples" / sample.image_name).resolve().as_uri() in page
    assert left_out.image_name not in page
    assert "/samples/" not in page.replace(str(upload_folder / "samples"), "")  # no URL to us
    text = text_of(page)
    work = text[text.index("Student work") :]
    assert "Not for the report" not in text
    # The first response's group (its two photos, in the order taught), then the second's.
    places = [work.index(words) for words in (first.name, "L2 halves", "L9 quarters")]
    places.append(work.index(second.name))
    places.append(work.index("Class 4B · B7 cut each in fourths"))
    assert places == sorted(places), work
    assert len(re.findall(rb"/Subtype\s*/Image", response.data)) == 3


def test_a_chosen_photo_whose_file_is_lost_is_left_out(
    client_as, team_world, printed, upload_folder
):
    lesson, room_b, _room_l = make_debrief(team_world)
    first = responses(lesson)[0]
    lost = keep_photo(team_world.teacher, room_b, first, "Lost on disk")
    (upload_folder / "samples" / lost.image_name).unlink()

    response = client_as("teacher").get(report_url(lesson.cycle_id))

    assert response.status_code == 200
    assert "Lost on disk" not in text_of(printed[-1])
    assert "No photo of student work is chosen" in text_of(printed[-1])


def test_a_cycle_nobody_taught_yet_gives_a_clear_report(client_as, team_world, printed):
    lesson = make_teaching_lesson(team_world.team, team_world.leader)

    response = client_as("teacher").get(report_url(lesson.cycle_id))

    assert response.status_code == 200 and response.data.startswith(b"%PDF-")
    text = text_of(printed[-1])
    assert "0 classrooms" in text and "None recorded yet" in text
    assert "No classroom has recorded its lesson yet" in text
    assert "What worked Not written yet." in text
    assert "<svg" not in printed[-1]


def test_a_cycle_without_a_lesson_or_task_still_prints(client_as, team_world, printed):
    cycle = factories.make_cycle(team_world.team)

    response = client_as("mentor").get(report_url(cycle.id))

    assert response.status_code == 200
    assert "No shared task chosen" in text_of(printed[-1])


def test_another_teams_report_and_odd_ids_are_not_found(client_as, team_world):
    lesson, _room_b, _room_l = make_debrief(team_world)
    assert client_as("outsider").get(report_url(lesson.cycle_id)).status_code == 404
    for odd in ("0", "999999", "-1", "1x"):
        assert client_as("teacher").get(f"/cycles/{odd}/debrief/report.pdf").status_code == 404


def test_many_classrooms_put_the_heat_map_on_a_landscape_page(client_as, team_world, printed):
    lesson = make_teaching_lesson(team_world.team, team_world.leader)
    grow(team_world, lesson, rooms=7, more_responses=2)

    response = client_as("teacher").get(report_url(lesson.cycle_id))

    assert response.status_code == 200
    page = printed[-1]
    assert "debrief-pdf-wide" in page and 'viewBox="0 0 960 ' in page
    sizes = page_sizes(response.data)
    assert (612, 792) in sizes and (792, 612) in sizes, sizes


def test_two_classrooms_keep_every_page_portrait(client_as, team_world, printed):
    lesson, _room_b, _room_l = make_debrief(team_world)

    response = client_as("teacher").get(report_url(lesson.cycle_id))

    assert "debrief-pdf-wide" not in printed[-1]
    assert set(page_sizes(response.data)) == {(612, 792)}


def test_the_report_runs_the_same_statements_with_more_rooms_and_photos(
    client_as, team_world, count_statements
):
    lesson = make_teaching_lesson(team_world.team, team_world.leader)
    grow(team_world, lesson, rooms=1, more_responses=0)
    keep_photo(team_world.leader, rooms_of(lesson)[0], responses(lesson)[0], "One photo")
    client = client_as("teacher")
    urls = [report_url(lesson.cycle_id)]

    small = statements_per_page(client, urls, count_statements)
    grow(team_world, lesson, rooms=5, more_responses=4)
    for i, room in enumerate(rooms_of(lesson)):
        keep_photo(team_world.leader, room, responses(lesson)[i % 3], f"Photo {i}")
    large = statements_per_page(client, urls, count_statements)

    assert large == small


def test_a_photo_name_cannot_reach_outside_the_upload_folder(
    client_as, team_world, printed, upload_folder
):
    lesson, room_b, _room_l = make_debrief(team_world)
    sample = keep_photo(team_world.teacher, room_b, responses(lesson)[0], "Moved away")
    secret = upload_folder.parent / "secret.jpg"
    (upload_folder / "samples" / sample.image_name).rename(secret)
    sample.image_name = "../../secret.jpg"
    db.session.commit()

    response = client_as("teacher").get(report_url(lesson.cycle_id))

    assert response.status_code == 200
    assert "secret.jpg" not in printed[-1] and "Moved away" not in text_of(printed[-1])
