"""The Redis broker against the real Redis on this machine (and in CI): events cross processes."""

import os
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import pytest
import redis

from app.live.brokers import RedisBroker

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
ROOT = Path(__file__).resolve().parents[2]
BROKERS = ROOT / "app" / "live" / "brokers.py"


@pytest.fixture(scope="module")
def redis_url() -> str:
    problem = None
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        problem = error
    if problem is not None:
        pytest.fail(
            f"Redis at {REDIS_URL} did not answer ({problem}). The live-update tests need a real "
            "Redis: start redis-server, or point TEST_REDIS_URL at one.",
            pytrace=False,
        )
    return REDIS_URL


@pytest.fixture
def channel(redis_url):
    """A channel no other test or run uses; its stream is deleted afterwards."""
    name = f"test:{uuid.uuid4().hex}"
    yield name
    redis.Redis.from_url(redis_url).delete(f"tandem:live:{name}")


@pytest.fixture
def broker(redis_url) -> RedisBroker:
    return RedisBroker(redis_url)


def test_publish_returns_stream_ids_and_latest_id_follows(broker, channel):
    assert broker.latest_id(channel) == "0-0"
    first = broker.publish(channel, "contributions")
    second = broker.publish(channel, "state")
    assert first != second
    assert broker.latest_id(channel) == second


def test_read_replays_only_events_after_the_given_id(broker, channel):
    first = broker.publish(channel, "contributions")
    second = broker.publish(channel, "state")
    assert [(e.id, e.name) for e in broker.read(channel, "0-0", timeout=0.1)] == [
        (first, "contributions"),
        (second, "state"),
    ]
    assert [(e.id, e.name) for e in broker.read(channel, first, timeout=0.1)] == [(second, "state")]


def test_read_with_nothing_new_returns_an_empty_list_after_the_timeout(broker, channel):
    latest = broker.publish(channel, "state")
    started = time.monotonic()
    assert broker.read(channel, latest, timeout=0.2) == []
    assert 0.15 <= time.monotonic() - started < 2


def test_an_invalid_id_reads_from_the_start(broker, channel):
    broker.publish(channel, "state")
    assert [e.name for e in broker.read(channel, "not-an-id", timeout=0.1)] == ["state"]


def test_read_after_a_trimmed_event_returns_none_so_the_screen_refreshes(
    broker, channel, redis_url
):
    first, second, third = (broker.publish(channel, name) for name in ("a", "b", "c"))
    redis.Redis.from_url(redis_url).xtrim(f"tandem:live:{channel}", maxlen=1, approximate=False)

    assert broker.read(channel, first, timeout=0.1) is None
    assert broker.read(channel, third, timeout=0.1) == []


def test_event_published_by_another_process_reaches_a_waiting_reader(broker, channel, redis_url):
    after = broker.latest_id(channel)
    publisher = textwrap.dedent(
        f"""
        import importlib.util
        import time

        # Tandem's own brokers module, without importing (and so starting) the whole app.
        spec = importlib.util.spec_from_file_location("brokers", {str(BROKERS)!r})
        brokers = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(brokers)

        broker = brokers.RedisBroker({redis_url!r})
        time.sleep(0.5)  # let the test process block in read() first
        print(broker.publish({channel!r}, "contributions"))
        """
    )
    process = subprocess.Popen(
        [sys.executable, "-c", publisher],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        started = time.monotonic()
        events = broker.read(channel, after, timeout=15)
        waited = time.monotonic() - started
        out, err = process.communicate(timeout=15)
    finally:
        process.kill()

    assert process.returncode == 0, err
    assert [(e.id, e.name) for e in events] == [(out.strip(), "contributions")]
    assert waited >= 0.4, "the event should have arrived while the reader was waiting"


@pytest.mark.parametrize(
    "garbled",
    ["²", "١٢", "١٢-٣", "1" * 5000, "18446744073709551616-0", "1-18446744073709551616", "1-", "-1"],
)
def test_garbled_ids_are_refused_never_sent_to_redis(broker, channel, garbled):
    broker.publish(channel, "state")
    assert broker.parse_id(garbled) is None
    assert [e.name for e in broker.read(channel, garbled, timeout=0.1)] == ["state"]


def test_redis_ids_in_their_own_form_are_accepted(broker):
    assert broker.parse_id("1733000000000-0") == "1733000000000-0"
    assert broker.parse_id("1733000000000") == "1733000000000"
    assert broker.parse_id("18446744073709551615-18446744073709551615") is not None
