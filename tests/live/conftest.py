"""A redis-server of a test's own (OwnRedis), for every live test that stops Redis or counts
its connections."""

from tests.live.test_outage import own_redis  # noqa: F401  (a fixture)
