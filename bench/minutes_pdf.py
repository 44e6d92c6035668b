"""Minutes PDF render time: a 10-segment meeting with a full record, rendered through the app.

    .venv/bin/python bench/minutes_pdf.py [--renders 7] [--out /tmp/tandem-minutes-bench.pdf]

Loads the demo into a throwaway SQLite database, adds the meeting below to the demo team with
the demo's own builder (app.demo.handoff.add_sessions), signs in as a team member with the test
client and times GET /meetings/<id>/minutes.pdf. The first render (cold: fonts and stylesheets
loaded) is reported apart from the median and the max of the following ones. The last PDF is
saved, and its first page converted to PNG when pdftoppm (poppler-utils) is installed, so the
document can be looked at.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.demo.plans import MAPLE, C, K, R, Record, Said, SegmentPlan, Session  # noqa: E402

TARGET_SECONDS = 2.0
MEMBER = "teacher1"  # who downloads the minutes

# Held five days before the bench runs (its day counts from today): 32 notes, questions and
# decisions and 8 action items, spread over its ten segments.
MEETING = Session(
    day=-5,
    title="Cycle 3 debrief and cycle 4 planning",
    goal=(
        "Learn from how 'Fraction Pairs' went in each classroom, then choose and anticipate the "
        "shared task for cycle 4."
    ),
    location=MAPLE,
    segments=(
        SegmentPlan(
            title="Check-in, norms and what we left open",
            kind=K.check_in,
            minutes=5,
            facilitator="leader",
            release=R.leader_supported,
            seconds=390,
        ),
        SegmentPlan(
            title="Share student work from each classroom",
            kind=K.debrief,
            minutes=15,
            facilitator="leader",
            release=R.leader_supported,
            seconds=1020,
        ),
        SegmentPlan(
            title="Compare with what we anticipated",
            kind=K.debrief,
            minutes=10,
            facilitator="mentor",
            release=R.co_facilitate,
            seconds=780,
        ),
        SegmentPlan(
            title="Look closely at one misconception",
            kind=K.debrief,
            minutes=8,
            facilitator="mentor",
            release=R.mentor_leads,
            seconds=420,
        ),
        SegmentPlan(
            title="Do the math: next candidate tasks",
            kind=K.do_the_math,
            minutes=12,
            facilitator="leader",
            release=R.leader_alone,
            seconds=840,
        ),
        SegmentPlan(
            title="Rate the tasks' cognitive demand",
            kind=K.select_task,
            minutes=6,
            facilitator="leader",
            release=R.co_facilitate,
            seconds=330,
        ),
        SegmentPlan(
            title="Select the shared task for cycle 4",
            kind=K.select_task,
            minutes=6,
            facilitator="mentor",
            release=R.co_facilitate,
            seconds=480,
        ),
        SegmentPlan(
            title="Anticipate student responses",
            kind=K.anticipate,
            minutes=10,
            facilitator="leader",
            release=R.leader_supported,
            seconds=660,
        ),
        SegmentPlan(
            title="Plan assessing and advancing questions",
            kind=K.anticipate,
            minutes=8,
            facilitator="leader",
            release=R.leader_alone,
            seconds=540,
        ),
        SegmentPlan(
            title="Next steps and who teaches when",
            kind=K.next_steps,
            minutes=5,
            facilitator="leader",
            release=R.leader_alone,
            seconds=300,
        ),
    ),
    contributions=(
        Said(
            segment=0,
            kind=C.note,
            author="leader",
            body="Norm for today: share a strategy before judging it, and name whose idea it was.",
        ),
        Said(
            segment=0,
            kind=C.note,
            author="teacher1",
            body=(
                "Two of last cycle's action items are still open: the library booking and the "
                "shared folder for student work."
            ),
        ),
        Said(
            segment=0,
            kind=C.decision,
            author="leader",
            body="We keep the 90-second silent look at each work sample before anyone talks.",
        ),
        Said(
            segment=1,
            kind=C.note,
            author="teacher1",
            body=(
                "Room 12: 18 of 24 students compared 3/8 and 2/5 with a common denominator; three "
                "used benchmarks to one half."
            ),
        ),
        Said(
            segment=1,
            kind=C.note,
            author="teacher2",
            body=(
                "Room 4: most students drew area models, but several drew the wholes at different "
                "sizes and concluded 3/8 was larger."
            ),
        ),
        Said(
            segment=1,
            kind=C.note,
            author="teacher3",
            body=(
                "Room 7: two students argued that 2/5 is 1/10 away from one half and 3/8 is 1/8 "
                "away, so 2/5 is closer and therefore larger."
            ),
        ),
        Said(
            segment=1,
            kind=C.note,
            author="leader",
            body="Room 9 ran out of time after the launch; work samples show only the first pair.",
        ),
        Said(
            segment=1,
            kind=C.question,
            author="mentor",
            body="Did anyone see a student use the number line without being prompted?",
        ),
        Said(
            segment=2,
            kind=C.note,
            author="mentor",
            body=(
                "We anticipated common denominators, benchmarks and area models; we did not "
                "anticipate unequal wholes in the drawings."
            ),
        ),
        Said(
            segment=2,
            kind=C.note,
            author="leader",
            body=(
                "The 'bigger denominator means bigger fraction' error showed up in every "
                "classroom, about one student in six."
            ),
        ),
        Said(
            segment=2,
            kind=C.question,
            author="teacher2",
            body=(
                "Should the launch show two equal wholes before students draw, or would that take "
                "away the thinking?"
            ),
        ),
        Said(
            segment=2,
            kind=C.decision,
            author="mentor",
            body=(
                "Add 'unequal wholes' to the anticipation chart for this task, with an assessing "
                "question."
            ),
        ),
        Said(
            segment=3,
            kind=C.note,
            author="mentor",
            body=(
                "Misconception: students compare numerators and denominators separately (3 < 2 is "
                "false, 8 > 5, so 3/8 wins)."
            ),
        ),
        Said(
            segment=3,
            kind=C.note,
            author="teacher3",
            body=(
                "Advancing question that worked in Room 7: if you cut the same pizza into more "
                "pieces, what happens to each piece?"
            ),
        ),
        Said(
            segment=3,
            kind=C.question,
            author="teacher1",
            body="How do we keep this from becoming a rule to memorise?",
        ),
        Said(
            segment=4,
            kind=C.note,
            author="leader",
            body=(
                "Candidate A, 'Closest to One': order 5/6, 7/8 and 3/4 and explain how you know. "
                "Several entry points; needs justification."
            ),
        ),
        Said(
            segment=4,
            kind=C.note,
            author="mentor",
            body="Candidate B, 'Fraction Wall' worksheet: mostly procedures without connections.",
        ),
        Said(
            segment=4,
            kind=C.note,
            author="leader",
            body="Candidate C, 'Sharing Brownies': rich, but takes two periods in our schedule.",
        ),
        Said(
            segment=5,
            kind=C.note,
            author="leader",
            body=(
                "Ratings: A doing mathematics (5 of 7), C procedures with connections (4 of 7), B "
                "procedures without connections (7 of 7)."
            ),
        ),
        Said(
            segment=5,
            kind=C.question,
            author="teacher2",
            body="Is 'Closest to One' too close to what we just did?",
        ),
        Said(
            segment=6,
            kind=C.decision,
            author="mentor",
            body=(
                "Shared task for cycle 4: 'Closest to One', comparing fractions near one whole "
                "using the distance to one."
            ),
        ),
        Said(
            segment=6,
            kind=C.decision,
            author="leader",
            body=(
                "'Sharing Brownies' is kept for the unit on fraction multiplication in the spring."
            ),
        ),
        Said(
            segment=6,
            kind=C.note,
            author="teacher3",
            body=(
                "Room 7 will try the task with a number line on the wall to see whether students "
                "use it."
            ),
        ),
        Said(
            segment=7,
            kind=C.note,
            author="leader",
            body=(
                "Anticipated: subtract from one (1/6, 1/8, 1/4 left), common denominators (24ths), "
                "decimals, and the error that 7/8 is smallest because 8 is largest."
            ),
        ),
        Said(
            segment=7,
            kind=C.note,
            author="teacher1",
            body=(
                "Some students may say they are all the same because each is 'one piece away' from "
                "a whole."
            ),
        ),
        Said(
            segment=7,
            kind=C.question,
            author="mentor",
            body="What counts as a complete justification for a fourth grader here?",
        ),
        Said(
            segment=7,
            kind=C.decision,
            author="leader",
            body=(
                "We collect three work samples per classroom: one per strategy and one showing the "
                "'one piece away' idea."
            ),
        ),
        Said(
            segment=8,
            kind=C.note,
            author="leader",
            body=(
                "Assessing: How do you know 7/8 is closer to one than 5/6? Advancing: Which piece "
                "is bigger, 1/6 or 1/8? How does that help?"
            ),
        ),
        Said(
            segment=8,
            kind=C.note,
            author="mentor",
            body=(
                "Jordan facilitated this segment alone for the first time; the team built six "
                "questions in eight minutes."
            ),
        ),
        Said(
            segment=8,
            kind=C.question,
            author="leader",
            body="Do we share the questions with students' families?",
        ),
        Said(
            segment=9,
            kind=C.decision,
            author="leader",
            body=(
                "Everyone teaches 'Closest to One' before March 14; the debrief meeting is on "
                "March 18 in the Riverbend library."
            ),
        ),
        Said(
            segment=9,
            kind=C.decision,
            author="mentor",
            body=(
                "Jordan leads the whole debrief meeting; Ana observes and takes notes on the "
                "handoff."
            ),
        ),
        Said(
            segment=9,
            kind=C.action,
            author="leader",
            body="Share the updated monitoring chart with the new 'unequal wholes' row",
            owner="leader",
            due_in_days=2,
            done=True,
        ),
        Said(
            segment=9,
            kind=C.action,
            author="leader",
            body="Copy the task and the anticipation chart for every classroom",
            owner="mentor",
            due_in_days=3,
        ),
        Said(
            segment=9,
            kind=C.action,
            author="leader",
            body="Book the Riverbend library for the debrief on March 18",
            owner="teacher1",
            due_in_days=5,
            done=True,
        ),
        Said(
            segment=9,
            kind=C.action,
            author="leader",
            body="Try the launch with two equal wholes drawn, and bring the work samples",
            owner="teacher2",
            due_in_days=9,
        ),
        Said(
            segment=9,
            kind=C.action,
            author="leader",
            body="Photograph the number line wall before and after the lesson",
            owner="teacher3",
            due_in_days=9,
        ),
        Said(
            segment=9,
            kind=C.action,
            author="leader",
            body="Reschedule the lesson so it fits in one period",
            owner="leader",
            due_in_days=7,
        ),
        Said(
            segment=9,
            kind=C.action,
            author="leader",
            body="Draft a one-page family note about comparing fractions",
            owner="mentor",
            due_in_days=12,
        ),
        Said(
            segment=9,
            kind=C.action,
            author="leader",
            body="Prepare the debrief agenda from the 'Debrief a shared task' protocol",
            owner="leader",
            due_in_days=14,
        ),
    ),
    record=Record(moves={}),
    duration=90,
)


def build_meeting(app) -> tuple[int, str]:
    """The demo with this meeting added to its team; the meeting's id and a member's email."""
    from app.demo.handoff import add_sessions
    from app.demo.seed import demo_team, seed_demo
    from app.extensions import db
    from app.timeutil import local_now

    with app.app_context():
        db.create_all()
        seed_demo()
        team, people = demo_team()
        (meeting,) = add_sessions(team, people, local_now().date(), [MEETING])
        db.session.commit()
        return meeting.id, people[MEMBER].email


def first_page_png(pdf_path: Path) -> Path | None:
    if not shutil.which("pdftoppm"):
        return None
    prefix = pdf_path.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "90", "-f", "1", "-l", "1", "-singlefile", pdf_path, prefix],
        check=True,
        timeout=60,
    )
    return prefix.with_suffix(".png")


def page_count(pdf_path: Path) -> str:
    if not shutil.which("pdfinfo"):
        return "?"
    info = subprocess.run(["pdfinfo", pdf_path], capture_output=True, text=True, timeout=60)
    pages = [line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:")]
    return pages[0] if pages else "?"


def timed_renders(client, url: str, times: int) -> tuple[list[float], bytes]:
    """Seconds per GET of a PDF and the last PDF; no bytes (after saying why) on a bad answer."""
    seconds, pdf = [], b""
    for _ in range(times):
        started = time.perf_counter()
        reply = client.get(url)
        seconds.append(time.perf_counter() - started)
        if reply.status_code != 200 or reply.mimetype != "application/pdf":
            print(f"GET {url} answered {reply.status_code} {reply.mimetype}")
            return seconds, b""
        pdf = reply.data
    return seconds, pdf


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--renders", type=int, default=7, help="timed renders after the first")
    parser.add_argument("--out", default="/tmp/tandem-minutes-bench.pdf")
    args = parser.parse_args()
    if not 1 <= args.renders <= 100:
        parser.error("between 1 and 100 renders")

    tmp = Path(tempfile.mkdtemp(prefix="tandem-bench-pdf-"))
    try:
        os.environ.pop("REDIS_URL", None)
        os.environ.pop("TANDEM_ENV", None)
        os.environ["SECRET_KEY"] = "bench-minutes-pdf"
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'minutes.sqlite3'}"
        from app import create_app
        from app.demo.seed import DEMO_PASSWORD

        app = create_app(
            {"WTF_CSRF_ENABLED": False, "ARGON2_TIME_COST": 1, "ARGON2_MEMORY_COST": 1024}
        )
        meeting_id, email = build_meeting(app)
        client = app.test_client()
        signed_in = client.post("/sign-in", data={"email": email, "password": DEMO_PASSWORD})
        if signed_in.status_code != 302:
            print(f"sign-in answered {signed_in.status_code}")
            return 1

        url = f"/meetings/{meeting_id}/minutes.pdf"
        seconds, pdf = timed_renders(client, url, args.renders + 1)
        if not pdf:
            return 1
        out = Path(args.out)
        out.write_bytes(pdf)
        png = first_page_png(out)

        cold, warm = seconds[0], seconds[1:]
        median = statistics.median(warm)
        met = max(warm) < TARGET_SECONDS
        actions = sum(said.kind == C.action for said in MEETING.contributions)
        print(f"\nTandem minutes PDF bench: {len(MEETING.segments)} segments, "
              f"{len(MEETING.contributions) - actions} notes, questions and decisions, "
              f"{actions} action items")  # fmt: skip
        print(f"  GET {url}: {page_count(out)} pages, {len(pdf) / 1024:.0f} KiB; "
              f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")  # fmt: skip
        print(f"  first render (cold): {cold * 1000:7.0f} ms")
        print(f"  next {len(warm)} renders:  median {median * 1000:7.0f} ms   "
              f"max {max(warm) * 1000:7.0f} ms")  # fmt: skip
        print(f"  saved: {out}" + (f"   first page: {png}" if png else ""))
        verdict = "met" if met else "MISSED"
        print(f"  target under {TARGET_SECONDS:.0f} s per render: {verdict}")
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
