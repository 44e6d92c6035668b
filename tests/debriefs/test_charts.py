"""The debrief's charts: the colours are tokens.css's, every name typed by people is escaped,
and a chart with nothing to draw says so with its title and description."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from app.debriefs import charts
from app.debriefs.queries import comparison
from tests.debriefs.helpers import make_debrief, unexpected
from tests.enactments.helpers import make_enactment, make_teaching_lesson

SVG = "{http://www.w3.org/2000/svg}"
TOKENS = Path(__file__).resolve().parents[2] / "static" / "css" / "tokens.css"
NASTY = '<script>alert("x")</script> & </svg>'


def _tokens() -> dict[str, str]:
    return dict(re.findall(r"--([a-z0-9-]+):\s*(#[0-9a-f]{6});", TOKENS.read_text()))


def test_chart_colours_are_the_ones_tokens_css_names():
    tokens = _tokens()
    assert list(charts.HEAT) == [tokens[f"heat-{i}"] for i in range(5)]
    for level, colour in charts.EXIT_COLOURS.items():
        assert tokens[f"exit-{level.replace('_', '-')}"] == colour


def test_names_typed_by_people_are_escaped_in_both_charts(team_world):
    lesson = make_teaching_lesson(team_world.team, team_world.leader, (NASTY,))
    room = make_enactment(lesson.cycle, team_world.teacher, "4<b>", 20)
    room.meets = 4
    unexpected(team_world, room, NASTY, 2)
    found = comparison(lesson.cycle)
    for chart in (charts.heat_map(found), charts.exit_bars(found)):
        assert "<script>" not in str(chart)
        root = ET.fromstring(str(chart))  # well-formed
        assert root.get("role") == "img"
    assert any("4<b>" in (t or "") for t in ET.fromstring(str(charts.heat_map(found))).itertext())


def test_empty_charts_say_why(team_world):
    lesson = make_teaching_lesson(team_world.team, team_world.leader)
    nothing = comparison(lesson.cycle)
    assert "No classroom recorded yet." in str(charts.heat_map(nothing))
    assert "No exit prompt recorded yet." in str(charts.exit_bars(nothing))


def test_the_description_names_the_most_used_response(team_world):
    lesson, _, _ = make_debrief(team_world)
    desc = ET.fromstring(str(charts.heat_map(comparison(lesson.cycle)))).find(f"{SVG}desc").text
    assert desc.startswith("2 classrooms and 3 anticipated responses: 35 students counted")
    assert "Most used: Halves then quarters, by 15 students." in desc
