"""The library: shared tasks for the whole district, drafts for their team only."""

import sqlalchemy as sa

from app.extensions import db
from app.tasks.models import Demand, Task
from tests import factories
from tests.conftest import Auth
from tests.tasks.factories import make_task, task_form


def _other_district_teacher():
    district = factories.make_district("Hillside")
    person = factories.make_user("far@example.org", "Far Away")
    factories.make_team(
        "Hillside Grade 4", members={person: factories.Role.teacher}, district=district
    )
    return person


def test_signed_out_person_is_sent_to_sign_in(client):
    response = client.get("/tasks")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in")


def test_everyone_in_the_district_sees_shared_tasks_and_only_the_team_its_drafts(
    app, team_world, client_as
):
    make_task(team_world.team, "Shared brownies")
    make_task(team_world.team, "Our secret draft", shared=False)
    mine = client_as("teacher").get("/tasks").get_data(as_text=True)
    assert "Shared brownies" in mine and "Our secret draft" in mine
    theirs = client_as("outsider").get("/tasks").get_data(as_text=True)
    assert "Shared brownies" in theirs and "Our secret draft" not in theirs


def test_another_teams_draft_and_another_districts_task_are_404(app, team_world, client_as):
    draft = make_task(team_world.team, "Our secret draft", shared=False)
    shared = make_task(team_world.team, "Shared brownies")
    outsider = client_as("outsider")
    assert outsider.get(f"/tasks/{draft.id}").status_code == 404
    assert outsider.get(f"/tasks/{draft.id}/edit").status_code == 404
    assert outsider.post(f"/tasks/{draft.id}/share").status_code == 404
    assert outsider.get(f"/tasks/{shared.id}").status_code == 200
    far = app.test_client()
    Auth(far).login(_other_district_teacher())
    assert far.get(f"/tasks/{shared.id}").status_code == 404
    assert "Shared brownies" not in far.get("/tasks").get_data(as_text=True)
    assert db.session.get(Task, draft.id).shared_at is None


def test_a_teacher_writes_a_draft_then_shares_it(team_world, client_as):
    teacher = client_as("teacher")
    response = teacher.post("/tasks", data=task_form(team_world.team))
    assert response.status_code == 302
    task = db.session.scalar(sa.select(Task))
    assert task.is_draft and task.team_id == team_world.team.id
    assert task.created_by_id == team_world.teacher.id
    assert [s.code for s in task.standards] == ["4.NF.A.1", "4.NF.A.2"]
    assert task.demand is Demand.doing_mathematics
    page = teacher.get(response.headers["Location"]).get_data(as_text=True)
    assert "<strong>three</strong>" in page and "Draft" in page
    assert client_as("outsider").get(f"/tasks/{task.id}").status_code == 404
    assert teacher.post(f"/tasks/{task.id}/share").status_code == 302
    assert client_as("outsider").get(f"/tasks/{task.id}").status_code == 200


def test_a_shared_task_is_edited_only_by_its_team(team_world, client_as):
    task = make_task(team_world.team)
    outsider = client_as("outsider")
    assert outsider.get(f"/tasks/{task.id}/edit").status_code == 403
    form = task_form(version=str(task.version), title="Taken over")
    assert outsider.post(f"/tasks/{task.id}", data=form).status_code == 403
    assert outsider.post(f"/tasks/{task.id}/delete").status_code == 403
    assert db.session.get(Task, task.id).title == "Fraction pairs"


def test_the_statement_is_rendered_and_sanitized(team_world, client_as):
    evil = (
        "# Heading\n\n<script>alert(1)</script> [click](javascript:alert(1)) "
        '<img src=x onerror=alert(1)> <div hx-get="/x">x</div>'
    )
    task = make_task(team_world.team, statement=evil)
    page = client_as("teacher").get(f"/tasks/{task.id}").get_data(as_text=True)
    statement = page.split('class="task-statement">', 1)[1].split("</div>", 1)[0]
    assert "<script" not in statement and "<img" not in statement and "<div" not in statement
    assert "&lt;script&gt;" in statement
    assert "javascript:" not in statement.split("<a ", 1)[-1].split(">", 1)[0]
    assert "<h3>Heading</h3>" in statement


