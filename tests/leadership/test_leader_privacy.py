"""Two teacher leaders on one team: each one's mentoring loop and nudges stay between that
leader and the team's mentors. The session itself (agenda, facilitation moves) stays shared."""

import pytest
import sqlalchemy as sa

from app.extensions import db
from app.leadership.models import MentoringLoop, Nudge
from tests import factories
from tests.conftest import Auth
from tests.meetings.helpers import text, words

JORDANS_GOAL = "Jordan: wait ten seconds after each question."
JORDANS_REFLECTION = "Jordan: I rushed the connecting segment."
SAMS_GOAL = "Sam: let the quiet table share first."
TO_JORDAN = "Ask Jordan's table how they knew."


@pytest.fixture
def world():
    return factories.make_world(second_pair=True)


@pytest.fixture
def meeting(world):
    meeting = factories.make_meeting(
        world.team, title="Fractions debrief", running=True, segments=["Check-in", "Share work"]
    )
    factories.make_loop(
        meeting, world.leader, leader_goals=JORDANS_GOAL, leader_reflection=JORDANS_REFLECTION
    )
    factories.make_loop(meeting, world.second_leader, leader_goals=SAMS_GOAL)
    factories.make_nudge(meeting, world.mentor, world.leader, TO_JORDAN)
    return meeting


@pytest.fixture
def as_(app, world):
    def make(role: str):
        client = app.test_client()
        Auth(client).login(getattr(world, role))
        return client

    return make


def mentoring(meeting) -> str:
    return f"/meetings/{meeting.id}/mentoring"


def jordans_loop(meeting, world) -> MentoringLoop:
    db.session.expire_all()
    return db.session.scalar(
        sa.select(MentoringLoop).where(
            MentoringLoop.meeting_id == meeting.id, MentoringLoop.leader_id == world.leader.id
        )
    )


def test_second_leader_cannot_open_the_first_leaders_loop(as_, world, meeting):
    response = as_("second_leader").get(
        mentoring(meeting), query_string={"leader": world.leader.id}
    )

    assert response.status_code == 403
    page = text(response)
    assert JORDANS_GOAL not in page and TO_JORDAN not in page


def test_second_leader_sees_their_own_loop_and_no_one_elses(as_, world, meeting):
    page = words(as_("second_leader").get(mentoring(meeting)))

    assert "Sam Second-Leader facilitates Fractions debrief" in page
    assert SAMS_GOAL in page
    for secret in (JORDANS_GOAL, JORDANS_REFLECTION, TO_JORDAN, "Jordan Leader"):
        assert secret not in page


def test_a_mentor_switches_between_both_leaders_loops(as_, world, meeting):
    mentor = as_("second_mentor")

    jordan = words(mentor.get(mentoring(meeting), query_string={"leader": world.leader.id}))
    sam = words(mentor.get(mentoring(meeting), query_string={"leader": world.second_leader.id}))

    assert JORDANS_GOAL in jordan and TO_JORDAN in jordan
    assert "Sam Second-Leader" in jordan, "the mentor's switch between the leaders' loops"
    assert SAMS_GOAL in sam
    assert TO_JORDAN not in sam, "Sam's loop lists only the nudges sent to Sam"


@pytest.mark.parametrize("stage", ["plan", "debrief"])
def test_second_leader_cannot_overwrite_the_first_leaders_loop(as_, world, meeting, stage):
    before = jordans_loop(meeting, world)
    response = as_("second_leader").post(
        f"{mentoring(meeting)}/{stage}",
        data={
            "leader": str(world.leader.id),
            "version": str(before.version),
            "leader_goals": "Overwritten",
            "leader_reflection": "Overwritten",
        },
    )

    assert response.status_code == 403
    after = jordans_loop(meeting, world)
    assert (after.version, after.leader_goals, after.leader_reflection) == (
        before.version,
        JORDANS_GOAL,
        JORDANS_REFLECTION,
    )


def test_second_leader_cannot_nudge_the_first(as_, world, meeting):
    response = as_("second_leader").post(
        f"/meetings/{meeting.id}/nudges",
        data={"leader": str(world.leader.id), "body": "From a peer, pretending."},
    )

    assert response.status_code == 403
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Nudge)) == 1


def test_the_move_logger_shows_a_second_leader_no_nudges_and_no_nudge_box(as_, world, meeting):
    page = words(as_("second_leader").get(f"/meetings/{meeting.id}/moves"))

    assert "Who made the move?" in page, "leaders still log moves in the shared session"
    assert TO_JORDAN not in page
    assert "Send nudge" not in page


def test_second_leaders_run_view_shows_only_their_own_nudges(as_, world, meeting):
    factories.make_nudge(meeting, world.mentor, world.second_leader, "Sam: slow down.")

    page = text(as_("second_leader").get(f"/meetings/{meeting.id}/run/nudges"))

    assert "Sam: slow down." in page
    assert TO_JORDAN not in page


def test_a_mentor_chooses_which_leader_to_nudge(as_, world, meeting):
    mentor = as_("mentor")
    page = text(mentor.get(f"/meetings/{meeting.id}/moves"))
    assert "Nudge a teacher leader" in page
    assert f'name="leader" value="{world.second_leader.id}"' in page

    response = mentor.post(
        f"/meetings/{meeting.id}/nudges",
        data={"leader": str(world.second_leader.id), "body": "Sam: invite the quiet table."},
    )

    assert response.status_code == 302
    sent = db.session.scalars(sa.select(Nudge).order_by(Nudge.id.desc())).first()
    assert (sent.to_id, sent.body) == (world.second_leader.id, "Sam: invite the quiet table.")
    assert "Sam: invite the quiet table." in text(
        as_("second_leader").get(f"/meetings/{meeting.id}/run/nudges")
    )
    assert "Sam: invite the quiet table." not in text(
        as_("leader").get(f"/meetings/{meeting.id}/run/nudges")
    )


def test_second_leader_cannot_open_the_first_leaders_handoff(as_, world, meeting):
    handoff = f"/teams/{world.team.id}/leaders/{world.leader.id}/handoff"

    assert as_("second_leader").get(handoff).status_code == 403
    assert as_("second_leader").get(handoff + ".pdf").status_code == 403
    assert as_("second_mentor").get(handoff).status_code == 200


def test_the_team_page_links_a_leader_only_to_their_own_handoff(as_, world):
    page = text(as_("second_leader").get(f"/teams/{world.team.id}"))

    assert f"/leaders/{world.second_leader.id}/handoff" in page
    assert f"/leaders/{world.leader.id}/handoff" not in page
