"""Three views of a running meeting: the projector display, the presenter console, the member
view. The display shows only what the whole team may see, whoever is signed in."""

from datetime import timedelta

import pytest

from app.extensions import db
from app.leadership.models import Nudge
from app.meetings.models import Meeting, SegmentKind
from app.timeutil import local_now, utcnow
from tests import factories
from tests.meetings.helpers import HTMX, fresh, text

PRIVATE = "I am unsure about my launch"
NUDGE = "Ask who solved it another way."
SHARED = "Two classrooms saw the benchmark strategy first."
PARTS = ("state", "panel", "contributions", "attendance")
EVERYONE = ("teacher", "leader", "mentor", "admin")


@pytest.fixture
def full_meeting(team_world):
    """A running meeting with a shared note, the teacher's private note, a nudge to the leader,
    and a last meeting's open action item (so the first segment shows "what we left open")."""
    w = team_world
    earlier = factories.make_meeting(
        w.team,
        title="Last cycle",
        starts_at=local_now().replace(second=0, microsecond=0) - timedelta(days=7),
        segments=[{"title": "Next steps", "kind": SegmentKind.next_steps}],
    )
    earlier.ended_at = utcnow()
    db.session.commit()
    factories.make_contribution(
        earlier, w.teacher, "Bring student work", "action", earlier.segments[0], owner=w.teacher
    )
    meeting = factories.make_meeting(
        w.team,
        title="Fractions debrief",
        running=True,
        segments=[
            {"title": "Check-in", "planned_minutes": 5, "facilitator": w.mentor},
            {"title": "Share work", "planned_minutes": 20, "facilitator": w.leader},
            {"title": "Plan ahead", "kind": SegmentKind.next_steps, "facilitator": w.mentor},
        ],
    )
    factories.make_contribution(meeting, w.teacher, SHARED)
    factories.make_contribution(meeting, w.teacher, PRIVATE, is_private=True)
    factories.make_contribution(meeting, w.leader, "Leader's own secret", is_private=True)
    db.session.add(Nudge(meeting_id=meeting.id, from_id=w.mentor.id, to_id=w.leader.id, body=NUDGE))
    db.session.commit()
    return meeting


def display_urls(meeting) -> list[str]:
    display = f"/meetings/{meeting.id}/run/display"
    return [display] + [f"{display}/{part}" for part in PARTS]


def assert_fit_for_the_projector(page: str, where: str) -> None:
    for private in (PRIVATE, "Leader's own secret", "My private notes", NUDGE, "/run/nudges"):
        assert private not in page, f"{where} shows {private!r}"
    for control in ("<form", "<button", "<input", "<textarea", "<select", "hx-post"):
        assert control not in page, f"{where} has a control: {control}"
    for chrome in ("site-header", "account-menu", "Sign out", "Large type"):
        assert chrome not in page, f"{where} shows the header: {chrome}"


def move_to(meeting_id: int, position: int) -> None:
    meeting = fresh(Meeting, meeting_id)
    meeting.current_segment = meeting.segments[position]
    db.session.commit()


def end(meeting_id: int) -> None:
    meeting = fresh(Meeting, meeting_id)
    meeting.current_segment, meeting.ended_at, meeting.timer_started_at = None, utcnow(), None
    db.session.commit()


@pytest.mark.parametrize("role", EVERYONE)
def test_the_display_shows_nothing_private_and_no_controls_whoever_opens_it(
    client_as, full_meeting, role
):
    client = client_as(role)
    for stage in ("first segment", "next steps", "ended"):
        if stage == "next steps":
            move_to(full_meeting.id, 2)
        if stage == "ended":
            end(full_meeting.id)
        for url in display_urls(full_meeting):
            for headers in ({}, HTMX):
                response = client.get(url, headers=headers)
                assert response.status_code == 200, url
                assert_fit_for_the_projector(text(response), f"{url} ({stage}, {role})")
        shown = text(client.get(display_urls(full_meeting)[0]))
        assert SHARED in shown if stage != "next steps" else "and 1 earlier" in shown


