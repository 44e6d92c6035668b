"""The debrief's pages run a fixed number of SQL statements however many classrooms and
responses there are: the comparison reads four, whatever it draws."""

import pytest

from app.cycles.models import Cycle
from app.debriefs.queries import comparison
from app.extensions import db
from tests.debriefs.helpers import grow
from tests.enactments.helpers import make_teaching_lesson
from tests.meetings.test_statement_counts import statements_per_page


def test_comparison_reads_four_statements_for_one_or_six_rooms(team_world, count_statements):
    lesson = make_teaching_lesson(team_world.team, team_world.leader)
    grow(team_world, lesson, rooms=1, more_responses=0)
    db.session.expire_all()
    cycle = db.session.get(Cycle, lesson.cycle_id)
    with count_statements() as small:
        found = comparison(cycle)
        assert len(found.rooms) == 1 and len(found.responses) == 3
    grow(team_world, lesson, rooms=5, more_responses=9)
    db.session.expire_all()
    cycle = db.session.get(Cycle, lesson.cycle_id)
    with count_statements() as large:
        found = comparison(cycle)
        assert len(found.rooms) == 6 and len(found.responses) == 12
        assert all(room.unexpected and room.sequence for room in found.rooms)
    assert small.count == large.count == 4, small.statements


@pytest.mark.parametrize("role", ["teacher", "mentor"])
def test_debrief_pages_run_the_same_statements_with_1_or_6_rooms_and_3_or_12_responses(
    client_as, team_world, count_statements, role
):
    lesson = make_teaching_lesson(team_world.team, team_world.leader)
    grow(team_world, lesson, rooms=1, more_responses=0)
    client = client_as(role)
    base = f"/cycles/{lesson.cycle_id}/debrief"
    urls = [base, f"{base}/comparison", f"{base}/display", f"{base}/display/comparison"]
    urls.append(f"{base}/charts")

    small = statements_per_page(client, urls, count_statements)
    grow(team_world, lesson, rooms=5, more_responses=9)
    large = statements_per_page(client, urls, count_statements)

    assert large == small
    assert small[f"{base}/comparison"] <= 8
