"""How long `seed-district` takes, on SQLite and on PostgreSQL, and where the time goes.

    .venv/bin/python bench/seed_district.py [--scale 1] [--database sqlite postgresql]

For each database: a fresh one (a temporary SQLite file; PostgreSQL database
`bench_seed_<pid>` on 127.0.0.1, removed at the end), `flask db upgrade`, then the district
generated in this process through app.bench_data.seed_district, timed per table. It prints the
wall time of each table's write and of the final step (foreign keys added back, sequences,
ANALYZE on PostgreSQL; PRAGMA foreign_key_check on SQLite), the CPU time of this process and,
on PostgreSQL, of its server process, and the load average: on a shared machine the wall time
says more about the neighbours than about the code, the CPU times do not.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from live_latency import _postgres  # noqa: E402


def backend_cpu_seconds(pid: int) -> float:
    """User + system CPU of a local PostgreSQL server process, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed_writer(bulk):
    """Wrap the writer so that every table's write and the final step print their time."""
    write, finish = bulk.Writer.write, bulk.Writer.finish

    def timed_write(self, model, columns, rows):
        started = time.perf_counter()
        written = write(self, model, columns, rows)
        seconds = time.perf_counter() - started
        print(f"    {model.__tablename__:<22} {written:>9,} rows {seconds:6.2f} s")
        return written

    def timed_finish(self):
        started = time.perf_counter()
        finish(self)
        print(f"    {'(final checks)':<22} {'':>14} {time.perf_counter() - started:6.2f} s")

    bulk.Writer.write, bulk.Writer.finish = timed_write, timed_finish


def run(database: str, scale: float) -> None:
    import sqlalchemy as sa
    from flask_migrate import upgrade

    from app import create_app
    from app.bench_data import seed_district
    from app.extensions import db

    tmp = Path(tempfile.mkdtemp(prefix="tandem-bench-seed-"))
    name = f"bench_seed_{os.getpid()}"
    if database == "postgresql":
        _postgres(f'CREATE DATABASE "{name}"')
        url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    else:
        url = f"sqlite:///{tmp / 'district.sqlite3'}"
    try:
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench-seed-district"})
        with app.app_context():
            upgrade(directory=str(ROOT / "migrations"))
            backend = None
            if database == "postgresql":
                backend = db.session.scalar(sa.text("SELECT pg_backend_pid()"))
                server_before = backend_cpu_seconds(backend)
            load = os.getloadavg()[0]
            print(f"\n  {database}, scale {scale} (load average {load:.1f}):")
            wall, cpu = time.perf_counter(), time.process_time()
            counts = seed_district(scale=scale)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            server = backend_cpu_seconds(backend) - server_before if backend else None
            db.engine.dispose()
        print(f"  {sum(counts.values()):,} rows in {wall:.1f} s wall; CPU: {cpu:.1f} s in this "
              f"process" + (f", {server:.1f} s in PostgreSQL's" if server is not None else "")
              + f"; load average {os.getloadavg()[0]:.1f} at the end")  # fmt: skip
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if database == "postgresql":
            _postgres(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument(
        "--database", nargs="+", choices=("sqlite", "postgresql"), default=["sqlite", "postgresql"]
    )
    args = parser.parse_args()
    if not 0.001 <= args.scale <= 10:
        parser.error("a scale from 0.001 to 10")
    os.environ.pop("REDIS_URL", None)
    from app.bench_data import bulk

    timed_writer(bulk)
    print(f"Tandem seed-district bench: {os.cpu_count()} CPUs")
    for database in args.database:
        run(database, args.scale)
    return 0


if __name__ == "__main__":
    sys.exit(main())
