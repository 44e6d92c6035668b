"""The mentor sees live whether the leader has read a nudge; sending one redraws only its box."""

import re

import pytest

from app import live
from app.leadership.models import Nudge
from app.teams.models import Role
from tests import factories
from tests.meetings.helpers import HTMX, count, text, words

BODY = "Ask Marcus how he knew 2/5 is close to 1/2."


@pytest.fixture
def meeting(team_world):
    return factories.make_meeting(
        team_world.team, title="Fractions debrief", running=True, segments=["Check-in"]
    )


def sent(client, meeting):
    return client.get(f"/meetings/{meeting.id}/nudges/sent", headers=HTMX)


def events_after(channel: str, after: str) -> list[str]:
    return [event.name for event in live.broker().read(channel, after, timeout=0)]


def test_the_leader_dismissing_a_nudge_tells_the_meetings_screens(client_as, team_world, meeting):
    nudge = factories.make_nudge(meeting, team_world.mentor, team_world.leader, BODY)
    after = live.broker().latest_id(meeting.channel())

    client_as("leader").post(f"/meetings/{meeting.id}/nudges/{nudge.id}/dismiss", headers=HTMX)

    assert events_after(meeting.channel(), after) == ["nudges"]


def test_the_mentors_list_says_seen_once_the_leader_dismissed_it(client_as, team_world, meeting):
    nudge = factories.make_nudge(meeting, team_world.mentor, team_world.leader, BODY)
    mentor = client_as("mentor")
    assert words(sent(mentor, meeting)) == f"{BODY} · not yet seen"

    client_as("leader").post(f"/meetings/{meeting.id}/nudges/{nudge.id}/dismiss")

    response = sent(mentor, meeting)
    assert response.status_code == 200
    assert "<html" not in text(response)
    assert words(response) == f"{BODY} · seen"


def test_the_move_logger_refetches_its_sent_nudges_on_the_nudges_event(client_as, meeting):
    page = text(client_as("mentor").get(f"/meetings/{meeting.id}/moves"))

    assert f'hx-get="/meetings/{meeting.id}/nudges/sent"' in page
    assert 'hx-trigger="sse:nudges, sse:refresh"' in page


def test_a_teacher_cannot_read_the_sent_nudges(client_as, team_world, meeting):
    factories.make_nudge(meeting, team_world.mentor, team_world.leader, BODY)

    response = sent(client_as("teacher"), meeting)

    assert response.status_code == 403
    assert BODY not in text(response)


def test_sending_with_htmx_answers_only_the_nudge_box_with_the_nudge_listed(client_as, meeting):
    mentor = client_as("mentor")
    after = live.broker().latest_id(meeting.channel())

    response = mentor.post(f"/meetings/{meeting.id}/nudges", data={"body": BODY}, headers=HTMX)

    assert response.status_code == 200
    page = text(response)
    assert "<html" not in page
    assert 'name="made_by"' not in page  # the move form is left as it is
    assert page.count('id="nudge"') == 1
    assert f"{BODY} · not yet seen" in words(response)
    assert re.search(r"<textarea[^>]*>\s*</textarea>", page)  # empty for the next nudge
    assert events_after(meeting.channel(), after) == ["nudges"]


def test_an_empty_nudge_with_htmx_answers_the_box_with_its_message(client_as, meeting):
    response = client_as("mentor").post(
        f"/meetings/{meeting.id}/nudges", data={"body": " "}, headers=HTMX
    )

    assert response.status_code == 422
    page = text(response)
    assert "<html" not in page
    assert "Write the nudge first." in page
    assert 'aria-invalid="true"' in page
    assert count(Nudge) == 0


def test_the_sent_nudges_fragment_runs_as_many_statements_for_eight_nudges_as_for_one(
    client_as, team_world, meeting, count_statements
):
    mentor = client_as("mentor")
    factories.make_nudge(meeting, team_world.mentor, team_world.leader, BODY)
    with count_statements() as one:
        assert sent(mentor, meeting).status_code == 200
    second_mentor = factories.add_member(team_world.team, role=Role.mentor)
    for n in range(7):
        sender = second_mentor if n % 2 else team_world.mentor
        factories.make_nudge(meeting, sender, team_world.leader, f"Nudge {n}")
    with count_statements() as eight:
        assert sent(mentor, meeting).status_code == 200

    assert eight.count == one.count
