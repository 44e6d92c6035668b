"""The mentoring loop around a session: plan together → enact → debrief."""

import pytest
import sqlalchemy as sa

from app.extensions import db
from app.leadership import loops
from app.leadership.models import MentoringLoop
from app.teams.models import Role
from tests import factories
from tests.meetings.helpers import count, text, words

CONFLICT = "The other person saved this while you were editing."


@pytest.fixture
def meeting(team_world):
    return factories.make_meeting(
        team_world.team,
        title="Fractions debrief",
        running=True,
        segments=[
            {"title": "Check-in", "facilitator": team_world.leader},
            {"title": "Share student work", "facilitator": team_world.mentor},
        ],
    )


def url(meeting, stage: str = "") -> str:
    return f"/meetings/{meeting.id}/mentoring" + (f"/{stage}" if stage else "")


def the_loop(meeting, leader) -> MentoringLoop | None:
    db.session.expire_all()
    return db.session.scalar(
        sa.select(MentoringLoop).where(
            MentoringLoop.meeting_id == meeting.id, MentoringLoop.leader_id == leader.id
        )
    )


def plan(client, meeting, leader, version, **texts):
    data = {"leader": leader.id, "version": version, "leader_goals": "", "planning_notes": ""}
    return client.post(url(meeting, "plan"), data={**data, **texts})


def debrief(client, meeting, leader, version, **texts):
    data = {
        "leader": leader.id,
        "version": version,
        "leader_reflection": "",
        "mentor_reflection": "",
        "next_goals": "",
    }
    return client.post(url(meeting, "debrief"), data={**data, **texts})


@pytest.mark.parametrize("role", ["mentor", "leader", "admin"])
def test_mentor_and_leader_see_the_three_stages(client_as, team_world, meeting, role):
    response = client_as(role).get(url(meeting))

    assert response.status_code == 200
    page = words(response)
    assert "Jordan Leader facilitates Fractions debrief" in page
    for stage in ("1. Plan together", "2. Enact", "3. Debrief"):
        assert stage in page
    assert "Check-in · Jordan Leader · Mentor leads" in page


@pytest.mark.parametrize("who", ["mentor", "leader"])
def test_mentor_or_leader_saves_the_plan(client_as, team_world, meeting, who):
    client = client_as(who)
    client.get(url(meeting))

    response = plan(
        client,
        meeting,
        team_world.leader,
        1,
        leader_goals="  Press for justification in the debrief.  ",
        planning_notes="Ana opens; Jordan runs the gallery walk.",
    )

    assert response.status_code == 302
    assert response.headers["Location"] == (
        f"/meetings/{meeting.id}/mentoring?leader={team_world.leader.id}#plan"
    )
    loop = the_loop(meeting, team_world.leader)
    assert loop.leader_goals == "Press for justification in the debrief."
    assert loop.planning_notes == "Ana opens; Jordan runs the gallery walk."
    assert loop.stage == "planned"
    page = text(client.get(response.headers["Location"]))
    assert "Saved." in page
    assert "Press for justification in the debrief." in page


@pytest.mark.parametrize("who", ["mentor", "leader"])
def test_mentor_or_leader_saves_the_debrief(client_as, team_world, meeting, who):
    client = client_as(who)
    factories.make_loop(meeting, team_world.leader, leader_goals="Press for justification.")

    response = debrief(
        client,
        meeting,
        team_world.leader,
        1,
        leader_reflection="I waited longer after questions.",
        mentor_reflection="Jordan let the group own the comparison.",
        next_goals="Lead the anticipation segment alone.",
    )

    assert response.status_code == 302
    assert response.headers["Location"].endswith("#debrief")
    loop = the_loop(meeting, team_world.leader)
    assert (loop.leader_reflection, loop.mentor_reflection, loop.next_goals) == (
        "I waited longer after questions.",
        "Jordan let the group own the comparison.",
        "Lead the anticipation segment alone.",
    )
    # Saving the debrief leaves the plan as it was.
    assert loop.leader_goals == "Press for justification."
    assert loop.stage == "debrief"
    assert "Jordan let the group own the comparison." in text(client.get(url(meeting)))


