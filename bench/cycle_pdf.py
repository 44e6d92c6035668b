"""Cycle summary PDF render time: the demo's latest decided cycle, rendered through the app.

    .venv/bin/python bench/cycle_pdf.py [--renders 7] [--out /tmp/tandem-cycle-bench.pdf]

Loads the demo into a throwaway SQLite database, signs in as a team member with the test
client and times GET /cycles/<id>/summary.pdf for the demo's latest cycle with a shared task
(its candidates, revealed solutions, calibrations, ratings, dots and decision). The first
render (cold) is reported apart from the median and the max of the following ones. The last
PDF is saved, with its first page as PNG when pdftoppm is installed, to be looked at.
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.minutes_pdf import first_page_png, page_count, timed_renders  # noqa: E402

TARGET_SECONDS = 1.0
MEMBER = "teacher1"  # who downloads the summary


def decided_cycle(app) -> tuple[int, str, str]:
    """The demo's latest cycle with a shared task: its id and title, and a member's email."""
    import sqlalchemy as sa

    from app.cycles.models import Cycle
    from app.demo.seed import demo_team, seed_demo
    from app.extensions import db

    with app.app_context():
        db.create_all()
        seed_demo()
        team, people = demo_team()
        cycle = db.session.scalar(
            sa.select(Cycle)
            .where(Cycle.team_id == team.id, Cycle.shared_task_id.is_not(None))
            .order_by(Cycle.starts_on.desc())
            .limit(1)
        )
        return cycle.id, cycle.title, people[MEMBER].email


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--renders", type=int, default=7, help="timed renders after the first")
    parser.add_argument("--out", default="/tmp/tandem-cycle-bench.pdf")
    args = parser.parse_args()
    if not 1 <= args.renders <= 100:
        parser.error("between 1 and 100 renders")

    tmp = Path(tempfile.mkdtemp(prefix="tandem-bench-cycle-pdf-"))
    try:
        os.environ.pop("REDIS_URL", None)
        os.environ.pop("TANDEM_ENV", None)
        os.environ["SECRET_KEY"] = "bench-cycle-pdf"
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'cycle.sqlite3'}"
        from app import create_app
        from app.demo.seed import DEMO_PASSWORD

        app = create_app(
            {"WTF_CSRF_ENABLED": False, "ARGON2_TIME_COST": 1, "ARGON2_MEMORY_COST": 1024}
        )
        cycle_id, title, email = decided_cycle(app)
        client = app.test_client()
        signed_in = client.post("/sign-in", data={"email": email, "password": DEMO_PASSWORD})
        if signed_in.status_code != 302:
            print(f"sign-in answered {signed_in.status_code}")
            return 1

        url = f"/cycles/{cycle_id}/summary.pdf"
        seconds, pdf = timed_renders(client, url, args.renders + 1)
        if not pdf:
            return 1
        out = Path(args.out)
        out.write_bytes(pdf)
        png = first_page_png(out)

        cold, warm = seconds[0], seconds[1:]
        median = statistics.median(warm)
        print(f"\nTandem cycle summary PDF bench: the demo's “{title}”")
        print(f"  GET {url}: {page_count(out)} pages, {len(pdf) / 1024:.0f} KiB; "
              f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")  # fmt: skip
        print(f"  first render (cold): {cold * 1000:7.0f} ms")
        print(f"  next {len(warm)} renders:  median {median * 1000:7.0f} ms   "
              f"max {max(warm) * 1000:7.0f} ms")  # fmt: skip
        print(f"  saved: {out}" + (f"   first page: {png}" if png else ""))
        verdict = "met" if median < TARGET_SECONDS else "MISSED"
        print(f"  target: median under {TARGET_SECONDS:.0f} s per render (idle box): {verdict}")
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
