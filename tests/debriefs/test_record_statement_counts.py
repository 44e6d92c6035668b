"""The debrief record page runs the same statements however many rooms and unanticipated
responses (promoted or not) the cycle has."""

import pytest

from app.debriefs import promoting
from app.enactments import counting
from app.extensions import db
from tests import factories
from tests.debriefs.record_helpers import make_debriefing, record_url
from tests.enactments.helpers import make_enactment
from tests.meetings.test_statement_counts import statements_per_page


def grow(world, lesson, n: int) -> None:
    """n more members, each with a room, an unanticipated response in it (every other one
    promoted) counted once."""
    for i in range(n):
        member = factories.add_member(world.team)
        enactment = make_enactment(lesson.cycle, member, f"G{i}-{member.id}")
        found = counting.add_unanticipated(member, enactment, f"Unexpected {member.id}")
        counting.tap(enactment, f"u{found.id}".ljust(20, "x"), 1, unanticipated_id=found.id)
        if i % 2:
            promoting.promote(member, found, {"representation": "other", "correctness": "partial"})


@pytest.mark.parametrize("role", ["teacher", "leader"])
def test_the_record_page_runs_the_same_statements_with_one_or_twenty_rooms(
    client_as, team_world, count_statements, role
):
    lesson, _, _ = make_debriefing(team_world)
    lesson.cycle.next_steps = "Press for why."
    db.session.commit()
    client = client_as(role)
    urls = [record_url(lesson.cycle)]

    with_one = statements_per_page(client, urls, count_statements)
    grow(team_world, lesson, 20)
    with_twenty = statements_per_page(client, urls, count_statements)

    assert with_twenty == with_one
    assert with_one[urls[0]] <= 10
    page = client.get(urls[0]).get_data(as_text=True)
    assert page.count("Promoted to the anticipations.") == 10
