"""The team's debrief record: every member saves it, a stale save is refused with the text
kept, bad input is a clear 422, and its next steps open the team's next cycle."""

import re

import pytest
from flask import render_template_string
from flask_login import login_user

from app import live
from app.cycles.models import Cycle, CycleStage, live_channel
from app.extensions import db
from app.timeutil import local_now
from tests.debriefs.record_helpers import make_debriefing, record_url
from tests.factories import make_cycle
from tests.meetings.helpers import fresh, text, words


@pytest.fixture
def cycle(team_world):
    lesson, _, _ = make_debriefing(team_world)
    return lesson.cycle


def record(cycle, **fields) -> dict:
    values = {"debrief_worked": "", "debrief_learned": "", "next_steps": ""} | fields
    return values | {"version": str(fields.get("version", cycle.version))}


@pytest.mark.parametrize("role", ["teacher", "leader", "mentor"])
def test_every_member_saves_the_debrief_record(client_as, cycle, role):
    client = client_as(role)
    answer = client.post(
        record_url(cycle),
        data=record(
            cycle,
            debrief_worked="Pairs talked first.",
            debrief_learned="  We pressed for why.  ",
            next_steps="Number lines every week.",
        ),
    )
    assert answer.status_code == 302
    saved = fresh(Cycle, cycle.id)
    assert (saved.debrief_worked, saved.debrief_learned, saved.next_steps) == (
        "Pairs talked first.",
        "We pressed for why.",
        "Number lines every week.",
    )
    page = words(client.get(answer.location))
    assert "The debrief record is saved." in page
    assert "Your next cycle will start from these next steps." in page


def test_an_empty_record_is_saved_empty(client_as, cycle):
    cycle.next_steps = "Old steps"
    db.session.commit()
    answer = client_as("teacher").post(record_url(cycle), data=record(cycle))
    assert answer.status_code == 302
    assert fresh(Cycle, cycle.id).next_steps == ""


def test_a_stale_save_is_refused_and_keeps_the_users_text(client_as, cycle):
    drawn = cycle.version
    client_as("leader").post(record_url(cycle), data=record(cycle, next_steps="Theirs"))
    answer = client_as("teacher").post(
        record_url(cycle), data=record(cycle, next_steps="Mine, typed", version=drawn)
    )
    assert answer.status_code == 409
    page = text(answer)
    assert "Mine, typed" in page
    assert "while you were editing" in page
    assert fresh(Cycle, cycle.id).next_steps == "Theirs"
    # The form now carries the version it conflicted with: saving again keeps mine.
    again = client_as("teacher").post(
        record_url(cycle), data=record(cycle, next_steps="Mine, typed", version=drawn + 1)
    )
    assert again.status_code == 302
    assert fresh(Cycle, cycle.id).next_steps == "Mine, typed"


def test_a_huge_record_is_refused_next_to_the_field_and_nothing_is_lost(client_as, cycle):
    huge = "x" * 4001
    answer = client_as("teacher").post(
        record_url(cycle), data=record(cycle, debrief_worked="Kept", next_steps=huge)
    )
    assert answer.status_code == 422
    page = text(answer)
    assert 'id="next_steps-error"' in page
    assert "Keep it under 4,000 characters." in page
    assert huge in page and "Kept" in page
    assert fresh(Cycle, cycle.id).debrief_worked == ""


def test_nul_is_cleaned_on_the_way_in(client_as, cycle):
    answer = client_as("teacher").post(
        record_url(cycle), data=record(cycle, debrief_learned="We\x00 learned")
    )
    assert answer.status_code == 302
    assert fresh(Cycle, cycle.id).debrief_learned == "We learned"


def test_a_version_that_is_no_number_is_stale(client_as, cycle):
    answer = client_as("teacher").post(
        record_url(cycle), data=record(cycle, next_steps="Mine") | {"version": "²"}
    )
    assert answer.status_code == 409
    assert "Mine" in text(answer)
    assert fresh(Cycle, cycle.id).next_steps == ""


def test_another_team_gets_404_for_the_record(client_as, cycle):
    outsider = client_as("outsider")
    assert outsider.get(record_url(cycle)).status_code == 404
    answer = outsider.post(record_url(cycle), data=record(cycle, next_steps="Theirs"))
    assert answer.status_code == 404
    assert fresh(Cycle, cycle.id).next_steps == ""


