"""The enactments of a cycle and the record page of one run a fixed number of SQL statements
however many members, enactments, responses and chart rows there are."""

import pytest

from app.enactments import counting
from app.lessons import writing
from tests import factories
from tests.enactments.helpers import make_enactment, make_teaching_lesson
from tests.meetings.test_statement_counts import statements_per_page


def grow(world, lesson, enactment, n: int) -> None:
    """n more members each with an enactment, n more anticipated responses and n more
    unanticipated ones in `enactment`, every one of them counted."""
    for i in range(n):
        member = factories.add_member(world.team)
        make_enactment(lesson.cycle, member, f"G{i}-{member.id}")
        response = writing.add_response(world.leader, lesson, {"name": f"Grown {member.id}"})
        counting.tap(enactment, f"r{response.id}".ljust(20, "x"), 1, response_id=response.id)
        found = counting.add_unanticipated(world.teacher, enactment, f"Unexpected {member.id}")
        counting.tap(enactment, f"u{found.id}".ljust(20, "x"), 1, unanticipated_id=found.id)


@pytest.mark.parametrize("role", ["teacher", "mentor"])
def test_enactment_pages_run_the_same_statements_with_one_or_twenty_of_everything(
    client_as, team_world, count_statements, role
):
    lesson = make_teaching_lesson(team_world.team, team_world.leader, ("First",))
    enactment = make_enactment(lesson.cycle, team_world.teacher)
    grow(team_world, lesson, enactment, 1)
    client = client_as(role)
    urls = [
        f"/cycles/{lesson.cycle_id}/enactments",
        f"/cycles/{lesson.cycle_id}/enactments/new",
        f"/enactments/{enactment.id}",
        f"/enactments/{enactment.id}/responses",
        f"/cycles/{lesson.cycle_id}",
    ]

    with_one = statements_per_page(client, urls, count_statements)
    grow(team_world, lesson, enactment, 19)
    with_twenty = statements_per_page(client, urls, count_statements)

    assert with_twenty == with_one
    assert with_one[f"/enactments/{enactment.id}"] <= 12
    assert with_one[f"/enactments/{enactment.id}/responses"] <= 12
