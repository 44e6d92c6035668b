"""bench/pages.py's list of pages stays valid: every page builds against a small generated
district and answers 200 to its role, so the bench does not rot; and its teach and debrief
pages run as many statements on the demo as on the district. No server process."""

import importlib.util
from pathlib import Path

import pytest
import sqlalchemy as sa

from app import create_app
from app.bench_data import DISTRICT_PASSWORD, seed_district
from app.demo.seed import DEMO_PASSWORD
from app.enactments.models import Enactment
from app.extensions import db
from tests.conftest import _empty_all_tables
from tests.demo_snapshot import seed_demo

BENCH = Path(__file__).resolve().parents[2] / "bench" / "pages.py"


@pytest.fixture(scope="module")
def bench_pages():
    spec = importlib.util.spec_from_file_location("bench_pages", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_page_of_every_role_answers_200_on_a_generated_district(app, bench_pages):
    seed_district(scale=0.05)
    targets = bench_pages.find_targets(db.session.connection())
    db.session.rollback()
    listed = bench_pages.pages(targets, app.url_map)
    assert {page.role for page in listed} == set(bench_pages.ROLES)
    assert {"run.show", "run.state", "run.panel", "handoff.pdf", "admin_people.index"} <= {
        page.endpoint for page in listed
    }
    assert "run.events" not in {page.endpoint for page in listed}
    lessons = [page for page in listed if page.endpoint == "lessons.show"]
    assert {page.role for page in lessons} == set(bench_pages.ROLES)
    # What changed since an earlier lesson is measured where the team has such a lesson.
    comparing = {"lesson_history.changes"} if targets.revised_cycle_id else set()
    expected = set(bench_pages.lesson_pages(app.url_map)) - {"lesson_history.changes"}
    assert expected | comparing <= {page.endpoint for page in listed}
    clients = {}
    for role, email in targets.logins.items():
        clients[role] = app.test_client()
        signed_in = clients[role].post(
            "/sign-in", data={"email": email, "password": DISTRICT_PASSWORD}
        )
        assert signed_in.status_code == 302, role
    for page in listed:
        response = clients[page.role].get(bench_pages.url(app.url_map, page))
        assert response.status_code == 200, page.key


def test_anchor_pages_exist_only_for_the_bench_and_count_statements(app):
    assert app.test_client().get("/bench/bare").status_code == 404
    assert "X-Bench-Statements" not in app.test_client().get("/sign-in").headers
    bench_app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "bench",
            "BENCH": True,
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
        }
    )
    client = bench_app.test_client()
    bare = client.get("/bench/bare")
    assert bare.status_code == 200 and bare.headers["X-Bench-Statements"] == "0"
    seed_district(scale=0.05)
    rows = client.get("/bench/one-query")
    assert rows.status_code == 200 and rows.headers["X-Bench-Statements"] == "1"
    assert rows.get_data(as_text=True).count("<tr>") == 30
    with bench_app.app_context():
        db.engine.dispose()


def _statements(app, bench_pages, count_statements, password: str) -> dict[str, int]:
    """The statements of each debrief and enactment page bench/pages.py measures, per role;
    the debrief views of a cycle no classroom has taught yet under None (see below)."""
    targets = bench_pages.find_targets(db.session.connection())
    taught = db.session.scalar(
        sa.select(Enactment.id).where(Enactment.cycle_id == targets.debrief_cycle_id).limit(1)
    )
    db.session.rollback()
    clients = {}
    for role, email in targets.logins.items():
        clients[role] = app.test_client()
        signed_in = clients[role].post("/sign-in", data={"email": email, "password": password})
        assert signed_in.status_code == 302, role
    counts = {}
    for role in bench_pages.ROLES:
        for page in bench_pages.enactment_pages(role, targets, app.url_map):
            with count_statements() as counter:
                response = clients[page.role].get(bench_pages.url(app.url_map, page))
            assert response.status_code == 200, page.key
            counts[page.key] = counter.count
            if taught is None and page.endpoint.startswith("debriefs."):
                counts[page.key] = None
    return counts


def test_debrief_and_enactment_pages_run_the_same_statements_on_demo_and_district(
    app, bench_pages, count_statements
):
    """Issue 9's "equal statements" for the pages of the teach and debrief stages. A debrief
    no classroom has reached yet shows only where to record (its comparison reads no student
    work): its views are compared once the demo's cycle has an enactment, as are the record
    and tap-to-count pages of one, which the demo has none of yet."""
    seed_demo()
    db.session.commit()
    demo = _statements(app, bench_pages, count_statements, DEMO_PASSWORD)
    _empty_all_tables()
    seed_district(scale=0.05)
    district = _statements(app, bench_pages, count_statements, DISTRICT_PASSWORD)
    assert None not in district.values()
    debrief = {key for key in district if key.startswith("debrief")}
    assert {"enactment record (teacher)", "tap-to-count (teacher)"} <= set(district)
    assert debrief and debrief | {key for key in district if "enactments" in key} <= set(demo)
    compared = [key for key in district if demo.get(key) is not None]
    assert {"debrief record (teacher)", "enactments of the cycle (teacher)"} <= set(compared)
    assert {key: demo[key] for key in compared} == {key: district[key] for key in compared}
