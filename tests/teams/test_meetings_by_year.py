"""A team's meetings page: coming up, this school year's past meetings, earlier years by link."""

from datetime import datetime, timedelta

import pytest

from app.extensions import db
from app.meetings.models import Meeting, Segment
from app.schoolyear import school_year_label, school_year_of
from app.timeutil import local_now, utcnow
from tests import factories
from tests.admin.test_routes import text


def this_year() -> int:
    return school_year_of(local_now())


def history(team, years: dict[int, int], segments: int = 2) -> None:
    """`years[y]` ended meetings in school year y (weekly from mid-September), in bulk."""
    for year, count in years.items():
        first = datetime(year, 9, 15, 15, 30)
        db.session.add_all(
            Meeting(
                team=team,
                title=f"Held {year} #{i:02d}",
                starts_at=first + timedelta(days=7 * i),
                started_at=first + timedelta(days=7 * i),
                ended_at=first + timedelta(days=7 * i, hours=1),
                segments=[Segment(position=p, title=f"Part {p}") for p in range(segments)],
            )
            for i in range(count)
        )
    db.session.commit()


def upcoming(team, n: int, segments: int = 3) -> None:
    db.session.add_all(
        Meeting(
            team=team,
            title=f"Coming {i}",
            starts_at=local_now() + timedelta(days=i + 1),
            segments=[Segment(position=p, title=f"Part {p}") for p in range(segments)],
        )
        for i in range(n)
    )
    db.session.commit()


def url(world, **query) -> str:
    args = "&".join(f"{k}={v}" for k, v in query.items())
    return f"/teams/{world.team.id}/meetings" + (f"?{args}" if args else "")


@pytest.fixture
def teacher(client_as):
    return client_as("teacher")


def test_past_meetings_of_this_school_year_are_listed_and_earlier_years_are_links(
    teacher, team_world
):
    year = this_year()
    if local_now() < datetime(year, 9, 15) + timedelta(days=7 * 3):
        pytest.skip("too early in the school year for three weekly meetings")
    history(team_world.team, {year: 3, year - 1: 5, year - 3: 1})
    page = text(teacher.get(url(team_world)))
    assert f"Past meetings, {school_year_label(year)}" in page
    assert page.count(f">Held {year} #") == 3 and f"Held {year - 1}" not in page
    assert f'href="/teams/{team_world.team.id}/meetings?year={year - 1}"' in page
    assert f'{school_year_label(year - 1)}</a> <span class="meta">(5 meetings)' in page
    assert f'{school_year_label(year - 3)}</a> <span class="meta">(1 meeting)' in page
    earlier = text(teacher.get(url(team_world, year=year - 1)))
    assert earlier.count(f">Held {year - 1} #") == 5 and f"Held {year} #" not in earlier
    assert 'aria-current="page">' + school_year_label(year - 1) in earlier


def test_without_past_meetings_this_year_the_latest_year_with_some_is_shown(teacher, team_world):
    year = this_year()
    history(team_world.team, {year - 2: 2})
    page = text(teacher.get(url(team_world)))
    assert f"Past meetings, {school_year_label(year - 2)}" in page
    assert page.count(f">Held {year - 2} #") == 2


def test_a_long_school_year_is_paged(teacher, team_world):
    year = this_year() - 1
    history(team_world.team, {year: 30})
    first = text(teacher.get(url(team_world, year=year)))
    assert first.count(f">Held {year} #") == 25 and "1–25 of 30" in first
    assert f"Held {year} #29" in first and f"Held {year} #04" not in first
    assert f'href="/teams/{team_world.team.id}/meetings?year={year}&page=2"' in first
    second = text(teacher.get(url(team_world, year=year, page=2)))
    assert second.count(f">Held {year} #") == 5 and f"Held {year} #00" in second


def test_a_school_year_with_no_meetings_says_so(teacher, team_world):
    history(team_world.team, {this_year() - 1: 1})
    page = text(teacher.get(url(team_world, year=1999)))
    assert "No past meetings in 1999–00." in page


@pytest.mark.parametrize("year", ["abc", "", "٢٠٢٤", "99999999999", "0", "-2024", "2024\x00x"])
def test_a_year_that_is_no_year_shows_the_default_year(teacher, team_world, year):
    history(team_world.team, {this_year() - 1: 1})
    response = teacher.get(url(team_world), query_string={"year": year})
    assert response.status_code == 200
    assert f"Held {this_year() - 1} #00" in text(response)


def test_planned_meetings_show_their_segment_count(teacher, team_world):
    upcoming(team_world.team, 1, segments=3)
    page = text(teacher.get(url(team_world)))
    assert "Coming 0" in page and "3 segments" in page


def test_an_old_meeting_never_started_counts_as_past(teacher, team_world):
    factories.make_meeting(
        team_world.team, title="Forgotten", starts_at=local_now() - timedelta(days=3)
    )
    page = text(teacher.get(url(team_world)))
    assert page.index("Forgotten") > page.index("past-heading")


def test_deleted_meetings_are_neither_listed_nor_counted(teacher, team_world):
    year = this_year() - 1
    history(team_world.team, {year: 2, year - 1: 1})
    gone = db.session.query(Meeting).filter_by(title=f"Held {year} #00").one()
    gone.deleted_at = utcnow()
    db.session.commit()
    page = text(teacher.get(url(team_world, year=year)))
    assert f"Held {year} #00" not in page and f"Held {year} #01" in page
    assert f'{school_year_label(year)}</a> <span class="meta">(1 meeting)' in page


def test_team_meetings_page_runs_the_same_statements_with_little_or_much_history(
    client_as, team_world, count_statements
):
    client = client_as("mentor")  # a planner also sees the templates and deleted meetings
    year = this_year()
    history(team_world.team, {year: 1, year - 1: 1})
    upcoming(team_world.team, 1)
    factories.make_agenda_template(team_world.team)

    def statements(address):
        with count_statements() as counter:
            assert client.get(address).status_code == 200
        return counter.count

    few = statements(url(team_world))
    few_earlier = statements(url(team_world, year=year - 1))
    history(team_world.team, {year: 1, year - 1: 40, year - 2: 40, year - 3: 40}, segments=6)
    upcoming(team_world.team, 10, segments=6)
    assert statements(url(team_world)) == few
    assert statements(url(team_world, year=year - 1)) == few_earlier
    assert statements(url(team_world, year=year - 1, page=2)) == few_earlier