def test_bad_input_gets_messages_next_to_the_fields_and_keeps_what_was_typed(team_world, client_as):
    teacher = client_as("teacher")
    form = task_form(
        team_world.team,
        title="Kept\x00 title",
        grade="٤",
        standards="4.NF.A.1 4.NF fractions",
        demand="very high",
        demand_reason="",
        statement="x" * 20_001,
    )
    response = teacher.post("/tasks", data=form)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Choose a grade from K to 8." in page
    assert "“4.NF” is not a standard code like 4.NF.A.1." in page
    assert "Choose one of the four levels of cognitive demand." in page
    assert "Say why the task has this level." in page
    assert "Field cannot be longer than 20000 characters." in page
    assert 'value="Kept title"' in page and "4.NF.A.1 4.NF fractions" in page
    assert db.session.scalar(sa.select(sa.func.count(Task.id))) == 0


def test_empty_form_and_someone_elses_team_are_refused(team_world, client_as):
    teacher = client_as("teacher")
    empty = teacher.post("/tasks", data={})
    assert empty.status_code == 422
    assert "Give the task a title." in empty.get_data(as_text=True)
    other = teacher.post("/tasks", data=task_form(team_world.other_team))
    assert other.status_code == 422
    assert "Choose one of your teams." in other.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Task.id))) == 0


def test_a_stale_save_is_a_conflict_not_an_overwrite(team_world, client_as):
    task = make_task(team_world.team, shared=False)
    loaded = str(task.version)
    teacher, leader = client_as("teacher"), client_as("leader")
    first = leader.post(f"/tasks/{task.id}", data=task_form(version=loaded, title="Leader's"))
    assert first.status_code == 302
    second = teacher.post(f"/tasks/{task.id}", data=task_form(version=loaded, title="Mine"))
    assert second.status_code == 409
    page = second.get_data(as_text=True)
    assert "saved this task while you were editing" in page and 'value="Mine"' in page
    assert db.session.get(Task, task.id).title == "Leader's"
    fresh = str(db.session.get(Task, task.id).version)
    again = teacher.post(f"/tasks/{task.id}", data=task_form(version=fresh, title="Mine"))
    assert again.status_code == 302
    assert db.session.get(Task, task.id).title == "Mine"


def test_deleting_asks_first(team_world, client_as):
    task_id = make_task(team_world.team, shared=False).id
    teacher = client_as("teacher")
    ask = teacher.get(f"/tasks/{task_id}/delete")
    assert ask.status_code == 200 and "cannot be undone" in ask.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Task.id))) == 1
    assert teacher.post(f"/tasks/{task_id}/delete").status_code == 302
    assert db.session.scalar(sa.select(sa.func.count(Task.id))) == 0


def test_nobody_without_a_team_writes_tasks(app):
    lone = factories.make_user("lone@example.org")
    client = app.test_client()
    Auth(client).login(lone)
    assert client.get("/tasks/new").status_code == 302
    response = client.post("/tasks", data=task_form())
    assert response.status_code == 422
    assert db.session.scalar(sa.select(sa.func.count(Task.id))) == 0


def test_every_library_route_sends_a_signed_out_person_to_sign_in(client):
    for method, url in [
        ("GET", "/tasks"),
        ("GET", "/tasks/new"),
        ("POST", "/tasks"),
        ("GET", "/tasks/import"),
        ("POST", "/tasks/import"),
        ("GET", "/tasks/export.csv"),
        ("GET", "/tasks/export.json"),
    ]:
        response = client.open(url, method=method)
        assert response.status_code == 302, url
        assert response.headers["Location"].startswith("/sign-in"), url


def test_another_districts_shared_task_is_404_on_every_route(app, team_world):
    task = make_task(team_world.team, "Shared brownies")
    far = app.test_client()
    Auth(far).login(_other_district_teacher())
    for method, path in [
        ("GET", ""),
        ("GET", "/edit"),
        ("POST", ""),
        ("POST", "/share"),
        ("GET", "/delete"),
        ("POST", "/delete"),
        ("GET", "/file"),
    ]:
        response = far.open(f"/tasks/{task.id}{path}", method=method, data=task_form())
        assert response.status_code == 404, (method, path)
    assert "Shared brownies" not in far.get("/tasks/export.json").get_data(as_text=True)
    assert db.session.get(Task, task.id).title == "Shared brownies"


def test_a_retried_post_makes_one_draft(team_world, client_as):
    teacher = client_as("teacher")
    form = task_form(team_world.team, idempotency_key="k" * 24)
    first, again = teacher.post("/tasks", data=form), teacher.post("/tasks", data=form)
    assert first.status_code == again.status_code == 302
    assert first.headers["Location"] == again.headers["Location"]
    assert db.session.scalar(sa.select(sa.func.count(Task.id))) == 1
