"""The debrief page compares the classrooms: the heat map with its totals, what nobody
anticipated, the exit prompt's bars, the sharing sequences, the demand factors and the
reflections; another team's cycle is a 404."""

import re
import xml.etree.ElementTree as ET

from app.debriefs import charts
from app.debriefs.queries import comparison
from app.extensions import db
from tests import factories
from tests.debriefs.helpers import make_debrief
from tests.enactments.helpers import make_enactment, make_teaching_lesson, responses

SVG = "{http://www.w3.org/2000/svg}"


def _svg(page: str, chart_id: str) -> ET.Element:
    found = re.search(rf'<svg [^>]*id="{chart_id}".*?</svg>', page, re.S)
    assert found, chart_id
    return ET.fromstring(found.group(0))


def _groups(root, kind: str) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if kind in (g.get("class") or "").split()]


def _cells(root) -> list[tuple[int, int]]:
    """(count, heat level) of each cell of the heat map, row by row."""
    found = []
    for g in _groups(root, "cell"):
        level = next(c for c in g.get("class").split() if c.startswith("heat-"))
        found.append((int(g.get("data-count")), int(level.removeprefix("heat-"))))
    return found


def test_heat_map_counts_each_response_in_each_classroom_with_totals(client_as, team_world):
    lesson, room_b, room_l = make_debrief(team_world)
    page = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/debrief").get_data(as_text=True)
    heat = _svg(page, "chart-heat")
    # Rows: the anticipated responses in order; columns: 4B (taught first by id) and 4L.
    assert [count for count, _ in _cells(heat)] == [12, 3, 6, 9, 0, 5]
    assert [int(g.get("data-count")) for g in _groups(heat, "row-total")] == [15, 15, 5]
    assert [int(g.get("data-count")) for g in _groups(heat, "column-total")] == [18, 17]
    assert [int(g.get("data-count")) for g in _groups(heat, "grand-total")] == [35]
    texts = list(heat.itertext())
    assert "50%" in texts  # 12 of 4B's 24 students
    assert "45%" in texts  # 9 of 4L's 20 students
    assert heat.get("role") == "img"
    assert "3 anticipated responses" in heat.find(f"{SVG}desc").text
    # The table alternative holds the same numbers.
    assert "Students using each anticipated response, by classroom" in page


def test_heat_shading_grows_with_the_count():
    assert [charts.heat_level(n, 12) for n in (0, 1, 3, 4, 6, 7, 9, 10, 12)] == [
        0,
        1,
        1,
        2,
        2,
        3,
        3,
        4,
        4,
    ]
    assert charts.heat_level(5, 0) == 0


def test_heat_map_cells_are_shaded_in_proportion(client_as, team_world):
    lesson, _, _ = make_debrief(team_world)
    page = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/debrief").get_data(as_text=True)
    cells = _cells(_svg(page, "chart-heat"))
    assert dict(cells) == {12: 4, 3: 1, 6: 2, 9: 3, 0: 0, 5: 2}
    levels = [level for _, level in sorted(cells)]
    assert levels == sorted(levels)


def test_unanticipated_responses_are_grouped_by_room_with_counts(client_as, team_world):
    lesson, _, _ = make_debrief(team_world)
    page = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/debrief").get_data(as_text=True)
    section = page.split('id="unanticipated-heading"')[1].split("</section>")[0]
    assert section.index("4B · Priya Teacher") < section.index("Subtracted 3 from 4")
    assert section.index("Subtracted 3 from 4") < section.index("4L · Jordan Leader")
    assert section.index("4L · Jordan Leader") < section.index("Drew a number line")
    assert '<span class="debrief-count">3</span> Subtracted 3 from 4' in section
    assert '<span class="debrief-count">2</span> Drew a number line' in section


def _exit(room, **levels):
    for level, n in levels.items():
        setattr(room, level, n)
    db.session.commit()


def test_exit_bars_add_up_to_each_classes_students(client_as, team_world):
    lesson, room_b, room_l = make_debrief(team_world)
    _exit(room_b, not_yet=2, approaching=5, meets=12, exceeds=5)  # all 24
    _exit(room_l, not_yet=1, meets=10)  # 11 of 20: 9 with no level
    unknown = make_enactment(lesson.cycle, team_world.mentor, "4M", None)
    _exit(unknown, approaching=3, meets=4)  # class size not given
    make_enactment(lesson.cycle, team_world.mentor, "4N", 18)  # no exit prompt
    page = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/debrief").get_data(as_text=True)
    bars = _groups(_svg(page, "chart-exit"), "bar")
    sums = {
        bar.get("data-room"): {
            g.get("class").split()[1]: int(g.get("data-count")) for g in bar.findall(f"{SVG}g")
        }
        for bar in bars
    }
    assert sums["4B"] == {
        "segment-not_yet": 2,
        "segment-approaching": 5,
        "segment-meets": 12,
        "segment-exceeds": 5,
    }
    assert sums["4L"] == {"segment-not_yet": 1, "segment-meets": 10, "segment-not_assessed": 9}
    assert sum(sums["4L"].values()) == 20
    assert sums["4M"] == {"segment-approaching": 3, "segment-meets": 4}
    assert "4N" not in sums
    assert "No exit prompt recorded" in page
    # Widths: each bar spans the same length, in proportion within it.
    widths = {}
    for bar in bars:
        widths[bar.get("data-room")] = sum(float(r.get("width")) for r in bar.iter(f"{SVG}rect"))
    assert len({round(w) for w in widths.values()}) == 1


