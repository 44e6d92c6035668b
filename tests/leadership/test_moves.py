"""Logging facilitation moves live from a phone: one tap per move, stamped with the segment."""

import pytest
import sqlalchemy as sa

from app import live
from app.extensions import db
from app.leadership.models import FacilitationMove, MoveBy, MoveType
from app.meetings.models import Meeting
from app.teams.models import Role
from tests import factories
from tests.meetings.helpers import HTMX, count, fresh, text, words


@pytest.fixture
def meeting(team_world):
    """A running meeting on its second segment."""
    meeting = factories.make_meeting(
        team_world.team,
        title="Fractions debrief",
        running=True,
        segments=["Check-in", "Share student work", "Next steps"],
    )
    meeting.current_segment = meeting.segments[1]
    db.session.commit()
    return meeting


def log(client, meeting, move_type="structuring", made_by="leader", note="", htmx=False):
    return client.post(
        f"/meetings/{meeting.id}/moves",
        data={"move_type": move_type, "made_by": made_by, "note": note},
        headers=HTMX if htmx else {},
    )


def undo(client, meeting, made_by="leader", htmx=False):
    return client.post(
        f"/meetings/{meeting.id}/moves/undo",
        data={"made_by": made_by},
        headers=HTMX if htmx else {},
    )


def logged(meeting) -> list[tuple[MoveType, MoveBy, str, int | None, int]]:
    db.session.expire_all()
    return [
        (m.move_type, m.made_by, m.note, m.segment_id, m.logged_by_id)
        for m in db.session.scalars(
            sa.select(FacilitationMove)
            .where(FacilitationMove.meeting_id == meeting.id)
            .order_by(FacilitationMove.id)
        )
    ]


@pytest.mark.parametrize("observer", ["mentor", "leader"])
def test_each_move_type_by_each_person_is_stamped_with_the_current_segment(
    client_as, team_world, meeting, observer
):
    client = client_as(observer)
    segment_id = meeting.segments[1].id
    expected = []

    for kind in MoveType:
        for by in MoveBy:
            response = log(client, meeting, kind.value, by.value)
            assert response.status_code == 302
            assert response.headers["Location"] == f"/meetings/{meeting.id}/moves?by={by.value}"
            expected.append((kind, by, "", segment_id, getattr(team_world, observer).id))

    assert logged(meeting) == expected


def test_moves_follow_the_segment_the_meeting_is_on(client_as, team_world, meeting):
    mentor = client_as("mentor")
    log(mentor, meeting, "cultivating", "leader")
    running = fresh(Meeting, meeting.id)
    running.current_segment_id = meeting.segments[2].id
    db.session.commit()

    log(mentor, meeting, "connecting", "mentor", note="Linked to the Grade 5 unit")

    assert [(m[0], m[3]) for m in logged(meeting)] == [
        (MoveType.cultivating, meeting.segments[1].id),
        (MoveType.connecting, meeting.segments[2].id),
    ]
    assert logged(meeting)[1][2] == "Linked to the Grade 5 unit"


def test_a_move_before_the_meeting_starts_has_no_segment(client_as, team_world):
    planned = factories.make_meeting(team_world.team, segments=["Check-in"])

    assert log(client_as("mentor"), planned).status_code == 302

    assert logged(planned)[0][3] is None
    page = words(client_as("mentor").get(f"/meetings/{planned.id}/moves"))
    assert "The meeting has not started; moves are stamped with no segment." in page


def test_the_move_page_shows_the_current_segment_and_a_big_button_per_move(
    client_as, team_world, meeting
):
    response = client_as("mentor").get(f"/meetings/{meeting.id}/moves?by=mentor")

    assert response.status_code == 200
    page = text(response)
    assert "Now: <strong>Share student work</strong>" in page
    for kind in MoveType:
        assert f'name="move_type" value="{kind.value}"' in page
    assert '<input type="radio" name="made_by" value="mentor" checked>' in page
    assert '<label for="move-note">A few words (optional)</label>' in page


def test_the_move_page_listens_from_its_own_render_on(client_as, team_world, meeting):
    """A segment change between the page's render and the stream's connection still arrives."""
    client = client_as("mentor")
    with client.application.app_context():
        live.publish(meeting.channel(), "state")
        latest = live.broker().latest_id(meeting.channel())

    page = text(client.get(f"/meetings/{meeting.id}/moves"))

    assert f'sse-connect="/meetings/{meeting.id}/run/events?after={latest}"' in page


