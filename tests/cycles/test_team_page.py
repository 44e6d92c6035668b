"""The team page shows the current cycle and the earlier ones."""

from datetime import timedelta

from app.timeutil import local_now
from tests.factories import make_cycle, make_meeting


def _section(page: str) -> str:
    return page.split('id="cycles-heading"')[1].split("</section>")[0]


def _current(page: str) -> str:
    return _section(page).split("Current cycle:")[1].split("</h3>")[0]


def test_current_cycle_is_the_open_one_that_includes_today(client_as, team_world):
    today = local_now().date()
    make_cycle(team_world.team, "Planned for later", starts_on=today + timedelta(days=30))
    make_cycle(team_world.team, "Running now", starts_on=today - timedelta(days=3))
    make_cycle(team_world.team, "Closed early", stage="done", starts_on=today - timedelta(days=1))
    page = client_as("teacher").get(f"/teams/{team_world.team.id}").get_data(as_text=True)
    assert "Running now" in _current(page)
    earlier = _section(page).split("Earlier cycles")[1]
    assert "Planned for later" in earlier and "Closed early" in earlier


def test_without_one_today_the_latest_open_cycle_is_current(client_as, team_world):
    today = local_now().date()
    make_cycle(team_world.team, "Old and open", starts_on=today - timedelta(days=90))
    make_cycle(team_world.team, "Overran", stage="debrief", starts_on=today - timedelta(days=40))
    make_cycle(team_world.team, "Done", stage="done", starts_on=today - timedelta(days=2))
    page = client_as("teacher").get(f"/teams/{team_world.team.id}").get_data(as_text=True)
    assert "Overran" in _current(page)


def test_no_cycle_yet_invites_planners_to_open_one(client_as, team_world):
    url = f"/teams/{team_world.team.id}"
    leader_page = client_as("leader").get(url).get_data(as_text=True)
    assert "No cycle is open" in leader_page and "Open a new cycle" in leader_page
    teacher_page = client_as("teacher").get(url).get_data(as_text=True)
    assert "Open a new cycle" not in teacher_page


def test_earlier_cycles_are_bounded_and_counted(client_as, team_world):
    today = local_now().date()
    for i in range(9):
        cycle = make_cycle(
            team_world.team,
            f"Month {i}",
            stage="done",
            starts_on=today - timedelta(days=30 * (i + 1)),
        )
        if i == 0:
            for _ in range(3):
                make_meeting(team_world.team, cycle_id=cycle.id)
    page = client_as("teacher").get(f"/teams/{team_world.team.id}").get_data(as_text=True)
    section = _section(page)
    assert [f"Month {i}<" in section for i in range(9)] == [True] * 5 + [False] * 4
    assert "3 meetings" in section
    assert "All 9 cycles" in section
    listing = client_as("teacher").get(f"/teams/{team_world.team.id}/cycles").get_data(as_text=True)
    assert all(f"Month {i}<" in listing for i in range(9))
