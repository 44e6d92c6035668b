"""The debrief updates live: a chart save or a tap tells the cycle's channel, the page listens
to it and re-fetches its comparison, which answers 304 when nothing changed."""

from app import live
from app.cycles.models import live_channel
from tests.debriefs.helpers import make_debrief
from tests.enactments.helpers import responses


def _events(channel, before):
    return [event.name for event in live.broker().read(channel, before, timeout=0.1)]


def test_a_tap_and_a_response_added_while_counting_tell_the_cycles_channel(client_as, team_world):
    lesson, room_b, _ = make_debrief(team_world)
    channel = live_channel(lesson.cycle_id)
    first = responses(lesson)[0]
    teacher = client_as("teacher")
    before = live.latest_id(channel)
    tapped = teacher.post(
        f"/enactments/{room_b.id}/taps",
        json={"key": "debrief-tap-0000001", "by": 1, "response": first.id},
    )
    assert tapped.status_code == 200
    assert _events(channel, before) == ["enactment"]
    before = live.latest_id(channel)
    added = teacher.post(
        f"/enactments/{room_b.id}/count/unanticipated",
        json={"key": "debrief-new-0000001", "name": "Guessed and checked"},
    )
    assert added.status_code == 200
    assert _events(channel, before) == ["enactment"]


def test_a_refused_tap_tells_no_one(client_as, team_world):
    lesson, room_b, _ = make_debrief(team_world)
    channel = live_channel(lesson.cycle_id)
    before = live.latest_id(channel)
    refused = client_as("teacher").post(
        f"/enactments/{room_b.id}/taps", json={"key": "debrief-tap-0000002", "by": 1, "response": 0}
    )
    assert refused.status_code == 422
    assert _events(channel, before) == []


def test_the_page_listens_to_the_cycle_and_refetches_its_comparison(client_as, team_world):
    lesson, room_b, _ = make_debrief(team_world)
    base = f"/cycles/{lesson.cycle_id}/debrief"
    teacher = client_as("teacher")
    for page_url, fragment_url in (
        (base, f"{base}/comparison"),
        (f"{base}/display", f"{base}/display/comparison"),
    ):
        page = teacher.get(page_url).get_data(as_text=True)
        assert f'sse-connect="{base}/events' in page
        assert f'hx-get="{fragment_url}"' in page
        assert 'hx-trigger="sse:enactment, sse:refresh"' in page


def test_the_fragment_shows_a_new_count_and_answers_304_when_unchanged(client_as, team_world):
    lesson, room_b, _ = make_debrief(team_world)
    url = f"/cycles/{lesson.cycle_id}/debrief/comparison"
    teacher = client_as("teacher")
    first = teacher.get(url, headers={"HX-Request": "true"})
    assert first.status_code == 200 and first.headers["ETag"]
    assert "<html" not in first.get_data(as_text=True)
    again = teacher.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304

    response = responses(lesson)[2]
    teacher.post(
        f"/enactments/{room_b.id}/taps",
        json={"key": "debrief-tap-0000003", "by": 1, "response": response.id},
    )
    changed = teacher.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert changed.status_code == 200
    assert 'data-count="1"' in changed.get_data(as_text=True)  # 4B's third response: 0 → 1


def test_the_projector_view_has_no_controls_and_no_reflections(client_as, team_world):
    lesson, room_b, _ = make_debrief(team_world)
    room_b.what_worked = "Pairs talked first."
    from app.extensions import db

    db.session.commit()
    page = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/debrief/display")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "<form" not in html.split('<main id="main"')[1]
    assert "<button" not in html.split('<main id="main"')[1]
    assert 'class="site-header"' not in html
    assert "chart-heat" in html and "chart-exit" in html
    assert "Drew a number line" in html
    assert "Pairs talked first." not in html
