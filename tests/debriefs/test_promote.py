"""Promoting a response nobody anticipated into the lesson's anticipations: once, even posted
twice or by two people at the same moment; undone by taking it out again; and carried into the
next cycle's lesson on the same task."""

import pytest
import sqlalchemy as sa

from app import live
from app.cycles.models import live_channel
from app.enactments import counting
from app.enactments.models import Unanticipated
from app.extensions import db
from app.lessons.models import AnticipatedResponse, Correctness, Representation
from app.lessons.starting import start_lesson
from tests.debriefs.record_helpers import make_debriefing, record_url
from tests.enactments.helpers import make_enactment
from tests.factories import make_cycle
from tests.meetings.helpers import at_the_same_moment, fresh, words

CHOICES = {"representation": "number_line", "correctness": "incorrect"}


@pytest.fixture
def debriefing(team_world):
    return make_debriefing(team_world)


def promote(client, found, data=CHOICES):
    found_id = found if isinstance(found, int) else found.id
    return client.post(f"/unanticipated/{found_id}/promote", data=data)


def live_responses(lesson) -> list[AnticipatedResponse]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            sa.select(AnticipatedResponse)
            .where(
                AnticipatedResponse.lesson_id == lesson.id,
                AnticipatedResponse.removed_at.is_(None),
            )
            .order_by(AnticipatedResponse.position)
        )
    )


def names(lesson) -> list[str]:
    return [r.name for r in live_responses(lesson)]


def test_a_member_promotes_a_response_into_the_lessons_anticipations(client_as, debriefing):
    lesson, _, (found,) = debriefing
    client = client_as("teacher")
    answer = promote(client, found)
    assert answer.status_code == 302
    assert answer.location.endswith(f"{record_url(lesson.cycle)}#unanticipated-{found.id}")
    promoted = live_responses(lesson)[-1]
    assert (promoted.name, promoted.description) == ("Subtracted 3 from 4", found.description)
    assert promoted.representation == Representation.number_line
    assert promoted.correctness == Correctness.incorrect
    assert fresh(Unanticipated, found.id).promoted_to_id == promoted.id
    page = words(client.get(record_url(lesson.cycle)))
    assert "Promoted to the anticipations." in page
    assert "Undo the promotion of “Subtracted 3 from 4”" in page


def test_promotion_defaults_to_another_representation_partly_correct(client_as, debriefing):
    lesson, _, (found,) = debriefing
    page = client_as("teacher").get(record_url(lesson.cycle)).get_data(as_text=True)
    assert '<option value="other" selected>' in page
    assert '<option value="partial" selected>' in page


def test_promoting_twice_makes_one_response(client_as, debriefing):
    lesson, _, (found,) = debriefing
    client = client_as("teacher")
    assert promote(client, found).status_code == 302
    assert promote(client_as("mentor"), found).status_code == 302
    assert names(lesson) == ["Halves then quarters", "Subtracted 3 from 4"]


def test_two_people_promoting_at_the_same_moment_make_one_response(app, client_as, debriefing):
    lesson, enactment, _ = debriefing
    teacher, leader = client_as("teacher"), client_as("leader")
    for round_ in range(3):  # each round is a race that may or may not collide
        found = counting.add_unanticipated(enactment.teacher, enactment, f"Raced {round_}")
        found_id = found.id  # read here: the threads must not load it on this session
        answers = at_the_same_moment(
            app, *(lambda c=client, f=found_id: promote(c, f) for client in (teacher, leader))
        )
        assert [a.status_code for a in answers] == [302, 302]
        assert names(lesson).count(f"Raced {round_}") == 1
        promoted_to = fresh(Unanticipated, found.id).promoted_to_id
        assert promoted_to == live_responses(lesson)[-1].id


def test_undo_takes_the_response_out_of_the_lesson_and_it_can_be_promoted_again(
    client_as, debriefing
):
    lesson, _, (found,) = debriefing
    client = client_as("teacher")
    promote(client, found)
    answer = client.post(f"/unanticipated/{found.id}/unpromote")
    assert answer.status_code == 302
    assert names(lesson) == ["Halves then quarters"]
    assert fresh(Unanticipated, found.id).promoted_to_id is None
    page = words(client.get(answer.location))
    assert "is no longer among the anticipated responses" in page
    assert "Promote “Subtracted 3 from 4” to the anticipations" in page
    assert client.post(f"/unanticipated/{found.id}/unpromote").status_code == 302  # again: no-op
    promote(client, found)
    assert names(lesson) == ["Halves then quarters", "Subtracted 3 from 4"]


def test_a_promoted_response_removed_on_the_lesson_page_comes_back_when_promoted_again(
    client_as, debriefing, team_world
):
    from app.lessons import writing

    lesson, _, (found,) = debriefing
    client = client_as("teacher")
    promote(client, found)
    promoted = live_responses(lesson)[-1]
    writing.remove_response(team_world.leader, promoted)
    assert "Promote “Subtracted 3 from 4”" in words(client.get(record_url(lesson.cycle)))
    promote(client, found)
    assert [r.id for r in live_responses(lesson)][-1] == promoted.id
    assert len(db.session.scalars(sa.select(AnticipatedResponse)).all()) == 2


def test_a_bad_choice_is_refused_next_to_the_response(client_as, debriefing):
    lesson, _, (found,) = debriefing
    answer = promote(client_as("teacher"), found, {"representation": "telepathy"})
    assert answer.status_code == 422
    assert "Choose from the lists." in words(answer)
    assert names(lesson) == ["Halves then quarters"]


