"""The leader's handoff: figures from known sessions, the SVG charts, the page and the PDF."""

import re
import xml.etree.ElementTree as ET
from datetime import date, datetime

import pytest

from app.extensions import db
from app.leadership import charts
from app.leadership.figures import handoff
from app.leadership.models import MentoringLoop, MoveBy, MoveType
from app.meetings.models import ReleaseLevel
from app.teams.queries import team_with_members
from tests import factories

SVG = "{http://www.w3.org/2000/svg}"


def _segment(title, facilitator, level, planned, elapsed_seconds=0):
    return {
        "title": title,
        "facilitator_id": facilitator.id if facilitator else None,
        "release_level": ReleaseLevel(level),
        "planned_minutes": planned,
        "elapsed_seconds": elapsed_seconds,
    }


@pytest.fixture
def sessions(team_world):
    """Two ended sessions of the team, and meetings that must not count."""
    w = team_world
    first = factories.make_past_meeting(
        w.team,
        datetime(2024, 9, 10, 15, 30),
        [
            _segment("Check-in", w.mentor, "mentor_leads", 20),
            # Co-facilitated, the leader named: half to each.
            _segment("Do the math", w.leader, "co_facilitate", 10),
            _segment("Share a strategy", w.teacher, "mentor_leads", 10),
        ],
        title="Fractions on a number line",
    )
    second = factories.make_past_meeting(
        w.team,
        datetime(2024, 10, 1, 15, 30),
        [
            # The timer ran: 25 actual minutes count, not the 20 planned.
            _segment("Anticipate", w.leader, "leader_supported", 20, elapsed_seconds=25 * 60),
            # Co-facilitated, the mentor named: still half to each, of the 12 actual minutes.
            _segment("Debrief", w.mentor, "co_facilitate", 10, elapsed_seconds=12 * 60),
            _segment("Next steps", w.leader, "leader_alone", 15),
        ],
        title="Equivalent fractions",
    )
    factories.make_past_meeting(
        w.team,
        datetime(2024, 9, 20, 15, 30),
        [_segment("Never run", w.leader, "leader_alone", 30)],
        ended=False,
    )
    factories.make_past_meeting(
        w.other_team,
        datetime(2024, 9, 12, 15, 30),
        [_segment("Elsewhere", w.outsider, "mentor_leads", 30)],
    )
    factories.make_moves(
        first,
        w.mentor,
        {
            ("leader", "structuring"): 1,
            ("mentor", "structuring"): 4,
            ("mentor", "eliciting"): 2,
            ("participant", "eliciting"): 3,
        },
    )
    factories.make_moves(
        second,
        w.mentor,
        {("leader", "structuring"): 3, ("leader", "eliciting"): 2, ("mentor", "structuring"): 1},
    )
    db.session.add_all(
        [
            MentoringLoop(
                meeting_id=first.id, leader_id=w.leader.id, leader_goals="Open with a norm."
            ),
            MentoringLoop(
                meeting_id=second.id,
                leader_id=w.leader.id,
                leader_reflection="I waited longer after each question.",
                mentor_reflection="Two quiet colleagues shared strategies.",
                next_goals="Lead the debrief of student work.",
            ),
        ]
    )
    db.session.commit()
    return first, second


def _figures(world, start=None, end=None):
    return handoff(team_with_members(world.team.id), world.leader, start, end)


# The figures


def test_only_ended_meetings_of_the_team_count(team_world, sessions):
    figures = _figures(team_world)
    assert [s.meeting.id for s in figures.sessions] == [m.id for m in sessions]


def test_segment_minutes_split_between_leader_mentor_and_others(team_world, sessions):
    first = _figures(team_world).sessions[0]
    assert (first.leader_minutes, first.mentor_minutes, first.other_minutes) == (5, 25, 10)
    assert first.share("leader") == pytest.approx(0.125)
    assert first.share("mentor") == pytest.approx(0.625)
    assert first.share("other") == pytest.approx(0.25)


def test_co_facilitated_segment_counts_half_to_each_and_timed_minutes_beat_planned(
    team_world, sessions
):
    second = _figures(team_world).sessions[1]
    # 25 actual + 6 (half of 12 actual) + 15 planned; the mentor's half of the debrief.
    assert second.leader_minutes == pytest.approx(46)
    assert second.mentor_minutes == pytest.approx(6)
    assert second.total_minutes == pytest.approx(52)
    assert second.share("leader") == pytest.approx(46 / 52)


