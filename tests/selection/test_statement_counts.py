"""The cycle page, the board and its fragment run a fixed number of SQL statements however
many candidates, members, solutions, calibrations, ratings and dots there are."""

import pytest

from app.extensions import db
from app.selection.models import Candidate, CandidateRating, CandidateWork
from app.tasks.models import Demand
from tests import factories
from tests.meetings.test_statement_counts import statements_per_page
from tests.tasks.factories import make_task


def grow(world, cycle, n: int) -> None:
    """n more members, and n more candidates each worked on, rated and voted on by everyone."""
    for _ in range(n):
        factories.add_member(world.team)
    members = [m.user for m in world.team.memberships]
    levels = list(Demand)
    for i in range(n):
        task = make_task(
            world.team, title=f"Grown task {cycle.id}-{i}", codes=("4.NF.A.1", "4.NF.A.2")
        )
        candidate = Candidate(
            cycle_id=cycle.id, task_id=task.id, proposed_by_id=members[i % len(members)].id
        )
        db.session.add(candidate)
        db.session.flush()
        for j, member in enumerate(members):
            db.session.add(
                CandidateWork(
                    candidate_id=candidate.id,
                    user_id=member.id,
                    solution=f"Solution {j}",
                    notes="",
                    demand=levels[(i + j) % 4],
                    dots=0,
                )
            )
            for criterion in cycle.criteria_list:
                db.session.add(
                    CandidateRating(
                        candidate_id=candidate.id, user_id=member.id, criterion=criterion, score=3
                    )
                )
    db.session.commit()


@pytest.mark.parametrize("revealed", [False, True])
@pytest.mark.parametrize("role", ["teacher", "leader"])
def test_selection_pages_run_the_same_statements_with_one_or_twenty_of_everything(
    client_as, team_world, count_statements, role, revealed
):
    cycle = factories.make_cycle(team_world.team)
    grow(team_world, cycle, 1)
    if revealed:
        client_as("leader").post(f"/cycles/{cycle.id}/reveal")
    client = client_as(role)
    urls = [
        f"/cycles/{cycle.id}",
        f"/cycles/{cycle.id}?q=grown",
        f"/cycles/{cycle.id}/board",
        f"/cycles/{cycle.id}/board/fragment",
        *([f"/cycles/{cycle.id}/decision"] if role == "leader" else []),
    ]

    with_one = statements_per_page(client, urls, count_statements)
    grow(team_world, cycle, 19)
    with_twenty = statements_per_page(client, urls, count_statements)

    assert with_twenty == with_one
