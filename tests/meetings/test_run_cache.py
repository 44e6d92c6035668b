"""Run-view fragments are rendered once per change and served to every screen that asks, but
never one person's fragment to another, and never a stale one."""

import re
import time

import pytest
from flask import current_app

from app.extensions import db
from app.meetings.models import Contribution
from app.teams.models import Membership, Role
from tests import factories
from tests.meetings.helpers import HTMX, text

PRIVATE = "Only for me: unsure about the launch"
SHARED = "Two classrooms saw the benchmark strategy first."


@pytest.fixture
def meeting(team_world):
    meeting = factories.make_meeting(
        team_world.team,
        title="Fractions debrief",
        running=True,
        segments=[{"title": "Check-in", "facilitator": team_world.mentor}, {"title": "Share"}],
    )
    factories.make_contribution(meeting, team_world.teacher, SHARED)
    factories.make_contribution(meeting, team_world.teacher, PRIVATE, is_private=True)
    return meeting


@pytest.fixture
def second_teacher(team_world):
    person = factories.make_user("teacher2@example.org", "Kim Second-Teacher")
    db.session.add(Membership(team=team_world.team, user=person, role=Role.teacher))
    db.session.commit()
    return person


def renders() -> int:
    found = current_app.extensions.get("run_cache")
    return found.renders if found else 0


def add_note(client, meeting, body: str, private: bool = False):
    form = {"kind": "note", "body": body, "owner_id": "", "due_on": ""}
    if private:
        form["is_private"] = "y"
    response = client.post(f"/meetings/{meeting.id}/run/contributions", data=form, headers=HTMX)
    assert response.status_code == 200


def test_a_second_screen_gets_the_stored_rendering(client_as, meeting, count_statements):
    url = f"/meetings/{meeting.id}/run/display/contributions"
    first = client_as("teacher").get(url)
    before = renders()
    with count_statements() as counter:
        second = client_as("mentor").get(url)
    assert renders() == before
    assert text(second) == text(first) and SHARED in text(second)
    assert not [s for s in counter.statements if "contributions.body" in s]


def test_two_members_each_get_their_own_notes_and_remove_buttons(
    app, client_as, meeting, team_world, second_teacher
):
    url = f"/meetings/{meeting.id}/run/contributions"
    author = client_as("teacher")
    other = app.test_client()
    other.post("/sign-in", data={"email": second_teacher.email, "password": factories.PASSWORD})
    for _ in range(2):  # the second round comes from the cache
        mine, theirs = text(author.get(url, headers=HTMX)), text(other.get(url, headers=HTMX))
        assert PRIVATE in mine and "Remove" in mine
        assert PRIVATE not in theirs and SHARED in theirs
        assert "Remove" not in theirs  # the note is the teacher's, and Kim cannot present


def test_a_new_note_is_on_every_screen_at_once(client_as, meeting):
    url = f"/meetings/{meeting.id}/run/contributions"
    display = f"/meetings/{meeting.id}/run/display/contributions"
    leader = client_as("leader")
    assert "Fresh idea" not in text(leader.get(url)) + text(leader.get(display))
    add_note(client_as("mentor"), meeting, "Fresh idea from the mentor")
    assert "Fresh idea" in text(leader.get(url))
    assert "Fresh idea" in text(leader.get(display))


def test_a_private_note_reaches_its_author_though_no_event_is_published(client_as, meeting):
    url = f"/meetings/{meeting.id}/run/contributions"
    teacher = client_as("teacher")
    teacher.get(url)
    add_note(teacher, meeting, "My second secret", private=True)
    assert "My second secret" in text(teacher.get(url))
    assert "My second secret" not in text(client_as("leader").get(url))
    assert "My second secret" not in text(
        client_as("teacher").get(url.replace("run/", "run/display/"))
    )


