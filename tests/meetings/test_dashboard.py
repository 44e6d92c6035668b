"""The dashboard: meetings coming up in my teams, and the action items I owe."""

from datetime import timedelta

from app.timeutil import local_now
from tests import factories
from tests.meetings.helpers import text, words


def test_coming_up_lists_my_teams_upcoming_meeting_only(client_as, team_world):
    factories.make_meeting(team_world.team, title="Our fractions meeting", location="Room 12")
    factories.make_meeting(team_world.other_team, title="Their geometry meeting")
    factories.make_meeting(
        team_world.team, title="Last month", starts_at=local_now() - timedelta(days=30)
    )

    page = words(client_as("teacher").get("/"))

    assert "Our fractions meeting Grade 4 Team ·" in page
    assert "Room 12" in page
    assert "Their geometry meeting" not in page
    assert "Last month" not in page


def test_running_meeting_offers_to_join(client_as, team_world):
    meeting = factories.make_meeting(
        team_world.team,
        title="Started an hour ago",
        starts_at=local_now() - timedelta(days=1),
        segments=["Check-in"],
        running=True,
    )
    page = text(client_as("teacher").get("/"))
    assert "Started an hour ago" in page
    assert f'href="/meetings/{meeting.id}/run">Join now' in page


def test_what_i_owe_lists_my_open_action_items_until_done(client_as, team_world):
    meeting = factories.make_meeting(team_world.team, title="Fractions planning", segments=["A"])
    mine = factories.make_contribution(
        meeting,
        team_world.mentor,
        "Bring three student samples",
        kind="action",
        segment=meeting.segments[0],
        owner=team_world.teacher,
    )
    factories.make_contribution(
        meeting,
        team_world.mentor,
        "Someone else's job",
        kind="action",
        segment=meeting.segments[0],
        owner=team_world.leader,
    )
    client = client_as("teacher")

    page = words(client.get("/"))
    assert "Bring three student samples Grade 4 Team · from Fractions planning" in page
    assert "Someone else's job" not in page

    response = client.post(f"/contributions/{mine.id}/done", data={"done": "1", "next": "/"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    page = words(client.get("/"))
    assert "Bring three student samples" not in page
    assert "Nothing is waiting on you." in page


def test_what_i_owe_leaves_out_teams_i_am_no_longer_on(client_as, team_world):
    from app.extensions import db
    from app.teams.models import Membership

    meeting = factories.make_meeting(team_world.team, title="Fractions planning", segments=["A"])
    factories.make_contribution(
        meeting,
        team_world.mentor,
        "Bring three student samples",
        kind="action",
        segment=meeting.segments[0],
        owner=team_world.teacher,
    )
    client = client_as("teacher")
    assert "Bring three student samples" in words(client.get("/"))

    db.session.execute(
        Membership.__table__.delete().where(Membership.user_id == team_world.teacher.id)
    )
    db.session.commit()

    assert "Bring three student samples" not in words(client.get("/"))
