"""Cycle 3 of the demo team (comparing fractions, Fraction Pairs): the sessions around the
“Cycle 3 planning” meeting (day 0), that meeting's agenda, minutes and record, and the upcoming
debrief. Days as in app.demo.sessions."""

from app.demo.plans import (
    CO,
    CU,
    LEADER,
    MAPLE,
    MENTOR,
    PARTICIPANT,
    VIDEO,
    C,
    E,
    K,
    LoopPlan,
    MoveCounts,
    MoveNote,
    NudgePlan,
    R,
    Record,
    S,
    Said,
    SegmentPlan,
    Session,
)

SESSIONS = (
    Session(
        day=-12,
        title="Doing the math: comparing fractions as learners",
        goal=(
            "Compare fractions ourselves, share our strategies, look at what the unit "
            "pre-assessment says about our students, and gather candidate tasks for cycle 3."
        ),
        location=MAPLE,
        segments=(
            SegmentPlan(
                title="Check-in and norms",
                kind=K.check_in,
                minutes=5,
                facilitator="leader",
                release=R.leader_alone,
                seconds=280,
            ),
            SegmentPlan(
                title="Number talk: which is greater, 5/8 or 3/4?",
                kind=K.do_the_math,
                minutes=10,
                facilitator="leader",
                release=R.leader_supported,
                seconds=690,
            ),
            SegmentPlan(
                title="Do the candidate tasks as learners",
                kind=K.do_the_math,
                minutes=20,
                facilitator="leader",
                release=R.co_facilitate,
                seconds=1300,
            ),
            SegmentPlan(
                title="What the pre-assessment tells us",
                kind=K.other,
                minutes=15,
                facilitator="mentor",
                release=R.co_facilitate,
                seconds=1140,
            ),
            SegmentPlan(
                title="Next steps: candidate tasks for cycle 3",
                kind=K.next_steps,
                minutes=10,
                facilitator="leader",
                release=R.leader_supported,
                seconds=450,
            ),
        ),
        contributions=(
            Said(
                segment=1,
                kind=C.note,
                author="teacher1",
                body=(
                    "3/4 = 6/8, so 3/4 is greater. Or: 5/8 is 3/8 away from 1 and 3/4 is only 2/8 "
                    "away."
                ),
            ),
            Said(
                segment=1,
                kind=C.note,
                author="teacher3",
                body="I compared both with 1/2 first: 5/8 is 1/8 above it, 3/4 is 2/8 above.",
            ),
            Said(
                segment=2,
                kind=C.note,
                author="teacher3",
                body=(
                    "Fraction Pairs felt like doing mathematics: no single method, and you have to "
                    "argue for your answer."
                ),
            ),
            Said(
                segment=2,
                kind=C.question,
                author="leader",
                body=(
                    "What does “closer to 1” mean to a fourth grader who has only seen fractions "
                    "as slices of a pizza?"
                ),
            ),
            Said(
                segment=3,
                kind=C.note,
                author="mentor",
                body=(
                    "Pre-assessment: 61% compared fractions with like denominators correctly, 28% "
                    "with unlike denominators. Most errors: “bigger denominator, bigger fraction”."
                ),
            ),
            Said(
                segment=3,
                kind=C.decision,
                author="leader",
                body=(
                    "Cycle 3 goal: students justify a comparison with benchmarks or a model, not "
                    "only with common denominators."
                ),
            ),
            Said(
                segment=4,
                kind=C.action,
                author="teacher3",
                body="Bring “Pizza Party” and one more candidate task to the selection",
                owner="teacher3",
                due_in_days=14,
                done=True,
            ),
            Said(
                segment=4,
                kind=C.action,
                author="leader",
                body="Send the pre-assessment summary to the team",
                owner="leader",
                due_in_days=3,
                done=True,
            ),
            Said(
                segment=4,
                kind=C.action,
                author="teacher1",
                body="Try the 5/8 or 3/4 number talk in Room 14 and report",
                owner="teacher1",
                due_in_days=10,
                done=True,
            ),
        ),
        record=Record(
            moves={
                MENTOR: MoveCounts(structuring=3, eliciting=3, cultivating=2, connecting=4),
                LEADER: MoveCounts(structuring=9, eliciting=8, cultivating=5, connecting=3),
                PARTICIPANT: MoveCounts(structuring=1, eliciting=8, cultivating=3, connecting=3),
            },
            notes=(
                MoveNote(
                    segment=1,
                    by=LEADER,
                    move_type=E,
                    note="“Can you decide without finding a common denominator?”",
                ),
                MoveNote(
                    segment=1,
                    by=LEADER,
                    move_type=CU,
                    note="Wait time: Jordan counted to ten before taking a second idea",
                ),
                MoveNote(
                    segment=2,
                    by=LEADER,
                    move_type=CO,
                    note="“Where have we seen equivalent fractions help us before?”",
                ),
                MoveNote(
                    segment=2,
                    by=PARTICIPANT,
                    move_type=CO,
                    note="Priya linked distance to 1 back to Garden Plots",
                ),
                MoveNote(
                    segment=3,
                    by=MENTOR,
                    move_type=S,
                    note="Ana let the data discussion run four minutes over",
                ),
            ),
            nudges=(
                NudgePlan(segment=3, body="We’re four minutes over. What can we cut?"),
                NudgePlan(segment=2, body="Nice press on “how do you know”.", dismissed=False),
            ),
            loop=LoopPlan(
                leader_goals=(
                    "Plan and lead the doing-the-math session. Run the number talk myself, and try "
                    "a connecting question when a strategy links to cycle 2."
                ),
                planning_notes=(
                    "Ana mostly listened while I walked through my plan. She asked why I chose 5/8 "
                    "and 3/4 (both above 1/2, so the half benchmark isn’t enough) and what I would "
                    "do if everyone found a common denominator. I added a second prompt: “Can you "
                    "decide without a common denominator?”"
                ),
                leader_reflection=(
                    "The second prompt did what Ana predicted: out came benchmarks and distance to "
                    "1. I asked where we had seen equivalent fractions help us before, and Priya "
                    "linked it to Garden Plots. The pre-assessment took longer than planned; I "
                    "should have cut it."
                ),
                mentor_reflection=(
                    "Jordan ran the number talk with real skill: wait time, revoicing, asking for "
                    "a second strategy. The connecting question was the first I have seen Jordan "
                    "make unprompted. The overrun on the data was as much mine as Jordan’s — we "
                    "co-ran it and I let it run."
                ),
                next_goals=(
                    "Facilitate the cycle 3 selection with Ana holding the ratings, and run the "
                    "anticipating with her. Keep the agenda visible and cut to fit when we run "
                    "over."
                ),
            ),
        ),
        created_by="leader",
        absent=("teacher2",),
    ),
    Session(
        day=8,
        title="Cycle 3 early look: first Fraction Pairs lessons at Maple Street",
        goal=(
            "Look at work from the first two Fraction Pairs lessons, compare it with our "
            "anticipation list and sharpen the monitoring chart before Riverbend teaches it."
        ),
        location="Maple Street Elementary, Room 14",
        segments=(
            SegmentPlan(
                title="Check-in and what we left open",
                kind=K.check_in,
                minutes=5,
                facilitator="leader",
                release=R.leader_alone,
                seconds=280,
            ),
            SegmentPlan(
                title="Share work from the first two classrooms",
                kind=K.debrief,
                minutes=15,
                facilitator="leader",
                release=R.leader_alone,
                seconds=880,
            ),
            SegmentPlan(
                title="Compare with our anticipation list",
                kind=K.debrief,
                minutes=10,
                facilitator="leader",
                release=R.leader_alone,
                seconds=610,
            ),
            SegmentPlan(
                title="Do the math: the extension pair 7/10 and 2/3",
                kind=K.do_the_math,
                minutes=10,
                facilitator="mentor",
                release=R.co_facilitate,
                seconds=590,
            ),
            SegmentPlan(
                title="Next steps before Riverbend teaches",
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
                body="Priya and I have both taught Fraction Pairs; Marcus and Sofia teach it next.",
            ),
            Said(
                segment=1,
                kind=C.note,
                author="leader",
                body=(
                    "Room 12: 11 of 24 used benchmarks to 1/2. S.K.: “3/8 is missing one eighth to "
                    "be a half, 2/5 is missing half a fifth,” then got stuck."
                ),
            ),
            Said(
                segment=1,
                kind=C.note,
                author="teacher1",
                body=(
                    "Room 14: “bigger denominator, bigger fraction” showed up in 6 papers, fewer "
                    "than the pre-assessment suggested."
                ),
            ),
            Said(
                segment=2,
                kind=C.note,
                author="teacher2",
                body=(
                    "Nobody anticipated S.K.’s missing-piece strategy. It is close to what we did "
                    "with distance to 1."
                ),
            ),
            Said(
                segment=2,
                kind=C.question,
                author="teacher3",
                body="How do we help S.K. compare 1/8 and 1/10 without a common denominator?",
            ),
            Said(
                segment=3,
                kind=C.note,
                author="mentor",
                body=(
                    "7/10 against 2/3: the missing pieces are 3/10 and 1/3 — the same reasoning as "
                    "S.K.’s, which is why it makes a good extension."
                ),
            ),
            Said(
                segment=4,
                kind=C.decision,
                author="leader",
                body=(
                    "Add “missing piece” to the monitoring chart, with the advancing question "
                    "“Which missing piece is smaller, and how do you know?”"
                ),
            ),
            Said(
                segment=4,
                kind=C.action,
                author="leader",
                body="Send the revised monitoring chart to Marcus and Sofia",
                owner="leader",
                due_in_days=1,
                done=True,
            ),
            Said(
                segment=4,
                kind=C.action,
                author="teacher2",
                body="Bring three de-identified Fraction Pairs samples to the debrief",
                owner="teacher2",
                due_in_days=9,
            ),
            Said(
                segment=4,
                kind=C.action,
                author="teacher3",
                body="Photograph the anchor chart from the Riverbend discussion",
                owner="teacher3",
                due_in_days=9,
            ),
        ),
        record=Record(
            moves={
                MENTOR: MoveCounts(structuring=1, eliciting=2, cultivating=1, connecting=3),
                LEADER: MoveCounts(structuring=12, eliciting=10, cultivating=7, connecting=4),
                PARTICIPANT: MoveCounts(structuring=2, eliciting=10, cultivating=3, connecting=4),
            },
            notes=(
                MoveNote(
                    segment=0,
                    by=LEADER,
                    move_type=S,
                    note="Jordan stated the goal and the 45-minute plan in one breath",
                ),
                MoveNote(
                    segment=1,
                    by=LEADER,
                    move_type=E,
                    note="“What does S.K. know?” before “What would you ask next?”",
                ),
                MoveNote(
                    segment=1,
                    by=LEADER,
                    move_type=CU,
                    note="Jordan asked Marcus and Sofia to react first, as visitors",
                ),
                MoveNote(
                    segment=2,
                    by=PARTICIPANT,
                    move_type=E,
                    note="Marcus asked Priya what her students said about 1/8",
                ),
                MoveNote(
                    segment=2,
                    by=LEADER,
                    move_type=CO,
                    note="Jordan tied S.K.’s strategy to our distance-to-1 work",
                ),
                MoveNote(
                    segment=3,
                    by=MENTOR,
                    move_type=CO,
                    note="Ana showed 3/10 and 1/3 on one number line",
                ),
            ),
            nudges=(
                NudgePlan(
                    segment=3, body="Priya’s question about the extension is a connecting moment."
                ),
            ),
            loop=LoopPlan(
                leader_goals=(
                    "Run the whole session myself. Open with the “bigger denominator” sample, "
                    "sequence the work before the meeting, and end on time in 45 minutes."
                ),
                planning_notes=(
                    "Fifteen minutes on the phone. I brought my sequence: the error first, then "
                    "benchmarks, then S.K.’s missing piece. Ana asked one question: what will I do "
                    "if the group wants to fix S.K.’s thinking instead of understanding it? I will "
                    "ask “What does S.K. know?” before “What would you ask next?”"
                ),
                leader_reflection=(
                    "It felt like my meeting. “What does S.K. know?” changed the conversation — "
                    "Marcus found the link to distance to 1 himself. We ended right on time. I "
                    "leaned on Ana for the extension; next time I will work it out fully "
                    "beforehand so I can lead it."
                ),
                mentor_reflection=(
                    "I logged almost no structuring moves of my own. Jordan sequenced the work, "
                    "named the transitions, protected the quiet voices and connected S.K.’s "
                    "strategy to our anticipation list. The group now elicits from each other "
                    "without prompting. Next: Jordan plans the debrief with me as an observer only "
                    "and takes over task selection in cycle 4."
                ),
                next_goals=(
                    "Lead the full cycle 3 debrief with Marcus and Sofia presenting first. Try a "
                    "rating protocol so I can run the cycle 4 task selection myself."
                ),
            ),
        ),
        created_by="leader",
        video_url=VIDEO,
        duration=45,
    ),
)

