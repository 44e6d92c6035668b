"""Text arrives cleaned of what the database cannot store: NUL bytes (PostgreSQL refuses them)."""

import sqlalchemy as sa

from app.extensions import db
from app.meetings.models import Contribution, Meeting
from app.teams.models import School
from tests import factories


def test_sign_in_with_a_nul_byte_in_the_email_is_refused_with_a_message(client, team_world):
    response = client.post(
        "/sign-in",
        data="email=a%00b@demo.test&password=whatever",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 422
    assert "Sign in" in response.get_data(as_text=True)


def test_sign_in_with_a_nul_byte_in_the_query_string_still_signs_in(client, team_world):
    response = client.post(
        "/sign-in?next=/%00",
        data={"email": team_world.teacher.email, "password": factories.PASSWORD},
    )
    assert response.status_code == 302


def test_a_note_with_nul_bytes_is_saved_without_them(client_as, team_world):
    meeting = factories.make_meeting(team_world.team, segments=["Check-in"], running=True)
    response = client_as("teacher").post(
        f"/meetings/{meeting.id}/run/contributions",
        data={"kind": "note", "body": "Two\x00 strategies\x00"},
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.scalars(sa.select(Contribution.body)).all() == ["Two strategies"]


def test_a_meeting_title_with_a_nul_byte_is_saved_without_it(client_as, team_world):
    meeting = factories.make_meeting(team_world.team, title="Planning")
    response = client_as("leader").post(
        f"/meetings/{meeting.id}",
        data={
            "title": "Fractions\x00 planning",
            "day": "2031-05-02",
            "time": "15:30",
            "duration_minutes": "60",
            "version": str(meeting.version),
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Meeting, meeting.id).title == "Fractions planning"


def test_an_admin_adds_a_school_whose_name_had_a_nul_byte(client_as, team_world):
    response = client_as("admin").post("/admin/schools", data={"name": "River\x00bend"})
    assert response.status_code == 302
    assert "Riverbend" in db.session.scalars(sa.select(School.name)).all()


def test_a_name_made_only_of_nul_bytes_is_a_missing_name(client_as, team_world):
    response = client_as("admin").post("/admin/schools", data={"name": "\x00\x00"})
    assert response.status_code == 422
    assert "Enter the school" in response.get_data(as_text=True)
