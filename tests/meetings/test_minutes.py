"""Minutes: the agenda as run, attendance, what was said and decided, action items; page and PDF."""

from datetime import date, timedelta

import pytest

from app.extensions import db
from app.meetings.models import Attendance, ReleaseLevel
from app.timeutil import utcnow
from tests import factories
from tests.meetings.helpers import words


@pytest.fixture
def ended_meeting(team_world):
    meeting = factories.make_meeting(
        team_world.team,
        title="Fractions planning",
        location="Room 12",
        goal="Choose the shared task",
        segments=[
            {
                "title": "Check-in",
                "planned_minutes": 5,
                "elapsed_seconds": 7 * 60,
                "facilitator": team_world.mentor,
            },
            {
                "title": "Anticipate student responses",
                "kind": "anticipate",
                "planned_minutes": 20,
                "elapsed_seconds": 18 * 60,
                "facilitator": team_world.leader,
                "release_level": ReleaseLevel.leader_supported,
            },
        ],
    )
    check_in, anticipate = meeting.segments
    meeting.started_at = utcnow() - timedelta(minutes=30)
    meeting.ended_at = utcnow()
    db.session.add_all(
        [
            Attendance(meeting_id=meeting.id, user_id=team_world.mentor.id, present=True),
            Attendance(meeting_id=meeting.id, user_id=team_world.leader.id, present=True),
            Attendance(meeting_id=meeting.id, user_id=team_world.teacher.id, present=False),
        ]
    )
    db.session.commit()
    note = factories.make_contribution
    note(meeting, team_world.teacher, "Students may add denominators", segment=anticipate)
    note(meeting, team_world.leader, "What if the whole changes?", "question", anticipate)
    note(meeting, team_world.mentor, "We teach task B next week", "decision", anticipate)
    note(meeting, team_world.teacher, "Private worry", segment=anticipate, is_private=True)
    note(
        meeting,
        team_world.mentor,
        "Copy task B for everyone",
        "action",
        anticipate,
        owner=team_world.teacher,
        due_on=date(2031, 5, 2),
    )
    note(
        meeting,
        team_world.mentor,
        "Book the room",
        "action",
        check_in,
        owner=team_world.leader,
        done_at=utcnow(),
    )
    return meeting


def test_minutes_show_the_agenda_as_run_with_planned_and_actual_minutes(client_as, ended_meeting):
    page = words(client_as("teacher").get(f"/meetings/{ended_meeting.id}/minutes"))
    assert "Fractions planning" in page
    assert "ran 25 of 25 planned minutes" in page
    assert "Check-in Other Ana Mentor Mentor leads 5 min 7 min" in page
    assert (
        "Anticipate student responses Anticipate Jordan Leader Leader leads with support"
        " 20 min 18 min" in page
    )
    assert "Total 25 min 25 min" in page


def test_minutes_record_attendance(client_as, ended_meeting):
    page = words(client_as("teacher").get(f"/meetings/{ended_meeting.id}/minutes"))
    assert "Present: Ana Mentor, Jordan Leader" in page
    assert "Absent: Priya Teacher" in page


def test_minutes_record_what_was_said_and_decided_without_private_notes(client_as, ended_meeting):
    page = words(client_as("teacher").get(f"/meetings/{ended_meeting.id}/minutes"))
    assert "Decisions We teach task B next week" in page
    assert "Notes Students may add denominators (Priya Teacher)" in page
    assert "Questions What if the whole changes? (Jordan Leader)" in page
    assert "Private worry" not in page


def test_minutes_list_action_items_with_owner_due_date_and_status(client_as, ended_meeting):
    page = words(client_as("teacher").get(f"/meetings/{ended_meeting.id}/minutes"))
    assert "Copy task B for everyone Priya Teacher May 2, 2031 Open" in page
    assert "Book the room Jordan Leader — Done" in page


def test_minutes_of_another_teams_meeting_are_not_found(client_as, ended_meeting):
    client = client_as("outsider")
    assert client.get(f"/meetings/{ended_meeting.id}/minutes").status_code == 404
    assert client.get(f"/meetings/{ended_meeting.id}/minutes.pdf").status_code == 404


def test_minutes_pdf_is_a_pdf_document(client_as, ended_meeting):
    response = client_as("teacher").get(f"/meetings/{ended_meeting.id}/minutes.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
    assert 'filename="minutes-' in response.headers["Content-Disposition"]


def test_minutes_pdf_of_a_ten_segment_meeting_renders(client_as, team_world):
    meeting = factories.make_meeting(
        team_world.team,
        segments=[
            {"title": f"Segment {n}", "planned_minutes": 6, "elapsed_seconds": 400}
            for n in range(10)
        ],
    )
    for segment in meeting.segments:
        factories.make_contribution(meeting, team_world.teacher, "An idea " * 30, segment=segment)
    response = client_as("mentor").get(f"/meetings/{meeting.id}/minutes.pdf")
    assert response.status_code == 200
    assert response.data.startswith(b"%PDF")
    assert len(response.data) > 5000


def test_minutes_keep_what_was_said_outside_the_agenda(client_as, team_world, ended_meeting):
    before_start = factories.make_contribution(
        ended_meeting, team_world.teacher, "Said before the first segment", "decision"
    )
    before_start.segment_id = None
    db.session.commit()

    page = words(client_as("mentor").get(f"/meetings/{ended_meeting.id}/minutes"))

    assert "Outside the agenda Decisions Said before the first segment" in page