def test_a_planned_meetings_display_has_no_start_button(client_as, team_world):
    meeting = factories.make_meeting(team_world.team, segments=["Check-in"])
    for url in display_urls(meeting):
        page = text(client_as("leader").get(url))
        assert "Start the meeting" not in page
        assert "<button" not in page and "<form" not in page


def test_the_display_fragments_load_no_private_note_even_for_its_author(
    client_as, full_meeting, count_statements
):
    """The display's notes come from a query that never selects a private note."""
    client = client_as("teacher")
    with count_statements() as counter:
        client.get(f"/meetings/{full_meeting.id}/run/display/contributions")
    notes = [s for s in counter.statements if "contribution" in s.lower() and "is_private" in s]
    assert notes, counter.statements
    assert all("author_id" not in s.split("WHERE", 1)[1] for s in notes if "WHERE" in s)


def test_presenter_keys_on_the_display_for_presenters_only(client_as, full_meeting):
    url = f"/meetings/{full_meeting.id}/run/display/state"
    leader = text(client_as("leader").get(url))
    assert "data-display-keys" in leader
    assert f'data-present-url="/meetings/{full_meeting.id}/run"' in leader
    assert 'data-space="pause"' in leader
    # On the first segment ← has nowhere to go: the display does not even post it.
    assert 'data-can-next="true" data-can-previous="false"' in leader
    assert "data-display-keys" not in text(client_as("teacher").get(url))
    page = text(client_as("leader").get(f"/meetings/{full_meeting.id}/run/display"))
    assert "Keyboard shortcuts" in page


def test_the_first_segment_shows_what_we_left_open_beside_the_notes(client_as, full_meeting):
    page = text(client_as("teacher").get(f"/meetings/{full_meeting.id}/run/display"))
    body = page[page.index('class="display-body"') :]
    assert body.index("What we left open last time") < body.index(SHARED)
    assert "Bring student work" in body


def test_the_console_is_refused_to_members_who_cannot_present(client_as, full_meeting):
    client = client_as("teacher")
    for url in ("", "/state", "/end"):
        response = client.get(f"/meetings/{full_meeting.id}/run/console{url}")
        assert response.status_code == 403, url
    assert client_as("outsider").get(f"/meetings/{full_meeting.id}/run/console").status_code == 404


def test_a_teacher_who_facilitates_a_segment_gets_the_console(client_as, team_world, full_meeting):
    full_meeting.segments[1].facilitator = team_world.teacher
    db.session.commit()
    response = client_as("teacher").get(f"/meetings/{full_meeting.id}/run/console")
    assert response.status_code == 200
    assert "Next segment" in text(response)


def test_the_console_has_controls_what_comes_next_nudges_and_the_display_link(
    client_as, full_meeting
):
    page = text(client_as("leader").get(f"/meetings/{full_meeting.id}/run/console"))
    assert "Next segment →" in page and "Pause timer" in page
    assert "Up next: <strong>Share work</strong>" in page
    assert "· Jordan Leader · 20 min" in " ".join(page.split())
    assert f'hx-get="/meetings/{full_meeting.id}/run/nudges"' in page
    display = f'href="/meetings/{full_meeting.id}/run/display" target="_blank" rel="noopener"'
    assert display in page and "Open the projector display" in page
    assert "Leader&#39;s own secret" in page or "Leader's own secret" in page


def test_on_the_last_segment_next_is_disabled_and_end_asks_first(client_as, full_meeting):
    move_to(full_meeting.id, 2)
    state = text(client_as("leader").get(f"/meetings/{full_meeting.id}/run/console/state"))
    assert "This is the last segment." in state
    next_button = state[state.index("/run/next") :]
    assert (
        next_button[: next_button.index("</button>")].rstrip().endswith("disabled>Next segment →")
    )
    # One click on End only asks: the form that ends sits in a closed dialog (opened by
    # dialog.js); without JavaScript the link opens a page that asks.
    ending = f'action="/meetings/{full_meeting.id}/run/end"'
    assert state.count(ending) == 1
    dialog = state[state.index("<dialog") : state.index("</dialog>")]
    assert ending in dialog and "End the meeting now?" in dialog and "Keep going" in dialog
    assert "<dialog open" not in state
    link = f'href="/meetings/{full_meeting.id}/run/console/end" hx-boost="false"'
    assert link in state and 'data-opens-dialog="end-dialog">End the meeting…' in state


