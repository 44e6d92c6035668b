"""Private nudges: from the mentor to the leader's own device, never on the projector."""

import pytest
import sqlalchemy as sa

from app.extensions import db
from app.leadership.models import Nudge
from app.teams.models import Role
from tests import factories
from tests.meetings.helpers import HTMX, count, fresh, text, words

BODY = "Ask Marcus how he knew 2/5 is close to 1/2."


@pytest.fixture
def meeting(team_world):
    return factories.make_meeting(
        team_world.team,
        title="Fractions debrief",
        running=True,
        segments=["Check-in", "Share student work"],
    )


def send(client, meeting, body=BODY, leader=None):
    data = {"body": body}
    if leader is not None:
        data["leader"] = str(leader.id)
    return client.post(f"/meetings/{meeting.id}/nudges", data=data)


def waiting(client, meeting, **kwargs):
    return client.get(f"/meetings/{meeting.id}/run/nudges", **kwargs)


def dismiss(client, meeting, nudge, htmx=False):
    return client.post(
        f"/meetings/{meeting.id}/nudges/{nudge.id}/dismiss", headers=HTMX if htmx else {}
    )


def only_nudge() -> Nudge:
    db.session.expire_all()
    return db.session.scalars(sa.select(Nudge)).one()


def test_mentor_sends_a_nudge_to_the_leader_stamped_with_the_segment(
    client_as, team_world, meeting
):
    mentor = client_as("mentor")

    response = send(mentor, meeting, body=f"  {BODY}  ")

    assert response.status_code == 302
    assert response.headers["Location"] == f"/meetings/{meeting.id}/moves#nudge"
    nudge = only_nudge()
    assert (nudge.body, nudge.from_id, nudge.to_id, nudge.segment_id) == (
        BODY,
        team_world.mentor.id,
        team_world.leader.id,
        meeting.segments[0].id,
    )
    assert nudge.dismissed_at is None
    page = words(mentor.get(response.headers["Location"]))
    assert "Nudge Jordan" in page
    assert f"{BODY} · not yet seen" in page


def test_the_leaders_run_fragment_shows_the_nudge(client_as, team_world, meeting):
    send(client_as("mentor"), meeting)

    response = waiting(client_as("leader"), meeting)

    assert response.status_code == 200
    page = text(response)
    assert BODY in page
    assert "Private nudge" in page
    assert 'Dismiss<span class="visually-hidden"> nudge: Ask Marcus how he knew 2/5...' in page


@pytest.mark.parametrize("role", ["teacher", "mentor", "admin"])
def test_the_run_fragment_shows_nothing_of_it_to_anyone_else(client_as, team_world, meeting, role):
    send(client_as("mentor"), meeting)

    response = waiting(client_as(role), meeting)

    assert response.status_code == 200
    assert BODY not in text(response)
    assert text(response).strip() == ""


def test_the_leaders_member_view_never_asks_for_nudges(client_as, team_world, meeting):
    """The member view can be projected: the leader's nudges live on the presenter console."""
    send(client_as("mentor"), meeting)

    page = text(client_as("leader").get(f"/meetings/{meeting.id}/run"))

    assert BODY not in page
    assert "/run/nudges" not in page
    assert 'id="run-nudges"' not in page


def test_the_projector_display_never_contains_the_nudge_text(client_as, team_world, meeting):
    send(client_as("mentor"), meeting)
    leader = client_as("leader")
    display = f"/meetings/{meeting.id}/run/display"

    for url in (display, f"{display}/state", f"{display}/panel", f"{display}/contributions"):
        page = text(leader.get(url))
        assert BODY not in page, url
        assert "/run/nudges" not in page and "Private nudge" not in page, url


def test_the_leaders_presenter_console_asks_for_its_nudges(client_as, team_world, meeting):
    page = text(client_as("leader").get(f"/meetings/{meeting.id}/run/console"))

    assert f'hx-get="/meetings/{meeting.id}/run/nudges"' in page
    assert "sse:nudges" in page


def test_another_teams_member_gets_404_for_the_fragment(client_as, team_world, meeting):
    send(client_as("mentor"), meeting)

    assert waiting(client_as("outsider"), meeting).status_code == 404


def test_the_leader_dismisses_it(client_as, team_world, meeting):
    send(client_as("mentor"), meeting)
    leader = client_as("leader")
    nudge = only_nudge()

    response = dismiss(leader, meeting, nudge)

    assert response.status_code == 302
    assert response.headers["Location"] == f"/meetings/{meeting.id}/run/console"
    assert fresh(Nudge, nudge.id).dismissed_at is not None
    assert BODY not in text(waiting(leader, meeting))