# The “Cycle 3 planning” meeting (day 0): its agenda, minutes and what was logged.
PLANNING_TITLE = "Cycle 3 planning: select the shared task"
PLANNING_AGENDA = (
    SegmentPlan(
        title="Check-in, norms and what we left open",
        kind=K.check_in,
        minutes=5,
        facilitator="mentor",
        release=R.co_facilitate,
        seconds=330,
    ),
    SegmentPlan(
        title="Do the candidate tasks as learners",
        kind=K.do_the_math,
        minutes=15,
        facilitator="leader",
        release=R.leader_supported,
        seconds=1140,
    ),
    SegmentPlan(
        title="Select the shared task",
        kind=K.select_task,
        minutes=10,
        facilitator="mentor",
        release=R.mentor_leads,
        seconds=720,
    ),
    SegmentPlan(
        title="Anticipate student responses",
        kind=K.anticipate,
        minutes=20,
        facilitator="leader",
        release=R.co_facilitate,
        seconds=1260,
    ),
    SegmentPlan(
        title="Next steps and who teaches when",
        kind=K.next_steps,
        minutes=10,
        facilitator="leader",
        release=R.leader_supported,
        seconds=480,
    ),
)

PLANNING_CONTRIBUTIONS = (
    Said(
        segment=0,
        kind=C.note,
        author="leader",
        body="Norm for today: share a strategy before judging it.",
    ),
    Said(
        segment=1,
        kind=C.note,
        author="teacher1",
        body=(
            "Three of us compared 3/8 and 2/5 with a common denominator; Marcus used benchmark "
            "fractions (both are near 1/2)."
        ),
    ),
    Said(
        segment=1,
        kind=C.question,
        author="teacher2",
        body="Will students see that 2/5 is 1/10 away from 1/2 while 3/8 is 1/8 away?",
    ),
    Said(
        segment=2,
        kind=C.decision,
        author="mentor",
        body=(
            "Shared task: “Fraction Pairs”, comparing fractions with unlike denominators. Doing "
            "mathematics: several entry points, needs justification."
        ),
    ),
    Said(
        segment=2,
        kind=C.note,
        author="teacher3",
        body=(
            "“Pizza Party” was rated procedures without connections by most of us; we set it aside."
        ),
    ),
    Said(
        segment=3,
        kind=C.note,
        author="leader",
        body=(
            "Anticipated: common denominators, benchmarks to 1/2, drawing area models, and the "
            "error “3/8 is bigger because 8 is bigger than 5”."
        ),
    ),
    Said(
        segment=3,
        kind=C.question,
        author="teacher1",
        body=(
            "Assessing question for the benchmark strategy: How do you know how far each fraction "
            "is from one half?"
        ),
    ),
    Said(
        segment=4,
        kind=C.decision,
        author="leader",
        body=(
            "Everyone teaches Fraction Pairs before the 18th and brings three de-identified work "
            "samples."
        ),
    ),
    Said(
        segment=4,
        kind=C.decision,
        author="mentor",
        body="Next meeting opens with the cross-classroom debrief.",
    ),
    Said(
        segment=4,
        kind=C.action,
        author="leader",
        body="Share the monitoring chart template with the team",
        owner="leader",
        due_in_days=3,
    ),
    Said(
        segment=4,
        kind=C.action,
        author="mentor",
        body="Copy the task and the anticipation list for every classroom",
        owner="teacher2",
        due_in_days=5,
    ),
    Said(
        segment=4,
        kind=C.action,
        author="teacher1",
        body="Book the library for the debrief meeting",
        owner="teacher1",
        due_in_days=7,
        done=True,
    ),
)

