"""CPU-heavy work (PDF rendering, password hashing) holds the CPU for up to seconds. Under
gunicorn's gevent worker that would freeze every live stream of the worker, so there it runs
in the hub's thread pool; elsewhere it simply runs."""

import sys
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def off_the_hub(work: Callable[..., T], *args) -> T:
    monkey = sys.modules.get("gevent.monkey")
    if monkey is None or not monkey.is_module_patched("threading"):
        return work(*args)
    import gevent

    return gevent.get_hub().threadpool.apply(work, args)
