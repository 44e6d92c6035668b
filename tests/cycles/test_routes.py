"""A team opens a cycle, edits it and moves it through its stages."""

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from app.cycles.models import Cycle, CycleStage
from app.extensions import db
from app.timeutil import local_now
from tests.factories import make_cycle


def _form(**more) -> dict:
    today = local_now().date()
    return {
        "title": "Grade 4 — equivalent fractions, November",
        "goal": "Students explain why two fractions name the same amount.",
        "big_idea": "Equivalent fractions name the same point on the number line.",
        "standards": "4.NF.A.1, 4.nf.a.2",
        "starts_on": today.isoformat(),
        "ends_on": (today + timedelta(days=28)).isoformat(),
    } | more


def _cycles() -> list[Cycle]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(Cycle).order_by(Cycle.id)))


def test_leader_opens_a_cycle_that_starts_in_select(client_as, team_world):
    response = client_as("leader").post(f"/teams/{team_world.team.id}/cycles", data=_form())
    [cycle] = _cycles()
    assert response.status_code == 302
    assert response.headers["Location"] == f"/cycles/{cycle.id}"
    assert cycle.stage == CycleStage.select
    assert cycle.standards == "4.NF.A.1, 4.NF.A.2"
    assert cycle.team_id == team_world.team.id


