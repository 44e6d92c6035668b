"""Notes, questions, decisions and action items added during a meeting, and who sees them."""

from datetime import date

import pytest
import sqlalchemy as sa

from app.extensions import db
from app.meetings.models import Contribution, ContributionKind
from tests import factories
from tests.meetings.helpers import HTMX, at_the_same_moment, count, fresh, text


def add(client, meeting_id: int, htmx=False, **data):
    form = {"kind": "note", "body": "", "owner_id": "", "due_on": ""}
    form.update({k: str(v) for k, v in data.items()})
    return client.post(
        f"/meetings/{meeting_id}/run/contributions", data=form, headers=HTMX if htmx else {}
    )


def stored() -> list[Contribution]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(Contribution).order_by(Contribution.id)))


def contributions_fragment(client, meeting_id: int) -> str:
    return text(client.get(f"/meetings/{meeting_id}/run/contributions"))


@pytest.mark.parametrize("kind", ["note", "question", "decision"])
def test_member_adds_to_the_current_segment(client_as, team_world, running_meeting, kind):
    response = add(client_as("teacher"), running_meeting.id, kind=kind, body="  Try a number line ")

    assert response.status_code == 302
    (saved,) = stored()
    assert saved.kind == ContributionKind(kind)
    assert saved.body == "Try a number line"
    assert saved.segment_id == running_meeting.segments[0].id
    assert saved.author_id == team_world.teacher.id
    assert "Try a number line" in contributions_fragment(client_as("mentor"), running_meeting.id)


def test_notes_follow_the_meeting_to_the_next_segment(client_as, running_meeting):
    client_as("mentor").post(f"/meetings/{running_meeting.id}/run/next", data={"run_version": "0"})
    add(client_as("teacher"), running_meeting.id, body="Second segment thought")
    assert stored()[0].segment_id == running_meeting.segments[1].id


def test_member_adds_an_action_item_with_owner_and_due_date(client_as, team_world, running_meeting):
    response = add(
        client_as("teacher"),
        running_meeting.id,
        htmx=True,
        kind="action",
        body="Bring student work",
        owner_id=team_world.leader.id,
        due_on="2031-05-02",
    )

    assert response.status_code == 200
    assert response.headers["HX-Trigger"] == "contributions-changed"
    (saved,) = stored()
    assert (saved.kind, saved.owner_id, saved.due_on) == (
        ContributionKind.action,
        team_world.leader.id,
        date(2031, 5, 2),
    )
    page = text(client_as("mentor").get(f"/meetings/{running_meeting.id}/run/contributions"))
    assert "owner Jordan Leader · due May 2" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "action", "body": "Bring work"}, "Choose who owns this action item."),
        ({"body": ""}, "Write something first."),
        ({"body": "   "}, "Write something first."),
        ({"body": "x" * 2001}, "Keep it under 2000 characters."),
        ({"kind": "gossip", "body": "Hello"}, "Not a valid choice."),
        ({"kind": "action", "body": "Bring work", "due_on": "2031-13-45"}, "Not a valid date"),
    ],
)
def test_invalid_contribution_is_refused_with_its_message(
    client_as, running_meeting, data, message
):
    response = add(client_as("teacher"), running_meeting.id, htmx=True, **data)
    assert response.status_code == 422
    assert message in text(response)
    assert count(Contribution) == 0


def test_body_of_exactly_two_thousand_characters_is_kept(client_as, running_meeting):
    assert add(client_as("teacher"), running_meeting.id, body="x" * 2000).status_code == 302
    assert len(stored()[0].body) == 2000


def test_action_owner_must_be_on_the_team(client_as, team_world, running_meeting):
    response = add(
        client_as("teacher"),
        running_meeting.id,
        kind="action",
        body="Bring work",
        owner_id=team_world.outsider.id,
    )
    assert response.status_code == 422
    assert count(Contribution) == 0


def test_outsider_cannot_add_to_another_teams_meeting(client_as, running_meeting):
    assert add(client_as("outsider"), running_meeting.id, body="Hi").status_code == 404
    assert count(Contribution) == 0


def test_two_people_adding_notes_at_the_same_moment_both_keep_theirs(
    app, client_as, running_meeting
):
    teacher, leader = client_as("teacher"), client_as("leader")
    meeting_id = running_meeting.id

    responses = at_the_same_moment(
        app,
        lambda: add(teacher, meeting_id, body="Teacher's note"),
        lambda: add(leader, meeting_id, body="Leader's note"),
    )

    assert [r.status_code for r in responses] == [302, 302]
    assert sorted(c.body for c in stored()) == ["Leader's note", "Teacher's note"]
    page = contributions_fragment(client_as("mentor"), meeting_id)
    assert "Teacher's note" in page and "Leader's note" in page


# --- private notes -------------------------------------------------------------------------


@pytest.fixture
def private_note(client_as, running_meeting):
    add(
        client_as("teacher"), running_meeting.id, body="I am unsure about my launch", is_private="y"
    )
    add(client_as("teacher"), running_meeting.id, body="Shared observation")
    return stored()[0]


def test_private_note_is_stored_as_private(private_note):
    assert private_note.is_private


def test_only_notes_can_be_private(client_as, team_world, running_meeting):
    add(
        client_as("teacher"),
        running_meeting.id,
        kind="decision",
        body="We pick task B",
        is_private="y",
    )
    assert stored()[0].is_private is False


