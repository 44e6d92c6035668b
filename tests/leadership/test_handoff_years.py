"""The handoff by school year: this year by default, earlier years a click away, long ranges
drawn by month or by school year, and as many SQL statements for five years as for one."""

import re
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date, datetime, timedelta
from types import SimpleNamespace

import pytest
import sqlalchemy as sa

from app.extensions import db
from app.leadership import charts
from app.leadership.figures import SessionFigures, handoff
from app.leadership.models import MoveBy, MoveType
from app.leadership.periods import MAX_SESSIONS, periods
from app.meetings.models import Meeting, ReleaseLevel
from app.schoolyear import SchoolYear, school_year_in_sql
from app.teams.queries import team_with_members
from app.timeutil import local_now
from tests import factories

SVG = "{http://www.w3.org/2000/svg}"


def _url(world, suffix="handoff"):
    return f"/teams/{world.team.id}/leaders/{world.leader.id}/{suffix}"


def _history(world, sessions, first):
    return factories.make_handoff_history(
        world.team, world.mentor, world.leader, sessions, first=first
    )


def _this_year():
    return SchoolYear.of(local_now().date())


def _today_at_dawn():
    """A moment of this school year that has already begun."""
    return datetime.combine(local_now().date(), datetime.min.time())


@pytest.fixture
def two_years(team_world):
    """A session this school year and two in the one before."""
    this = _this_year()
    earlier = _history(team_world, 2, datetime(this.starts - 1, 9, 10, 15, 30))
    now = factories.make_past_meeting(
        team_world.team,
        _today_at_dawn(),
        [{"title": "Launch", "facilitator_id": team_world.leader.id, "planned_minutes": 10}],
        title="This year's first session",
    )
    return earlier, now


# School years


@pytest.mark.parametrize(
    ("day", "starts", "label"),
    [
        (date(2025, 7, 31), 2024, "2024–25"),
        (date(2025, 8, 1), 2025, "2025–26"),
        (date(2026, 1, 15), 2025, "2025–26"),
        (date(2099, 12, 31), 2099, "2099–00"),
    ],
)
def test_school_year_runs_from_august_to_july(day, starts, label):
    year = SchoolYear.of(day)
    assert year.starts == starts and year.label == label
    assert year.start == date(starts, 8, 1) and year.end == date(starts + 1, 7, 31)
    assert year.spans(year.start, year.end) and not year.spans(year.start, None)


def test_school_year_in_sql_agrees_with_python(team_world):
    for when in (datetime(2025, 7, 31, 23, 59), datetime(2025, 8, 1, 0, 0), datetime(2026, 1, 2)):
        factories.make_past_meeting(team_world.team, when, [])
    found = db.session.execute(
        sa.select(Meeting.starts_at, school_year_in_sql(Meeting.starts_at)).order_by(
            Meeting.starts_at
        )
    ).all()
    assert [(SchoolYear.of(when.date()).starts, year) for when, year in found] == [
        (2024, 2024),
        (2025, 2025),
        (2025, 2025),
    ]


# The page and the PDF by school year


def test_page_shows_this_school_year_by_default_with_a_link_per_year(
    client_as, team_world, two_years
):
    earlier, now = two_years
    this = _this_year()
    html = client_as("mentor").get(_url(team_world)).get_data(as_text=True)
    assert "This year&#39;s first session" in html
    assert "Shared task, cycle 1" not in html
    assert f"School year {this.label}" in html
    assert f'value="{this.start.isoformat()}"' in html and f'value="{this.end.isoformat()}"' in html
    before = SchoolYear(this.starts - 1)
    links = re.findall(r'<nav class="handoff-years".*?</nav>', html, re.S)[0]
    assert re.findall(r">([^<]+)</a>", links) == [this.label, before.label, "All years"]
    assert f'?start={this.start}&amp;end={this.end}" aria-current="page"' in links
    assert f"?start={before.start}&amp;end={before.end}" in links


