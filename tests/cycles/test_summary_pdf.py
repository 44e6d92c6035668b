"""The cycle's PDF summary: the cycle, its meetings, the shared task and the selection record,
for members of the cycle's team only, and never anyone's unrevealed work."""

import html
import re
import shutil
import subprocess

import pytest

import app.pdf
from app.extensions import db
from app.selection.models import Candidate, CandidateRating, CandidateWork
from app.tasks.models import Demand
from tests import factories
from tests.meetings.test_statement_counts import statements_per_page
from tests.selection.test_statement_counts import grow
from tests.tasks.factories import make_task

SECRET = "I split both wholes into twelfths first."
SECRET_NOTE = "Launch it with a picture of two pizzas."


@pytest.fixture
def printed(monkeypatch):
    """The text of every document handed to WeasyPrint, tags removed, whitespace collapsed."""
    documents: list[str] = []
    render = app.pdf.render_template

    def recording(template, **context):
        page = render(template, **context)
        documents.append(" ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split()))
        return page

    monkeypatch.setattr(app.pdf, "render_template", recording)
    return documents


def _selection(world, **cycle_fields):
    """A cycle with two candidates; the teacher solved, calibrated, rated and dotted the first."""
    cycle = factories.make_cycle(
        world.team, goal="Compare fractions with benchmarks.", **cycle_fields
    )
    first = make_task(
        world.team,
        title="Closest to one",
        demand=Demand.doing_mathematics,
        statement="Order **5/6**, 7/8 and 3/4.\n\n| Pair | Greater |\n|---|---|\n| 5/6, 7/8 | ? |",
        demand_reason="Students choose a strategy and justify it.",
    )
    second = make_task(world.team, title="Fraction wall", demand=Demand.memorization)
    candidates = []
    for task, who in ((first, world.teacher), (second, world.leader)):
        candidate = Candidate(cycle_id=cycle.id, task_id=task.id, proposed_by_id=who.id)
        db.session.add(candidate)
        candidates.append(candidate)
    db.session.flush()
    db.session.add(
        CandidateWork(
            candidate_id=candidates[0].id,
            user_id=world.teacher.id,
            solution=SECRET,
            notes=SECRET_NOTE,
            demand=Demand.procedures_with_connections,
            dots=2,
        )
    )
    db.session.add(
        CandidateRating(
            candidate_id=candidates[0].id,
            user_id=world.teacher.id,
            criterion="Fit to the goal",
            score=3,
        )
    )
    db.session.commit()
    return cycle, candidates


def _decide(client_as, cycle, candidate, rationale="Every student finds a way in."):
    leader = client_as("leader")
    assert leader.post(f"/cycles/{cycle.id}/reveal").status_code == 302
    decided = leader.post(
        f"/cycles/{cycle.id}/decision",
        data={"candidate_id": str(candidate.id), "rationale": rationale},
    )
    assert decided.status_code == 302


def test_a_member_downloads_the_summary_as_a_pdf_from_the_cycle_page(client_as, team_world):
    cycle, _ = _selection(team_world)
    teacher = client_as("teacher")
    page = teacher.get(f"/cycles/{cycle.id}").get_data(as_text=True)
    assert f'href="/cycles/{cycle.id}/summary.pdf">Download the summary (PDF)</a>' in page
    response = teacher.get(f"/cycles/{cycle.id}/summary.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
    assert f'filename="cycle-{cycle.id}-summary.pdf"' in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "no-store"


def test_the_decided_summary_holds_the_cycle_task_and_whole_selection_record(
    client_as, team_world, printed
):
    cycle, (chosen, other) = _selection(team_world, next_steps="Try it in Room 7 first.")
    meeting = factories.make_meeting(team_world.team, title="Do the math together")
    meeting.cycle_id = cycle.id
    db.session.commit()
    _decide(client_as, cycle, chosen)

    assert client_as("teacher").get(f"/cycles/{cycle.id}/summary.pdf").status_code == 200
    (text,) = printed
    assert f"{team_world.team.name} · Cycle summary {cycle.title}" in text
    assert "Goal Compare fractions with benchmarks." in text
    assert "Next steps Try it in Room 7 first." in text
    assert "Do the math together" in text
    assert "The team chose Closest to one on" in text
    assert "Why: Every student finds a way in." in text
    assert "cognitive demand in the library: Doing mathematics" in text
    assert "Why this level: Students choose a strategy and justify it." in text
    assert "Order 5/6 , 7/8 and 3/4." in text and "5/6, 7/8 ?" in text, "statement rendered"
    assert "<strong>" not in text and "**" not in text
    chosen_row = "1 Closest to one (chosen) Grade 4 · library level: Doing mathematics"
    assert f"{chosen_row} Priya Teacher" in text
    assert "2 Fraction wall" in text and "Jordan Leader" in text
    # The calibration spread against the library level (◆), the mean ratings, the dots.
    assert "1. Closest to one 0 0 1 ◆ 0 agree" in text
    assert "2. Fraction wall ◆ 0 0 0 0 nobody classified it" in text
    assert "Fit to the goal 3.0 —" in text
    assert "1. Closest to one: 2 dots, from Priya Teacher (2)" in text
    assert "2. Fraction wall: 0 dots" in text
    assert f"Priya Teacher · sees procedures with connections {SECRET}" in text
    assert f"Notes: {SECRET_NOTE}" in text
    assert "still open" not in text


def test_before_the_reveal_nobodys_work_is_printed_not_even_for_its_author(
    client_as, team_world, printed
):
    cycle, _ = _selection(team_world)
    for role in ("teacher", "leader"):
        assert client_as(role).get(f"/cycles/{cycle.id}/summary.pdf").status_code == 200
    for text in printed:
        assert SECRET not in text and SECRET_NOTE not in text
        assert "procedures with connections" not in text.lower()
        assert "Not revealed yet: each member's calibration stays private" in text
        assert "Not revealed yet: each member's solution and notes stay private" in text
        assert "The selection is still open: the team has not chosen its shared task yet." in text
        assert "The selection is still open: no decision yet." not in text
        assert "1. Closest to one: 2 dots" in text, "dots are not private"
        assert "from Priya Teacher" not in text, "who gave them shows once the vote is closed"
        assert "Fit to the goal 3.0" in text


def test_a_cycle_with_no_candidate_says_so(client_as, team_world, printed):
    cycle = factories.make_cycle(team_world.team)
    assert client_as("mentor").get(f"/cycles/{cycle.id}/summary.pdf").status_code == 200
    (text,) = printed
    assert "No candidate task has been proposed yet." in text
    assert "No meeting belongs to this cycle yet." in text
    assert "The selection is still open" in text


def test_a_decision_whose_task_left_the_library_keeps_its_reason(client_as, team_world, printed):
    cycle, (chosen, _) = _selection(team_world)
    _decide(client_as, cycle, chosen, rationale="It fits our goal.")
    db.session.expire_all()
    cycle = db.session.get(type(cycle), cycle.id)
    cycle.shared_task_id = None  # what deleting the task leaves (ON DELETE SET NULL)
    db.session.commit()
    assert client_as("teacher").get(f"/cycles/{cycle.id}/summary.pdf").status_code == 200
    (text,) = printed
    assert "but the chosen task is no longer in the library. Why: It fits our goal." in text
    assert "still open" not in text


def test_long_unbroken_text_still_renders(client_as, team_world, printed):
    cycle, (chosen, _) = _selection(team_world, big_idea="x" * 3000)
    work = db.session.scalar(
        db.select(CandidateWork).where(CandidateWork.candidate_id == chosen.id)
    )
    work.solution = ("½ÿ" * 2000 + "\n") * 3
    db.session.commit()
    _decide(client_as, cycle, chosen, rationale="y" * 5000)
    response = client_as("teacher").get(f"/cycles/{cycle.id}/summary.pdf")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    if shutil.which("pdfinfo"):
        info = subprocess.run(
            ["pdfinfo", "-"], input=response.data, capture_output=True, timeout=60
        ).stdout.decode()
        assert "Letter" in info or "612 x 792" in info


def test_another_teams_cycle_and_odd_ids_are_not_found(client_as, team_world):
    cycle, _ = _selection(team_world)
    assert client_as("outsider").get(f"/cycles/{cycle.id}/summary.pdf").status_code == 404
    teacher = client_as("teacher")
    for odd in ("0", "999999", "-1", "1x", "%00", "١", "99999999999999999999999"):
        assert teacher.get(f"/cycles/{odd}/summary.pdf").status_code == 404, odd


def test_signed_out_visitors_are_sent_to_sign_in(client, team_world):
    cycle = factories.make_cycle(team_world.team)
    response = client.get(f"/cycles/{cycle.id}/summary.pdf")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


@pytest.mark.parametrize("revealed", [False, True])
def test_the_summary_runs_the_same_statements_with_one_or_twenty_of_everything(
    client_as, team_world, count_statements, revealed
):
    cycle = factories.make_cycle(team_world.team)
    grow(team_world, cycle, 1)
    if revealed:
        client_as("leader").post(f"/cycles/{cycle.id}/reveal")
        candidate = db.session.scalar(db.select(Candidate).where(Candidate.cycle_id == cycle.id))
        client_as("leader").post(
            f"/cycles/{cycle.id}/decision",
            data={"candidate_id": str(candidate.id), "rationale": "Rich."},
        )
    client = client_as("teacher")
    urls = [f"/cycles/{cycle.id}/summary.pdf"]

    with_one = statements_per_page(client, urls, count_statements)
    grow(team_world, cycle, 19)
    with_twenty = statements_per_page(client, urls, count_statements)

    assert with_twenty == with_one
