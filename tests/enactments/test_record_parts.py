"""Each part of an enactment's record is its own conflict: a teammate (a planner correcting the
record) saving one part while the teacher edits another costs the teacher nothing; two saves of
the same part still meet as a conflict, the second person's text kept for them."""

import re

import pytest
from sqlalchemy.orm.exc import StaleDataError

from app.editing import StaleEdit
from app.enactments import recording
from app.enactments.parts import fingerprint
from app.extensions import db
from tests.enactments.helpers import fresh, make_enactment, make_teaching_lesson, url

FACTS = {"taught_on": "2026-11-30", "class_code": "4B", "students": "24", "minutes": "50"}


@pytest.fixture
def enactment(team_world):
    lesson = make_teaching_lesson(team_world.team, team_world.leader)
    return make_enactment(lesson.cycle, team_world.teacher)


def drawn_form(client, enactment, part: str) -> dict:
    """The hidden fields of one part's form, as the record page draws them."""
    page = client.get(url(enactment)).get_data(True)
    version = re.search(rf'id="version-{part}" value="(\d+)"', page).group(1)
    drawn = re.search(rf'id="drawn-{part}" value="([0-9a-f]+)"', page).group(1)
    return {"version": version, "drawn": drawn}


def test_saving_a_part_after_a_teammate_saved_another_is_no_conflict(client_as, enactment):
    teacher, leader = client_as("teacher"), client_as("leader")
    facts_drawn = drawn_form(teacher, enactment, "facts")
    exit_drawn = drawn_form(teacher, enactment, "exit")
    factors_drawn = drawn_form(teacher, enactment, "factors")
    reflection = drawn_form(leader, enactment, "reflection") | {"what_worked": "Pairs first."}
    assert leader.post(url(enactment, "reflection"), data=reflection).status_code == 302

    saved = teacher.post(url(enactment, "facts"), data=FACTS | {"minutes": "55"} | facts_drawn)
    assert saved.status_code == 302
    assert teacher.post(url(enactment, "exit"), data={"meets": "9"} | exit_drawn).status_code == 302
    factors = {"factor": ["pressing"]} | factors_drawn
    assert teacher.post(url(enactment, "factors"), data=factors).status_code == 302
    record = fresh(enactment)
    assert (record.what_worked, record.minutes, record.meets) == ("Pairs first.", 55, 9)
    assert record.demand_factors == "pressing"


def test_two_saves_of_the_same_part_still_conflict(client_as, enactment):
    teacher, leader = client_as("teacher"), client_as("leader")
    teacher_drawn = drawn_form(teacher, enactment, "facts")
    leader_drawn = drawn_form(leader, enactment, "facts")
    assert leader.post(url(enactment, "facts"), data=FACTS | leader_drawn).status_code == 302

    refused = teacher.post(
        url(enactment, "facts"), data=FACTS | {"class_code": "4C"} | teacher_drawn
    )
    page = refused.get_data(True)
    assert refused.status_code == 409
    assert "Jordan Leader saved the lesson&#39;s facts while you were editing" in page
    assert 'value="4C"' in page
    assert fresh(enactment).minutes == 50
    # Saving again from the conflict keeps the teacher's version.
    again = {
        "version": re.search(r'id="version-facts" value="(\d+)"', page).group(1),
        "drawn": re.search(r'id="drawn-facts" value="([0-9a-f]+)"', page).group(1),
    }
    resaved = teacher.post(url(enactment, "facts"), data=FACTS | {"class_code": "4C"} | again)
    assert resaved.status_code == 302
    assert fresh(enactment).class_code == "4C"


