"""The presence store, in-process and in Redis alike: marks renewed by a heartbeat, cleared on
leaving, gone by themselves when the heartbeat stops, each channel on its own."""

import secrets
import time

import pytest
import redis

from app.live.presence import LocalPresence, RedisPresence
from tests.live.test_redis_broker import REDIS_URL

TTL = 0.3


@pytest.fixture(params=["local", "redis"])
def presence(request):
    if request.param == "local":
        yield LocalPresence(ttl=TTL)
        return
    prefix = f"test:presence:{secrets.token_hex(4)}:"
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as problem:
        pytest.fail(f"Redis at {REDIS_URL} did not answer ({problem}).", pytrace=False)
    yield RedisPresence(REDIS_URL, ttl=TTL, prefix=prefix)
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{prefix}*"):
        client.delete(key)


def test_a_mark_is_news_once_and_renewed_quietly(presence):
    assert presence.mark("cycle:1", "7:tab", "launch") is True
    assert presence.mark("cycle:1", "7:tab", "launch") is False
    assert presence.mark("cycle:1", "7:tab", "explore") is True
    assert presence.present("cycle:1") == {"7:tab": "explore"}


def test_clearing_says_whether_there_was_a_mark(presence):
    presence.mark("cycle:1", "7:tab", "launch")
    assert presence.clear("cycle:1", "7:tab") is True
    assert presence.clear("cycle:1", "7:tab") is False
    assert presence.present("cycle:1") == {}


def test_channels_and_keys_are_apart(presence):
    presence.mark("cycle:1", "7:a", "launch")
    presence.mark("cycle:1", "8:b", "launch")
    presence.mark("cycle:2", "7:a", "explore")
    assert presence.present("cycle:1") == {"7:a": "launch", "8:b": "launch"}
    assert presence.present("cycle:2") == {"7:a": "explore"}


def test_a_mark_without_heartbeat_expires_and_a_renewed_one_stays(presence):
    presence.mark("cycle:1", "7:a", "launch")
    presence.mark("cycle:1", "8:b", "explore")
    for _ in range(3):
        time.sleep(TTL / 2)
        presence.mark("cycle:1", "8:b", "explore")
    assert presence.present("cycle:1") == {"8:b": "explore"}
    # Expired, it is news again when it comes back.
    assert presence.mark("cycle:1", "7:a", "launch") is True


def test_a_value_may_hold_any_text(presence):
    presence.mark("cycle:1", "7:a", '{"field": "plan-launch", "name": "Ana | Ruiz"}')
    assert presence.present("cycle:1") == {"7:a": '{"field": "plan-launch", "name": "Ana | Ruiz"}'}


def test_a_redis_that_does_not_answer_means_nobody_is_there():
    store = RedisPresence("redis://127.0.0.1:1/0", ttl=TTL)
    assert store.mark("cycle:1", "7:a", "launch") is False
    assert store.clear("cycle:1", "7:a") is False
    assert store.present("cycle:1") == {}