def test_a_teacher_of_the_team_gets_403(client_as, team_world, meeting):
    teacher = client_as("teacher")

    assert teacher.get(url(meeting)).status_code == 403
    assert plan(teacher, meeting, team_world.leader, 1, leader_goals="Mine").status_code == 403
    assert debrief(teacher, meeting, team_world.leader, 1, next_goals="Mine").status_code == 403
    assert count(MentoringLoop) == 0


def test_another_teams_member_gets_404(client_as, team_world, meeting):
    outsider = client_as("outsider")

    assert outsider.get(url(meeting)).status_code == 404
    assert plan(outsider, meeting, team_world.leader, 1, leader_goals="Mine").status_code == 404
    assert count(MentoringLoop) == 0


def test_a_leader_id_who_is_not_a_teacher_leader_of_the_team_is_404(client_as, team_world, meeting):
    mentor = client_as("mentor")

    for someone in (team_world.teacher, team_world.outsider):
        assert mentor.get(url(meeting) + f"?leader={someone.id}").status_code == 404
        response = plan(mentor, meeting, someone, 1, leader_goals="Lead it")
        assert response.status_code == 404
    assert count(MentoringLoop) == 0


def test_a_second_leader_has_a_loop_of_their_own(client_as, team_world, meeting):
    second = factories.add_member(
        team_world.team, factories.make_user(name="Zoe Second"), Role.teacher_leader
    )
    mentor = client_as("mentor")

    plan(mentor, meeting, second, 1, leader_goals="Zoe's goal")

    assert the_loop(meeting, second).leader_goals == "Zoe's goal"
    assert the_loop(meeting, team_world.leader) is None
    page = words(mentor.get(url(meeting) + f"?leader={second.id}"))
    assert "Zoe Second facilitates Fractions debrief" in page
    assert "Zoe's goal" in page


def test_a_team_without_a_teacher_leader_says_so(client_as, team_world):
    alone = factories.make_team(members={team_world.mentor: Role.mentor})
    meeting = factories.make_meeting(alone, segments=["Check-in"])
    mentor = client_as("mentor")

    assert "This team has no teacher leader yet." in words(mentor.get(url(meeting)))
    response = mentor.post(url(meeting, "plan"), data={"leader_goals": "x", "version": "1"})
    assert response.status_code == 302
    assert count(MentoringLoop) == 0


def test_stale_version_is_409_with_the_conflict_message_and_the_typed_text_kept(
    client_as, team_world, meeting
):
    leader, mentor = client_as("leader"), client_as("mentor")
    mentor.get(url(meeting))
    plan(mentor, meeting, team_world.leader, 1, leader_goals="Ana's version of the goals")

    response = plan(
        leader, meeting, team_world.leader, 1, leader_goals="Jordan's own words for the goals"
    )

    assert response.status_code == 409
    page = text(response)
    assert CONFLICT in page
    assert "Jordan's own words for the goals" in page
    # Nothing of the stale save landed.
    assert the_loop(meeting, team_world.leader).leader_goals == "Ana's version of the goals"
    # The form now carries the current version: saving again keeps Jordan's text.
    current = the_loop(meeting, team_world.leader).version
    assert f'name="version" value="{current}"' in page
    again = plan(leader, meeting, team_world.leader, current, leader_goals="Jordan's own words")
    assert again.status_code == 302
    assert the_loop(meeting, team_world.leader).leader_goals == "Jordan's own words"


def test_stale_debrief_is_409_and_keeps_the_typed_reflection(client_as, team_world, meeting):
    factories.make_loop(meeting, team_world.leader, leader_goals="Goals", version=3)

    response = debrief(
        client_as("mentor"),
        meeting,
        team_world.leader,
        2,
        mentor_reflection="The launch was rushed; the discussion was rich.",
    )

    assert response.status_code == 409
    page = text(response)
    assert page.count(CONFLICT) == 1
    assert page.index(CONFLICT) > page.index('id="debrief"')
    assert "The launch was rushed; the discussion was rich." in page
    assert the_loop(meeting, team_world.leader).mentor_reflection == ""


