"""Export and import: the same tasks come back, a bad row is named, nothing is half-imported."""

import csv
import io
import json

import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.extensions import db
from app.tasks import transfer
from app.tasks.models import Demand, Task
from app.teams.models import GRADES
from tests.conftest import _empty_all_tables
from tests.factories import make_world
from tests.tasks.factories import make_task


def _import(client, team, content: bytes, name: str = "tasks.csv"):
    data = {"team_id": str(team.id), "file": (io.BytesIO(content), name)}
    return client.post("/tasks/import", data=data, content_type="multipart/form-data")


def _rows(team_id=None) -> list[dict]:
    query = sa.select(Task).order_by(Task.id)
    if team_id:
        query = query.where(Task.team_id == team_id)
    return [transfer.as_row(t) for t in db.session.scalars(query)]


def test_formulas_are_neutralised_in_the_csv(team_world, client_as):
    make_task(team_world.team, '=HYPERLINK("http://evil")', source="+1", license="@SUM(A1)")
    make_task(team_world.team, "-2 and 'quoted", big_idea="\tTabbed")
    response = client_as("teacher").get("/tasks/export.csv")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment")
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    cells = [c for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for c in row]
    assert '\'=HYPERLINK("http://evil")' in cells and "'+1" in cells and "'@SUM(A1)" in cells
    assert "'-2 and 'quoted" in cells and "'\tTabbed" in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_export_then_import_gives_the_same_tasks(team_world, client_as):
    make_task(team_world.team, "=1+1", codes=("4.NF.A.1", "4.NF.A.2"), big_idea="'Quoted")
    make_task(team_world.team, 'Draft, with "quotes"\nand a line', shared=False, codes=())
    teacher = client_as("teacher")
    before = _rows()
    for kind in ("csv", "json"):
        exported = teacher.get(f"/tasks/export.{kind}").data
        other = team_world.team  # import next to the originals, then compare the copies
        assert _import(teacher, other, exported, f"tasks.{kind}").status_code == 302
        copies = _rows()[len(before) :]
        assert copies == before, kind
        for task in db.session.scalars(sa.select(Task).order_by(Task.id).offset(len(before))):
            db.session.delete(task)
        db.session.commit()


def test_a_bad_row_is_named_by_its_line_and_nothing_is_imported(team_world, client_as):
    good = 'Good task,4,4.NF.A.1,,"Solve it,\nthen explain.",memorization,Recall only.,,,draft'
    bad = "Bad task,٤,4.NF,,Solve it.,hard,Because.,,,draft"
    content = ("\r\n".join([",".join(transfer.COLUMNS), good, good, bad, good]) + "\r\n").encode()
    response = _import(client_as("teacher"), team_world.team, content)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Nothing was imported." in page and "Line 6:" in page  # rows 2-3 and 4-5 before it
    assert "grade: Choose a grade from K to 8." in page and "Line 2:" not in page
    assert db.session.scalar(sa.select(sa.func.count(Task.id))) == 0


def test_a_bad_task_in_json_is_named_by_its_number_and_line(team_world, client_as):
    good = {"title": "Good", "grade": "4", "statement": "Solve.", "demand": "memorization",
            "demand_reason": "Recall."}  # fmt: skip
    text = json.dumps({"tasks": [good, good | {"grade": "٤"}]}, indent=1)
    response = _import(client_as("teacher"), team_world.team, text.encode(), "tasks.json")
    assert response.status_code == 422
    assert "Task 2 (line 10): grade: Choose a grade from K to 8." in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Task.id))) == 0


def test_unreadable_files_are_refused_with_a_reason(team_world, client_as):
    teacher = client_as("teacher")
    cases = {
        b"\xff\xfe\x00garbage": "UTF-8",
        b'{"tasks": [': "the JSON cannot be read",
        b'{"tasks": 3}': "must be a list of tasks",
        b"name,email\nx,y\n": "missing: title, grade, statement, demand",
        b"": "That file is empty.",
        b"[1, 2]": "Task 1 (line 1):",
        b"title,grade,statement,demand\n": "no tasks",
    }
    for content, message in cases.items():
        response = _import(teacher, team_world.team, content, "x.csv")
        assert response.status_code == 422, content
        assert message in response.get_data(as_text=True), content
    too_big = b"a" * (transfer.MAX_IMPORT_BYTES + 10)
    assert "larger than 4 MB" in _import(teacher, team_world.team, too_big).get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Task.id))) == 0


def test_import_into_another_team_is_refused(team_world, client_as):
    line = "A task,4,,,Solve it.,memorization,Recall only.,,,shared"
    content = f"{','.join(transfer.COLUMNS)}\n{line}\n".encode()
    response = _import(client_as("teacher"), team_world.other_team, content)
    assert response.status_code == 422
    assert db.session.scalar(sa.select(sa.func.count(Task.id))) == 0


def test_a_drafts_of_another_team_are_not_exported(team_world, client_as):
    make_task(team_world.team, "Our secret draft", shared=False)
    make_task(team_world.team, "Shared brownies")
    text = client_as("outsider").get("/tasks/export.json").get_data(as_text=True)
    titles = [t["title"] for t in json.loads(text)["tasks"]]
    assert titles == ["Shared brownies"]


# Text as people type it: anything storable, trimmed (the form trims), CR/LF normalised aside.
_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=60,
).map(str.strip)
_CODES = st.lists(
    st.sampled_from(["4.NF.A.1", "3.OA.B.5", "K.CC.4", "6.RP.A.3a", "MP.3"]),
    unique=True,
    max_size=3,
)


@st.composite
def _task_rows(draw):
    return {
        "title": draw(_TEXT.filter(bool)),
        "grade": draw(st.sampled_from(GRADES)),
        "codes": draw(_CODES),
        "big_idea": draw(_TEXT),
        "statement": draw(_TEXT.filter(bool)),
        "demand": draw(st.sampled_from(list(Demand))),
        "demand_reason": draw(_TEXT.filter(bool)),
        "source": draw(_TEXT),
        "license": draw(_TEXT),
        "shared": draw(st.booleans()),
    }


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(_task_rows(), min_size=1, max_size=4), kind=st.sampled_from(["csv", "json"]))
def test_round_trip_property(app, rows, kind):
    _empty_all_tables()
    world = make_world()
    for row in rows:
        make_task(
            world.team,
            **{k: v for k, v in row.items() if k not in ("codes",)},
            codes=tuple(row["codes"]),
        )
    before = transfer.exported(sa.select(Task))
    assert before == _rows()
    data = (transfer.to_csv if kind == "csv" else transfer.to_json)(before).encode()
    _empty_all_tables()
    world = make_world()
    transfer.import_tasks(world.teacher, world.team, data, f"tasks.{kind}")
    assert _rows() == before


def test_a_retried_import_adds_nothing_twice(team_world, client_as):
    line = "A task,4,,,Solve it.,memorization,Recall only.,,,draft"
    content = f"{','.join(transfer.COLUMNS)}\n{line}\n".encode()
    teacher = client_as("teacher")
    for _ in range(2):
        data = {
            "team_id": str(team_world.team.id),
            "idempotency_key": "i" * 24,
            "file": (io.BytesIO(content), "tasks.csv"),
        }
        response = teacher.post("/tasks/import", data=data, content_type="multipart/form-data")
        assert response.status_code == 302
    assert db.session.scalar(sa.select(sa.func.count(Task.id))) == 1
