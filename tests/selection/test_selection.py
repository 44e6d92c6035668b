"""Selecting the shared task: candidates, private work, calibration, dots, reveal, decision."""

import sqlalchemy as sa

from app.cycles.models import Cycle, CycleStage
from app.extensions import db
from app.selection.models import Candidate, CandidateRating, CandidateWork
from app.tasks.models import Task
from tests.factories import make_cycle
from tests.tasks.factories import make_task, task_form

SECRET = "I drew a number line from 0 to 1 and marked thirds."


def _candidate(world, cycle=None, title="Fraction pairs", **task_fields) -> Candidate:
    cycle = cycle or make_cycle(world.team)
    task = make_task(world.team, title=title, **task_fields)
    candidate = Candidate(cycle_id=cycle.id, task_id=task.id, proposed_by_id=world.teacher.id)
    db.session.add(candidate)
    db.session.commit()
    return candidate


def _cycle_of(candidate) -> Cycle:
    db.session.expire_all()
    return db.session.get(Cycle, candidate.cycle_id)


def _works(candidate) -> list[CandidateWork]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            sa.select(CandidateWork).where(CandidateWork.candidate_id == candidate.id)
        )
    )


def test_member_proposes_a_library_task_and_the_page_says_who(client_as, team_world):
    cycle = make_cycle(team_world.team)
    task = make_task(team_world.team, title="Fraction pairs")
    teacher = client_as("teacher")
    found = teacher.get(f"/cycles/{cycle.id}?q=pairs").get_data(as_text=True)
    assert "Propose Fraction pairs" in found
    response = teacher.post(
        f"/cycles/{cycle.id}/candidates",
        data={"task_id": str(task.id), "idempotency_key": "k" * 20},
    )
    assert response.status_code == 302
    again = teacher.post(
        f"/cycles/{cycle.id}/candidates",
        data={"task_id": str(task.id), "idempotency_key": "k" * 20},
    )
    assert again.status_code == 302
    [candidate] = db.session.scalars(sa.select(Candidate)).all()
    assert candidate.proposed_by_id == team_world.teacher.id
    page = teacher.get(f"/cycles/{cycle.id}").get_data(as_text=True)
    assert "proposed by Priya Teacher" in page


def test_member_writes_a_task_on_the_spot_as_a_team_draft(client_as, team_world):
    cycle = make_cycle(team_world.team)
    response = client_as("teacher").post(
        f"/cycles/{cycle.id}/candidates/new",
        data=task_form(idempotency_key="w" * 20, title="Brownies for four"),
    )
    assert response.status_code == 302
    task = db.session.scalar(sa.select(Task).where(Task.title == "Brownies for four"))
    assert task.is_draft and task.team_id == team_world.team.id
    assert db.session.scalar(sa.select(Candidate.task_id)) == task.id


def test_writing_a_task_with_bad_input_shows_the_message(client_as, team_world):
    cycle = make_cycle(team_world.team)
    response = client_as("teacher").post(
        f"/cycles/{cycle.id}/candidates/new", data=task_form(title="")
    )
    assert response.status_code == 422
    assert "Give the task a title." in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Candidate.id))) == 0


def test_another_teams_draft_cannot_be_proposed(client_as, team_world):
    cycle = make_cycle(team_world.team)
    theirs = make_task(team_world.other_team, title="Their draft", shared=False)
    response = client_as("teacher").post(
        f"/cycles/{cycle.id}/candidates", data={"task_id": str(theirs.id)}
    )
    assert response.status_code == 404
    for bad in ("", "abc", "٣", "99999999999", "1\x00"):
        response = client_as("teacher").post(
            f"/cycles/{cycle.id}/candidates", data={"task_id": bad}
        )
        assert response.status_code in (404, 422)
    assert db.session.scalar(sa.select(sa.func.count(Candidate.id))) == 0


def test_another_teams_cycle_and_candidate_are_404(client_as, team_world):
    candidate = _candidate(team_world)
    outsider = client_as("outsider")
    assert outsider.get(f"/cycles/{candidate.cycle_id}/board").status_code == 404
    assert outsider.get(f"/cycles/{candidate.cycle_id}/board/fragment").status_code == 404
    response = outsider.post(f"/candidates/{candidate.id}/work", data={"solution": "x"})
    assert response.status_code == 404
    assert outsider.post(f"/candidates/{candidate.id}/dots", data={"dots": "1"}).status_code == 404
    assert _works(candidate) == []