def test_an_earlier_school_year_is_a_click_away(client_as, team_world, two_years):
    before = SchoolYear(_this_year().starts - 1)
    response = client_as("mentor").get(_url(team_world) + f"?start={before.start}&end={before.end}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Shared task, cycle 1" in html and "Shared task, cycle 2" in html
    assert "This year&#39;s first session" not in html
    assert f'end={before.end}" aria-current="page">{before.label}<' in html


def test_all_years_shows_every_session(client_as, team_world, two_years):
    html = client_as("mentor").get(_url(team_world) + "?start=&end=").get_data(as_text=True)
    assert ">3</dd>" in html and "Every ended session" in html
    assert '?start=&amp;end=" aria-current="page">All years<' in html


def test_without_sessions_this_year_the_latest_year_with_sessions_is_shown(client_as, team_world):
    _history(team_world, 2, datetime(_this_year().starts - 2, 10, 1, 15, 30))
    html = client_as("mentor").get(_url(team_world)).get_data(as_text=True)
    assert "Shared task, cycle 2" in html
    assert f"School year {SchoolYear(_this_year().starts - 2).label}" in html


def test_pdf_defaults_to_this_school_year(client_as, team_world, two_years):
    this = _this_year()
    response = client_as("mentor").get(_url(team_world, "handoff.pdf"))
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    disposition = response.headers["Content-Disposition"]
    assert f"from-{this.start}-to-{this.end}" in disposition


@pytest.mark.parametrize(
    "query",
    [
        "?start=2024-01-01%00&end=",
        "?start=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%94-01-01",  # fullwidth digits
        "?start=" + "9" * 5000,
        "?start=0000-01-01",
        "?start=2024-01-01&start=2025-01-01&end=x",
    ],
)
def test_odd_ranges_get_a_message_not_a_500(client_as, team_world, two_years, query):
    client = client_as("mentor")
    for suffix in ("handoff", "handoff.pdf"):
        response = client.get(_url(team_world, suffix) + query)
        assert response.status_code in (200, 422)
        if response.status_code == 422:
            assert "Use a date like 2025-01-31." in response.get_data(as_text=True)


# Long ranges


def _fake_sessions(days):
    return [
        SessionFigures(
            SimpleNamespace(
                id=i, title=f"S{i}", starts_at=datetime.combine(day, datetime.min.time())
            ),
            leader_minutes=10 + i % 7,
            mentor_minutes=20,
            release_minutes=Counter({ReleaseLevel.co_facilitate: 30}),
            moves=Counter({(MoveBy.leader, MoveType.eliciting): 2 + i % 2}),
        )
        for i, day in enumerate(days)
    ]


def test_up_to_forty_sessions_are_drawn_one_by_one():
    sessions = _fake_sessions([date(2024, 9, 1) + timedelta(days=7 * i) for i in range(40)])
    assert periods(sessions) is sessions


def test_many_sessions_are_drawn_by_month_with_their_sums():
    weekly = [date(2022, 9, 5) + timedelta(days=7 * i) for i in range(MAX_SESSIONS + 20)]
    sessions = _fake_sessions(weekly)
    months = periods(sessions)
    assert [m.unit for m in months] == ["month"] * len(months)
    assert sum(m.count for m in months) == len(sessions)
    assert months[0].start == date(2022, 9, 1) and months[0].count == 4
    first = sessions[:4]
    assert months[0].leader_minutes == sum(s.leader_minutes for s in first)
    assert months[0].move_count(MoveBy.leader, MoveType.eliciting) == pytest.approx(2.5)
    assert months[0].release_step == pytest.approx(2.0)
    assert (months[0].short, months[0].below, months[0].day) == ("Sep", "2022", "September 2022")


def test_more_than_sixty_months_are_drawn_by_school_year():
    monthly = [date(2015, 8, 15) + timedelta(days=31 * i) for i in range(70)]
    years = periods(_fake_sessions(monthly))
    assert [y.short for y in years] == [
        "2015–16",
        "2016–17",
        "2017–18",
        "2018–19",
        "2019–20",
        "2020–21",
    ]
    assert years[0].day == "School year 2015–16" and years[0].count == 12


@pytest.mark.parametrize("count", [45, 300])
def test_charts_of_a_long_range_stay_small_and_accessible(count):
    weekly = [date(2019, 9, 2) + timedelta(days=7 * i) for i in range(count)]
    points = periods(_fake_sessions(weekly))
    assert len(points) <= 60
    for chart in (charts.share_chart, charts.release_chart, charts.moves_chart):
        markup = str(chart(points))
        assert len(markup) < 40_000
        root = ET.fromstring(markup)
        assert root.get("role") == "img"
        assert root.find(f"{SVG}title").text and root.find(f"{SVG}desc").text
        assert points[0].unit in root.find(f"{SVG}desc").text


def test_a_long_range_on_the_page_has_monthly_tables(client_as, team_world):
    _history(team_world, MAX_SESSIONS + 2, datetime(2021, 9, 7, 15, 30))
    html = client_as("mentor").get(_url(team_world) + "?start=&end=").get_data(as_text=True)
    assert "The figures, month by month" in html
    assert 'September 2021 <span class="meta">· 2 sessions</span>' in html
    assert "One bar per month" in html
    assert "The latest 40 mentoring loops of 42 in this range" in html


def test_mentor_minutes_without_a_mentor_on_the_team_and_without_a_facilitator(team_world):
    meeting = factories.make_past_meeting(
        team_world.other_team,
        datetime(2024, 9, 10, 15, 30),
        [
            {"title": "Nobody named", "planned_minutes": 10},
            {"title": "Together", "facilitator_id": team_world.outsider.id,
             "release_level": ReleaseLevel.co_facilitate, "planned_minutes": 8},
        ],
    )  # fmt: skip
    team = team_with_members(team_world.other_team.id)
    figures = handoff(team, team_world.outsider)
    assert [s.meeting.id for s in figures.sessions] == [meeting.id]
    only = figures.sessions[0]
    assert (only.leader_minutes, only.mentor_minutes, only.other_minutes) == (4, 4, 10)


# Statements per request


def test_page_and_pdf_run_as_many_statements_for_five_years_as_for_one_session(
    client_as, team_world, count_statements
):
    """Both histories are non-empty; the large one spans school years, months and loops cut."""
    client = client_as("mentor")
    urls = [_url(team_world) + q for q in ("", "?start=&end=")]
    urls += [_url(team_world, "handoff.pdf") + q for q in ("", "?start=&end=")]
    factories.make_past_meeting(
        team_world.team,
        _today_at_dawn(),
        [{"title": "Launch", "facilitator_id": team_world.leader.id, "planned_minutes": 10}],
    )

    def counts():
        found = []
        for url in urls:
            with count_statements() as counter:
                assert client.get(url).status_code == 200
            found.append(counter.count)
        return found

    small = counts()
    for year in range(5):
        _history(team_world, 10, datetime(_this_year().starts - 1 - year, 9, 1, 15, 30))
    _history(team_world, MAX_SESSIONS, datetime(_this_year().starts - 8, 8, 20, 15, 30))
    large = counts()
    html = client.get(urls[1]).get_data(as_text=True)
    assert f">{1 + 5 * 10 + MAX_SESSIONS}</dd>" in html
    assert large == small


def test_a_bad_range_claims_no_range_and_keeps_the_year_links(client_as, team_world, two_years):
    response = client_as("mentor").get(_url(team_world) + "?start=2024-13-45")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Correct the dates below, or choose a school year." in html
    assert "Every ended session" not in html and 'aria-current="page">All years' not in html
    assert f">{_this_year().label}</a>" in html
