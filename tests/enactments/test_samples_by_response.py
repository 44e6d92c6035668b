"""Student work across a cycle grouped by response for the debrief, and the statements the
record page's samples section and the debrief's grouping run as samples grow."""

import pytest
import sqlalchemy as sa
from flask import render_template

from app.cycles.models import Cycle
from app.enactments import counting
from app.enactments.models import WorkSample
from app.enactments.samples import samples_by_response
from app.extensions import db
from tests import factories
from tests.enactments.helpers import make_enactment, make_teaching_lesson, responses
from tests.meetings.test_statement_counts import statements_per_page


@pytest.fixture
def lesson(team_world):
    return make_teaching_lesson(team_world.team, team_world.leader)


def add_sample(enactment, caption: str, response_id=None, unanticipated_id=None) -> WorkSample:
    row = counting.tally(enactment, response_id=response_id, unanticipated_id=unanticipated_id)
    sample = WorkSample(
        enactment_id=enactment.id,
        tally_id=row.id,
        caption=caption,
        image_name=f"{caption}.jpg",
        width=1600,
        height=1200,
    )
    db.session.add(sample)
    db.session.commit()
    return sample


def test_work_is_grouped_by_response_in_the_planned_sequence_then_the_unanticipated(
    team_world, lesson
):
    first, second, _third = responses(lesson)
    room_a = make_enactment(lesson.cycle, team_world.leader, "4A")
    room_b = make_enactment(lesson.cycle, team_world.teacher, "4B")
    grid = counting.add_unanticipated(team_world.teacher, room_b, "Drew a grid")
    add_sample(room_b, "grid work", unanticipated_id=grid.id)
    add_sample(room_b, "B second", response_id=second.id)
    add_sample(room_a, "A first", response_id=first.id)
    add_sample(room_b, "B first", response_id=first.id)

    groups = samples_by_response(lesson.cycle)

    assert [(g.name, g.anticipated) for g in groups] == [
        (first.name, True),
        (second.name, True),
        ("Drew a grid", False),
    ]
    assert [(c.class_code, c.caption) for c in groups[0].samples] == [
        ("4A", "A first"),
        ("4B", "B first"),
    ]
    other_cycle = make_teaching_lesson(team_world.team, team_world.leader, title="Other").cycle
    assert samples_by_response(other_cycle) == []


def test_the_debrief_fragment_shows_rooms_captions_and_lazy_thumbnails(app, team_world, lesson):
    room = make_enactment(lesson.cycle, team_world.leader, "Room 12")
    sample = add_sample(room, "K7 halves", response_id=responses(lesson)[0].id)
    with app.test_request_context():
        html = render_template("debriefs/_samples.html", cycle=lesson.cycle)
    assert "Room 12" in html and "K7 halves" in html
    assert f'href="/samples/{sample.id}/image"' in html
    assert f'src="/samples/{sample.id}/image?size=thumb"' in html and 'loading="lazy"' in html
    assert "<table" not in html


def grow(world, lesson, n: int) -> None:
    """n more rooms, each with a sample of an anticipated and of an unanticipated response."""
    first = responses(lesson)[0]
    for _ in range(n):
        member = factories.add_member(world.team)
        room = make_enactment(lesson.cycle, member, f"R{member.id}")
        found = counting.add_unanticipated(member, room, f"Unexpected {member.id}")
        add_sample(room, f"a{member.id}", response_id=first.id)
        add_sample(room, f"u{member.id}", unanticipated_id=found.id)


def test_the_grouping_runs_one_statement_however_many_samples(
    app, team_world, lesson, count_statements
):
    cycle_id = lesson.cycle_id
    grow(team_world, lesson, 1)
    cycle = db.session.get(Cycle, cycle_id)  # loaded before counting: the page has it already
    with count_statements() as with_one:
        samples_by_response(cycle)
    grow(team_world, lesson, 20)
    cycle = db.session.get(Cycle, cycle_id)
    with count_statements() as with_twenty:
        assert len(samples_by_response(cycle)) == 22
    assert with_one.count == with_twenty.count == 1


@pytest.mark.parametrize("role", ["leader", "teacher"])
def test_the_record_page_runs_the_same_statements_with_one_or_twenty_samples(
    client_as, team_world, lesson, count_statements, role
):
    room = make_enactment(lesson.cycle, team_world.leader, "4L")
    found = counting.add_unanticipated(team_world.leader, room, "Guessed")

    def more(n: int) -> None:
        for i in range(n):
            add_sample(room, f"x{i}", response_id=responses(lesson)[i % 3].id)
            add_sample(room, f"y{i}", unanticipated_id=found.id)

    more(1)
    first_sample = db.session.scalar(sa.select(WorkSample.id).order_by(WorkSample.id))
    urls = [
        f"/enactments/{room.id}",
        f"/enactments/{room.id}/samples/new",
        f"/samples/{first_sample}/edit",
    ]
    client = client_as(role)
    if role == "teacher":
        urls = urls[:1]
    with_one = statements_per_page(client, urls, count_statements)
    more(20)
    with_twenty = statements_per_page(client, urls, count_statements)
    assert with_twenty == with_one
    page = client.get(urls[0]).get_data(True)
    assert page.count('class="sample-card"') == 42


def test_the_debrief_page_shows_the_student_work_by_response(client_as, team_world, lesson):
    room = make_enactment(lesson.cycle, team_world.teacher, "Room 7")
    sample = add_sample(room, "K4 halves", response_id=responses(lesson)[1].id)
    for url in (
        f"/cycles/{lesson.cycle_id}/debrief",
        f"/cycles/{lesson.cycle_id}/debrief/comparison",
    ):
        page = client_as("mentor").get(url).get_data(True)
        assert "Student work by response" in page
        assert "K4 halves" in page and f"/samples/{sample.id}/image?size=thumb" in page