def test_dismissing_with_htmx_answers_the_remaining_nudges(client_as, team_world, meeting):
    first = factories.make_nudge(meeting, team_world.mentor, team_world.leader, "Slow down.")
    factories.make_nudge(meeting, team_world.mentor, team_world.leader, "Ask Sofia.")

    response = dismiss(client_as("leader"), meeting, first, htmx=True)

    assert response.status_code == 200
    page = text(response)
    assert "<html" not in page
    assert "Ask Sofia." in page
    assert "Slow down." not in page


@pytest.mark.parametrize("role", ["mentor", "teacher", "admin"])
def test_another_user_dismissing_it_gets_404(client_as, team_world, meeting, role):
    nudge = factories.make_nudge(meeting, team_world.mentor, team_world.leader)

    assert dismiss(client_as(role), meeting, nudge).status_code == 404
    assert fresh(Nudge, nudge.id).dismissed_at is None


def test_dismissing_it_through_another_meeting_is_404(client_as, team_world, meeting):
    nudge = factories.make_nudge(meeting, team_world.mentor, team_world.leader)
    other = factories.make_meeting(team_world.team, segments=["Check-in"])

    assert dismiss(client_as("leader"), other, nudge).status_code == 404
    assert dismiss(client_as("leader"), meeting, Nudge(id=987654)).status_code == 404
    assert fresh(Nudge, nudge.id).dismissed_at is None


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "Write the nudge first."),
        ("   ", "Write the nudge first."),
        ("n" * 300, "Keep it under 280 characters."),
    ],
    ids=["empty", "blank", "300 characters"],
)
def test_an_empty_or_too_long_nudge_is_422_with_a_message(
    client_as, team_world, meeting, body, message
):
    response = send(client_as("mentor"), meeting, body=body)

    assert response.status_code == 422
    page = text(response)
    assert message in page
    assert 'aria-invalid="true"' in page
    assert count(Nudge) == 0
    if body.strip():
        assert body in page


def test_a_nudge_of_280_characters_is_sent(client_as, team_world, meeting):
    assert send(client_as("mentor"), meeting, body="n" * 280).status_code == 302

    assert only_nudge().body == "n" * 280


def test_a_teacher_cannot_send_a_nudge(client_as, team_world, meeting):
    assert send(client_as("teacher"), meeting).status_code == 403
    assert count(Nudge) == 0


def test_the_leader_cannot_nudge_themself(client_as, team_world, meeting):
    assert send(client_as("leader"), meeting).status_code == 403
    assert count(Nudge) == 0


def test_a_nudge_to_someone_who_is_not_a_leader_of_the_team_is_404(client_as, team_world, meeting):
    mentor = client_as("mentor")

    assert send(mentor, meeting, leader=team_world.teacher).status_code == 404
    assert send(mentor, meeting, leader=team_world.outsider).status_code == 404
    assert count(Nudge) == 0


def test_no_teacher_leader_means_no_one_to_nudge(client_as, team_world):
    alone = factories.make_team(members={team_world.mentor: Role.mentor})
    meeting = factories.make_meeting(alone, running=True, segments=["Check-in"])

    assert send(client_as("mentor"), meeting).status_code == 404


def test_the_nudge_stays_in_the_mentoring_record_after_dismissal(client_as, team_world, meeting):
    send(client_as("mentor"), meeting)
    leader = client_as("leader")
    dismiss(leader, meeting, only_nudge())

    for role in ("leader", "mentor"):
        page = words(client_as(role).get(f"/meetings/{meeting.id}/mentoring"))
        assert f"{BODY} · Ana Mentor during “Check-in” · seen" in page
    assert f"{BODY} · seen" in words(client_as("mentor").get(f"/meetings/{meeting.id}/moves"))


def test_the_run_fragment_statement_count_does_not_grow_with_nudges(
    client_as, team_world, meeting, count_statements
):
    leader = client_as("leader")
    factories.make_nudge(meeting, team_world.mentor, team_world.leader)
    with count_statements() as one:
        assert waiting(leader, meeting).status_code == 200

    for n in range(10):
        factories.make_nudge(meeting, team_world.mentor, team_world.leader, f"Nudge {n}")
    with count_statements() as eleven:
        assert waiting(leader, meeting).status_code == 200

    assert eleven.count == one.count