def test_ending_through_the_confirmation_page(client_as, full_meeting):
    client = client_as("leader")
    page = text(client.get(f"/meetings/{full_meeting.id}/run/console/end"))
    assert "End the meeting now?" in page
    assert "2 segments still to come" in page
    assert f'action="/meetings/{full_meeting.id}/run/end"' in page
    assert f'href="/meetings/{full_meeting.id}/run/console">Keep going' in page
    assert fresh(Meeting, full_meeting.id).status == "running"

    version = fresh(Meeting, full_meeting.id).run_version
    response = client.post(f"/meetings/{full_meeting.id}/run/end", data={"run_version": version})

    assert response.headers["Location"] == f"/meetings/{full_meeting.id}/run/console"
    assert fresh(Meeting, full_meeting.id).status == "ended"
    again = text(client.get(f"/meetings/{full_meeting.id}/run/console/end"))
    assert "This meeting has already ended" in again and "End the meeting</button>" not in again


def test_the_member_view_has_the_note_form_and_no_presenter_controls(client_as, full_meeting):
    for role in ("teacher", "leader"):
        page = text(client_as(role).get(f"/meetings/{full_meeting.id}/run"))
        assert "data-contribution-form" in page
        assert "Next segment" not in page and "data-presenter" not in page
        assert "/run/nudges" not in page
    teacher = text(client_as("teacher").get(f"/meetings/{full_meeting.id}/run"))
    assert PRIVATE in teacher and "My private notes" in teacher
    assert "Open the presenter console" not in teacher


def test_a_presenter_on_the_member_view_is_shown_the_console_and_the_display(
    client_as, full_meeting
):
    page = text(client_as("leader").get(f"/meetings/{full_meeting.id}/run"))
    assert f'href="/meetings/{full_meeting.id}/run/console">Open the presenter console' in page
    assert f'href="/meetings/{full_meeting.id}/run/display" target="_blank"' in page


def test_after_end_every_view_shows_the_recap(client_as, team_world, full_meeting):
    w = team_world
    factories.make_contribution(full_meeting, w.mentor, "We teach Fraction Pairs", "decision")
    factories.make_contribution(full_meeting, w.leader, "Copy the task", "action", owner=w.teacher)
    end(full_meeting.id)
    for url in ("run/contributions", "run/display/contributions", "run/display"):
        page = text(client_as("teacher").get(f"/meetings/{full_meeting.id}/{url}"))
        assert "Nothing added" not in page, url
        assert "Decisions (1)" in page and "We teach Fraction Pairs" in page, url
        assert "Action items (1)" in page and "Copy the task" in page, url
        assert "Notes and questions added (1)" in page and SHARED in page, url


def test_an_ended_meeting_with_nothing_added_says_so(client_as, team_world):
    meeting = factories.make_meeting(team_world.team, segments=["Only"], running=True)
    end(meeting.id)
    page = text(client_as("teacher").get(f"/meetings/{meeting.id}/run/display/contributions"))
    assert "Nothing was added during this meeting." in page
    assert "to this segment" not in page


def test_next_steps_shows_earlier_decisions_and_actions_open(client_as, team_world, full_meeting):
    w = team_world
    factories.make_contribution(full_meeting, w.mentor, "We teach Fraction Pairs", "decision")
    factories.make_contribution(full_meeting, w.leader, "Copy the task", "action", owner=w.teacher)
    move_to(full_meeting.id, 2)
    for url in ("run/contributions", "run/display/contributions"):
        page = text(client_as("teacher").get(f"/meetings/{full_meeting.id}/{url}"))
        carried = page[page.index("Decided and assigned earlier") :]
        carried = carried[: carried.index("</section>")]
        assert "We teach Fraction Pairs" in carried and "Copy the task" in carried, url
        assert SHARED not in carried
    member = text(client_as("teacher").get(f"/meetings/{full_meeting.id}/run/contributions"))
    assert "<summary>Earlier in this meeting (1)</summary>" in member
