"""A practice session (a trial run) is left out of the handoff: figures, charts, PDF."""

from datetime import datetime

from app.extensions import db
from app.leadership.figures import handoff
from app.meetings.models import Meeting, ReleaseLevel
from app.teams.queries import team_with_members
from tests import factories
from tests.meetings.helpers import fresh, words


def _seg(facilitator, level, minutes=20):
    return {
        "title": "Segment",
        "facilitator_id": facilitator.id,
        "release_level": ReleaseLevel(level),
        "planned_minutes": minutes,
    }


def _sessions(w):
    first = factories.make_past_meeting(
        w.team, datetime(2025, 9, 9, 15, 30), [_seg(w.mentor, "mentor_leads")], title="First"
    )
    second = factories.make_past_meeting(
        w.team,
        datetime(2025, 9, 23, 15, 30),
        [_seg(w.leader, "leader_alone"), _seg(w.mentor, "mentor_leads")],
        title="Second",
    )
    trial = factories.make_past_meeting(
        w.team,
        datetime(2025, 9, 30, 15, 30),
        [_seg(w.mentor, "mentor_leads", 30)],
        title="Trial run",
    )
    return first, second, trial


def _url(w, suffix="handoff"):
    return f"/teams/{w.team.id}/leaders/{w.leader.id}/{suffix}"


def test_a_practice_run_does_not_drop_the_summary_to_zero(client_as, team_world):
    _, _, trial = _sessions(team_world)
    before = words(client_as("mentor").get(_url(team_world)))
    assert "0% → 0%" in before  # the trial run, all mentor, counted as the last session

    response = client_as("leader").post(f"/meetings/{trial.id}/practice", data={"practice": "1"})
    assert response.status_code == 302
    assert fresh(Meeting, trial.id).practice is True

    after = words(client_as("mentor").get(_url(team_world)))
    assert "0% → 50%" in after
    assert "Trial run" not in after
    figures = handoff(team_with_members(team_world.team.id), team_world.leader)
    assert [s.meeting.title for s in figures.sessions] == ["First", "Second"]

    pdf = client_as("mentor").get(_url(team_world, "handoff.pdf"))
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")


def test_planner_marks_practice_after_the_end_and_can_count_it_again(client_as, team_world):
    _, _, trial = _sessions(team_world)
    client = client_as("mentor")
    page = words(client.get(f"/meetings/{trial.id}"))
    assert "Mark as a practice session" in page
    client.post(f"/meetings/{trial.id}/practice", data={"practice": "1"})
    page = words(client.get(f"/meetings/{trial.id}"))
    assert "Practice session" in page and "Count it in the handoff" in page
    assert "Practice" in words(client.get(f"/teams/{team_world.team.id}/meetings"))
    client.post(f"/meetings/{trial.id}/practice", data={"practice": "0"})
    assert fresh(Meeting, trial.id).practice is False


def test_only_planners_of_the_team_mark_practice(client_as, team_world):
    _, _, trial = _sessions(team_world)
    assert (
        client_as("teacher")
        .post(f"/meetings/{trial.id}/practice", data={"practice": "1"})
        .status_code
        == 403
    )
    assert (
        client_as("outsider")
        .post(f"/meetings/{trial.id}/practice", data={"practice": "1"})
        .status_code
        == 404
    )
    db.session.expire_all()
    assert fresh(Meeting, trial.id).practice is False
