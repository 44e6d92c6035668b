"""The run view's notes sent in its live stream (?push=notes), as the screen's own person."""

import re

import pytest
import sqlalchemy as sa

from app import live
from app.auth import sessions
from app.auth.models import User
from app.extensions import db
from app.teams.models import Membership
from tests import factories
from tests.conftest import Auth


@pytest.fixture(autouse=True)
def short_streams(app, monkeypatch):
    """Streams end after a second, so a test can read the whole body."""
    monkeypatch.setitem(app.config, "LIVE_STREAM_SECONDS", 1)


@pytest.fixture
def meeting(team_world):
    return factories.make_meeting(
        team_world.team, segments=["Check-in", "Anticipate"], running=True
    )


def signed_in(app, user):
    client = app.test_client()
    Auth(client).login(user)
    return client


def at_the_meeting(meeting_id: int, *clients) -> None:
    """Already marked here: a note then changes no attendance."""
    for client in clients:
        client.get(f"/meetings/{meeting_id}/run")


def post_note(client, meeting_id: int, body: str, **extra) -> None:
    response = client.post(
        f"/meetings/{meeting_id}/run/contributions", data={"kind": "note", "body": body, **extra}
    )
    assert response.status_code == 302


def events(body: str) -> list[tuple[str, str]]:
    """(name, data) of each event in a stream's body, data lines joined as a browser does."""
    found = []
    for block in body.split("\n\n"):
        lines = block.split("\n")
        names = [line.removeprefix("event: ") for line in lines if line.startswith("event: ")]
        data = [line.removeprefix("data: ") for line in lines if line.startswith("data: ")]
        if names:
            found.append((names[0], "\n".join(data)))
    return found


def stream(client, meeting_id: int, after: str, push: str | None = "notes"):
    query = f"?after={after}" + (f"&push={push}" if push else "")
    return client.get(f"/meetings/{meeting_id}/run/events{query}")


def pushed_notes(response) -> str:
    sent = events(response.get_data(as_text=True))
    notes = [data for name, data in sent if name == "notes"]
    assert len(notes) == 1, sent
    return notes[0]


def note_item(html: str, body: str) -> str:
    """The <li> of the note with `body`."""
    match = re.search(r"<li class=\"contribution[^>]*>(?:(?!</li>).)*" + body, html, re.S)
    assert match, f"{body!r} not in the notes"
    return html[match.start() : html.index("</li>", match.end())]


def test_stream_sends_the_notes_after_a_note_so_no_screen_refetches(app, team_world, meeting):
    author, viewer = signed_in(app, team_world.leader), signed_in(app, team_world.teacher)
    at_the_meeting(meeting.id, author, viewer)
    before = live.broker().latest_id(meeting.channel())
    post_note(author, meeting.id, "The shared plan for Monday")

    sent = events(stream(viewer, meeting.id, before).get_data(as_text=True))

    assert [name for name, _ in sent] == ["contributions", "notes"]
    assert "The shared plan for Monday" in sent[1][1]
    assert 'class="contributions"' in sent[1][1]


def test_stream_without_push_sends_event_names_only(app, team_world, meeting):
    author, viewer = signed_in(app, team_world.leader), signed_in(app, team_world.teacher)
    at_the_meeting(meeting.id, author, viewer)
    before = live.broker().latest_id(meeting.channel())
    post_note(author, meeting.id, "A shared note")

    sent = events(stream(viewer, meeting.id, before, push=None).get_data(as_text=True))

    assert sent == [("contributions", "contributions")]


def test_pushed_notes_hold_only_the_viewers_own_private_notes(app, team_world, meeting):
    teacher, mentor = signed_in(app, team_world.teacher), signed_in(app, team_world.mentor)
    at_the_meeting(meeting.id, teacher, mentor)
    before = live.broker().latest_id(meeting.channel())
    post_note(teacher, meeting.id, "Only mine to read", is_private="y")
    post_note(teacher, meeting.id, "Everyone reads this")

    to_teacher = pushed_notes(stream(teacher, meeting.id, before))
    to_mentor = pushed_notes(stream(mentor, meeting.id, before))

    assert "Only mine to read" in to_teacher and "Everyone reads this" in to_teacher
    assert "Everyone reads this" in to_mentor
    assert "Only mine to read" not in to_mentor


def test_pushed_notes_offer_remove_only_where_the_viewer_may_remove(app, team_world, meeting):
    teacher, leader = signed_in(app, team_world.teacher), signed_in(app, team_world.leader)
    at_the_meeting(meeting.id, teacher, leader)
    before = live.broker().latest_id(meeting.channel())
    post_note(teacher, meeting.id, "The teacher wrote this")
    post_note(leader, meeting.id, "The leader wrote this")

    to_teacher = pushed_notes(stream(teacher, meeting.id, before))
    to_leader = pushed_notes(stream(leader, meeting.id, before))

    assert "Remove" in note_item(to_teacher, "The teacher wrote this")
    assert "Remove" not in note_item(to_teacher, "The leader wrote this")
    # The leader presents: they may remove anyone's note.
    assert "Remove" in note_item(to_leader, "The teacher wrote this")


