"""Minutes PDF render time: a 10-segment meeting with a full record, rendered through the app.

    .venv/bin/python bench/minutes_pdf.py [--renders 7] [--out /tmp/tandem-minutes-bench.pdf]

Builds the meeting in a throwaway SQLite database through the app factory and the models, signs
in as a team member with the test client and times GET /meetings/<id>/minutes.pdf. The first
render (cold: fonts and stylesheets loaded) is reported apart from the median and the max of
the following ones. The last PDF is saved, and its first page converted to PNG when pdftoppm
(poppler-utils) is installed, so the document can be looked at.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_SECONDS = 2.0
PASSWORD = "bench-password-1"

PEOPLE = [
    # key, name, school index, role
    ("mentor", "Dr. Ana Ruiz", None, "mentor"),
    ("leader", "Jordan Lee", 0, "teacher_leader"),
    ("priya", "Priya Natarajan", 0, "teacher"),
    ("marcus", "Marcus Bell", 1, "teacher"),
    ("sofia", "Sofia Alvarez", 1, "teacher"),
    ("tomas", "Tomás Okafor", 0, "teacher"),
    ("hannah", "Hannah Kim", 1, "teacher"),
]

# title, kind, planned minutes, actual seconds, facilitator, release level
AGENDA = [
    ("Check-in, norms and what we left open", "check_in", 5, 390, "leader", "leader_supported"),
    ("Share student work from each classroom", "debrief", 15, 1020, "leader", "leader_supported"),
    ("Compare with what we anticipated", "debrief", 10, 780, "mentor", "co_facilitate"),
    ("Look closely at one misconception", "debrief", 8, 420, "mentor", "mentor_leads"),
    ("Do the math: next candidate tasks", "do_the_math", 12, 840, "leader", "leader_alone"),
    ("Rate the tasks' cognitive demand", "select_task", 6, 330, "leader", "co_facilitate"),
    ("Select the shared task for cycle 4", "select_task", 6, 480, "mentor", "co_facilitate"),
    ("Anticipate student responses", "anticipate", 10, 660, "leader", "leader_supported"),
    ("Plan assessing and advancing questions", "anticipate", 8, 540, "leader", "leader_alone"),
    ("Next steps and who teaches when", "next_steps", 5, 300, "leader", "leader_alone"),
]

# segment index -> [(kind, author, body)]
RECORD = {
    0: [
        (
            "note",
            "leader",
            "Norm for today: share a strategy before judging it, and name whose idea it was.",
        ),
        (
            "note",
            "priya",
            "Two of last cycle's action items are still open: the library booking "
            "and the shared folder for student work.",
        ),
        (
            "decision",
            "leader",
            "We keep the 90-second silent look at each work sample before anyone talks.",
        ),
    ],
    1: [
        (
            "note",
            "priya",
            "Room 12: 18 of 24 students compared 3/8 and 2/5 with a common "
            "denominator; three used benchmarks to one half.",
        ),
        (
            "note",
            "marcus",
            "Room 4: most students drew area models, but several drew the wholes "
            "at different sizes and concluded 3/8 was larger.",
        ),
        (
            "note",
            "sofia",
            "Room 7: two students argued that 2/5 is 1/10 away from one half and "
            "3/8 is 1/8 away, so 2/5 is closer and therefore larger.",
        ),
        (
            "note",
            "tomas",
            "Room 9 ran out of time after the launch; work samples show only the first pair.",
        ),
        (
            "question",
            "hannah",
            "Did anyone see a student use the number line without being prompted?",
        ),
    ],
    2: [
        (
            "note",
            "mentor",
            "We anticipated common denominators, benchmarks and area models; we "
            "did not anticipate unequal wholes in the drawings.",
        ),
        (
            "note",
            "leader",
            "The 'bigger denominator means bigger fraction' error showed up in "
            "every classroom, about one student in six.",
        ),
        (
            "question",
            "marcus",
            "Should the launch show two equal wholes before students draw, "
            "or would that take away the thinking?",
        ),
        (
            "decision",
            "mentor",
            "Add 'unequal wholes' to the anticipation chart for this task, "
            "with an assessing question.",
        ),
    ],
    3: [
        (
            "note",
            "mentor",
            "Misconception: students compare numerators and denominators "
            "separately (3 < 2 is false, 8 > 5, so 3/8 wins).",
        ),
        (
            "note",
            "sofia",
            "Advancing question that worked in Room 7: if you cut the same pizza "
            "into more pieces, what happens to each piece?",
        ),
        ("question", "priya", "How do we keep this from becoming a rule to memorise?"),
    ],
    4: [
        (
            "note",
            "leader",
            "Candidate A, 'Closest to One': order 5/6, 7/8 and 3/4 and explain "
            "how you know. Several entry points; needs justification.",
        ),
        (
            "note",
            "hannah",
            "Candidate B, 'Fraction Wall' worksheet: mostly procedures without connections.",
        ),
        (
            "note",
            "tomas",
            "Candidate C, 'Sharing Brownies': rich, but takes two periods in our schedule.",
        ),
    ],
    5: [
        (
            "note",
            "leader",
            "Ratings: A doing mathematics (5 of 7), C procedures with "
            "connections (4 of 7), B procedures without connections (7 of 7).",
        ),
        ("question", "marcus", "Is 'Closest to One' too close to what we just did?"),
    ],
    6: [
        (
            "decision",
            "mentor",
            "Shared task for cycle 4: 'Closest to One', comparing fractions "
            "near one whole using the distance to one.",
        ),
        (
            "decision",
            "leader",
            "'Sharing Brownies' is kept for the unit on fraction multiplication in the spring.",
        ),
        (
            "note",
            "sofia",
            "Room 7 will try the task with a number line on the wall to see "
            "whether students use it.",
        ),
    ],
    7: [
        (
            "note",
            "leader",
            "Anticipated: subtract from one (1/6, 1/8, 1/4 left), common "
            "denominators (24ths), decimals, and the error that 7/8 is smallest because 8 is "
            "largest.",
        ),
        (
            "note",
            "priya",
            "Some students may say they are all the same because each is "
            "'one piece away' from a whole.",
        ),
        ("question", "hannah", "What counts as a complete justification for a fourth grader here?"),
        (
            "decision",
            "leader",
            "We collect three work samples per classroom: one per strategy "
            "and one showing the 'one piece away' idea.",
        ),
    ],
    8: [
        (
            "note",
            "leader",
            "Assessing: How do you know 7/8 is closer to one than 5/6? "
            "Advancing: Which piece is bigger, 1/6 or 1/8? How does that help?",
        ),
        (
            "note",
            "mentor",
            "Jordan facilitated this segment alone for the first time; the "
            "team built six questions in eight minutes.",
        ),
        ("question", "tomas", "Do we share the questions with students' families?"),
    ],
    9: [
        (
            "decision",
            "leader",
            "Everyone teaches 'Closest to One' before March 14; the debrief "
            "meeting is on March 18 in the Riverbend library.",
        ),
        (
            "decision",
            "mentor",
            "Jordan leads the whole debrief meeting; Ana observes and takes notes on the handoff.",
        ),
    ],
}

# owner, body, due in days, done
ACTIONS = [
    ("leader", "Share the updated monitoring chart with the new 'unequal wholes' row", 2, True),
    ("mentor", "Copy the task and the anticipation chart for every classroom", 3, False),
    ("priya", "Book the Riverbend library for the debrief on March 18", 5, True),
    ("marcus", "Try the launch with two equal wholes drawn, and bring the work samples", 9, False),
    ("sofia", "Photograph the number line wall before and after the lesson", 9, False),
    ("tomas", "Reschedule the lesson so it fits in one period", 7, False),
    ("hannah", "Draft a one-page family note about comparing fractions", 12, False),
    ("leader", "Prepare the debrief agenda from the 'Debrief a shared task' protocol", 14, False),
]


def build_meeting(app) -> tuple[int, str]:
    """The meeting and its record; returns its id and a member's email."""
    from app.auth.models import User
    from app.auth.passwords import hash_password
    from app.extensions import db
    from app.meetings.models import (
        Attendance,
        Contribution,
        ContributionKind,
        Meeting,
        ReleaseLevel,
        Segment,
        SegmentKind,
    )
    from app.teams.models import District, Membership, Role, School, Team

    with app.app_context():
        db.create_all()
        district = District(name="Lakeview Unified School District")
        schools = [
            School(district=district, name="Maple Street Elementary"),
            School(district=district, name="Riverbend Elementary"),
        ]
        team = Team(district=district, name="Grade 4 Math Team", grade="4")
        password_hash = hash_password(PASSWORD)
        people = {}
        for key, name, school, role in PEOPLE:
            person = User(
                email=f"{key}@bench.test",
                name=name,
                password_hash=password_hash,
                school=schools[school] if school is not None else None,
            )
            people[key] = person
            db.session.add(Membership(team=team, user=person, role=Role(role)))
        day = date(2026, 3, 4)
        started = datetime(2026, 3, 4, 20, 32)  # 15:32 in the district's time zone, in UTC
        meeting = Meeting(
            team=team,
            title="Cycle 3 debrief and cycle 4 planning",
            starts_at=datetime.combine(day, datetime.min.time()) + timedelta(hours=15, minutes=30),
            duration_minutes=90,
            location="Maple Street Elementary, Room 12",
            goal="Learn from how 'Fraction Pairs' went in each classroom, then choose and "
            "anticipate the shared task for cycle 4.",
            created_by_id=None,
            started_at=started,
        )
        for position, (title, kind, minutes, seconds, who, release) in enumerate(AGENDA):
            meeting.segments.append(
                Segment(
                    position=position,
                    title=title,
                    kind=SegmentKind(kind),
                    planned_minutes=minutes,
                    elapsed_seconds=seconds,
                    facilitator=people[who],
                    release_level=ReleaseLevel(release),
                )
            )
        meeting.ended_at = started + timedelta(seconds=sum(a[3] for a in AGENDA) + 120)
        db.session.add_all([district, *schools, team, meeting])
        db.session.flush()
        at = started
        for index, entries in RECORD.items():
            for kind, author, body in entries:
                at += timedelta(minutes=2)
                db.session.add(
                    Contribution(
                        meeting_id=meeting.id,
                        segment_id=meeting.segments[index].id,
                        author_id=people[author].id,
                        kind=ContributionKind(kind),
                        body=body,
                        created_at=at,
                    )
                )
        for owner, body, due, done in ACTIONS:
            at += timedelta(minutes=1)
            db.session.add(
                Contribution(
                    meeting_id=meeting.id,
                    segment_id=meeting.segments[-1].id,
                    author_id=people["leader"].id,
                    kind=ContributionKind.action,
                    body=body,
                    owner_id=people[owner].id,
                    due_on=day + timedelta(days=due),
                    done_at=started + timedelta(days=2) if done else None,
                    created_at=at,
                )
            )
        for key in people:
            present = key != "hannah"
            db.session.add(
                Attendance(meeting_id=meeting.id, user_id=people[key].id, present=present)
            )
        db.session.commit()
        return meeting.id, people["priya"].email


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

        app = create_app(
            {"WTF_CSRF_ENABLED": False, "ARGON2_TIME_COST": 1, "ARGON2_MEMORY_COST": 1024}
        )
        meeting_id, email = build_meeting(app)
        client = app.test_client()
        signed_in = client.post("/sign-in", data={"email": email, "password": PASSWORD})
        if signed_in.status_code != 302:
            print(f"sign-in answered {signed_in.status_code}")
            return 1

        url = f"/meetings/{meeting_id}/minutes.pdf"
        seconds, pdf = [], b""
        for _ in range(args.renders + 1):
            started = time.perf_counter()
            reply = client.get(url)
            seconds.append(time.perf_counter() - started)
            if reply.status_code != 200 or reply.mimetype != "application/pdf":
                print(f"GET {url} answered {reply.status_code} {reply.mimetype}")
                return 1
            pdf = reply.data
        out = Path(args.out)
        out.write_bytes(pdf)
        png = first_page_png(out)

        cold, warm = seconds[0], seconds[1:]
        median = statistics.median(warm)
        met = max(warm) < TARGET_SECONDS
        print(f"\nTandem minutes PDF bench: {len(AGENDA)} segments, "
              f"{sum(map(len, RECORD.values()))} notes, questions and decisions, "
              f"{len(ACTIONS)} action items")  # fmt: skip
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
