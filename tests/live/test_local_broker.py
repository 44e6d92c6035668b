"""The in-process broker: a numbered, short event log per channel that wakes waiting streams."""

import threading
import time

import pytest

from app.live.brokers import Event, LocalBroker
from app.live.stream import coalesce


def test_publish_numbers_events_and_latest_id_follows():
    broker = LocalBroker()
    before = broker.latest_id("meeting:1")
    first = broker.publish("meeting:1", "contributions")
    second = broker.publish("meeting:1", "state")
    assert int(before) < int(first) < int(second)
    assert broker.latest_id("meeting:1") == second
    assert [e.name for e in broker.read("meeting:1", before, timeout=0)] == [
        "contributions",
        "state",
    ]


def test_read_replays_only_events_after_the_given_id():
    broker = LocalBroker()
    first = broker.publish("meeting:1", "contributions")
    second = broker.publish("meeting:1", "state")
    assert broker.read("meeting:1", "0", timeout=0) == [
        Event(first, "contributions"),
        Event(second, "state"),
    ]
    assert broker.read("meeting:1", first, timeout=0) == [Event(second, "state")]


def test_channels_do_not_see_each_others_events():
    broker = LocalBroker()
    broker.publish("meeting:1", "contributions")
    quiet = broker.latest_id("meeting:2")
    assert broker.read("meeting:2", "0", timeout=0) == []
    assert broker.read("meeting:2", quiet, timeout=0) == []


def test_read_with_nothing_new_returns_an_empty_list_after_the_timeout():
    broker = LocalBroker()
    latest = broker.publish("meeting:1", "state")
    started = time.monotonic()
    assert broker.read("meeting:1", latest, timeout=0.1) == []
    assert 0.09 <= time.monotonic() - started < 1


def test_waiting_read_wakes_as_soon_as_an_event_is_published():
    broker = LocalBroker()
    publisher = threading.Timer(0.05, broker.publish, args=("meeting:1", "contributions"))
    publisher.start()
    started = time.monotonic()
    events = broker.read("meeting:1", "0", timeout=5)
    publisher.join()
    assert [event.name for event in events] == ["contributions"]
    assert time.monotonic() - started < 1


def test_read_after_an_evicted_event_returns_none_so_the_screen_refreshes():
    broker = LocalBroker(log_length=3)
    ids = [broker.publish("meeting:1", f"event-{n}") for n in range(5)]
    assert broker.read("meeting:1", ids[0], timeout=0) is None
    assert broker.read("meeting:1", "0", timeout=0) is None
    kept = broker.read("meeting:1", ids[1], timeout=0)
    assert [event.name for event in kept] == ["event-2", "event-3", "event-4"]


def test_eviction_on_one_channel_does_not_affect_another():
    broker = LocalBroker(log_length=2)
    quiet = broker.publish("meeting:2", "state")
    for n in range(5):
        broker.publish("meeting:1", f"event-{n}")
    assert broker.read("meeting:2", "0", timeout=0) == [Event(quiet, "state")]


def test_id_from_before_a_restart_returns_none_so_the_screen_refreshes():
    before_restart = LocalBroker()
    for _ in range(10):
        seen = before_restart.publish("meeting:1", "contributions")

    restarted = LocalBroker()
    restarted.publish("meeting:1", "state")
    assert restarted.read("meeting:1", seen, timeout=0) is None


def test_ids_keep_growing_across_a_restart():
    before_restart = LocalBroker()
    seen = [before_restart.publish("meeting:1", "contributions") for _ in range(2000)]
    time.sleep(0.01)  # a restart takes seconds

    restarted = LocalBroker()
    assert int(restarted.latest_id("meeting:1")) >= int(seen[-1])
    assert int(restarted.publish("meeting:1", "state")) > int(seen[-1])


def test_a_page_drawn_before_a_restart_is_told_to_refresh_even_with_no_event_seen():
    before_restart = LocalBroker()
    drawn_at = before_restart.latest_id("meeting:1")
    before_restart.publish("meeting:1", "contributions")  # lost with the restart

    restarted = LocalBroker()
    restarted.publish("meeting:1", "state")
    assert restarted.read("meeting:1", drawn_at, timeout=0) is None


def test_an_id_from_the_future_is_told_to_refresh():
    broker = LocalBroker()
    latest = broker.publish("meeting:1", "state")
    assert broker.read("meeting:1", str(int(latest) + 10**9), timeout=0) is None


@pytest.mark.parametrize(
    "garbled", ["²", "١٢", "1" * 5000, "9223372036854775808", "-1", " 1", "1\n", "1.5", "0x10"]
)
def test_garbled_ids_never_raise(garbled):
    broker = LocalBroker()
    broker.publish("meeting:1", "state")
    assert broker.parse_id(garbled) is None
    assert [e.name for e in broker.read("meeting:1", garbled, timeout=0)] == ["state"]


def test_an_id_that_is_not_a_number_reads_from_the_start():
    broker = LocalBroker()
    broker.publish("meeting:1", "state")
    assert [e.name for e in broker.read("meeting:1", "1-0", timeout=0)] == ["state"]
    assert [e.name for e in broker.read("meeting:1", "", timeout=0)] == ["state"]


def test_coalesce_keeps_each_event_name_once_in_first_seen_order():
    events = [Event("1", "state"), Event("2", "contributions"), Event("3", "state")]
    assert coalesce(events) == ["state", "contributions"]
    assert coalesce([]) == []