def test_pushed_remove_form_carries_a_working_csrf_token(app, monkeypatch, team_world, meeting):
    teacher = signed_in(app, team_world.teacher)
    teacher.get(f"/meetings/{meeting.id}/run")
    before = live.broker().latest_id(meeting.channel())
    post_note(teacher, meeting.id, "Remove me with the pushed form")
    item = note_item(pushed_notes(stream(teacher, meeting.id, before)), "Remove me")
    action = re.search(r'action="([^"]+)"', item)[1]
    token = re.search(r'name="csrf_token" value="([^"]+)"', item)[1]

    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)
    assert teacher.post(action, data={"csrf_token": "forged"}).status_code == 400
    assert teacher.post(action, data={"csrf_token": token}).status_code == 302


def test_person_who_left_the_team_gets_no_pushed_notes(app, team_world, meeting):
    leader, teacher = signed_in(app, team_world.leader), signed_in(app, team_world.teacher)
    at_the_meeting(meeting.id, leader, teacher)
    before = live.broker().latest_id(meeting.channel())
    post_note(leader, meeting.id, "Said after the teacher left")
    response = stream(teacher, meeting.id, before)  # opened while still on the team
    db.session.execute(sa.delete(Membership).where(Membership.user_id == team_world.teacher.id))
    db.session.commit()

    sent = events(response.get_data(as_text=True))

    assert [name for name, _ in sent] == ["contributions"]
    assert "Said after the teacher left" not in response.get_data(as_text=True)


def test_next_segment_pushes_the_notes_too(app, team_world, meeting):
    leader = signed_in(app, team_world.leader)
    page = leader.get(f"/meetings/{meeting.id}/run/console").get_data(as_text=True)
    run_version = re.search(r'name="run_version" value="(\d+)"', page)[1]
    before = live.broker().latest_id(meeting.channel())
    leader.post(f"/meetings/{meeting.id}/run/next", data={"run_version": run_version})

    sent = events(stream(leader, meeting.id, before).get_data(as_text=True))

    assert [name for name, _ in sent] == ["state", "notes"]


def test_run_view_draws_its_notes_from_the_stream(app, team_world, meeting):
    page = signed_in(app, team_world.teacher).get(f"/meetings/{meeting.id}/run")
    html = page.get_data(as_text=True)
    notes = re.search(r'<div id="run-contributions"[^>]*>', html)[0]
    panel = re.search(r'<div id="run-panel"[^>]*>', html)[0]
    assert "push=notes" in re.search(r'sse-connect="([^"]+)"', html)[1]
    assert 'sse-swap="notes"' in notes
    assert "sse:notes-stale" in notes and "sse:contributions" not in notes
    # The segment's panel draws nothing a note changes.
    assert "sse:contributions" not in panel


def test_projector_stream_sends_the_shared_notes_without_forms_or_private_notes(
    app, team_world, meeting
):
    teacher, leader = signed_in(app, team_world.teacher), signed_in(app, team_world.leader)
    at_the_meeting(meeting.id, teacher, leader)
    before = live.broker().latest_id(meeting.channel())
    post_note(leader, meeting.id, "Mine alone", is_private="y")
    post_note(leader, meeting.id, "On the projector")

    on_the_projector = pushed_notes(stream(leader, meeting.id, before, push="display-notes"))

    assert "On the projector" in on_the_projector
    assert "Mine alone" not in on_the_projector
    assert "<form" not in on_the_projector


def test_projector_draws_its_notes_from_the_stream(app, team_world, meeting):
    page = signed_in(app, team_world.teacher).get(f"/meetings/{meeting.id}/run/display")
    html = page.get_data(as_text=True)
    notes = re.search(r'<div id="display-contributions"[^>]*>', html)[0]
    assert "push=display-notes" in re.search(r'sse-connect="([^"]+)"', html)[1]
    assert 'sse-swap="notes"' in notes and "sse:contributions" not in notes


def test_a_browser_signed_out_meanwhile_gets_no_notes_and_is_told_to_refetch(
    app, team_world, meeting
):
    leader, teacher = signed_in(app, team_world.leader), signed_in(app, team_world.teacher)
    at_the_meeting(meeting.id, leader, teacher)
    before = live.broker().latest_id(meeting.channel())
    post_note(leader, meeting.id, "Said after she signed out")
    response = stream(teacher, meeting.id, before)  # opened while signed in
    sessions.end_all(db.session.get(User, team_world.teacher.id))  # "sign out everywhere"
    db.session.commit()

    body = response.get_data(as_text=True)

    assert [name for name, _ in events(body)] == ["contributions", "notes-stale"]
    assert "Said after she signed out" not in body
    refetch = teacher.get(f"/meetings/{meeting.id}/run/contributions")
    assert refetch.status_code == 302 and "/sign-in" in refetch.headers["Location"]


def test_a_push_runs_as_many_statements_with_many_notes_as_with_few(
    app, team_world, meeting, count_statements
):
    leader, teacher = signed_in(app, team_world.leader), signed_in(app, team_world.teacher)
    at_the_meeting(meeting.id, leader, teacher)

    def statements_of_one_push(body: str) -> int:
        before = live.broker().latest_id(meeting.channel())
        post_note(leader, meeting.id, body)
        response = stream(teacher, meeting.id, before)
        with count_statements() as counter:
            assert body in pushed_notes(response)
        return counter.count

    few = statements_of_one_push("The first note")
    assert 0 < few <= 6, few  # sign-in, check, the meeting, the notes: no more per note
    for number in range(12):
        post_note(leader, meeting.id, f"Note {number}", kind="decision" if number % 2 else "note")
    assert statements_of_one_push("The last note") == few