def test_a_save_that_loses_the_race_after_the_version_check_is_409_not_500(
    client_as, team_world, meeting, monkeypatch
):
    """Both saves passed the version check; the other one committed first."""
    loop = factories.make_loop(meeting, team_world.leader)
    real_save = loops.save

    def save_after_the_other_person(record, values, posted_version):
        with db.engine.begin() as other:
            other.execute(
                sa.update(MentoringLoop)
                .where(MentoringLoop.id == loop.id)
                .values(leader_goals="The other person's goals", version=MentoringLoop.version + 1)
            )
        return real_save(record, values, posted_version)

    monkeypatch.setattr(loops, "save", save_after_the_other_person)

    response = plan(client_as("mentor"), meeting, team_world.leader, 1, leader_goals="Mine")

    assert response.status_code == 409
    assert CONFLICT in text(response)
    assert "Mine" in text(response)
    assert the_loop(meeting, team_world.leader).leader_goals == "The other person's goals"


def test_over_long_text_is_422_and_saves_nothing(client_as, team_world, meeting):
    response = plan(client_as("mentor"), meeting, team_world.leader, 1, planning_notes="n" * 4001)

    assert response.status_code == 422
    assert "Field cannot be longer than 4000 characters." in text(response)
    assert the_loop(meeting, team_world.leader).planning_notes == ""


def test_the_enact_stage_shows_the_move_tally_and_the_nudges(client_as, team_world, meeting):
    world = team_world
    for kind, by in [
        ("structuring", "leader"),
        ("structuring", "leader"),
        ("eliciting", "mentor"),
        ("connecting", "participant"),
    ]:
        factories.make_move(meeting, world.mentor, kind, by)
    nudge = factories.make_nudge(meeting, world.mentor, world.leader, "Wait five seconds more.")
    factories.make_nudge(meeting, world.mentor, world.leader, "Ask Marcus to share.")
    nudge.dismissed_at = nudge.created_at
    db.session.commit()

    page = text(client_as("leader").get(url(meeting)))

    enact = page[page.index('id="enact"') : page.index('id="debrief"')]
    rows = {
        row.split("</th>")[0].split(">")[-1]: [
            cell.split("<")[0] for cell in row.split('"num">')[1:]
        ]
        for row in enact.split('<th scope="row">')[1:]
    }
    # Columns: mentor, leader, participant.
    assert rows["Structuring"] == ["0", "2", "0"]
    assert rows["Eliciting"] == ["1", "0", "0"]
    assert rows["Cultivating"] == ["0", "0", "0"]
    assert rows["Connecting"] == ["0", "0", "1"]
    assert "Wait five seconds more." in enact
    assert "Ask Marcus to share." in enact
    assert "Ana Mentor during “Check-in”" in " ".join(enact.split())
    assert "· seen" in enact
    assert "Log facilitation moves" in enact


def test_mentoring_page_statement_count_does_not_grow_with_moves_and_nudges(
    client_as, team_world, meeting, count_statements
):
    world = team_world
    mentor = client_as("mentor")
    mentor.get(url(meeting))
    factories.make_move(meeting, world.mentor)
    factories.make_nudge(meeting, world.mentor, world.leader)
    with count_statements() as few:
        assert mentor.get(url(meeting)).status_code == 200

    second_mentor = factories.add_member(world.team, role=Role.mentor)
    for n, segment in enumerate(meeting.segments * 6):
        factories.make_move(meeting, second_mentor, "eliciting", "mentor", segment=segment)
        sender = world.mentor if n % 2 else second_mentor
        factories.make_nudge(meeting, sender, world.leader, f"Nudge {n}")
    with count_statements() as many:
        assert mentor.get(url(meeting)).status_code == 200

    assert many.count == few.count