def test_release_step_is_weighted_by_minutes(team_world, sessions):
    first, second = _figures(team_world).sessions
    assert first.release_step == pytest.approx((1 * 30 + 2 * 10) / 40)
    assert second.release_step == pytest.approx((3 * 25 + 2 * 12 + 4 * 15) / 52)
    assert charts.level_of(second.release_step) == ReleaseLevel.leader_supported


def test_moves_are_counted_by_person_and_kind(team_world, sessions):
    first, second = _figures(team_world).sessions
    assert first.move_count(MoveBy.leader, MoveType.structuring) == 1
    assert first.move_count(MoveBy.mentor, MoveType.structuring) == 4
    assert first.move_count(MoveBy.mentor) == 6
    assert first.move_count(MoveBy.participant, MoveType.eliciting) == 3
    assert second.move_count(MoveBy.leader) == 5
    assert second.move_count(MoveBy.mentor, MoveType.eliciting) == 0


def test_leader_share_first_and_last(team_world, sessions):
    assert _figures(team_world).leader_share_first_last == pytest.approx((0.125, 46 / 52))


def test_date_range_filters_sessions_and_loops_including_the_end_day(team_world, sessions):
    figures = _figures(team_world, start=date(2024, 9, 11), end=date(2024, 10, 1))
    assert [s.meeting.id for s in figures.sessions] == [sessions[1].id]
    assert [loop.meeting_id for loop in figures.loops] == [sessions[1].id]
    assert _figures(team_world, end=date(2024, 9, 10)).sessions[0].meeting.id == sessions[0].id
    assert _figures(team_world, start=date(2025, 1, 1)).sessions == []


# The charts


def _sessions(world, count):
    factories.make_handoff_history(world.team, world.mentor, world.leader, sessions=count)
    return _figures(world).sessions


def _parse(svg):
    root = ET.fromstring(str(svg))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox").startswith("0 0 ")
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    for labelled_by in root.get("aria-labelledby").split():
        assert labelled_by in ids
    assert root.find(f"{SVG}title").text
    assert root.find(f"{SVG}desc").text
    return root


def _count(root, cls):
    return sum(1 for el in root.iter() if cls in (el.get("class") or "").split())


@pytest.mark.parametrize("count", [1, 9, 20])
def test_charts_are_valid_svg_with_a_bar_and_points_per_session(team_world, count):
    sessions = _sessions(team_world, count)
    share = _parse(charts.share_chart(sessions))
    release = _parse(charts.release_chart(sessions))
    moves = _parse(charts.moves_chart(sessions))
    assert _count(share, "bar") == count
    assert _count(release, "point") == count
    assert _count(moves, "point-leader") == 4 * count
    assert _count(moves, "point-mentor") == 4 * count
    assert "<script" not in str(share) + str(release) + str(moves)


def test_share_chart_labels_the_leaders_share(team_world, sessions):
    root = _parse(charts.share_chart(_figures(team_world).sessions))
    labels = [el.text for el in root.iter(f"{SVG}text") if el.get("class") == "leader-share"]
    assert labels == ["13%", "88%"]


def test_twenty_sessions_thin_the_date_labels_so_they_never_overlap(team_world):
    sessions = _sessions(team_world, 20)
    for chart in (charts.share_chart(sessions), charts.release_chart(sessions)):
        dates = [el for el in _parse(chart).iter(f"{SVG}text") if el.get("class") == "date"]
        assert 2 < len(dates) < 20
        xs = [float(el.get("x")) for el in dates]
        assert min(b - a for a, b in zip(xs, xs[1:], strict=False)) >= 48
        assert dates[0].text == "Sep 10" and dates[-1].text == "Jun 3"


@pytest.mark.parametrize(
    ("n", "slot", "width", "expected"),
    [
        (1, 600, 48, [0]),
        (5, 100, 48, [0, 1, 2, 3, 4]),
        (10, 30, 48, [0, 2, 4, 6, 9]),
        (20, 33, 48, [0, 2, 4, 6, 8, 10, 12, 14, 16, 19]),
        (3, 10, 48, [0]),
    ],
)
def test_shown_labels_keep_first_and_last_when_they_fit(n, slot, width, expected):
    assert charts.shown_labels(n, slot, width) == expected


@pytest.mark.parametrize("chart", [charts.share_chart, charts.release_chart, charts.moves_chart])
def test_no_sessions_draw_an_empty_state(chart):
    root = _parse(chart([]))
    assert "No ended sessions" in "".join(root.itertext())


