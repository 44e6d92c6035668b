"""Task library page times with a library of 2,000 tasks, and whether PostgreSQL's full-text
search uses its GIN index.

    .venv/bin/python bench/task_library.py [--database-url URL] [--tasks 2000] [--requests 50]

Without --database-url the library is built in a throwaway SQLite file. With a PostgreSQL URL
(an empty database you can drop afterwards) the schema is built by the migrations, so the GIN
index of 0009_tasks is there, and the plan of a word search is printed. Times are in-process
through the test client (no HTTP server): the page's own work, SQL included.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa  # noqa: E402

from app import create_app  # noqa: E402
from app.extensions import db  # noqa: E402

PASSWORD = "bench-library-password"
SEARCHES = {
    "library, first page": "/tasks",
    "library, page 40": "/tasks?page=40",
    "words (full text)": "/tasks?q=fractions+number+line",
    "words + grade + demand": "/tasks?q=garden&grade=4&demand=doing_mathematics",
    "standard": "/tasks?standard=4.NF.A.1",
    "words, no match": "/tasks?q=zebra",
}


def build(app, tasks: int) -> tuple[str, int]:
    from flask_migrate import upgrade

    from app.auth.passwords import hash_password
    from tests import factories
    from tests.tasks.test_statement_counts import grow

    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            upgrade()
        else:
            db.create_all()
        world = factories.make_world()
        world.teacher.password_hash = hash_password(PASSWORD)
        db.session.commit()
        grow(world, tasks)
        if db.engine.dialect.name == "postgresql":
            db.session.execute(sa.text("ANALYZE"))  # as autovacuum would have by now
            db.session.commit()
        task_id = db.session.scalar(sa.text("SELECT max(id) FROM tasks"))
        return world.teacher.email, task_id


def plan(app) -> None:
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            print("\nSQLite: words are matched with LIKE over lower(); no index to show.")
            return
        from app.tasks.models import SEARCH_SQL

        query = (
            f"EXPLAIN SELECT id FROM tasks WHERE {SEARCH_SQL} @@ "
            "plainto_tsquery('english'::regconfig, 'fractions number line')"
        )
        db.session.execute(sa.text("SET enable_seqscan = off"))
        print("\nPlan of a word search (sequential scans discouraged, to show the index):")
        for (line,) in db.session.execute(sa.text(query)):
            print("   ", line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL"))
    parser.add_argument("--tasks", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{folder}/library.sqlite3"
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": url,
                "SECRET_KEY": "bench",
                "WTF_CSRF_ENABLED": False,
                "ARGON2_TIME_COST": 1,
                "ARGON2_MEMORY_COST": 1024,
            }
        )
        email, task_id = build(app, args.tasks)
        client = app.test_client()
        client.post("/sign-in", data={"email": email, "password": PASSWORD})
        pages = SEARCHES | {"task page": f"/tasks/{task_id}", "export CSV": "/tasks/export.csv"}
        print(f"{url.split(':', 1)[0]}: {args.tasks:,} tasks, {args.requests} requests per page")
        print(f"{'page':<28}{'median ms':>10}{'p90 ms':>10}")
        for name, path in pages.items():
            times = []
            for _ in range(args.requests if name != "export CSV" else max(5, args.requests // 10)):
                started = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (path, response.status_code)
            times.sort()
            p90 = times[int(len(times) * 0.9) - 1]
            print(f"{name:<28}{statistics.median(times):>10.1f}{p90:>10.1f}")
        plan(app)
        with app.app_context():
            db.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
