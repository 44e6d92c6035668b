"""A facilitator reopens a meeting ended by mistake, the same day only."""

from datetime import timedelta

from app import live
from app.extensions import db
from app.meetings.models import Meeting
from app.timeutil import utcnow
from tests import factories
from tests.meetings.helpers import at_the_same_moment, fresh, words


def end(client, meeting):
    version = fresh(Meeting, meeting.id).run_version
    return client.post(f"/meetings/{meeting.id}/run/end", data={"run_version": str(version)})


def reopen(client, meeting, version=None):
    if version is None:
        version = fresh(Meeting, meeting.id).run_version
    return client.post(f"/meetings/{meeting.id}/reopen", data={"run_version": str(version)})


def test_facilitator_reopens_at_the_last_segment_and_every_screen_hears_it(
    client_as, running_meeting
):
    leader = client_as("leader")
    end(leader, running_meeting)
    page = words(leader.get(f"/meetings/{running_meeting.id}"))
    assert "Reopen the meeting" in page

    before = live.broker().latest_id(running_meeting.channel())
    response = reopen(leader, running_meeting)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/meetings/{running_meeting.id}/run"
    meeting = fresh(Meeting, running_meeting.id)
    assert meeting.status == "running"
    assert meeting.current_segment_id == meeting.segments[-1].id
    assert meeting.timer_started_at is None
    assert live.broker().latest_id(running_meeting.channel()) != before


def test_a_teacher_who_facilitates_nothing_cannot_reopen(client_as, running_meeting):
    end(client_as("leader"), running_meeting)
    assert reopen(client_as("teacher"), running_meeting).status_code == 403
    assert reopen(client_as("outsider"), running_meeting).status_code == 404
    assert fresh(Meeting, running_meeting.id).status == "ended"


def test_a_meeting_ended_on_an_earlier_day_stays_ended_with_a_clear_message(
    client_as, running_meeting
):
    running_meeting.ended_at = utcnow() - timedelta(days=1, hours=1)
    db.session.commit()
    client = client_as("leader")
    assert "Reopen the meeting" not in words(client.get(f"/meetings/{running_meeting.id}"))
    response = reopen(client, running_meeting)
    assert response.status_code == 409
    assert "Only a meeting that ended today can be reopened" in words(response)
    assert fresh(Meeting, running_meeting.id).status == "ended"


def test_a_running_or_planned_meeting_is_not_reopened(client_as, running_meeting, team_world):
    assert reopen(client_as("leader"), running_meeting).status_code == 409
    planned = factories.make_meeting(team_world.team, segments=["Check-in"])
    assert reopen(client_as("leader"), planned).status_code == 409
    assert fresh(Meeting, planned.id).status == "planned"


def test_two_presenters_reopening_at_once_reopen_it_once(app, client_as, running_meeting):
    end(client_as("leader"), running_meeting)
    version = fresh(Meeting, running_meeting.id).run_version
    mentor, leader = client_as("mentor"), client_as("leader")
    responses = at_the_same_moment(
        app,
        lambda: reopen(mentor, running_meeting, version),
        lambda: reopen(leader, running_meeting, version),
    )
    assert sorted(r.status_code for r in responses) == [302, 409]
    assert fresh(Meeting, running_meeting.id).run_version == version + 1


def test_a_reopened_meeting_takes_contributions_again(client_as, team_world, running_meeting):
    end(client_as("leader"), running_meeting)
    reopen(client_as("leader"), running_meeting)
    note = factories.make_contribution(fresh(Meeting, running_meeting.id), team_world.teacher)
    response = client_as("teacher").post(
        f"/contributions/{note.id}/delete", headers={"HX-Request": "true"}
    )
    assert response.status_code == 204
