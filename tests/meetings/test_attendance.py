"""Attendance: who was at the meeting."""

import sqlalchemy as sa

from app.extensions import db
from app.meetings.models import Attendance
from tests import factories
from tests.meetings.helpers import HTMX, at_the_same_moment, text


def attendance(meeting_id: int) -> dict[int, bool]:
    db.session.expire_all()
    rows = db.session.execute(
        sa.select(Attendance.user_id, Attendance.present).where(Attendance.meeting_id == meeting_id)
    )
    return dict(rows.all())


def toggle(client, meeting_id: int, user_id: int, present: bool, htmx=False):
    return client.post(
        f"/meetings/{meeting_id}/run/attendance/{user_id}",
        data={"present": "1" if present else "0"},
        headers=HTMX if htmx else {},
    )


def test_opening_the_run_view_of_a_running_meeting_marks_the_member_present(
    client_as, team_world, running_meeting
):
    client = client_as("teacher")
    assert client.get(f"/meetings/{running_meeting.id}/run").status_code == 200
    assert client.get(f"/meetings/{running_meeting.id}/run").status_code == 200
    assert attendance(running_meeting.id) == {team_world.teacher.id: True}


def test_opening_a_planned_meeting_counts_the_member_as_here(client_as, team_world, meeting):
    assert client_as("teacher").get(f"/meetings/{meeting.id}/run").status_code == 200
    assert attendance(meeting.id) == {team_world.teacher.id: True}


def test_admin_who_is_not_on_the_team_is_not_marked(client_as, running_meeting):
    assert client_as("admin").get(f"/meetings/{running_meeting.id}/run").status_code == 200
    assert attendance(running_meeting.id) == {}


def test_opening_the_run_view_again_keeps_an_absence_a_presenter_recorded(
    client_as, team_world, running_meeting
):
    toggle(client_as("mentor"), running_meeting.id, team_world.teacher.id, present=False)
    client_as("teacher").get(f"/meetings/{running_meeting.id}/run")
    assert attendance(running_meeting.id) == {team_world.teacher.id: False}


def test_presenter_marks_others_present_and_absent(client_as, team_world, running_meeting):
    client = client_as("leader")
    response = toggle(client, running_meeting.id, team_world.teacher.id, present=True, htmx=True)
    assert response.status_code == 200
    assert 'aria-pressed="true">Priya Teacher' in text(response)
    assert attendance(running_meeting.id) == {team_world.teacher.id: True}

    response = toggle(client, running_meeting.id, team_world.teacher.id, present=False)
    assert response.status_code == 302
    assert attendance(running_meeting.id) == {team_world.teacher.id: False}


def test_teacher_marks_themselves_but_not_someone_else(client_as, team_world, running_meeting):
    client = client_as("teacher")
    assert (
        toggle(client, running_meeting.id, team_world.teacher.id, present=True).status_code == 302
    )
    assert toggle(client, running_meeting.id, team_world.leader.id, present=True).status_code == 403
    assert attendance(running_meeting.id) == {team_world.teacher.id: True}


def test_person_not_on_the_team_is_not_found(client_as, team_world, running_meeting):
    response = toggle(client_as("mentor"), running_meeting.id, team_world.outsider.id, present=True)
    assert response.status_code == 404
    assert toggle(client_as("mentor"), running_meeting.id, 99999, present=True).status_code == 404
    assert attendance(running_meeting.id) == {}


def test_attendance_fragment_lists_every_member_with_toggles_for_presenters_only(
    client_as, team_world, running_meeting
):
    toggle(client_as("mentor"), running_meeting.id, team_world.leader.id, present=True)
    url = f"/meetings/{running_meeting.id}/run/attendance"

    presenter_view = text(client_as("mentor").get(url))
    assert presenter_view.count("<form") == 3
    assert 'class="attendance-toggle present" aria-pressed="true">Jordan Leader' in presenter_view

    teacher_view = text(client_as("teacher").get(url))
    assert teacher_view.count("<form") == 1
    assert "Ana Mentor" in teacher_view and "Otto Outsider" not in teacher_view


def test_two_presenters_marking_the_same_person_at_the_same_moment_both_succeed(
    app, client_as, team_world, running_meeting
):
    mentor, leader = client_as("mentor"), client_as("leader")
    meeting_id = running_meeting.id
    arriving = [factories.add_member(team_world.team).id for _ in range(4)]

    for user_id in arriving:  # several rounds: each is a race that may or may not collide
        responses = at_the_same_moment(
            app,
            lambda user_id=user_id: toggle(mentor, meeting_id, user_id, present=True),
            lambda user_id=user_id: toggle(leader, meeting_id, user_id, present=False),
        )
        assert [r.status_code for r in responses] == [302, 302]

    assert set(attendance(meeting_id)) == set(arriving)
