"""What I owe: ten on the dashboard, the rest a page away, only my own."""

from datetime import date, timedelta

import pytest

from app.extensions import db
from app.meetings.models import Contribution, ContributionKind
from app.timeutil import utcnow
from tests import factories
from tests.admin.test_routes import text


def owe(world, person, n: int, start: int = 0, **fields) -> None:
    meeting = factories.make_meeting(world.team, segments=["Next steps"], title="Owed meeting")
    db.session.add_all(
        Contribution(
            meeting_id=meeting.id,
            segment_id=meeting.segments[0].id,
            author_id=world.mentor.id,
            kind=ContributionKind.action,
            body=f"Owed item {i:03d}",
            owner_id=person.id,
            due_on=date(2030, 1, 1) + timedelta(days=i),
            **fields,
        )
        for i in range(start, start + n)
    )
    db.session.commit()


def items(page: str) -> int:
    return page.count("<p>Owed item ")


def test_dashboard_shows_the_ten_due_soonest_and_how_many_more(client_as, team_world):
    owe(team_world, team_world.teacher, 13)
    page = text(client_as("teacher").get("/"))
    assert items(page) == 10 and "Owed item 009" in page and "Owed item 010" not in page
    assert 'href="/owed">And 3 more' in page


def test_dashboard_with_ten_or_fewer_has_no_more_link(client_as, team_world):
    owe(team_world, team_world.teacher, 10)
    page = text(client_as("teacher").get("/"))
    assert items(page) == 10 and "And 0 more" not in page and 'href="/owed"' not in page


def test_owed_page_lists_all_of_mine_a_page_at_a_time(client_as, team_world):
    owe(team_world, team_world.teacher, 30)
    owe(team_world, team_world.leader, 2, start=100)
    owe(team_world, team_world.teacher, 1, start=200, done_at=utcnow())
    owe(team_world, team_world.teacher, 1, start=300, removed_at=utcnow())
    client = client_as("teacher")
    first = text(client.get("/owed"))
    assert items(first) == 25 and "30 open action items" in first and "1–25 of 30" in first
    second = text(client.get("/owed?page=2"))
    assert items(second) == 5 and "Owed item 029" in second
    for other in ("Owed item 100", "Owed item 200", "Owed item 300"):
        assert other not in first + second


@pytest.mark.parametrize("page", ["x", "0", "٢", "9" * 30, "\x00"])
def test_owed_page_with_an_odd_page_number_shows_the_first(client_as, team_world, page):
    owe(team_world, team_world.teacher, 2)
    response = client_as("teacher").get("/owed", query_string={"page": page})
    assert response.status_code == 200 and items(text(response)) == 2


def test_owed_page_when_nothing_is_owed(client_as):
    page = text(client_as("teacher").get("/owed"))
    assert "Nothing is waiting on you." in page


def test_marking_done_on_the_owed_page_comes_back_to_it(client_as, team_world):
    owe(team_world, team_world.teacher, 1)
    action = db.session.query(Contribution).filter_by(body="Owed item 000").one()
    client = client_as("teacher")
    assert 'name="next" value="/owed?page=1"' in text(client.get("/owed?page=1"))
    response = client.post(
        f"/contributions/{action.id}/done", data={"done": "1", "next": "/owed?page=1"}
    )
    assert response.status_code == 302 and response.location.endswith("/owed?page=1")
    assert items(text(client.get("/owed"))) == 0


def test_owed_needs_signing_in(client):
    response = client.get("/owed")
    assert response.status_code == 302 and "/sign-in" in response.location


def test_dashboard_and_owed_run_the_same_statements_for_a_few_or_many(
    client_as, team_world, count_statements
):
    owe(team_world, team_world.teacher, 2)
    client = client_as("teacher")

    def statements(url):
        with count_statements() as counter:
            assert client.get(url).status_code == 200
        return counter.count

    client.get("/")
    few = {url: statements(url) for url in ("/", "/owed")}
    owe(team_world, team_world.teacher, 60, start=10)
    for n in range(5):
        factories.make_meeting(team_world.team, segments=["A"], title=f"More {n}")
    assert {url: statements(url) for url in ("/", "/owed")} == few
    assert statements("/owed?page=3") == few["/owed"]


def test_dashboard_runs_the_same_statements_whether_or_not_anything_is_owed(
    client_as, team_world, count_statements
):
    factories.make_meeting(team_world.team, title="Coming up either way")
    client = client_as("teacher")
    client.get("/")
    with count_statements() as nothing_owed:
        assert client.get("/").status_code == 200
    owe(team_world, team_world.teacher, 12)
    with count_statements() as much_owed:
        assert client.get("/").status_code == 200
    assert much_owed.count == nothing_owed.count
