"""The generated district has a cycle per team per month it meets, its meetings linked."""

import sqlalchemy as sa

from app.bench_data import seed_district
from app.cycles.models import Cycle, CycleStage
from app.cycles.queries import current_cycle
from app.extensions import db
from app.meetings.models import Meeting
from app.teams.models import Team


def test_every_team_has_a_cycle_per_month_and_every_meeting_is_in_one(app):
    written = seed_district(scale=0.05)
    months = db.session.execute(sa.select(Meeting.team_id, Meeting.starts_at)).all()
    expected = {(team, starts.year, starts.month) for team, starts in months}
    assert db.session.scalar(sa.select(sa.func.count(Cycle.id))) == len(expected)
    assert written["cycles"] == len(expected)
    unlinked = db.session.scalar(
        sa.select(sa.func.count(Meeting.id)).where(Meeting.cycle_id.is_(None))
    )
    assert unlinked == 0
    wrong_month = db.session.scalar(
        sa.select(sa.func.count(Meeting.id))
        .join(Cycle, Meeting.cycle_id == Cycle.id)
        .where(sa.or_(Cycle.team_id != Meeting.team_id, Cycle.starts_on > Meeting.starts_at))
    )
    assert wrong_month == 0
    for team_id in db.session.scalars(sa.select(Team.id)):
        assert current_cycle(team_id).cycle.stage != CycleStage.done
    done = db.session.scalars(sa.select(Cycle).where(Cycle.stage == CycleStage.done)).all()
    assert done and all(cycle.next_steps for cycle in done)