def test_undo_removes_only_the_loggers_own_latest_move(client_as, team_world, meeting):
    world = team_world
    mentor, leader = client_as("mentor"), client_as("leader")
    log(mentor, meeting, "structuring", "leader", note="First")
    log(mentor, meeting, "eliciting", "mentor", note="Second")
    log(leader, meeting, "cultivating", "participant", note="Leader's own")

    response = undo(mentor, meeting, made_by="mentor")

    assert response.status_code == 302
    assert response.headers["Location"] == f"/meetings/{meeting.id}/moves?by=mentor"
    assert [(m[2], m[4]) for m in logged(meeting)] == [
        ("First", world.mentor.id),
        ("Leader's own", world.leader.id),
    ]

    undo(mentor, meeting)
    assert [m[2] for m in logged(meeting)] == ["Leader's own"]
    # Nothing left of the mentor's own: undo does nothing, and never takes the leader's.
    assert undo(mentor, meeting).status_code == 302
    assert [m[2] for m in logged(meeting)] == ["Leader's own"]


def test_undo_does_not_reach_into_another_meeting(client_as, team_world, meeting):
    other = factories.make_meeting(team_world.team, running=True, segments=["Check-in"])
    mentor = client_as("mentor")
    log(mentor, meeting, note="In this meeting")
    log(mentor, other, note="In the other meeting")

    undo(mentor, meeting)

    assert logged(meeting) == []
    assert [m[2] for m in logged(other)] == ["In the other meeting"]


def test_a_teacher_gets_403(client_as, team_world, meeting):
    factories.make_move(meeting, team_world.mentor)
    teacher = client_as("teacher")

    assert teacher.get(f"/meetings/{meeting.id}/moves").status_code == 403
    assert teacher.get(f"/meetings/{meeting.id}/moves/log").status_code == 403
    assert log(teacher, meeting).status_code == 403
    assert undo(teacher, meeting).status_code == 403
    assert count(FacilitationMove) == 1


def test_another_teams_member_gets_404(client_as, team_world, meeting):
    outsider = client_as("outsider")

    assert outsider.get(f"/meetings/{meeting.id}/moves").status_code == 404
    assert log(outsider, meeting).status_code == 404
    assert count(FacilitationMove) == 0


@pytest.mark.parametrize(
    ("move_type", "made_by"),
    [("dancing", "leader"), ("", "leader"), ("structuring", "principal"), ("eliciting", "")],
)
def test_a_bogus_move_type_or_person_is_422_not_500(
    client_as, team_world, meeting, move_type, made_by
):
    response = log(client_as("mentor"), meeting, move_type, made_by)

    assert response.status_code == 422
    assert "Not a valid choice." in text(response)
    assert 'role="alert"' in text(response)
    assert count(FacilitationMove) == 0


def test_a_bad_move_over_htmx_is_422_with_the_fragment_and_the_message(
    client_as, team_world, meeting
):
    """htmx swaps error answers into the move log: a fragment there, never a whole page."""
    response = log(client_as("mentor"), meeting, "eliciting", "mentor", note="w" * 201, htmx=True)

    assert response.status_code == 422
    page = text(response)
    assert "<html" not in page and "<form" not in page.split("Undo")[0]
    assert 'role="alert"' in page
    assert "The move was not logged. Field cannot be longer than 200 characters." in page
    assert "Now: <strong>Share student work</strong>" in page
    assert count(FacilitationMove) == 0


def test_a_move_without_any_fields_is_422(client_as, team_world, meeting):
    response = client_as("mentor").post(f"/meetings/{meeting.id}/moves", data={})

    assert response.status_code == 422
    assert count(FacilitationMove) == 0


def test_the_note_is_capped_at_200_characters_with_a_message_for_longer(
    client_as, team_world, meeting
):
    mentor = client_as("mentor")

    too_long = log(mentor, meeting, "eliciting", "leader", note="w" * 201)
    assert too_long.status_code == 422
    assert "Field cannot be longer than 200 characters." in text(too_long)
    assert count(FacilitationMove) == 0

    assert log(mentor, meeting, "eliciting", "leader", note="w" * 200).status_code == 302
    assert logged(meeting)[0][2] == "w" * 200