def test_solutions_stay_private_until_a_planner_reveals(client_as, team_world):
    candidate = _candidate(team_world)
    teacher, leader = client_as("teacher"), client_as("leader")
    response = teacher.post(
        f"/candidates/{candidate.id}/work",
        data={"solution": SECRET, "notes": "", "demand": "doing_mathematics"},
    )
    assert response.status_code == 302
    assert SECRET in teacher.get(f"/cycles/{candidate.cycle_id}").get_data(as_text=True)
    for page in (f"/cycles/{candidate.cycle_id}", f"/cycles/{candidate.cycle_id}/board"):
        assert SECRET not in leader.get(page).get_data(as_text=True)
    board = teacher.get(f"/cycles/{candidate.cycle_id}/board").get_data(as_text=True)
    assert SECRET not in board, "the projector board never shows unrevealed work"
    assert teacher.post(f"/cycles/{candidate.cycle_id}/reveal").status_code == 403
    assert _cycle_of(candidate).revealed_at is None
    assert leader.post(f"/cycles/{candidate.cycle_id}/reveal").status_code == 302
    board = leader.get(f"/cycles/{candidate.cycle_id}/board").get_data(as_text=True)
    assert SECRET in board
    assert "Priya Teacher" in board


def test_one_calibration_per_member_changeable_until_the_reveal(client_as, team_world):
    candidate = _candidate(team_world)
    teacher = client_as("teacher")
    url = f"/candidates/{candidate.id}/work"
    teacher.post(url, data={"demand": "memorization"})
    teacher.post(url, data={"demand": "procedures_with_connections"})
    [work] = _works(candidate)
    assert work.demand.value == "procedures_with_connections"
    bad = teacher.post(url, data={"demand": "very_hard"})
    assert bad.status_code == 422
    client_as("leader").post(f"/cycles/{candidate.cycle_id}/reveal")
    late = teacher.post(url, data={"demand": "memorization"})
    assert late.status_code == 409
    assert "revealed" in late.get_data(as_text=True)
    [work] = _works(candidate)
    assert work.demand.value == "procedures_with_connections"


def test_revealed_board_shows_the_spread_with_the_library_level(client_as, team_world):
    candidate = _candidate(team_world)
    url = f"/candidates/{candidate.id}/work"
    client_as("teacher").post(url, data={"demand": "doing_mathematics"})
    client_as("leader").post(url, data={"demand": "procedures_without_connections"})
    client_as("leader").post(f"/cycles/{candidate.cycle_id}/reveal")
    board = client_as("mentor").get(f"/cycles/{candidate.cycle_id}/board").get_data(as_text=True)
    assert "the team is split" in board
    assert "Doing mathematics (library)" in board


def test_dots_stay_within_each_members_budget(client_as, team_world):
    first = _candidate(team_world)
    cycle = _cycle_of(first)
    second = _candidate(team_world, cycle=cycle, title="Pizza halves")
    teacher = client_as("teacher")
    assert teacher.post(f"/candidates/{first.id}/dots", data={"dots": "2"}).status_code == 302
    over = teacher.post(f"/candidates/{second.id}/dots", data={"dots": "2"})
    assert over.status_code == 422
    assert "at most 1 can go to this one" in over.get_data(as_text=True)
    assert teacher.post(f"/candidates/{second.id}/dots", data={"dots": "1"}).status_code == 302
    # Moving dots: take them from one, give them to the other.
    assert teacher.post(f"/candidates/{first.id}/dots", data={"dots": "0"}).status_code == 302
    assert teacher.post(f"/candidates/{second.id}/dots", data={"dots": "3"}).status_code == 302
    assert (
        client_as("leader").post(f"/candidates/{first.id}/dots", data={"dots": "3"}).status_code
        == 302
    )
    for bad in ("-1", "", "x", "²", "4"):
        assert teacher.post(f"/candidates/{first.id}/dots", data={"dots": bad}).status_code == 422
    totals = {w.candidate_id: w.dots for w in _works(second) if w.user_id == team_world.teacher.id}
    assert totals == {second.id: 3}


def test_dot_post_retried_with_its_key_counts_once(client_as, team_world):
    candidate = _candidate(team_world)
    teacher = client_as("teacher")
    data = {"dots": "2", "idempotency_key": "d" * 20}
    assert teacher.post(f"/candidates/{candidate.id}/dots", data=data).status_code == 302
    assert teacher.post(f"/candidates/{candidate.id}/dots", data=data).status_code == 302
    [work] = _works(candidate)
    assert work.dots == 2