def test_a_removed_note_goes_and_its_undo_offer_is_never_kept(client_as, meeting):
    url = f"/meetings/{meeting.id}/run/contributions"
    teacher = client_as("teacher")
    teacher.get(url)
    note = db.session.query(Contribution).filter_by(body=SHARED).one()
    assert teacher.post(f"/contributions/{note.id}/delete", headers=HTMX).status_code == 204
    before = renders()
    for _ in range(2):
        assert "undo-offer" in text(teacher.get(url))
    assert renders() == before + 2
    assert SHARED not in text(client_as("leader").get(url.replace("run/", "run/display/")))


def test_the_state_moves_on_for_every_screen(client_as, meeting):
    state = f"/meetings/{meeting.id}/run/display/state"
    leader = client_as("leader")
    assert "Check-in" in text(leader.get(state)).split("segment-title")[1]
    version = str(meeting.run_version)
    response = client_as("mentor").post(
        f"/meetings/{meeting.id}/run/next", data={"run_version": version}, headers=HTMX
    )
    assert response.status_code == 200
    assert "Share" in text(leader.get(state)).split("segment-title")[1]


def test_attendance_toggles_show_to_whoever_may_press_them(client_as, meeting, team_world):
    url = f"/meetings/{meeting.id}/run/attendance"
    for role, toggles in (("mentor", 3), ("teacher", 1), ("leader", 3), ("teacher", 1)):
        page = text(client_as(role).get(url))
        assert page.count("<form") == toggles, role


def test_an_unchanged_fragment_answers_304(client_as, meeting):
    url = f"/meetings/{meeting.id}/run/display/contributions"
    leader = client_as("leader")
    first = leader.get(url)
    etag = first.headers["ETag"]
    assert "no-cache" in first.headers["Cache-Control"]
    assert "private" in first.headers["Cache-Control"]
    again = leader.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and not again.data
    add_note(client_as("teacher"), meeting, "Something new")
    changed = leader.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and "Something new" in text(changed)


def test_an_unchanged_fragment_with_forms_answers_304_a_second_later(app, client_as, meeting):
    """Its CSRF token is signed afresh each second; the browser's copy holds a valid one."""
    url = f"/meetings/{meeting.id}/run/attendance"
    mentor, other_session = client_as("mentor"), client_as("mentor")
    app.config["WTF_CSRF_ENABLED"] = True  # the fixture turns it off again
    first = mentor.get(url)
    assert "<form" in text(first)
    time.sleep(1.1)
    assert text(mentor.get(url)) != text(first)  # a newer token
    again = mentor.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    elsewhere = other_session.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert elsewhere.status_code == 200


def test_the_display_fragments_show_nothing_private_to_the_author_either(client_as, meeting):
    teacher = client_as("teacher")
    teacher.get(f"/meetings/{meeting.id}/run/contributions")  # her own view, cached first
    for part in ("state", "panel", "contributions", "attendance"):
        for _ in range(2):
            page = text(teacher.get(f"/meetings/{meeting.id}/run/display/{part}"))
            assert PRIVATE not in page and "Remove" not in page and "<form" not in page


def test_a_stored_form_carries_each_sessions_own_csrf_token(app, client_as, meeting):
    url = f"/meetings/{meeting.id}/run/attendance"
    first, second = client_as("mentor"), client_as("mentor")
    first.get(url)
    app.config["WTF_CSRF_ENABLED"] = True  # the fixture turns it off again
    fragment = text(second.get(url))
    assert "csrf-" not in fragment  # no placeholder left
    token = re.search(r'name="csrf_token" value="([^"]+)"', fragment).group(1)
    toggle = f"/meetings/{meeting.id}/run/attendance/{meeting.team.memberships[0].user_id}"
    response = second.post(toggle, data={"present": "1", "csrf_token": token}, headers=HTMX)
    assert response.status_code == 200


def test_someone_elses_meeting_is_404_even_when_stored(client_as, meeting):
    url = f"/meetings/{meeting.id}/run/display/contributions"
    client_as("teacher").get(url)
    assert client_as("outsider").get(url).status_code == 404