PLANNING_RECORD = Record(
    moves={
        MENTOR: MoveCounts(structuring=5, eliciting=4, cultivating=2, connecting=4),
        LEADER: MoveCounts(structuring=9, eliciting=8, cultivating=5, connecting=3),
        PARTICIPANT: MoveCounts(structuring=1, eliciting=8, cultivating=2, connecting=3),
    },
    notes=(
        MoveNote(
            segment=1, by=LEADER, move_type=E, note="“Convince us without a common denominator.”"
        ),
        MoveNote(
            segment=2,
            by=MENTOR,
            move_type=S,
            note="Ana had everyone rate each task before anyone argued for one",
        ),
        MoveNote(
            segment=2,
            by=MENTOR,
            move_type=CO,
            note="Ana tied “Pizza Party” to the task analysis guide’s lower demand",
        ),
        MoveNote(
            segment=3,
            by=PARTICIPANT,
            move_type=E,
            note="Priya: “How far is each fraction from one half?”",
        ),
        MoveNote(
            segment=3,
            by=LEADER,
            move_type=S,
            note="Jordan cut the last round of questions, as planned",
        ),
    ),
    nudges=(NudgePlan(segment=3, body="Cut the last round — you planned for that."),),
    loop=LoopPlan(
        leader_goals=(
            "Facilitate the cycle 3 selection with Ana holding the ratings, and run the "
            "anticipating with her. Keep the agenda on the projector and cut to fit when we run "
            "over."
        ),
        planning_notes=(
            "Ana leads the selection: we disagreed about Pizza Party last time and she wants to "
            "model weighing tasks against the task analysis guide. I lead the math and the next "
            "steps and co-run anticipating. If anticipating runs long I cut the last round of "
            "questions, not the next steps."
        ),
        leader_reflection=(
            "Watching Ana run the selection, I noticed she had everyone rate before anyone argued, "
            "so nobody got steamrolled. Anticipating ran over; I cut a round as planned and we "
            "still ended six minutes late because the candidate tasks took four minutes longer "
            "than planned. Priya’s assessing question about the distance from 1/2 is the best one "
            "on our chart."
        ),
        mentor_reflection=(
            "The team now expects Jordan to open and close; they look to Jordan, not to me, when "
            "it is time to move on. Jordan’s prompts drew out errors as well as strategies. "
            "Selection is the piece I still hold, and I think Jordan is ready for it in cycle 4 "
            "with a rating protocol."
        ),
        next_goals=(
            "Run an early look at the first Fraction Pairs lessons on my own while Ana observes "
            "and logs moves. Sequence the work samples before the meeting and open with one that "
            "shows the “bigger denominator” error."
        ),
    ),
)

