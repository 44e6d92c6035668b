"""Cycle pages, and the team and meeting pages that show cycles, run a fixed number of SQL
statements however many cycles and meetings a team has."""

from datetime import timedelta

import pytest

from app.cycles.models import Cycle, CycleStage
from app.extensions import db
from app.meetings.models import Meeting
from app.timeutil import local_now
from tests import factories
from tests.meetings.test_statement_counts import statements_per_page


def grow(world, cycle: Cycle, n: int) -> None:
    """n more cycles of each stage, and n meetings past and n ahead in `cycle` and each new
    cycle."""
    today = local_now().date()
    now = local_now().replace(second=0, microsecond=0)
    cycles = [
        Cycle(
            team_id=world.team.id,
            title=f"Grown {stage.value} {i}",
            stage=stage,
            starts_on=today - timedelta(days=40 + i),
            ends_on=today - timedelta(days=10),
            next_steps=f"Next steps {i}",
        )
        for i in range(n)
        for stage in CycleStage
    ]
    db.session.add_all(cycles)
    db.session.flush()
    meetings = []
    for owner in [cycle, *cycles]:
        for i in range(n):
            meetings.append(
                Meeting(
                    team=world.team,
                    title=f"Past {i}",
                    starts_at=now - timedelta(days=i + 1),
                    ended_at=now,
                    cycle_id=owner.id,
                )
            )
            meetings.append(
                Meeting(
                    team=world.team,
                    title=f"Ahead {i}",
                    starts_at=now + timedelta(days=i + 1),
                    cycle_id=owner.id,
                )
            )
    db.session.add_all(meetings)
    db.session.commit()


def pages(world, cycle: Cycle, meeting: Meeting, planner: bool) -> list[str]:
    team = f"/teams/{world.team.id}"
    planning = [f"{team}/cycles/new", f"/cycles/{cycle.id}/edit"] if planner else []
    return [
        f"/cycles/{cycle.id}",
        team,
        f"{team}/cycles",
        f"{team}/cycles?page=2",
        f"/meetings/{meeting.id}",
        *planning,
        *([f"{team}/meetings/new?cycle={cycle.id}"] if planner else []),
    ]


@pytest.mark.parametrize("role", ["teacher", "leader"])
def test_cycle_pages_run_the_same_statements_with_one_or_twenty_of_everything(
    client_as, team_world, count_statements, role
):
    cycle = factories.make_cycle(team_world.team, stage="design")
    meeting = factories.make_meeting(team_world.team, cycle_id=cycle.id)
    grow(team_world, cycle, 1)
    client = client_as(role)
    urls = pages(team_world, cycle, meeting, planner=role == "leader")

    with_one = statements_per_page(client, urls, count_statements)
    grow(team_world, cycle, 19)
    with_twenty = statements_per_page(client, urls, count_statements)

    assert with_twenty == with_one
