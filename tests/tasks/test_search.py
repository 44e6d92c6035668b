"""Searching and filtering the library, one page of results at a time."""

from app.tasks.models import Demand
from app.tasks.queries import PAGE_SIZE
from tests.tasks.factories import make_task


def _titles(client, query: str) -> str:
    response = client.get(f"/tasks?{query}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_filters_by_grade_standard_demand_and_words(team_world, client_as):
    team = team_world.team
    make_task(
        team,
        "Brownie sharing",
        grade="4",
        codes=("4.NF.A.1",),
        statement="Four friends share three brownies.",
    )
    make_task(
        team,
        "Area of the garden",
        grade="3",
        codes=("3.MD.C.7",),
        demand=Demand.procedures_with_connections,
        statement="Tile the garden bed.",
    )
    make_task(
        team,
        "Times table drill",
        grade="3",
        codes=("3.OA.C.7",),
        demand=Demand.memorization,
        statement="Say the sevens quickly.",
    )
    client = client_as("teacher")
    grade3 = _titles(client, "grade=3")
    assert "Area of the garden" in grade3 and "Brownie sharing" not in grade3
    standard = _titles(client, "standard=3.md.c.7")
    assert "Area of the garden" in standard and "Times table drill" not in standard
    demand = _titles(client, "demand=memorization")
    assert "Times table drill" in demand and "Area of the garden" not in demand
    words = _titles(client, "q=brownies")
    assert "Brownie sharing" in words and "Area of the garden" not in words
    both = _titles(client, "q=garden&grade=4")
    assert "No task matches" in both


def test_odd_search_input_never_fails(team_world, client_as):
    make_task(team_world.team, "Brownie sharing")
    client = client_as("teacher")
    for query in (
        "q=%00%25_'\";--",
        "grade=%D9%A4",
        "demand=everything",
        "page=%C2%B2",
        "page=99999999999",
        "scope=secret",
        "q=" + "x" * 5000,
    ):
        assert client.get(f"/tasks?{query}").status_code == 200, query
    bad = _titles(client, "standard=4.NF")
    assert "Enter a standard code like 4.NF.A.1." in bad


def test_results_come_a_page_at_a_time(team_world, client_as):
    for n in range(PAGE_SIZE + 5):
        make_task(team_world.team, f"Task {n:03d}", codes=())
    client = client_as("teacher")
    first = _titles(client, "")
    assert "Task 000" in first and f"Task {PAGE_SIZE:03d}" not in first
    assert "page 1 of 2" in first and "Next page" in first
    second = _titles(client, "page=2")
    assert f"Task {PAGE_SIZE:03d}" in second and "Task 000" not in second
    beyond = _titles(client, "page=50")
    assert "page 2 of 2" in beyond