# The upcoming debrief, three days after the demo is loaded: planned together, not yet enacted.
UPCOMING_TITLE = "Cycle 3 debrief: Fraction Pairs across our classrooms"
UPCOMING_AGENDA = (
    SegmentPlan(
        title="Check-in and norms",
        kind=K.check_in,
        minutes=5,
        facilitator="leader",
        release=R.leader_supported,
    ),
    SegmentPlan(
        title="Share student work from each classroom",
        kind=K.debrief,
        minutes=20,
        facilitator="leader",
        release=R.leader_supported,
    ),
    SegmentPlan(
        title="Compare with what we anticipated",
        kind=K.debrief,
        minutes=15,
        facilitator="mentor",
        release=R.co_facilitate,
    ),
    SegmentPlan(
        title="Do the math: the next candidate tasks",
        kind=K.do_the_math,
        minutes=10,
        facilitator="leader",
        release=R.leader_alone,
    ),
    SegmentPlan(
        title="Next steps for the next cycle",
        kind=K.next_steps,
        minutes=10,
        facilitator="leader",
        release=R.leader_alone,
    ),
)

UPCOMING_PLAN = LoopPlan(
    leader_goals=(
        "Lead the full cycle 3 debrief, with Marcus and Sofia presenting first. Carry what we "
        "learn into the cycle 4 lesson we are revising, as I did with the cycle 4 vote."
    ),
    planning_notes=(
        "Ana co-runs the comparison only if we get stuck on the missing-piece strategy. I put the "
        "four classrooms side by side on the projector and ask each teacher for one surprise "
        "before we look at the chart. At next steps I ask which Fraction Pairs surprises belong "
        "in our number-line anticipations, and bring candidate tasks on multiplying a fraction "
        "by a whole number for cycle 5."
    ),
)