def test_private_note_is_shown_to_its_author_only(client_as, running_meeting, private_note):
    mine = contributions_fragment(client_as("teacher"), running_meeting.id)
    assert "My private notes" in mine and "I am unsure about my launch" in mine

    for role in ("mentor", "leader", "admin"):
        theirs = contributions_fragment(client_as(role), running_meeting.id)
        assert "Shared observation" in theirs
        assert "I am unsure about my launch" not in theirs
        run_page = text(client_as(role).get(f"/meetings/{running_meeting.id}/run"))
        assert "I am unsure about my launch" not in run_page


def test_private_note_stays_off_the_authors_own_projector(client_as, running_meeting, private_note):
    client = client_as("teacher")
    display = f"/meetings/{running_meeting.id}/run/display"

    fragment = text(client.get(f"{display}/contributions", headers=HTMX))
    page = text(client.get(display))

    for shown in (fragment, page):
        assert "Shared observation" in shown
        assert "I am unsure about my launch" not in shown
        assert "My private notes" not in shown


def test_private_note_never_appears_in_the_minutes(client_as, running_meeting, private_note):
    for role in ("teacher", "mentor"):
        minutes = text(client_as(role).get(f"/meetings/{running_meeting.id}/minutes"))
        assert "Shared observation" in minutes
        assert "I am unsure about my launch" not in minutes


def test_someone_elses_private_note_is_not_found(client_as, private_note):
    for role in ("mentor", "leader"):
        client = client_as(role)
        assert client.post(f"/contributions/{private_note.id}/delete").status_code == 404
        assert client.post(f"/contributions/{private_note.id}/done").status_code == 404
    assert fresh(Contribution, private_note.id) is not None


def test_author_removes_their_private_note(client_as, running_meeting, private_note):
    note_id = private_note.id
    response = client_as("teacher").post(f"/contributions/{note_id}/delete", headers=HTMX)
    assert response.status_code == 204
    assert fresh(Contribution, note_id).removed_at is not None


# --- removing and marking done -------------------------------------------------------------


def shown() -> int:
    """Contributions not removed."""
    db.session.expire_all()
    query = sa.select(sa.func.count()).where(Contribution.removed_at.is_(None))
    return db.session.scalar(query.select_from(Contribution))


def test_author_removes_their_own_contribution(client_as, team_world, running_meeting):
    note = factories.make_contribution(running_meeting, team_world.teacher, "Oops")
    response = client_as("teacher").post(
        f"/contributions/{note.id}/delete", data={"next": f"/meetings/{running_meeting.id}/run"}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == f"/meetings/{running_meeting.id}/run"
    assert shown() == 0


def test_presenter_removes_someone_elses_contribution(client_as, team_world, running_meeting):
    note = factories.make_contribution(running_meeting, team_world.teacher, "Off topic")
    assert client_as("leader").post(f"/contributions/{note.id}/delete").status_code == 302
    assert shown() == 0


def test_another_teacher_cannot_remove_a_contribution(client_as, team_world, running_meeting):
    note = factories.make_contribution(running_meeting, team_world.leader, "Leader's idea")
    factories.add_member(team_world.team, team_world.outsider)
    assert client_as("outsider").post(f"/contributions/{note.id}/delete").status_code == 403
    assert client_as("teacher").post(f"/contributions/{note.id}/delete").status_code == 403
    assert shown() == 1


def test_contribution_of_another_team_is_not_found(client_as, team_world):
    theirs = factories.make_meeting(team_world.other_team, segments=["Theirs"], running=True)
    note = factories.make_contribution(theirs, team_world.outsider, "Their note")
    assert client_as("mentor").post(f"/contributions/{note.id}/delete").status_code == 404
    assert shown() == 1


def test_non_owner_teacher_cannot_mark_an_action_done(client_as, team_world, running_meeting):
    action = factories.make_contribution(
        running_meeting, team_world.leader, "Copy the task", kind="action", owner=team_world.leader
    )
    assert client_as("teacher").post(f"/contributions/{action.id}/done").status_code == 403
    assert fresh(Contribution, action.id).done_at is None


def test_presenter_marks_an_action_done_and_not_done(client_as, team_world, running_meeting):
    action = factories.make_contribution(
        running_meeting, team_world.leader, "Copy the task", kind="action", owner=team_world.teacher
    )
    client = client_as("mentor")
    assert client.post(f"/contributions/{action.id}/done", headers=HTMX).status_code == 204
    assert fresh(Contribution, action.id).done_at is not None
    client.post(f"/contributions/{action.id}/done", data={"done": "0"}, headers=HTMX)
    assert fresh(Contribution, action.id).done_at is None


def test_removing_redirects_only_to_our_own_pages(client_as, team_world, running_meeting):
    note = factories.make_contribution(running_meeting, team_world.teacher, "Oops")
    response = client_as("teacher").post(
        f"/contributions/{note.id}/delete", data={"next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert "evil.example" not in response.headers["Location"]


def test_nothing_is_added_once_the_meeting_has_ended(client_as, running_meeting):
    from app.timeutil import utcnow

    running_meeting.ended_at = utcnow()
    db.session.commit()

    response = add(client_as("teacher"), running_meeting.id, kind="note", body="Too late")

    assert response.status_code == 422
    assert "This meeting has ended; its minutes are final." in text(response)
    assert stored() == []
