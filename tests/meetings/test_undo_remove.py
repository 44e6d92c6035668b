"""Remove hides a contribution at once and offers Undo for a few seconds on every screen of
someone allowed to remove it; after End contributions are final."""

from datetime import timedelta

import pytest

from app.extensions import db
from app.meetings.contributions import UNDO_WINDOW
from app.meetings.models import Contribution
from app.timeutil import utcnow
from tests import factories
from tests.meetings.helpers import HTMX, at_the_same_moment, fresh, text


@pytest.fixture
def note(team_world, running_meeting):
    return factories.make_contribution(running_meeting, team_world.teacher, "Two strategies")


def remove(client, note_id, htmx=True):
    return client.post(f"/contributions/{note_id}/delete", headers=HTMX if htmx else {})


def undo(client, note_id, htmx=True):
    return client.post(f"/contributions/{note_id}/restore", headers=HTMX if htmx else {})


def listing(client, meeting):
    return text(client.get(f"/meetings/{meeting.id}/run/contributions", headers=HTMX))


def test_remove_hides_the_contribution_and_offers_undo_to_the_remover(
    client_as, running_meeting, note
):
    teacher = client_as("teacher")
    response = remove(teacher, note.id)
    assert response.status_code == 204
    assert response.headers["HX-Trigger"] == "contributions-changed"
    assert fresh(Contribution, note.id).removed_at is not None

    mine = listing(teacher, running_meeting)
    assert "Removed." in mine and f'action="/contributions/{note.id}/restore"' in mine
    assert 'class="contribution ' not in mine
    assert 'hx-trigger="load delay:' in mine  # the offer goes away on its own


def test_a_presenter_is_offered_undo_and_another_teacher_only_sees_it_gone(
    client_as, client_for, team_world, running_meeting, note
):
    remove(client_as("teacher"), note.id)
    presenter = listing(client_as("mentor"), running_meeting)
    assert "A note was removed." in presenter and "Undo" in presenter

    client = client_for(factories.add_member(team_world.team))
    theirs = listing(client, running_meeting)
    assert "Two strategies" not in theirs and "Undo" not in theirs


def test_undo_brings_it_back_everywhere(client_as, running_meeting, note):
    remove(client_as("teacher"), note.id)
    response = undo(client_as("leader"), note.id)
    assert response.status_code == 204
    assert response.headers["HX-Trigger"] == "contributions-changed"
    assert fresh(Contribution, note.id).removed_at is None
    for role in ("teacher", "mentor"):
        page = listing(client_as(role), running_meeting)
        assert "Two strategies" in page and "Undo" not in page


def test_second_undo_says_it_is_already_back(client_as, note):
    remove(client_as("teacher"), note.id)
    assert undo(client_as("teacher"), note.id).status_code == 204
    again = undo(client_as("mentor"), note.id)
    assert again.status_code == 409
    assert "already back" in text(again)


def test_undo_after_the_window_is_refused_and_the_note_stays_hidden(
    client_as, running_meeting, note
):
    remove(client_as("teacher"), note.id)
    stored = fresh(Contribution, note.id)
    stored.removed_at = utcnow() - UNDO_WINDOW - timedelta(seconds=1)
    db.session.commit()
    assert "Undo" not in listing(client_as("teacher"), running_meeting)
    late = undo(client_as("teacher"), note.id, htmx=False)
    assert late.status_code == 409
    assert "Too late to undo" in text(late)
    assert fresh(Contribution, note.id).removed_at is not None


def test_undo_is_for_those_allowed_to_remove_it(client_as, team_world, running_meeting):
    leaders = factories.make_contribution(running_meeting, team_world.leader, "Leader's idea")
    remove(client_as("leader"), leaders.id)
    assert undo(client_as("teacher"), leaders.id).status_code == 403
    assert undo(client_as("outsider"), leaders.id).status_code == 404
    assert fresh(Contribution, leaders.id).removed_at is not None


def test_a_removed_contribution_cannot_be_removed_again_or_marked_done(client_as, note):
    remove(client_as("teacher"), note.id)
    assert remove(client_as("teacher"), note.id).status_code == 404
    assert client_as("mentor").post(f"/contributions/{note.id}/done").status_code == 404


def test_removed_contributions_are_never_in_the_minutes_or_on_the_dashboard(
    client_as, team_world, running_meeting
):
    action = factories.make_contribution(
        running_meeting, team_world.leader, "Copy the task", kind="action", owner=team_world.teacher
    )
    remove(client_as("leader"), action.id)
    assert "Copy the task" not in text(client_as("teacher").get("/"))
    minutes = text(client_as("teacher").get(f"/meetings/{running_meeting.id}/minutes"))
    assert "Copy the task" not in minutes


def test_after_end_contributions_are_final(client_as, team_world, running_meeting, note):
    running_meeting.ended_at = utcnow()
    db.session.commit()
    refused = remove(client_as("mentor"), note.id)
    assert refused.status_code == 409
    assert "minutes are final" in text(refused)
    assert remove(client_as("teacher"), note.id, htmx=False).status_code == 409
    assert fresh(Contribution, note.id).removed_at is None
    assert "Remove" not in listing(client_as("mentor"), running_meeting)


def test_undo_is_refused_once_the_meeting_ended(client_as, running_meeting, note):
    remove(client_as("teacher"), note.id)
    running_meeting.ended_at = utcnow()
    db.session.commit()
    assert undo(client_as("teacher"), note.id).status_code == 409
    assert fresh(Contribution, note.id).removed_at is not None


def test_two_presenters_pressing_undo_at_once_restore_it_once_without_an_error(
    app, client_as, note
):
    remove(client_as("teacher"), note.id)
    mentor, leader = client_as("mentor"), client_as("leader")
    responses = at_the_same_moment(
        app, lambda: undo(mentor, note.id), lambda: undo(leader, note.id)
    )
    assert {r.status_code for r in responses} <= {204, 409}
    assert 204 in {r.status_code for r in responses}
    assert fresh(Contribution, note.id).removed_at is None


def test_two_presenters_removing_at_once_remove_it_without_an_error(app, client_as, note):
    mentor, leader = client_as("mentor"), client_as("leader")
    responses = at_the_same_moment(
        app, lambda: remove(mentor, note.id), lambda: remove(leader, note.id)
    )
    assert {r.status_code for r in responses} <= {204, 404}
    assert fresh(Contribution, note.id).removed_at is not None