def test_next_steps_become_the_goal_of_the_next_cycles_new_form(client_as, cycle, team_world):
    make_cycle(
        team_world.team,
        title="Older cycle",
        next_steps="Old steps",
        starts_on=cycle.starts_on.replace(year=cycle.starts_on.year - 1),
    )
    leader = client_as("leader")
    leader.post(record_url(cycle), data=record(cycle, next_steps="Press for why."))
    page = text(leader.get(record_url(cycle)))
    link = f"/teams/{team_world.team.id}/cycles/new?from={cycle.id}"
    assert f'href="{link}"' in page and "Open the next cycle" in page

    new_form = text(leader.get(link))
    assert f"{cycle.title} left these next steps" in new_form
    assert re.search(r'<textarea[^>]*name="goal"[^>]*>\s*Press for why\.</textarea>', new_form)


def test_teachers_read_that_the_next_cycle_starts_from_them_without_the_planners_links(
    client_as, cycle
):
    client_as("leader").post(record_url(cycle), data=record(cycle, next_steps="Press."))
    page = words(client_as("teacher").get(record_url(cycle)))
    assert "Your next cycle will start from these next steps." in page
    assert "Open the next cycle" not in page and "Close the cycle" not in page


def test_planners_close_a_debriefed_cycle_with_next_steps(client_as, cycle):
    leader = client_as("leader")
    assert "Close the cycle" not in words(leader.get(record_url(cycle)))
    leader.post(record_url(cycle), data=record(cycle, next_steps="Press."))
    page = text(leader.get(record_url(cycle)))
    assert "Close the cycle" in page
    version = fresh(Cycle, cycle.id).version
    answer = leader.post(f"/cycles/{cycle.id}/stage", data={"stage": "done", "version": version})
    assert answer.status_code == 302
    assert fresh(Cycle, cycle.id).stage == CycleStage.done
    assert "Close the cycle" not in words(leader.get(record_url(cycle)))


def test_a_save_tells_the_cycles_channel(client_as, cycle):
    channel = live_channel(cycle.id)
    before = live.latest_id(channel)
    client_as("teacher").post(record_url(cycle), data=record(cycle, next_steps="Press."))
    events = live.broker().read(channel, before, timeout=0.1)
    assert [event.name for event in events] == ["debrief"]


def test_the_record_fragment_draws_itself_where_a_page_gives_it_only_the_cycle(
    app, cycle, team_world
):
    """The comparison page ends with `{% include "debriefs/_record.html" %}` and no more."""
    with app.test_request_context():
        login_user(team_world.teacher)
        html = render_template_string('{% include "debriefs/_record.html" %}', cycle=cycle)
    assert f'action="/cycles/{cycle.id}/debrief/record"' in html
    assert "Subtracted 3 from 4" in html and "Save the debrief record" in html


def test_a_save_from_the_comparison_page_goes_back_there(app, client_as, cycle):
    comparison = "debriefs.show" in app.view_functions  # the comparison page, once merged
    answer = client_as("teacher").post(
        record_url(cycle), data=record(cycle, next_steps="Press.") | {"on": "comparison"}
    )
    back = f"/cycles/{cycle.id}/debrief" if comparison else record_url(cycle)
    assert answer.location.endswith(f"{back}#debrief-record")
    plain = client_as("teacher").post(record_url(cycle), data=record(cycle, next_steps="More."))
    assert plain.location.endswith(f"{record_url(cycle)}#debrief-record")


def test_the_record_says_who_saved_it_last_and_when(client_as, team_world, cycle):
    assert "Saved by" not in words(client_as("teacher").get(record_url(cycle)))
    client_as("mentor").post(record_url(cycle), data=record(cycle, debrief_worked="Pairs."))
    client = client_as("teacher")
    client.post(record_url(cycle), data=record(fresh(Cycle, cycle.id), next_steps="Lines."))
    saved = fresh(Cycle, cycle.id)
    assert saved.debrief_saved_by_id == team_world.teacher.id
    today = local_now().strftime("%a %b %-d, %Y")
    for url in (record_url(cycle), f"/cycles/{cycle.id}/debrief"):
        assert f"Saved by Priya Teacher, {today} · " in words(client_as("leader").get(url))
