"""Lesson packet PDF render time: the demo's current cycle's lesson, rendered through the app.

    .venv/bin/python bench/lesson_pdf.py [--renders 7] [--out /tmp/tandem-lesson-bench.pdf]

Loads the demo into a throwaway SQLite database, signs in as a team member with the test
client and times GET /cycles/<id>/lesson/packet.pdf for the demo's current cycle (its latest
with a shared task). When the demo has no lesson there yet, the bench plans one through the
lesson's own write path (app/lessons/writing.py): a full plan and eight anticipated responses
with their questions. The first render (cold) is reported apart from the median and the max of
the following ones; the last PDF is saved, with its first page as PNG when pdftoppm is there.
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
MEMBER = "teacher1"  # who downloads the packet
PLANNER = "leader"  # who writes the lesson when the demo has none

PLAN = {
    "learning_goal": "Students compare two fractions by reasoning about their size "
    "(benchmarks, distance from one, equivalent fractions) and justify which is greater.",
    "big_ideas": "A fraction's size depends on both numbers.\n"
    "Benchmarks such as 1/2 and 1 let us compare without common denominators.",
    "materials": "Task sheet, fraction strips, a number line on the wall, chart paper.",
    "launch": "Read the task together; ask what 'greater' means for fractions.",
    "launch_minutes": "8",
    "explore": "Pairs compare the three pairs; the teacher monitors with the chart.",
    "explore_minutes": "25",
    "discuss": "Share in the planned sequence; connect each way to the size of the pieces.",
    "discuss_minutes": "17",
    "exit_prompt": "Which is greater, 4/5 or 5/6? Show how you know.",
    "supports": "Fraction strips for anyone who wants them; sentence frames for explaining.",
    "extensions": "Find a fraction between the two in each pair.",
}
RESPONSES = (
    ("Common denominators", "equation", "correct", ""),
    ("Benchmark to one half", "number_line", "correct", ""),
    ("Distance from one", "number_line", "correct", ""),
    ("Area models of equal wholes", "area_model", "correct", ""),
    ("Area models of unequal wholes", "area_model", "incorrect", "The wholes differ in size."),
    ("Bigger denominator, bigger fraction", "words", "incorrect", "Reads the digits apart."),
    ("Equally close to one", "words", "partial", "Counts missing pieces, not their size."),
    ("Decimals", "equation", "correct", ""),
)


def response_fields(name: str, representation: str, correctness: str, misconception: str):
    return {
        "name": name,
        "description": f"The student compares each pair by “{name.lower()}”.",
        "representation": representation,
        "correctness": correctness,
        "misconception": misconception,
        "assessing_questions": "How did you decide which is greater?\n"
        "What does each part of your drawing or equation show?",
        "advancing_questions": "Would your way work for 4/6 and 6/9?\n"
        "How could you check your answer another way?",
        "connection": "Shows that a fraction's size depends on both numbers.",
    }


def current_lesson(app) -> tuple[int, str, int, str]:
    """The demo's current cycle (its id and title), its count of responses, a member's email;
    the lesson is planned here first when the demo has none."""
    import sqlalchemy as sa

    from app.cycles.models import Cycle
    from app.demo.seed import demo_team, seed_demo
    from app.extensions import db
    from app.lessons import writing
    from app.lessons.queries import lesson_view
    from app.lessons.starting import start_lesson

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
        if not lesson_view(cycle).responses:
            planner = people[PLANNER]
            lesson = start_lesson(planner, cycle)
            for field, text in PLAN.items():
                writing.save_field(planner, lesson, field, text, base=lesson.field_revision(field))
            for response in RESPONSES:
                writing.add_response(planner, lesson, response_fields(*response))
        count = len(lesson_view(cycle).responses)
        return cycle.id, cycle.title, count, people[MEMBER].email


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--renders", type=int, default=7, help="timed renders after the first")
    parser.add_argument("--out", default="/tmp/tandem-lesson-bench.pdf")
    args = parser.parse_args()
    if not 1 <= args.renders <= 100:
        parser.error("between 1 and 100 renders")

    tmp = Path(tempfile.mkdtemp(prefix="tandem-bench-lesson-pdf-"))
    try:
        os.environ.pop("REDIS_URL", None)
        os.environ.pop("TANDEM_ENV", None)
        os.environ["SECRET_KEY"] = "bench-lesson-pdf"
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'lesson.sqlite3'}"
        from app import create_app
        from app.demo.seed import DEMO_PASSWORD

        app = create_app(
            {"WTF_CSRF_ENABLED": False, "ARGON2_TIME_COST": 1, "ARGON2_MEMORY_COST": 1024}
        )
        cycle_id, title, responses, email = current_lesson(app)
        client = app.test_client()
        signed_in = client.post("/sign-in", data={"email": email, "password": DEMO_PASSWORD})
        if signed_in.status_code != 302:
            print(f"sign-in answered {signed_in.status_code}")
            return 1

        url = f"/cycles/{cycle_id}/lesson/packet.pdf"
        seconds, pdf = timed_renders(client, url, args.renders + 1)
        if not pdf:
            return 1
        out = Path(args.out)
        out.write_bytes(pdf)
        png = first_page_png(out)

        cold, warm = seconds[0], seconds[1:]
        median = statistics.median(warm)
        print(f"\nTandem lesson packet PDF bench: the demo's “{title}”, {responses} responses")
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