def test_a_refused_part_keeps_what_it_was_drawn_from(client_as, enactment):
    """A save refused for bad input draws the form again from what it started with, so a
    teammate's save of the same part meanwhile is still found on the next try."""
    teacher, leader = client_as("teacher"), client_as("leader")
    teacher_drawn = drawn_form(teacher, enactment, "exit")
    refused = teacher.post(url(enactment, "exit"), data={"meets": "٣"} | teacher_drawn)
    assert refused.status_code == 422
    assert f'id="drawn-exit" value="{teacher_drawn["drawn"]}"' in refused.get_data(True)
    leader_drawn = drawn_form(leader, enactment, "exit")
    assert (
        leader.post(url(enactment, "exit"), data={"meets": "4"} | leader_drawn).status_code == 302
    )
    stale = teacher.post(url(enactment, "exit"), data={"meets": "3"} | teacher_drawn)
    assert stale.status_code == 409
    assert fresh(enactment).meets == 4


def test_a_forged_fingerprint_is_a_conflict_not_an_error(client_as, enactment):
    data = {"factor": ["pressing"], "version": "1", "drawn": "x" * 5000}
    assert client_as("teacher").post(url(enactment, "factors"), data=data).status_code == 409
    assert fresh(enactment).demand_factors == ""


def test_another_parts_save_landing_mid_save_is_checked_again_not_refused(
    team_world, enactment, monkeypatch
):
    """The row's version moves between the check and the commit (another part saved at that
    moment): the save checks its own part again and goes through."""
    drawn = fingerprint(enactment, "reflection")
    real_commit, failures = db.session.commit, []

    def commit_racing_once():
        if not failures:
            failures.append(1)
            raise StaleDataError("another part was saved at this moment")
        real_commit()

    monkeypatch.setattr(db.session, "commit", commit_racing_once)
    recording.save_fields(enactment, {"what_worked": "Talk"}, 1, "reflection", drawn)
    assert fresh(enactment).what_worked == "Talk"

    failures.clear()
    monkeypatch.setattr(
        db.session,
        "commit",
        lambda: (_ for _ in ()).throw(StaleDataError("the same part, both times")),
    )
    with pytest.raises(StaleEdit):
        recording.save_fields(enactment, {"what_worked": "Mine"}, None, "reflection", None)


def test_the_conflict_names_the_part_and_who_saved_it(client_as, team_world, enactment):
    teacher, leader = client_as("teacher"), client_as("leader")
    teacher_drawn = drawn_form(teacher, enactment, "reflection")
    leader_drawn = drawn_form(leader, enactment, "reflection")
    theirs = leader_drawn | {"what_worked": "Pairs talked first."}
    assert leader.post(url(enactment, "reflection"), data=theirs).status_code == 302

    mine = teacher_drawn | {"what_worked": "Gallery walk."}
    refused = teacher.post(url(enactment, "reflection"), data=mine)
    page = refused.get_data(True)
    assert refused.status_code == 409
    assert "Jordan Leader saved the reflection while you were editing" in page
    assert "Gallery walk." in page, "her version stays in the form"
    record = fresh(enactment)
    assert record.what_worked == "Pairs talked first."
    assert record.reflection_saved_by_id == team_world.leader.id


def test_a_save_from_another_screen_of_the_same_person_says_so(client_as, enactment):
    teacher = client_as("teacher")
    first, second = (drawn_form(teacher, enactment, "exit") for _ in range(2))
    assert teacher.post(url(enactment, "exit"), data=first | {"meets": "4"}).status_code == 302
    refused = teacher.post(url(enactment, "exit"), data=second | {"meets": "6"})
    assert refused.status_code == 409
    page = refused.get_data(True)
    assert "You saved the exit prompt&#39;s levels on another screen" in page
    assert 'value="6"' in page


def test_an_unknown_saver_is_someone_else_and_the_part_still_named(client_as, enactment):
    """A record saved before savers were kept: the part is named, the saver is not."""
    teacher = client_as("teacher")
    drawn = drawn_form(teacher, enactment, "factors")
    recording.save_fields(enactment, {"demand_factors": "pressing"}, None, "factors", None)
    refused = teacher.post(url(enactment, "factors"), data=drawn | {"factor": ["scaffolding"]})
    assert refused.status_code == 409
    assert "Someone else saved the task as enacted while you were editing" in refused.get_data(True)
