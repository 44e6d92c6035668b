"""The demo team has a cycle selecting its shared task and past cycles with next steps."""

import sqlalchemy as sa

from app.cycles.models import Cycle, CycleStage
from app.cycles.queries import current_cycle, team_cycles
from app.demo.seed import TEAM_NAME, seed_demo
from app.extensions import db
from app.meetings.models import Meeting
from app.teams.models import Team


def test_demo_team_is_selecting_its_next_task_after_cycles_with_next_steps(app):
    seed_demo()
    team = db.session.scalar(sa.select(Team).where(Team.name == TEAM_NAME))
    current = current_cycle(team.id).cycle
    assert current.stage == CycleStage.select
    assert "fractions on the number line" in current.title
    done = db.session.scalars(
        sa.select(Cycle).where(Cycle.team_id == team.id, Cycle.stage == CycleStage.done)
    ).all()
    assert len(done) == 2 and all(cycle.next_steps for cycle in done)
    cycles = team_cycles(team.id)
    assert cycles.total == 4 and [row.meetings for row in cycles.others] == [4, 3, 3]
    unlinked = db.session.scalars(
        sa.select(Meeting.title).where(Meeting.team_id == team.id, Meeting.cycle_id.is_(None))
    ).all()
    assert unlinked == [], "every demo meeting belongs to its cycle"


def test_loading_the_demo_twice_adds_no_cycle(app):
    seed_demo()
    assert seed_demo() is False
    assert db.session.scalar(sa.select(sa.func.count(Cycle.id))) == 4


def test_demo_cycle_is_mid_selection_and_past_cycles_keep_their_decision(app):
    from app.selection.models import Candidate, CandidateWork

    seed_demo()
    team = db.session.scalar(sa.select(Team).where(Team.name == TEAM_NAME))
    current = current_cycle(team.id).cycle
    candidates = db.session.scalars(
        sa.select(Candidate).where(Candidate.cycle_id == current.id)
    ).all()
    assert len(candidates) == 3 and current.revealed_at is None and not current.vote_closed
    works = db.session.scalars(
        sa.select(CandidateWork).where(CandidateWork.candidate_id.in_([c.id for c in candidates]))
    ).all()
    assert any(w.solution for w in works) and any(w.dots for w in works)
    assert {w.demand for w in works if w.demand} and any(not w.solution for w in works)
    decided = db.session.scalars(
        sa.select(Cycle).where(Cycle.team_id == team.id, Cycle.shared_task_id.is_not(None))
    ).all()
    assert len(decided) == 3
    assert all(c.decision_rationale and c.vote_closed for c in decided)
    assert db.session.scalar(sa.select(sa.func.count(Candidate.id))) == 9
    assert seed_demo() is False
    assert db.session.scalar(sa.select(sa.func.count(Candidate.id))) == 9


def test_demo_cycle_mid_selection_has_an_upcoming_meeting_that_shows_its_board(app, client):
    from app.demo.meetings import SELECTION_TITLE
    from app.demo.seed import DEMO_PASSWORD, PEOPLE
    from app.meetings.models import SegmentKind

    seed_demo()
    team = db.session.scalar(sa.select(Team).where(Team.name == TEAM_NAME))
    current = current_cycle(team.id).cycle
    meeting = db.session.scalar(sa.select(Meeting).where(Meeting.title == SELECTION_TITLE))
    assert meeting.cycle_id == current.id and meeting.started_at is None
    kinds = [segment.kind for segment in meeting.segments]
    assert SegmentKind.do_the_math in kinds and SegmentKind.select_task in kinds
    upcoming = db.session.scalars(
        sa.select(Meeting)
        .where(Meeting.team_id == team.id, Meeting.started_at.is_(None))
        .order_by(Meeting.starts_at)
    ).all()
    assert upcoming[-1] == meeting and len(upcoming) == 2, "the debrief stays the next meeting"
    leader = next(person for person in PEOPLE if person.key == "leader")
    client.post("/sign-in", data={"email": leader.email, "password": DEMO_PASSWORD})
    assert client.get(f"/meetings/{meeting.id}/run").status_code == 200
    assert seed_demo() is False
