"""One Redis reader per server process fans events out to every stream waiting in it.

Each test runs against a redis-server of its own (`own_redis`, tests/live/conftest.py), so it
can count that server's connections and stop it.
"""

import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
import redis

from app.live.brokers import RedisBroker

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def broker(own_redis):
    broker = RedisBroker(own_redis.url)
    broker.fanout.block, broker.fanout.linger = 0.2, 0.3
    return broker


def wait_until(condition, seconds: float = 5) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


class Viewers:
    """`count` threads, each waiting once for events on `channel` after `after`."""

    def __init__(self, broker, channel, after, count, timeout=5.0):
        self.results: list = [None] * count
        self.errors: list = []
        self.threads = [
            threading.Thread(target=self._read, args=(broker, channel, after, timeout, n))
            for n in range(count)
        ]
        for thread in self.threads:
            thread.start()

    def _read(self, broker, channel, after, timeout, n):
        try:
            self.results[n] = broker.read(channel, after, timeout=timeout)
        except Exception as error:  # noqa: BLE001  (the test asserts on it)
            self.errors.append(error)

    def join(self):
        for thread in self.threads:
            thread.join(timeout=15)


def xread_connections(url: str) -> int:
    clients = redis.Redis.from_url(url).client_list()
    return sum(client["cmd"] == "xread" for client in clients)


def test_many_viewers_of_one_channel_share_one_reader_and_all_get_the_event(broker, own_redis):
    after = broker.latest_id("meeting:1")
    viewers = Viewers(broker, "meeting:1", after, count=60)
    assert wait_until(lambda: broker.fanout.following() == {"tandem:live:meeting:1"})
    time.sleep(0.3)  # every viewer is waiting
    published = broker.publish("meeting:1", "contributions")
    viewers.join()

    assert viewers.errors == []
    assert [[(e.id, e.name) for e in r] for r in viewers.results] == [
        [(published, "contributions")]
    ] * 60
    assert broker.fanout.readers_started == 1
    info = redis.Redis.from_url(own_redis.url).info("clients")
    assert info["connected_clients"] < 15, "a Redis connection per viewer"


def test_one_reader_follows_several_channels_on_one_connection(broker, own_redis):
    afters = {name: broker.latest_id(name) for name in ("meeting:1", "meeting:2", "meeting:3")}
    viewers = [Viewers(broker, name, after, count=5) for name, after in afters.items()]
    assert wait_until(lambda: len(broker.fanout.following()) == 3)
    # Following comes just before the reader's first XREAD: wait for that, then count.
    assert wait_until(lambda: xread_connections(own_redis.url) > 0)
    assert xread_connections(own_redis.url) == 1
    ids = {name: broker.publish(name, f"on-{name}") for name in afters}
    for group, name in zip(viewers, afters, strict=True):
        group.join()
        assert group.errors == []
        assert [[(e.id, e.name) for e in r] for r in group.results] == [
            [(ids[name], f"on-{name}")]
        ] * 5


def test_a_viewer_leaving_stops_its_channel_and_the_last_one_stops_the_reader(broker):
    staying = Viewers(broker, "meeting:2", broker.latest_id("meeting:2"), count=1, timeout=3)
    broker.read("meeting:1", broker.latest_id("meeting:1"), timeout=0.1)  # viewed, then left
    assert broker.fanout.following() == {"tandem:live:meeting:1", "tandem:live:meeting:2"}

    assert wait_until(lambda: broker.fanout.following() == {"tandem:live:meeting:2"})
    broker.publish("meeting:2", "state")
    staying.join()
    assert [e.name for e in staying.results[0]] == ["state"], "the other channel still flows"

    assert wait_until(lambda: not broker.fanout.reader_alive())
    assert broker.fanout.following() == set()


def test_events_published_between_two_waits_are_not_lost(broker):
    cursor = broker.latest_id("meeting:1")
    assert broker.read("meeting:1", cursor, timeout=0.1) == []
    first = broker.publish("meeting:1", "contributions")
    second = broker.publish("meeting:1", "state")
    assert wait_until(lambda: len(broker.fanout._channels["tandem:live:meeting:1"].events) == 2)
    assert [e.id for e in broker.read("meeting:1", cursor, timeout=1)] == [first, second]
    assert [e.id for e in broker.read("meeting:1", first, timeout=1)] == [second]


def test_a_screen_behind_the_readers_memory_catches_up_from_redis(own_redis):
    broker = RedisBroker(own_redis.url, log_length=3)  # the reader keeps 3 events per channel
    before = broker.latest_id("meeting:1")
    waiting = Viewers(broker, "meeting:1", before, count=1, timeout=3)
    assert wait_until(lambda: broker.fanout.following() == {"tandem:live:meeting:1"})
    ids = [broker.publish("meeting:1", f"event-{n}") for n in range(6)]
    waiting.join()
    assert wait_until(lambda: broker.fanout._channels["tandem:live:meeting:1"].cursor == ids[-1])

    behind = broker.read("meeting:1", ids[0], timeout=1)
    assert behind is not None, "Redis's log (trimmed only approximately) still has them"
    assert [e.id for e in behind] == ids[1:]
    assert [e.id for e in broker.read("meeting:1", ids[3], timeout=1)] == ids[4:]


def test_the_reader_ends_every_wait_on_a_redis_error_and_restarts_when_redis_returns(
    broker,
    own_redis,
):
    viewers = Viewers(broker, "meeting:1", broker.latest_id("meeting:1"), count=5, timeout=20)
    assert wait_until(lambda: broker.fanout.following() == {"tandem:live:meeting:1"})
    started = time.monotonic()
    own_redis.stop()
    viewers.join()
    assert len(viewers.errors) == 5
    assert all(isinstance(error, redis.RedisError) for error in viewers.errors)
    assert time.monotonic() - started < 10
    with pytest.raises(redis.RedisError):
        broker.read("meeting:1", "0-0", timeout=1)

    own_redis.start()
    after = broker.latest_id("meeting:1")
    again = Viewers(broker, "meeting:1", after, count=3)
    assert wait_until(lambda: broker.fanout.reader_alive())
    time.sleep(0.3)
    published = broker.publish("meeting:1", "contributions")
    again.join()
    assert again.errors == []
    assert [[e.id for e in r] for r in again.results] == [[published]] * 3
    assert xread_connections(own_redis.url) == 1, "one reader again, not one per viewer"


def test_under_gevent_many_greenlets_share_the_reader(own_redis):
    """As in gunicorn's gevent worker: the reader is a greenlet, the waits are greenlets."""
    script = textwrap.dedent(
        f"""
        from gevent import monkey

        monkey.patch_all()

        import gevent
        import redis
        from app.live.brokers import RedisBroker

        broker = RedisBroker({own_redis.url!r})
        after = broker.latest_id("meeting:9")
        waits = [gevent.spawn(broker.read, "meeting:9", after, 10) for _ in range(300)]
        gevent.sleep(0.5)
        published = broker.publish("meeting:9", "contributions")
        gevent.joinall(waits, timeout=15)
        got = {{tuple((e.id, e.name) for e in w.value or ()) for w in waits}}
        assert got == {{((published, "contributions"),)}}, got
        clients = redis.Redis.from_url({own_redis.url!r}).info("clients")["connected_clients"]
        print(broker.fanout.readers_started, clients)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    readers, clients = map(int, done.stdout.split())
    assert readers == 1
    assert clients < 15