def test_cycle_page_shows_the_stepper_with_the_current_stage_marked(client_as, team_world):
    cycle = make_cycle(team_world.team, stage="teach", standards="4.NF.A.1")
    page = client_as("teacher").get(f"/cycles/{cycle.id}").get_data(as_text=True)
    assert page.count('aria-current="step"') == 1
    current = page.split('aria-current="step"')[1].split("</li>")[0]
    assert "Teach" in current
    assert "4.NF.A.1" in page
    assert "Move on to" not in page, "a teacher sees the stages but cannot move them"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "Give the cycle a title."),
        ("title", "x" * 161, "Field cannot be longer than 160 characters."),
        ("standards", "4.NF", "“4.NF” is not a standard code"),
        ("standards", "9.NF.A.1", "not a standard code"),
        ("standards", "٤.NF.A.1", "not a standard code"),
        ("standards", "4.NF.A", "not a standard code"),
        ("standards", ", ".join(f"4.NF.A.{n}" for n in range(1, 14)), "At most 12 standards."),
        ("starts_on", "", "Choose the first day."),
        ("ends_on", "2031-02-30", "Not a valid date value."),
        ("goal", "é" * 4001, "Keep it under 4,000 characters."),
    ],
)
def test_bad_input_is_refused_with_a_message_next_to_the_field(
    client_as, team_world, field, value, message
):
    response = client_as("leader").post(
        f"/teams/{team_world.team.id}/cycles", data=_form(**{field: value})
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page
    assert f'id="{field}-error"' in page
    assert _cycles() == []


def test_a_cycle_cannot_end_before_it_starts(client_as, team_world):
    response = client_as("leader").post(
        f"/teams/{team_world.team.id}/cycles",
        data=_form(starts_on="2026-11-10", ends_on="2026-11-09"),
    )
    assert response.status_code == 422
    assert "The cycle cannot end before it starts." in response.get_data(as_text=True)


def test_a_one_day_cycle_is_fine(client_as, team_world):
    response = client_as("leader").post(
        f"/teams/{team_world.team.id}/cycles",
        data=_form(starts_on="2026-11-10", ends_on="2026-11-10"),
    )
    assert response.status_code == 302


def test_teacher_may_not_open_a_cycle(client_as, team_world):
    client = client_as("teacher")
    assert client.get(f"/teams/{team_world.team.id}/cycles/new").status_code == 403
    assert client.post(f"/teams/{team_world.team.id}/cycles", data=_form()).status_code == 403
    assert _cycles() == []


def test_another_teams_cycle_is_not_found(client_as, team_world):
    cycle = make_cycle(team_world.other_team)
    client = client_as("leader")
    assert client.get(f"/cycles/{cycle.id}").status_code == 404
    assert client.post(f"/cycles/{cycle.id}/stage", data={"stage": "design"}).status_code == 404


def _move(client, cycle, stage, version=None, **more):
    version = cycle.version if version is None else version
    return client.post(
        f"/cycles/{cycle.id}/stage", data={"stage": stage, "version": str(version), **more}
    )


def test_mentor_moves_the_cycle_forward_stage_by_stage(client_as, team_world):
    cycle = make_cycle(team_world.team)
    client = client_as("mentor")
    for stage in ("design", "teach", "debrief", "done"):
        response = _move(client, cycle, stage)
        assert response.status_code == 302
        db.session.refresh(cycle)
        assert cycle.stage == CycleStage(stage)
    page = client.get(f"/cycles/{cycle.id}").get_data(as_text=True)
    assert "Move on to" not in page and "Back to Debrief" in page


def test_stages_are_not_skipped(client_as, team_world):
    cycle = make_cycle(team_world.team)
    response = _move(client_as("leader"), cycle, "teach")
    assert response.status_code == 422
    assert "one stage at a time" in response.get_data(as_text=True)
    assert _cycles()[0].stage == CycleStage.select


@pytest.mark.parametrize("stage", ["", "finished", "\x00", "DESIGN", "Design "])
def test_an_unknown_or_same_stage_is_refused(client_as, team_world, stage):
    cycle = make_cycle(team_world.team)
    assert _move(client_as("leader"), cycle, stage).status_code == 422
    assert _cycles()[0].stage == CycleStage.select


def test_going_back_asks_first(client_as, team_world):
    cycle = make_cycle(team_world.team, stage="teach")
    client = client_as("leader")
    confirm = client.get(f"/cycles/{cycle.id}/stage/back")
    assert confirm.status_code == 200
    assert "Move the cycle back to Design?" in confirm.get_data(as_text=True)

    unconfirmed = _move(client, cycle, "design")
    assert unconfirmed.status_code == 200
    assert "Move the cycle back to Design?" in unconfirmed.get_data(as_text=True)
    assert _cycles()[0].stage == CycleStage.teach

    assert _move(client, cycle, "design", confirmed="yes").status_code == 302
    assert _cycles()[0].stage == CycleStage.design


def test_nothing_before_select(client_as, team_world):
    cycle = make_cycle(team_world.team)
    response = client_as("leader").get(f"/cycles/{cycle.id}/stage/back")
    assert response.status_code == 302


def test_a_move_from_a_stale_page_is_refused(client_as, team_world):
    cycle = make_cycle(team_world.team)
    seen = cycle.version
    mentor, leader = client_as("mentor"), client_as("leader")
    assert _move(mentor, cycle, "design", seen).status_code == 302
    assert _move(mentor, cycle, "teach", seen + 1).status_code == 302
    response = _move(leader, cycle, "design", seen)
    assert response.status_code == 409
    assert "Someone else changed this cycle" in response.get_data(as_text=True)
    assert _move(leader, cycle, "select", seen, confirmed="yes").status_code == 409
    assert _cycles()[0].stage == CycleStage.teach


@pytest.mark.parametrize("version", ["", "abc", "²", "99999999999"])
def test_a_move_without_a_readable_version_is_refused(client_as, team_world, version):
    cycle = make_cycle(team_world.team)
    response = client_as("leader").post(
        f"/cycles/{cycle.id}/stage", data={"stage": "design", "version": version}
    )
    assert response.status_code == 409
    assert _cycles()[0].stage == CycleStage.select


def test_teacher_may_view_but_not_change_the_stage(client_as, team_world):
    cycle = make_cycle(team_world.team)
    client = client_as("teacher")
    assert client.get(f"/cycles/{cycle.id}").status_code == 200
    assert _move(client, cycle, "design").status_code == 403
    assert client.get(f"/cycles/{cycle.id}/stage/back").status_code == 403
    assert client.get(f"/cycles/{cycle.id}/edit").status_code == 403
    assert _cycles()[0].stage == CycleStage.select


def test_planner_edits_the_cycle_and_its_next_steps(client_as, team_world):
    cycle = make_cycle(team_world.team, stage="debrief")
    seen = cycle.version
    client = client_as("leader")
    assert client.get(f"/cycles/{cycle.id}/edit").status_code == 200
    response = client.post(
        f"/cycles/{cycle.id}",
        data=_form(next_steps="Start from number lines.", version=str(seen)),
    )
    assert response.status_code == 302
    [saved] = _cycles()
    assert saved.next_steps == "Start from number lines."
    assert saved.version == seen + 1


def test_an_edit_from_a_stale_form_keeps_the_other_save(client_as, team_world):
    cycle = make_cycle(team_world.team)
    seen = str(cycle.version)
    mentor, leader = client_as("mentor"), client_as("leader")
    assert (
        mentor.post(f"/cycles/{cycle.id}", data=_form(title="Mentor's", version=seen)).status_code
        == 302
    )
    response = leader.post(f"/cycles/{cycle.id}", data=_form(title="Leader's", version=seen))
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "Someone else saved this cycle" in page and "Leader&#39;s" in page
    assert _cycles()[0].title == "Mentor's"


def test_new_cycle_offers_the_previous_cycles_next_steps(client_as, team_world):
    previous = make_cycle(
        team_world.team,
        title="Grade 4 — multiplication, October",
        stage="done",
        starts_on=date(2026, 10, 1),
        next_steps="Try a task where the whole changes.",
    )
    client = client_as("leader")
    page = client.get(f"/teams/{team_world.team.id}/cycles/new").get_data(as_text=True)
    assert "Start from Grade 4 — multiplication, October’s next steps" in page
    goal = page.split('name="goal"')[1].split("</textarea>")[0]
    assert "Try a task" not in goal

    page = client.get(f"/teams/{team_world.team.id}/cycles/new?from={previous.id}").get_data(
        as_text=True
    )
    goal = page.split('name="goal"')[1].split("</textarea>")[0]
    assert "Try a task where the whole changes." in goal


def test_another_teams_next_steps_are_never_offered(client_as, team_world):
    theirs = make_cycle(team_world.other_team, next_steps="Their secret plan.")
    page = (
        client_as("leader")
        .get(f"/teams/{team_world.team.id}/cycles/new?from={theirs.id}")
        .get_data(as_text=True)
    )
    assert "Their secret plan." not in page


@pytest.mark.parametrize("page", ["", "0", "2", "abc", "2147483647", "99999999999", "²"])
def test_the_list_of_cycles_takes_any_page_number(client_as, team_world, page):
    make_cycle(team_world.team)
    response = client_as("teacher").get(f"/teams/{team_world.team.id}/cycles?page={page}")
    assert response.status_code == 200


def test_a_second_click_on_a_move_changes_nothing_more(client_as, team_world):
    cycle = make_cycle(team_world.team)
    seen = cycle.version
    client = client_as("leader")
    assert _move(client, cycle, "design", seen).status_code == 302
    again = _move(client, cycle, "design", seen)
    assert again.status_code == 302
    [moved] = _cycles()
    assert moved.stage == CycleStage.design and moved.version == seen + 1


def test_a_resent_new_cycle_form_opens_one_cycle(client_as, team_world):
    client = client_as("leader")
    form = _form(idempotency_key="k" * 24)
    first = client.post(f"/teams/{team_world.team.id}/cycles", data=form)
    second = client.post(f"/teams/{team_world.team.id}/cycles", data=form)
    [cycle] = _cycles()
    assert first.headers["Location"] == second.headers["Location"] == f"/cycles/{cycle.id}"


def test_a_refused_edit_keeps_the_version_it_was_loaded_at(client_as, team_world):
    cycle = make_cycle(team_world.team)
    seen = cycle.version
    client_as("mentor").post(f"/cycles/{cycle.id}", data=_form(version=str(seen)))
    response = client_as("leader").post(
        f"/cycles/{cycle.id}", data=_form(title="", version=str(seen))
    )
    assert response.status_code == 422
    assert f'name="version" value="{seen}"' in response.get_data(as_text=True)