def test_the_note_is_trimmed(client_as, team_world, meeting):
    log(client_as("mentor"), meeting, note="   asked who agreed   ")

    assert logged(meeting)[0][2] == "asked who agreed"


def test_htmx_log_answers_the_move_log_fragment(client_as, team_world, meeting):
    mentor = client_as("mentor")
    log(mentor, meeting, "structuring", "leader")

    response = log(mentor, meeting, "eliciting", "mentor", note="asked Marcus", htmx=True)

    assert response.status_code == 200
    page = text(response)
    assert "<html" not in page and "<header" not in page
    assert "Now: <strong>Share student work</strong>" in page
    assert "Last logged: <strong>Mentor · Eliciting</strong> “asked Marcus”" in page
    assert '<input type="hidden" name="made_by" value="mentor">' in page
    assert "Undo last move" in page
    assert 'class="table tally"' in page


def test_htmx_undo_answers_the_fragment_with_the_previous_move_last(client_as, team_world, meeting):
    mentor = client_as("mentor")
    log(mentor, meeting, "structuring", "leader")
    log(mentor, meeting, "eliciting", "mentor", note="asked Marcus")

    response = undo(mentor, meeting, made_by="mentor", htmx=True)

    assert response.status_code == 200
    page = text(response)
    assert "<html" not in page
    assert "Last logged: <strong>Leader · Structuring</strong>" in page
    assert "asked Marcus" not in page

    emptied = text(undo(mentor, meeting, htmx=True))
    assert "Last logged" not in emptied
    assert "Undo last move" not in emptied


def test_the_log_fragment_shows_the_tally_of_everyone_and_the_last_move_of_mine(
    client_as, team_world, meeting
):
    factories.make_move(meeting, team_world.leader, "connecting", "participant", note="Theirs")
    mentor = client_as("mentor")
    log(mentor, meeting, "cultivating", "leader", note="Mine")

    page = text(mentor.get(f"/meetings/{meeting.id}/moves/log"))

    assert "Last logged: <strong>Leader · Cultivating</strong> “Mine”" in page
    assert "Theirs" not in page
    tally = " ".join(page[page.index("<tbody>") :].split())
    assert '<th scope="row">Cultivating</th><td class="num">0</td><td class="num">1</td>' in tally
    assert (
        '<th scope="row">Connecting</th><td class="num">0</td><td class="num">0</td>'
        '<td class="num">1</td>'
    ) in tally


def test_the_moves_page_statement_count_does_not_grow_with_moves(
    client_as, team_world, meeting, count_statements
):
    world = team_world
    mentor = client_as("mentor")
    factories.make_move(meeting, world.mentor)
    factories.make_nudge(meeting, world.mentor, world.leader)
    urls = [f"/meetings/{meeting.id}/moves", f"/meetings/{meeting.id}/moves/log"]
    few = {}
    for url in urls:
        with count_statements() as counter:
            assert mentor.get(url).status_code == 200
        few[url] = counter.count

    observer = factories.add_member(world.team, role=Role.mentor)
    for n in range(40):
        segment = meeting.segments[n % 3]
        kind, by = list(MoveType)[n % 4], list(MoveBy)[n % 3]
        logger = world.mentor if n % 2 else observer
        factories.make_move(meeting, logger, kind.value, by.value, f"note {n}", segment=segment)
    for n in range(6):
        factories.make_nudge(meeting, world.mentor if n % 2 else observer, world.leader)
    for url in urls:
        with count_statements() as counter:
            assert mentor.get(url).status_code == 200
        assert counter.count == few[url], url


def test_logging_a_move_runs_a_fixed_number_of_statements(
    client_as, team_world, meeting, count_statements
):
    mentor = client_as("mentor")
    log(mentor, meeting, htmx=True)
    with count_statements() as first:
        assert log(mentor, meeting, htmx=True).status_code == 200

    for n in range(30):
        factories.make_move(meeting, team_world.mentor, note=f"earlier {n}")
    with count_statements() as later:
        assert log(mentor, meeting, htmx=True).status_code == 200

    assert later.count == first.count
