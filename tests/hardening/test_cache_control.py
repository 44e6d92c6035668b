"""Shared school computers: no signed-in page or PDF stays in the browser's cache."""

import pytest

from app.extensions import db
from app.timeutil import utcnow
from tests import factories


@pytest.mark.parametrize("page", ["/", "/account/password", "/teams/{team}"])
def test_signed_in_pages_are_not_stored(client_as, team_world, page):
    response = client_as("teacher").get(page.format(team=team_world.team.id))
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"


def test_the_minutes_pdf_is_not_stored(client_as, team_world):
    meeting = factories.make_meeting(team_world.team, segments=["Check-in"], running=True)
    meeting.ended_at = utcnow()
    db.session.commit()
    response = client_as("teacher").get(f"/meetings/{meeting.id}/minutes.pdf")
    assert response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "no-store"


def test_an_admin_page_is_not_stored(client_as, team_world):
    response = client_as("admin").get("/admin/schools")
    assert response.headers["Cache-Control"] == "no-store"


def test_static_files_stay_cacheable(client):
    response = client.get("/static/css/app.css")
    assert response.status_code == 200
    assert "no-store" not in response.headers.get("Cache-Control", "")
    response.close()
