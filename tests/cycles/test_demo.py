"""The demo team has a cycle designing the lesson on the shared task it chose, and past cycles
(one from last school year) with next steps."""

import sqlalchemy as sa

from app.cycles.models import Cycle, CycleStage
from app.cycles.queries import current_cycle, team_cycles
from app.demo.seed import TEAM_NAME
from app.extensions import db
from app.meetings.models import Meeting
from app.teams.models import Team
from tests.demo_snapshot import seed_demo


def test_demo_team_is_designing_its_next_lesson_after_cycles_with_next_steps(app):
    seed_demo()
    team = db.session.scalar(sa.select(Team).where(Team.name == TEAM_NAME))
    current = current_cycle(team.id).cycle
    assert current.stage == CycleStage.design
    assert "fractions on the number line" in current.title
    done = db.session.scalars(
        sa.select(Cycle).where(Cycle.team_id == team.id, Cycle.stage == CycleStage.done)
    ).all()
    assert len(done) == 3 and all(cycle.next_steps for cycle in done)
    cycles = team_cycles(team.id)
    # Cycle 3 (taught now), cycles 2 and 1, and last school year's cycle, which met in
    # meetings of a year the demo does not load.
    assert cycles.total == 5 and [row.meetings for row in cycles.others] == [4, 3, 3, 0]
    unlinked = db.session.scalars(
        sa.select(Meeting.title).where(Meeting.team_id == team.id, Meeting.cycle_id.is_(None))
    ).all()
    assert unlinked == [], "every demo meeting belongs to its cycle"


def test_loading_the_demo_twice_adds_no_cycle(app):
    seed_demo()
    assert seed_demo() is False
    assert db.session.scalar(sa.select(sa.func.count(Cycle.id))) == 5


def test_demo_cycle_chose_its_task_and_keeps_the_whole_selection_record(app):
    from app.selection.models import DEFAULT_DOTS, Candidate, CandidateRating, CandidateWork
    from app.tasks.models import Task

    seed_demo()
    team = db.session.scalar(sa.select(Team).where(Team.name == TEAM_NAME))
    current = current_cycle(team.id).cycle
    candidates = db.session.scalars(
        sa.select(Candidate).where(Candidate.cycle_id == current.id)
    ).all()
    assert len(candidates) == 3 and current.revealed_at is not None and current.vote_closed
    chosen = db.session.get(Task, current.shared_task_id)
    assert chosen.title == "Equivalent Fractions on the Number Line"
    assert "Seven dots to six" in current.decision_rationale
    works = db.session.scalars(
        sa.select(CandidateWork).where(CandidateWork.candidate_id.in_([c.id for c in candidates]))
    ).all()
    assert any(w.solution for w in works) and any(not w.solution for w in works)
    assert len({w.demand for w in works if w.demand}) >= 3, "the calibrations split"
    dots = {c.task_id: sum(w.dots for w in works if w.candidate_id == c.id) for c in candidates}
    assert max(dots, key=dots.get) == chosen.id and sorted(dots.values()) == [0, 6, 7]
    per_person = {w.user_id: 0 for w in works}
    for w in works:
        per_person[w.user_id] += w.dots
    assert len(per_person) == 5 and max(per_person.values()) <= DEFAULT_DOTS
    assert db.session.scalar(
        sa.select(sa.func.count(CandidateRating.id)).where(
            CandidateRating.candidate_id.in_([c.id for c in candidates])
        )
    )
    decided = db.session.scalars(
        sa.select(Cycle).where(Cycle.team_id == team.id, Cycle.shared_task_id.is_not(None))
    ).all()
    assert len(decided) == 5
    assert all(c.decision_rationale and c.vote_closed for c in decided)
    assert db.session.scalar(sa.select(sa.func.count(Candidate.id))) == 11
    assert seed_demo() is False
    assert db.session.scalar(sa.select(sa.func.count(Candidate.id))) == 11


def test_demo_cycle_in_design_has_an_upcoming_meeting_to_anticipate_in(app, client):
    from app.demo.meetings import DESIGN_TITLE
    from app.demo.seed import DEMO_PASSWORD, PEOPLE
    from app.meetings.models import SegmentKind

    seed_demo()
    team = db.session.scalar(sa.select(Team).where(Team.name == TEAM_NAME))
    current = current_cycle(team.id).cycle
    meeting = db.session.scalar(sa.select(Meeting).where(Meeting.title == DESIGN_TITLE))
    assert meeting.cycle_id == current.id and meeting.started_at is None
    kinds = [segment.kind for segment in meeting.segments]
    assert SegmentKind.anticipate in kinds and SegmentKind.select_task not in kinds
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