def test_chart_text_from_people_is_escaped(team_world):
    factories.make_past_meeting(
        team_world.team,
        datetime(2024, 9, 10, 15, 30),
        [_segment("Check-in", team_world.leader, "leader_alone", 10)],
        title="<b>Fractions</b> & more",
    )
    svg = str(charts.share_chart(_figures(team_world).sessions))
    assert "<b>" not in svg and "&lt;b&gt;Fractions&lt;/b&gt; &amp; more" in svg
    _parse(svg)


# The page and the PDF


def _url(world, suffix="handoff"):
    return f"/teams/{world.team.id}/leaders/{world.leader.id}/{suffix}"


def test_mentor_sees_summary_charts_table_and_mentoring_loop(client_as, team_world, sessions):
    response = client_as("mentor").get(_url(team_world))
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Sessions counted" in html
    assert "13% → 88%" in html
    assert "3.1 <span" in html and "nearest: Leader leads with support" in html
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') == 3
    assert "Fractions on a number line" in html and "Equivalent fractions" in html
    assert re.search(r">\s*Sep 10, 2024\s*<span class=\"meta\">", html)
    assert "Two quiet colleagues shared strategies." in html
    assert f"/meetings/{sessions[1].id}/mentoring?leader={team_world.leader.id}" in html
    assert f'action="{_url(team_world, "handoff.pdf")}"' in html


def test_leader_sees_their_own_handoff(client_as, team_world, sessions):
    assert client_as("leader").get(_url(team_world)).status_code == 200


def test_page_without_sessions_shows_an_empty_state(client_as, team_world):
    html = client_as("mentor").get(_url(team_world)).get_data(as_text=True)
    assert "No ended session yet" in html
    assert "<svg" not in html.split('id="main"')[1]


def test_page_shows_a_date_range(client_as, team_world, sessions):
    response = client_as("mentor").get(_url(team_world) + "?start=2024-09-20&end=")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Equivalent fractions" in html and "Fractions on a number line" not in html


def test_pdf_report_is_a_pdf(client_as, team_world, sessions):
    response = client_as("mentor").get(
        _url(team_world, "handoff.pdf") + "?start=2024-09-01&end=2024-12-31"
    )
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
    assert "from-2024-09-01-to-2024-12-31" in response.headers["Content-Disposition"]


def test_pdf_report_without_sessions_is_still_a_pdf(client_as, team_world):
    response = client_as("leader").get(_url(team_world, "handoff.pdf"))
    assert response.status_code == 200
    assert response.data.startswith(b"%PDF")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?start=2024-12-01&end=2024-09-01", "Choose a date on or after the start."),
        ("?start=2024-13-45", "Use a date like 2025-01-31."),
        ("?end=yesterday", "Use a date like 2025-01-31."),
    ],
)
def test_bad_date_range_re_renders_the_page_with_a_message(
    client_as, team_world, sessions, query, message
):
    client = client_as("mentor")
    for suffix in ("handoff.pdf", "handoff"):
        response = client.get(_url(team_world, suffix) + query)
        assert response.status_code == 422
        assert response.mimetype == "text/html"
        html = response.get_data(as_text=True)
        assert 'class="field-error"' in html and message in html


def test_teacher_of_the_team_may_not_see_the_handoff(client_as, team_world, sessions):
    client = client_as("teacher")
    assert client.get(_url(team_world)).status_code == 403
    assert client.get(_url(team_world, "handoff.pdf")).status_code == 403


def test_member_of_another_team_gets_404(client_as, team_world, sessions):
    client = client_as("outsider")
    assert client.get(_url(team_world)).status_code == 404
    assert client.get(_url(team_world, "handoff.pdf")).status_code == 404


def test_someone_who_is_not_a_leader_has_no_handoff_page(client_as, team_world):
    url = f"/teams/{team_world.team.id}/leaders/{team_world.teacher.id}/handoff"
    assert client_as("mentor").get(url).status_code == 404


def test_page_runs_as_many_statements_for_12_sessions_as_for_2(
    client_as, team_world, count_statements
):
    from datetime import timedelta

    client = client_as("mentor")
    factories.make_handoff_history(team_world.team, team_world.mentor, team_world.leader, 2)
    with count_statements() as two:
        assert client.get(_url(team_world)).status_code == 200
    factories.make_handoff_history(
        team_world.team,
        team_world.mentor,
        team_world.leader,
        10,
        first=datetime(2024, 9, 10, 15, 30) + timedelta(days=60),
    )
    with count_statements() as twelve:
        html = client.get(_url(team_world)).get_data(as_text=True)
    assert ">12</dd>" in html
    assert twelve.count == two.count