def test_sharing_sequences_sit_side_by_side_in_share_order(client_as, team_world):
    lesson, _, _ = make_debrief(team_world)
    found = comparison(lesson.cycle)
    names = [[(s.order, s.name, s.anticipated) for s in room.sequence] for room in found.rooms]
    assert names == [
        [(1, "Each brownie in fourths", True), (2, "Halves then quarters", True)],
        [
            (1, "Three fourths by division", True),
            (2, "Drew a number line", False),
            (3, "Each brownie in fourths", True),
        ],
    ]
    page = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/debrief").get_data(as_text=True)
    section = page.split('id="sequence-heading"')[1].split("</section>")[0]
    assert section.count('<ol class="debrief-sequence"') == 2
    assert "Not anticipated" in section


def test_factors_table_ticks_each_rooms_factors_keeping_then_lowering(client_as, team_world):
    lesson, room_b, room_l = make_debrief(team_world)
    room_b.demand_factors = "pressing connections"
    room_l.demand_factors = "pressing time_off"
    db.session.commit()
    page = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/debrief").get_data(as_text=True)
    table = page.split('class="table debrief-factors"')[1].split("</table>")[0]
    keeping, lowering = table.split('class="factors-lowering"')
    assert "Kept the demand high" in keeping and "Lowered the demand" in lowering
    pressing = keeping.split("Students were pressed to explain")[1].split("</tr>")[0]
    assert pressing.count('class="tick"') == 2 and "2 of 2" in pressing
    connections = keeping.split("Connections between strategies")[1].split("</tr>")[0]
    assert connections.count('class="tick"') == 1 and "1 of 2" in connections
    time_off = lowering.split("Too little or too much time")[1].split("</tr>")[0]
    assert time_off.count('class="tick"') == 1
    routine = lowering.split("The task became routine")[1].split("</tr>")[0]
    assert 'class="tick"' not in routine and "0 of 2" in routine


def test_reflections_sit_side_by_side_with_the_video_and_its_moments(client_as, team_world):
    lesson, room_b, room_l = make_debrief(team_world)
    room_b.what_worked = "Pairs talked first."
    room_b.surprised = "Nobody used a number line."
    room_b.would_change = "Shorter launch."
    room_b.video_url = "https://video.example.org/4b"
    room_b.video_moments = "12:40 the area model\n18:05 sharing"
    db.session.commit()
    page = client_as("mentor").get(f"/cycles/{lesson.cycle_id}/debrief").get_data(as_text=True)
    section = page.split('id="reflections-heading"')[1].split("</section>")[0]
    for words in ("Pairs talked first.", "Nobody used a number line.", "Shorter launch."):
        assert words in section
    assert 'href="https://video.example.org/4b"' in section
    assert "<li>12:40 the area model</li>" in section
    assert section.index("4B · Priya Teacher") < section.index("4L · Jordan Leader")
    assert "No reflection written yet." in section  # 4L wrote none


def test_a_cycle_without_enactments_links_to_the_enactments_page(client_as, team_world):
    lesson = make_teaching_lesson(team_world.team, team_world.leader)
    for url in (
        f"/cycles/{lesson.cycle_id}/debrief",
        f"/cycles/{lesson.cycle_id}/debrief/comparison",
    ):
        page = client_as("teacher").get(url).get_data(as_text=True)
        assert "No classroom has recorded its lesson yet" in page
        assert f'href="/cycles/{lesson.cycle_id}/enactments"' in page
        assert "chart-heat" not in page
    display = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/debrief/display")
    assert "No classroom has recorded its lesson yet" in display.get_data(as_text=True)


def test_a_cycle_without_a_lesson_still_answers(client_as, team_world):
    cycle = factories.make_cycle(team_world.team, stage="teach")
    make_enactment(cycle, team_world.teacher)
    response = client_as("teacher").get(f"/cycles/{cycle.id}/debrief")
    assert response.status_code == 200
    assert "The lesson anticipated nothing." in response.get_data(as_text=True)


def test_another_teams_debrief_is_not_found(client_as, team_world):
    lesson, _, _ = make_debrief(team_world)
    outsider = client_as("outsider")
    for part in ("", "/comparison", "/display", "/display/comparison", "/charts", "/events"):
        response = outsider.get(f"/cycles/{lesson.cycle_id}/debrief{part}")
        assert response.status_code == 404, part
        assert "Brownies" not in response.get_data(as_text=True)


def test_a_removed_response_stays_while_a_class_counted_it(client_as, team_world):
    from app.lessons import writing

    lesson, _, _ = make_debrief(team_world)
    first, second, third = responses(lesson)
    writing.remove_response(team_world.leader, first)  # counted: 12 and 3
    found = comparison(lesson.cycle)
    assert [r.name for r in found.responses][0] == "Halves then quarters"
    lesson2 = make_teaching_lesson(team_world.team, team_world.leader, ("Never counted",), "Pies")
    make_enactment(lesson2.cycle, team_world.teacher, "4B", 24)
    writing.remove_response(team_world.leader, responses(lesson2)[0])
    assert comparison(lesson2.cycle).responses == []


def test_the_cycle_page_links_to_the_debrief_once_a_class_recorded(client_as, team_world):
    lesson = make_teaching_lesson(team_world.team, team_world.leader)
    link = f'href="/cycles/{lesson.cycle_id}/debrief"'
    assert link not in client_as("teacher").get(f"/cycles/{lesson.cycle_id}").get_data(as_text=True)
    make_enactment(lesson.cycle, team_world.teacher)
    assert link in client_as("teacher").get(f"/cycles/{lesson.cycle_id}").get_data(as_text=True)
