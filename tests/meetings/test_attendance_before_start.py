"""Attendance is right whether people joined before or after Start; a facilitator corrects
it; minutes carry the day the meeting ran."""

from datetime import datetime, timedelta

import sqlalchemy as sa

from app.extensions import db
from app.meetings.models import Attendance, Meeting
from app.timeutil import local_now, utcnow
from tests import factories
from tests.meetings.helpers import HTMX, fresh, text, words


def attendance(meeting_id: int) -> dict[int, bool]:
    db.session.expire_all()
    rows = db.session.execute(
        sa.select(Attendance.user_id, Attendance.present).where(Attendance.meeting_id == meeting_id)
    )
    return dict(rows.all())


def start(client, meeting):
    version = fresh(Meeting, meeting.id).run_version
    return client.post(f"/meetings/{meeting.id}/run/start", data={"run_version": str(version)})


def test_teachers_who_opened_the_run_view_before_start_are_present_in_the_minutes(
    client_as, client_for, team_world, meeting
):
    teacher = client_as("teacher")
    second = factories.add_member(team_world.team)
    other = client_for(second)
    assert teacher.get(f"/meetings/{meeting.id}/run").status_code == 200
    assert other.get(f"/meetings/{meeting.id}/run").status_code == 200

    assert start(client_as("leader"), meeting).status_code == 302

    assert attendance(meeting.id) == {
        team_world.teacher.id: True,
        second.id: True,
        team_world.leader.id: True,
    }
    minutes = words(client_as("mentor").get(f"/meetings/{meeting.id}/minutes"))
    present = minutes.split("Present:")[1].split("Absent:")[0]
    assert "Priya Teacher" in present and second.name in present and "Jordan Leader" in present
    assert "Ana Mentor" in minutes.split("Absent:")[1]


def test_a_mentor_who_opened_the_console_and_the_display_before_start_is_present(
    client_as, team_world, meeting
):
    mentor = client_as("mentor")
    assert mentor.get(f"/meetings/{meeting.id}/run/console").status_code == 200
    assert start(client_as("leader"), meeting).status_code == 302
    assert attendance(meeting.id)[team_world.mentor.id] is True


def test_a_look_at_the_agenda_hours_before_start_does_not_count(client_as, team_world, meeting):
    client_as("teacher").get(f"/meetings/{meeting.id}/run")
    row = db.session.scalar(sa.select(Attendance).where(Attendance.meeting_id == meeting.id))
    row.seen_at = utcnow() - timedelta(hours=5)
    db.session.commit()

    start(client_as("leader"), meeting)

    assert attendance(meeting.id) == {team_world.leader.id: True}


def test_a_reload_of_the_run_view_writes_the_visit_again_only_after_a_minute(
    client_as, team_world, meeting
):
    teacher = client_as("teacher")
    teacher.get(f"/meetings/{meeting.id}/run")
    row = db.session.scalar(sa.select(Attendance).where(Attendance.meeting_id == meeting.id))
    recent = row.seen_at - timedelta(seconds=30)
    row.seen_at = recent
    db.session.commit()

    teacher.get(f"/meetings/{meeting.id}/run")
    assert fresh(Attendance, row.id).seen_at == recent

    fresh(Attendance, row.id).seen_at = recent - timedelta(minutes=5)
    db.session.commit()
    teacher.get(f"/meetings/{meeting.id}/run")
    assert fresh(Attendance, row.id).seen_at > recent


def test_whoever_adds_a_contribution_is_present(client_as, team_world, running_meeting):
    client_as("mentor").post(
        f"/meetings/{running_meeting.id}/run/attendance/{team_world.teacher.id}",
        data={"present": "0"},
    )
    response = client_as("teacher").post(
        f"/meetings/{running_meeting.id}/run/contributions",
        data={"kind": "note", "body": "Two strategies so far."},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert attendance(running_meeting.id) == {team_world.teacher.id: True}


def test_a_facilitator_corrects_attendance_and_a_later_visit_keeps_it(
    client_as, team_world, running_meeting
):
    url = f"/meetings/{running_meeting.id}/run/attendance/{team_world.teacher.id}"
    client_as("teacher").get(f"/meetings/{running_meeting.id}/run")
    facilitator = client_as("leader")

    response = facilitator.post(url, data={"present": "0"}, headers=HTMX)
    assert response.status_code == 200
    assert 'aria-pressed="false">Priya Teacher' in text(response)
    client_as("teacher").get(f"/meetings/{running_meeting.id}/run")
    assert attendance(running_meeting.id)[team_world.teacher.id] is False

    facilitator.post(url, data={"present": "1"})
    assert attendance(running_meeting.id)[team_world.teacher.id] is True


def test_the_correction_is_offered_in_the_run_view_also_after_the_end(
    client_as, team_world, running_meeting
):
    running_meeting.ended_at = utcnow()
    db.session.commit()
    page = text(client_as("leader").get(f"/meetings/{running_meeting.id}/run"))
    action = f"/meetings/{running_meeting.id}/run/attendance/{team_world.teacher.id}"
    assert f'action="{action}"' in page
    response = client_as("leader").post(action, data={"present": "1"})
    assert response.status_code == 302
    assert attendance(running_meeting.id) == {team_world.teacher.id: True}


def test_a_teacher_cannot_correct_someone_elses_attendance(client_as, team_world, running_meeting):
    url = f"/meetings/{running_meeting.id}/run/attendance/{team_world.leader.id}"
    assert client_as("teacher").post(url, data={"present": "1"}).status_code == 403
    assert client_as("outsider").post(url, data={"present": "1"}).status_code == 404
    assert attendance(running_meeting.id) == {}


def test_minutes_carry_the_day_the_meeting_ran_and_the_planned_day_when_different(
    client_as, team_world
):
    planned = datetime(2026, 3, 3, 15, 30)
    meeting = factories.make_past_meeting(
        team_world.team, planned, [{"title": "Check-in", "planned_minutes": 10}]
    )
    meeting.started_at = datetime(2026, 3, 5, 20, 40)  # UTC: 3:40 PM in New York
    db.session.commit()

    page = words(client_as("teacher").get(f"/meetings/{meeting.id}/minutes"))
    assert "Ran on Thursday March 5, 2026 · 3:40 PM (planned for Tuesday March 3, 2026)" in page
    show = words(client_as("teacher").get(f"/meetings/{meeting.id}"))
    assert "Ran on Thursday March 5, 2026" in show

    pdf = client_as("teacher").get(f"/meetings/{meeting.id}/minutes.pdf")
    assert pdf.status_code == 200
    assert f"minutes-2026-03-05-{meeting.id}.pdf" in pdf.headers["Content-Disposition"]


def test_minutes_of_a_meeting_run_on_its_planned_day_name_that_day_once(client_as, team_world):
    today = local_now().replace(hour=15, minute=30, second=0, microsecond=0)
    meeting = factories.make_meeting(team_world.team, segments=["Check-in"], starts_at=today)
    meeting.started_at = utcnow()
    db.session.commit()
    page = words(client_as("teacher").get(f"/meetings/{meeting.id}/minutes"))
    assert f"Ran on {local_now():%A %B}" in page
    assert "planned for" not in page


def test_an_admin_off_the_team_adding_a_note_is_not_listed(client_as, running_meeting):
    response = client_as("admin").post(
        f"/meetings/{running_meeting.id}/run/contributions",
        data={"kind": "note", "body": "Visiting today."},
    )
    assert response.status_code == 302
    assert attendance(running_meeting.id) == {}
