"""CPU-heavy work leaves the gevent hub free under gunicorn's gevent worker."""

import subprocess
import sys
import threading

from app.blocking import off_the_hub

UNDER_GEVENT = """
from gevent import monkey
monkey.patch_all()
import threading
from gevent import monkey as m
from app.blocking import off_the_hub
hub_thread = m.get_original("threading", "get_ident")()
worker_thread = off_the_hub(lambda: m.get_original("threading", "get_ident")())
print("moved" if worker_thread != hub_thread else "same")
"""


def test_work_runs_in_place_without_gevent():
    assert off_the_hub(threading.get_ident) == threading.get_ident()


def test_work_runs_in_the_hub_thread_pool_under_gevent():
    result = subprocess.run(
        [sys.executable, "-c", UNDER_GEVENT], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "moved", result.stderr