def test_another_team_cannot_promote_or_undo(client_as, debriefing):
    lesson, _, (found,) = debriefing
    outsider = client_as("outsider")
    assert promote(outsider, found).status_code == 404
    promote(client_as("teacher"), found)
    assert outsider.post(f"/unanticipated/{found.id}/unpromote").status_code == 404
    assert names(lesson) == ["Halves then quarters", "Subtracted 3 from 4"]


def test_a_promoted_response_is_in_the_next_cycles_lesson_on_the_same_task(
    client_as, debriefing, team_world
):
    lesson, _, (found,) = debriefing
    promote(client_as("teacher"), found)
    later = lesson.cycle.starts_on.replace(year=lesson.cycle.starts_on.year + 1)
    next_cycle = make_cycle(
        team_world.team,
        title="Brownies again",
        stage="design",
        shared_task_id=lesson.task_id,
        starts_on=later,
    )
    next_lesson = start_lesson(team_world.leader, next_cycle)
    assert names(next_lesson) == ["Halves then quarters", "Subtracted 3 from 4"]
    carried = live_responses(next_lesson)[-1]
    assert carried.representation == Representation.number_line
    page = words(client_as("teacher").get(f"/cycles/{next_cycle.id}/lesson"))
    assert "Subtracted 3 from 4" in page


# ---- Several similar responses from different rooms, promoted as one ----------------------
@pytest.fixture
def two_rooms(team_world):
    lesson, enactment, (first,) = make_debriefing(team_world, ("Took one away",))
    other_room = make_enactment(lesson.cycle, team_world.leader, "4L")
    second = counting.add_unanticipated(
        team_world.leader, other_room, "Subtracted the 3", "Wrote 4 - 3 = 1."
    )
    return lesson, first, second


def together(client, cycle, *chosen, **choices):
    data = {"chosen": [str(c.id) for c in chosen], "representation": "equation"} | choices
    return client.post(f"/cycles/{cycle.id}/debrief/promote-together", data=data)


def test_similar_responses_from_two_rooms_become_one_anticipated_response(client_as, two_rooms):
    lesson, first, second = two_rooms
    client = client_as("teacher")
    page = client.get(record_url(lesson.cycle)).get_data(as_text=True)
    assert 'form="promote-together"' in page
    answer = together(client, lesson.cycle, first, second)
    assert answer.status_code == 302
    made = live_responses(lesson)[-1]
    assert made.name == "Took one away"
    assert made.description == "About Took one away\n\nWrote 4 - 3 = 1."
    assert made.representation == Representation.equation
    assert {fresh(Unanticipated, f.id).promoted_to_id for f in (first, second)} == {made.id}
    assert "Promoted as one anticipated response: “Took one away”." in words(
        client.get(answer.location)
    )
    assert together(client, lesson.cycle, first, second).status_code == 302  # again: nothing
    assert names(lesson) == ["Halves then quarters", "Took one away"]


def test_undoing_a_combined_promotion_frees_every_response_in_it(client_as, two_rooms):
    lesson, first, second = two_rooms
    client = client_as("teacher")
    together(client, lesson.cycle, first, second)
    client.post(f"/unanticipated/{second.id}/unpromote")
    assert names(lesson) == ["Halves then quarters"]
    assert fresh(Unanticipated, first.id).promoted_to_id is None
    assert fresh(Unanticipated, second.id).promoted_to_id is None


def test_promoting_together_needs_two_of_this_cycles_responses(client_as, two_rooms, team_world):
    lesson, first, _ = two_rooms
    elsewhere, _, (theirs,) = make_debriefing(team_world, ("Another cycle's",))
    client = client_as("teacher")
    for chosen in ((first,), (first, theirs)):
        answer = together(client, lesson.cycle, *chosen)
        assert answer.status_code == 422
        assert "Choose two or more responses to promote as one." in words(answer)
    assert names(lesson) == ["Halves then quarters"]
    assert fresh(Unanticipated, theirs.id).promoted_to_id is None


def test_another_team_cannot_promote_together(client_as, two_rooms):
    lesson, first, second = two_rooms
    assert together(client_as("outsider"), lesson.cycle, first, second).status_code == 404
    assert names(lesson) == ["Halves then quarters"]


def test_promoting_and_undoing_tell_the_cycles_channel(client_as, debriefing):
    lesson, _, (found,) = debriefing
    channel = live_channel(lesson.cycle_id)
    client = client_as("teacher")
    for path in ("promote", "unpromote"):
        before = live.latest_id(channel)
        client.post(f"/unanticipated/{found.id}/{path}", data=CHOICES)
        events = live.broker().read(channel, before, timeout=0.1)
        assert "debrief" in [event.name for event in events]


def test_two_people_promoting_the_same_ones_together_at_once_make_one(app, client_as, two_rooms):
    lesson, first, second = two_rooms
    cycle_id, ids = lesson.cycle_id, [str(first.id), str(second.id)]
    url, data = f"/cycles/{cycle_id}/debrief/promote-together", {"chosen": ids}
    answers = at_the_same_moment(
        app,
        *(
            lambda c=client: c.post(url, data=data)
            for client in (client_as("teacher"), client_as("leader"))
        ),
    )
    assert [a.status_code for a in answers] == [302, 302]
    assert names(lesson) == ["Halves then quarters", "Took one away"]


def test_a_lesson_full_of_responses_refuses_the_promotion_next_to_it(
    client_as, debriefing, team_world
):
    from app.lessons import writing

    lesson, _, (found,) = debriefing
    for n in range(writing.MAX_RESPONSES - 1):
        writing.add_response(team_world.leader, lesson, {"name": f"Planned {n}"})
    answer = promote(client_as("teacher"), found)
    assert answer.status_code == 422
    assert "already has 40 anticipated responses" in words(answer)
    assert fresh(Unanticipated, found.id).promoted_to_id is None
    assert len(live_responses(lesson)) == writing.MAX_RESPONSES