def test_ratings_are_one_to_four_per_criterion(client_as, team_world):
    candidate = _candidate(team_world)
    teacher = client_as("teacher")
    url = f"/candidates/{candidate.id}/ratings"
    assert teacher.post(url, data={"score-0": "4", "score-1": "3"}).status_code == 302
    assert teacher.post(url, data={"score-0": "2", "score-1": "3"}).status_code == 302
    for bad in ("5", "0", "x", "٣"):
        assert teacher.post(url, data={"score-0": bad}).status_code == 422
    db.session.expire_all()
    scores = {r.criterion: r.score for r in db.session.scalars(sa.select(CandidateRating))}
    assert scores == {"Fit to the goal": 2, "Cognitive demand": 3}
    board = teacher.get(f"/cycles/{candidate.cycle_id}/board").get_data(as_text=True)
    assert "2.0 / 4" in board


def test_only_a_planner_closes_the_vote_after_being_asked(client_as, team_world):
    candidate = _candidate(team_world)
    cycle_id = candidate.cycle_id
    client_as("teacher").post(
        f"/candidates/{candidate.id}/work", data={"solution": SECRET, "demand": "memorization"}
    )
    assert client_as("teacher").get(f"/cycles/{cycle_id}/decision").status_code == 403
    leader = client_as("leader")
    ask = leader.get(f"/cycles/{cycle_id}/decision").get_data(as_text=True)
    assert "Closing is final" in ask
    refused = leader.post(f"/cycles/{cycle_id}/decision", data={"candidate_id": str(candidate.id)})
    assert refused.status_code == 422
    assert "Say why the team chose it." in refused.get_data(as_text=True)
    decided = leader.post(
        f"/cycles/{cycle_id}/decision",
        data={"candidate_id": str(candidate.id), "rationale": "Many entry points."},
    )
    assert decided.status_code == 302
    cycle = _cycle_of(candidate)
    assert cycle.shared_task_id == candidate.task_id
    assert cycle.stage == CycleStage.design
    assert cycle.decision_rationale == "Many entry points."
    page = leader.get(f"/cycles/{cycle_id}").get_data(as_text=True)
    assert "Many entry points." in page and SECRET in page, "the record keeps everything"
    assert "Dots from" not in page, "nobody placed dots"


def test_a_closed_vote_stays_closed(client_as, team_world):
    candidate = _candidate(team_world)
    leader = client_as("leader")
    leader.post(
        f"/cycles/{candidate.cycle_id}/decision",
        data={"candidate_id": str(candidate.id), "rationale": "Rich task."},
    )
    teacher = client_as("teacher")
    for url, data in (
        (f"/candidates/{candidate.id}/dots", {"dots": "1"}),
        (f"/candidates/{candidate.id}/ratings", {"score-0": "3"}),
        (f"/candidates/{candidate.id}/work", {"solution": "late"}),
    ):
        response = teacher.post(url, data=data)
        assert response.status_code == 409
        assert "The vote is closed" in response.get_data(as_text=True)
    again = leader.post(
        f"/cycles/{candidate.cycle_id}/decision",
        data={"candidate_id": str(candidate.id), "rationale": "Changed our minds."},
    )
    assert again.status_code == 409
    assert _cycle_of(candidate).decision_rationale == "Rich task."
    assert _works(candidate) == []


def test_planners_edit_the_criteria_and_the_dot_budget(client_as, team_world):
    candidate = _candidate(team_world)
    url = f"/cycles/{candidate.cycle_id}/criteria"
    data = {"criteria": "Fit to the goal\n  Talk it invites \n\n", "dot_budget": "5"}
    assert client_as("teacher").post(url, data=data).status_code == 403
    assert client_as("leader").post(url, data=data).status_code == 302
    cycle = _cycle_of(candidate)
    assert cycle.criteria_list == ["Fit to the goal", "Talk it invites"]
    assert cycle.dot_budget == 5
    page = client_as("teacher").get(f"/cycles/{cycle.id}").get_data(as_text=True)
    assert "Talk it invites" in page
    assert "You have 5 of 5 dots left" in page
    for bad, message in (
        ({"criteria": "", "dot_budget": "3"}, "List at least one criterion."),
        ({"criteria": "A", "dot_budget": "0"}, "From 1 to 10 dots, in digits."),
        ({"criteria": "A", "dot_budget": "٣"}, "From 1 to 10 dots, in digits."),
        ({"criteria": "A\nA", "dot_budget": "3"}, "Each criterion once."),
        ({"criteria": "\n".join(f"C{i}" for i in range(11)), "dot_budget": "3"}, "At most 10"),
        ({"criteria": "x" * 121, "dot_budget": "3"}, "under 120 characters"),
    ):
        response = client_as("leader").post(url, data=bad)
        assert response.status_code == 422
        assert message in response.get_data(as_text=True)
    assert _cycle_of(candidate).dot_budget == 5


