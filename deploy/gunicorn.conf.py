"""gunicorn's settings for Tandem in production, from the source folder:

    gunicorn -c deploy/gunicorn.conf.py --bind 127.0.0.1:8000 wsgi:app

Every open meeting screen holds one connection (Server-Sent Events) for up to an hour, so a
worker must accept thousands at once: gevent workers, each with room for 6,000 connections
(5,000 screens on one 2-core box, however unevenly the two workers share them, plus page
requests). A stream costs a client socket and a greenlet; it waits on its worker's one Redis
reader (app/live/fanout.py), never on a Redis or database connection of its own.

Environment: WEB_CONCURRENCY (workers, default 2: one per core), TANDEM_WORKER_CONNECTIONS,
TANDEM_DB_POOL_SIZE and TANDEM_DB_MAX_OVERFLOW (database connections per worker).
This file imports nothing of Tandem's: the app is loaded in each worker, after gevent has
patched the standard library.
"""

import os
import resource

worker_class = "gevent"
workers = int(os.environ.get("WEB_CONCURRENCY", 2))
worker_connections = int(os.environ.get("TANDEM_WORKER_CONNECTIONS", 6000))
# A room of screens reconnecting at once (a restart, a Wi-Fi blip) queues here, not refused.
backlog = 4096
# Streams end on their own (LIVE_STREAM_SECONDS); a restart waits this long for them.
graceful_timeout = 10

# Database connections each worker keeps (app/config.py): SQLAlchemy's default keeps 5 and opens
# and closes up to 10 more on every burst (a room of screens re-fetching after an event), each
# a new PostgreSQL backend; that cost the database more CPU than the queries (bench/live_latency.py
# --refetch: PostgreSQL 10.5-12.3 s -> 6.1 s for 6,000 re-fetches). Requests beyond it wait.
os.environ.setdefault("TANDEM_DB_POOL_SIZE", "15")
os.environ.setdefault("TANDEM_DB_MAX_OVERFLOW", "0")

# Open files a worker may need: its connections, its Redis pool (200), its database pool, logs.
OPEN_FILES = worker_connections + 1024


def on_starting(server):
    """Raise the soft open-file limit (1,024 on many systems) to what the workers need: the
    workers inherit it. Above the hard limit only root may go; else systemd's LimitNOFILE
    (deploy/tandem.service) or `ulimit -Hn` decides."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if _enough(soft):
        server.log.info("open-file limit %s per process", soft)
        return
    try:
        resource.setrlimit(
            resource.RLIMIT_NOFILE, (OPEN_FILES, hard if _enough(hard) else OPEN_FILES)
        )
    except (ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if _enough(soft):
        server.log.info("open-file limit raised to %s per process", soft)
    else:
        server.log.warning(
            "open-file limit %s is below the %s a worker may need for %s connections: raise "
            "LimitNOFILE (systemd) or the hard limit (`ulimit -Hn`)",
            soft,
            OPEN_FILES,
            worker_connections,
        )


def _enough(limit: int) -> bool:
    return limit == resource.RLIM_INFINITY or limit >= OPEN_FILES
