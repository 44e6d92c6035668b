"""Deleting a meeting asks first, hides it everywhere, and its planners can restore it for
30 days."""

from datetime import datetime, timedelta

import pytest

from app.extensions import db
from app.meetings.models import Meeting
from app.timeutil import utcnow
from tests import factories
from tests.meetings.helpers import fresh, text, words


def delete(client, meeting):
    return client.post(f"/meetings/{meeting.id}/delete")


def restore(client, meeting):
    return client.post(f"/meetings/{meeting.id}/restore")


def test_delete_asks_first_on_a_page_that_works_without_javascript(client_as, meeting):
    client = client_as("leader")
    show = text(client.get(f"/meetings/{meeting.id}"))
    assert f'href="/meetings/{meeting.id}/delete"' in show and "data-confirm" not in show
    confirm = client.get(f"/meetings/{meeting.id}/delete")
    assert confirm.status_code == 200
    page = words(confirm)
    assert "Delete “Fractions planning”?" in page and "30 days" in page and "Keep it" in page
    assert fresh(Meeting, meeting.id).deleted_at is None  # asking changed nothing


def test_a_teacher_may_not_delete_or_see_the_question(client_as, meeting):
    assert client_as("teacher").get(f"/meetings/{meeting.id}/delete").status_code == 403
    assert delete(client_as("teacher"), meeting).status_code == 403
    assert fresh(Meeting, meeting.id).deleted_at is None


def test_a_deleted_meeting_is_hidden_from_every_page(client_as, team_world, meeting):
    contribution = factories.make_contribution(
        meeting, team_world.leader, "Bring samples", kind="action", owner=team_world.teacher
    )
    assert delete(client_as("leader"), meeting).status_code == 302
    teacher = client_as("teacher")
    for url in (
        f"/meetings/{meeting.id}",
        f"/meetings/{meeting.id}/run",
        f"/meetings/{meeting.id}/run/contributions",
        f"/meetings/{meeting.id}/minutes",
        f"/meetings/{meeting.id}/mentoring",
        f"/meetings/{meeting.id}/delete",
    ):
        assert teacher.get(url).status_code == 404, url
    assert teacher.post(f"/contributions/{contribution.id}/done").status_code == 404
    dashboard = text(teacher.get("/"))
    assert "Fractions planning" not in dashboard and "Bring samples" not in dashboard
    assert "Fractions planning" not in text(teacher.get(f"/teams/{team_world.team.id}/meetings"))
    plan = text(client_as("mentor").get(f"/teams/{team_world.team.id}/release-plan"))
    assert "Fractions planning" not in plan


def test_planners_see_recently_deleted_and_restore_it(client_as, team_world, meeting):
    delete(client_as("leader"), meeting)
    index = words(client_as("mentor").get(f"/teams/{team_world.team.id}/meetings"))
    assert "Recently deleted" in index and "by Jordan Leader" in index
    assert "Recently deleted" not in words(
        client_as("teacher").get(f"/teams/{team_world.team.id}/meetings")
    )

    response = restore(client_as("mentor"), meeting)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/meetings/{meeting.id}"
    assert fresh(Meeting, meeting.id).deleted_at is None
    assert client_as("teacher").get(f"/meetings/{meeting.id}").status_code == 200


def test_a_teacher_cannot_restore_and_another_team_gets_404(client_as, team_world, meeting):
    delete(client_as("leader"), meeting)
    assert restore(client_as("teacher"), meeting).status_code == 403
    assert restore(client_as("outsider"), meeting).status_code == 404
    assert fresh(Meeting, meeting.id).deleted_at is not None


def test_restoring_a_meeting_that_is_not_deleted_is_404(client_as, meeting):
    assert restore(client_as("leader"), meeting).status_code == 404


def test_after_30_days_it_is_gone_from_recently_deleted_and_cannot_be_restored(
    client_as, team_world, meeting
):
    delete(client_as("leader"), meeting)
    stored = fresh(Meeting, meeting.id)
    stored.deleted_at = utcnow() - timedelta(days=30, minutes=1)
    db.session.commit()
    index = words(client_as("mentor").get(f"/teams/{team_world.team.id}/meetings"))
    assert "Recently deleted" not in index
    assert restore(client_as("mentor"), meeting).status_code == 404
    assert fresh(Meeting, meeting.id).deleted_at is not None


def test_a_running_meeting_is_ended_before_it_is_deleted(client_as, running_meeting):
    response = delete(client_as("leader"), running_meeting)
    assert response.status_code == 409
    assert "End it before deleting it" in words(response)
    assert fresh(Meeting, running_meeting.id).deleted_at is None


@pytest.mark.parametrize("role", ["leader", "mentor"])
def test_a_deleted_session_leaves_the_handoff(client_as, team_world, role):
    session = factories.make_past_meeting(
        team_world.team,
        datetime(2024, 9, 10, 15, 30),
        [{"title": "Check-in", "facilitator_id": team_world.leader.id, "planned_minutes": 10}],
        title="Deleted session",
    )
    url = f"/teams/{team_world.team.id}/leaders/{team_world.leader.id}/handoff"
    assert "Deleted session" in text(client_as("mentor").get(url))
    assert delete(client_as(role), session).status_code == 302
    assert "Deleted session" not in text(client_as("mentor").get(url))