def test_two_dot_posts_at_the_same_moment_never_exceed_the_budget(app, client_as, team_world):
    from tests.meetings.helpers import at_the_same_moment

    first = _candidate(team_world)
    second = _candidate(team_world, cycle=_cycle_of(first), title="Pizza halves")
    one, other = client_as("teacher"), client_as("teacher")
    for _ in range(3):  # several rounds: each is a race that may or may not collide
        one.post(f"/candidates/{first.id}/dots", data={"dots": "0"})
        one.post(f"/candidates/{second.id}/dots", data={"dots": "0"})
        responses = at_the_same_moment(
            app,
            lambda: one.post(f"/candidates/{first.id}/dots", data={"dots": "2"}),
            lambda: other.post(f"/candidates/{second.id}/dots", data={"dots": "2"}),
        )
        assert sorted(r.status_code for r in responses) == [302, 422]
        mine = [w for w in _works(first) + _works(second) if w.user_id == team_world.teacher.id]
        assert sum(w.dots for w in mine) == 2


def test_a_retried_task_written_on_the_spot_is_written_once(client_as, team_world):
    cycle = make_cycle(team_world.team)
    teacher = client_as("teacher")
    form = task_form(idempotency_key="t" * 20, title="Brownies for four")
    assert teacher.post(f"/cycles/{cycle.id}/candidates/new", data=form).status_code == 302
    assert teacher.post(f"/cycles/{cycle.id}/candidates/new", data=form).status_code == 302
    titles = db.session.scalars(sa.select(Task.title).where(Task.title == "Brownies for four"))
    assert len(titles.all()) == 1
    assert db.session.scalar(sa.select(sa.func.count(Candidate.id))) == 1


def test_proposing_a_candidate_twice_keeps_one_and_the_first_proposer(client_as, team_world):
    cycle = make_cycle(team_world.team)
    task = make_task(team_world.team)
    client_as("teacher").post(f"/cycles/{cycle.id}/candidates", data={"task_id": str(task.id)})
    client_as("leader").post(f"/cycles/{cycle.id}/candidates", data={"task_id": str(task.id)})
    [candidate] = db.session.scalars(sa.select(Candidate)).all()
    assert candidate.proposed_by_id == team_world.teacher.id
    found = client_as("leader").get(f"/cycles/{cycle.id}?q=fraction").get_data(as_text=True)
    assert "Propose Fraction pairs" not in found, "a candidate is not offered again"


def test_saving_work_returns_to_that_candidate_open(client_as, team_world):
    candidate = _candidate(team_world)
    response = client_as("teacher").post(
        f"/candidates/{candidate.id}/work", data={"solution": "3/4"}
    )
    assert response.headers["Location"].endswith(f"?work={candidate.id}#candidate-{candidate.id}")
    page = client_as("teacher").get(response.headers["Location"]).get_data(as_text=True)
    assert f'id="candidate-{candidate.id}" open' in page


def test_a_cycle_moved_on_without_closing_the_vote_keeps_its_candidates_read_only(
    client_as, team_world
):
    candidate = _candidate(team_world, title="Garden Plots")
    cycle = _cycle_of(candidate)
    cycle.stage = CycleStage.design
    cycle.version += 1
    db.session.commit()
    page = client_as("teacher").get(f"/cycles/{cycle.id}").get_data(as_text=True)
    assert "Candidates for the shared task" in page and "Garden Plots" in page
    assert "My work on the candidates" not in page
    response = client_as("teacher").post(f"/candidates/{candidate.id}/dots", data={"dots": "1"})
    assert response.status_code == 409
    assert "move it back to Select" in response.get_data(as_text=True)
