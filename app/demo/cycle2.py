"""Cycle 2 of the demo team (equivalent fractions, Garden Plots): the leader takes the first
segments over. Days as in app.demo.sessions."""

from app.demo.plans import (
    CO,
    CU,
    LEADER,
    MAPLE,
    MENTOR,
    PARTICIPANT,
    RIVERBEND,
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
        day=-42,
        title="Cycle 2 planning: select an equivalent-fractions task",
        goal=(
            "Work the candidate equivalent-fraction tasks as learners, rate their cognitive demand "
            "and choose the shared task for cycle 2."
        ),
        location=RIVERBEND,
        segments=(
            SegmentPlan(
                title="Check-in and norms",
                kind=K.check_in,
                minutes=5,
                facilitator="leader",
                release=R.leader_supported,
                seconds=290,
            ),
            SegmentPlan(
                title="Do the candidate tasks as learners",
                kind=K.do_the_math,
                minutes=15,
                facilitator="leader",
                release=R.leader_supported,
                seconds=950,
            ),
            SegmentPlan(
                title="Rate the tasks for cognitive demand",
                kind=K.select_task,
                minutes=20,
                facilitator="mentor",
                release=R.mentor_leads,
                seconds=1280,
            ),
            SegmentPlan(
                title="Select the shared task",
                kind=K.select_task,
                minutes=10,
                facilitator="mentor",
                release=R.co_facilitate,
                seconds=660,
            ),
            SegmentPlan(
                title="Next steps",
                kind=K.next_steps,
                minutes=10,
                facilitator="mentor",
                release=R.mentor_leads,
                seconds=540,
            ),
        ),
        contributions=(
            Said(
                segment=0,
                kind=C.note,
                author="leader",
                body=(
                    "Open from last time: the work samples are in the shared folder, and Sofia "
                    "found a number-line task (“Garden Plots”)."
                ),
            ),
            Said(
                segment=1,
                kind=C.note,
                author="teacher3",
                body=(
                    "Garden Plots: I drew two same-size rectangles, cut one into thirds and one "
                    "into twelfths, and shaded until they matched — 8/12."
                ),
            ),
            Said(
                segment=1,
                kind=C.note,
                author="teacher1",
                body=(
                    "On a number line 2/3 and 8/12 land on the same point: each third is cut into "
                    "four twelfths."
                ),
            ),
            Said(
                segment=1,
                kind=C.question,
                author="teacher2",
                body=(
                    "Is “multiply the top and the bottom by 4” enough if a student cannot say why "
                    "the amount stays the same?"
                ),
            ),
            Said(
                segment=2,
                kind=C.note,
                author="mentor",
                body=(
                    "Ratings — Garden Plots: doing mathematics (4), procedures with connections "
                    "(1). Fraction Wall: procedures with connections. Equivalent Fractions "
                    "worksheet: procedures without connections."
                ),
            ),
            Said(
                segment=3,
                kind=C.decision,
                author="leader",
                body=(
                    "Shared task for cycle 2: Garden Plots. It needs a model and a justification, "
                    "and students at both schools can start with a drawing."
                ),
            ),
            Said(
                segment=4,
                kind=C.action,
                author="teacher1",
                body="Make fraction strips for both schools",
                owner="teacher1",
                due_in_days=7,
                done=True,
            ),
            Said(
                segment=4,
                kind=C.action,
                author="leader",
                body="Draft the launch for Garden Plots and send it to Ana",
                owner="leader",
                due_in_days=5,
                done=True,
            ),
        ),
        record=Record(
            moves={
                MENTOR: MoveCounts(structuring=8, eliciting=6, cultivating=4, connecting=5),
                LEADER: MoveCounts(structuring=4, eliciting=5, cultivating=2, connecting=1),
                PARTICIPANT: MoveCounts(structuring=1, eliciting=5, cultivating=1, connecting=2),
            },
            notes=(
                MoveNote(
                    segment=1,
                    by=LEADER,
                    move_type=S,
                    note="Gave three minutes of private think time before any talk",
                ),
                MoveNote(
                    segment=1,
                    by=LEADER,
                    move_type=E,
                    note="Called on Sofia, then Priya, in the order Jordan had planned",
                ),
                MoveNote(
                    segment=2,
                    by=PARTICIPANT,
                    move_type=E,
                    note="Marcus: “What would a student have to explain in each?”",
                ),
                MoveNote(
                    segment=2,
                    by=MENTOR,
                    move_type=CU,
                    note="Ana named the disagreement about the worksheet as useful",
                ),
                MoveNote(
                    segment=3,
                    by=MENTOR,
                    move_type=CO,
                    note="Connected the ratings to what students will be asked to say",
                ),
            ),
            nudges=(NudgePlan(segment=2, body="You can name the disagreement — it’s a good one."),),
            loop=LoopPlan(
                leader_goals=(
                    "Lead the do-the-math segment: launch Garden Plots, give private think time, "
                    "and call on people in an order I planned while watching them work."
                ),
                planning_notes=(
                    "Ana and I solved all three tasks ourselves first. I chose to show Sofia’s "
                    "area model before Priya’s number line so the group sees the same eight "
                    "twelfths two ways. Ana takes the ratings; we run the final choice together. I "
                    "wrote the minutes for each part on my agenda."
                ),
                leader_reflection=(
                    "The private think time was the best three minutes of the meeting — everyone "
                    "had something to share. The order I planned worked. I froze when Marcus and "
                    "Priya disagreed about the worksheet, and Ana stepped in."
                ),
                mentor_reflection=(
                    "Jordan monitored the adults’ work exactly the way we ask teachers to monitor "
                    "students: walking, noticing, choosing. The disagreement about the worksheet "
                    "was productive; next time Jordan can name it (“We disagree — good. What does "
                    "each task ask students to do?”) instead of waiting for me."
                ),
                next_goals=(
                    "Run the anticipating for Garden Plots with support. Press for justification "
                    "when someone says “students will just know”."
                ),
            ),
        ),
        created_by="leader",
        video_url=VIDEO,
    ),
    Session(
        day=-32,
        title="Cycle 2: anticipate student responses to Garden Plots",
        goal=(
            "Anticipate strategies, errors and misconceptions for Garden Plots, with an assessing "
            "and an advancing question for each, and agree how we will sequence sharing."
        ),
        location=MAPLE,
        segments=(
            SegmentPlan(
                title="Check-in and norms",
                kind=K.check_in,
                minutes=5,
                facilitator="leader",
                release=R.leader_alone,
                seconds=300,
            ),
            SegmentPlan(
                title="Do the math: Garden Plots on a number line",
                kind=K.do_the_math,
                minutes=10,
                facilitator="leader",
                release=R.leader_supported,
                seconds=610,
            ),
            SegmentPlan(
                title="Anticipate strategies, errors and misconceptions",
                kind=K.anticipate,
                minutes=15,
                facilitator="leader",
                release=R.co_facilitate,
                seconds=960,
            ),
            SegmentPlan(
                title="Assessing and advancing questions",
                kind=K.anticipate,
                minutes=20,
                facilitator="mentor",
                release=R.mentor_leads,
                seconds=1180,
            ),
            SegmentPlan(
                title="Next steps and the monitoring chart",
                kind=K.next_steps,
                minutes=10,
                facilitator="leader",
                release=R.leader_supported,
                seconds=540,
            ),
        ),
        contributions=(
            Said(
                segment=0,
                kind=C.note,
                author="leader",
                body=(
                    "Open from last time: fraction strips are cut and in both schools’ math bins. "
                    "Thank you, Priya."
                ),
            ),
            Said(
                segment=2,
                kind=C.note,
                author="mentor",
                body=(
                    "Anticipated strategies: area model, fraction strips, number line, “times 4 "
                    "over 4”, and counting the twelfths in each third."
                ),
            ),
            Said(
                segment=2,
                kind=C.note,
                author="teacher2",
                body=(
                    "Anticipated error: adding the same number to top and bottom, so 2/3 becomes "
                    "12/13. Assessing: “Is 12/13 closer to a whole than 2/3 is?”"
                ),
            ),
            Said(
                segment=2,
                kind=C.note,
                author="teacher3",
                body="Some students will shade 2 of the 12 parts because the numerator is 2.",
            ),
            Said(
                segment=3,
                kind=C.question,
                author="teacher2",
                body=(
                    "Advancing question for students who only multiply: “Show me on the strip why "
                    "four twelfths fit in one third.”"
                ),
            ),
            Said(
                segment=3,
                kind=C.decision,
                author="mentor",
                body=(
                    "Sequence for sharing: area model, strips, number line, and the multiplication "
                    "rule last, connected to the drawings."
                ),
            ),
            Said(
                segment=4,
                kind=C.action,
                author="leader",
                body="Add today’s errors and questions to the monitoring chart",
                owner="leader",
                due_in_days=2,
                done=True,
            ),
            Said(
                segment=4,
                kind=C.action,
                author="teacher3",
                body="Ask the Riverbend principal for coverage so Marcus can watch Sofia teach",
                owner="teacher3",
                due_in_days=7,
                done=True,
            ),
        ),
        record=Record(
            moves={
                MENTOR: MoveCounts(structuring=6, eliciting=5, cultivating=3, connecting=5),
                LEADER: MoveCounts(structuring=6, eliciting=6, cultivating=3, connecting=2),
                PARTICIPANT: MoveCounts(structuring=1, eliciting=6, cultivating=2, connecting=2),
            },
            notes=(
                MoveNote(
                    segment=0,
                    by=LEADER,
                    move_type=S,
                    note="Put a visible timer on the projector for each segment",
                ),
                MoveNote(
                    segment=2,
                    by=LEADER,
                    move_type=E,
                    note="“What would we see in their work if they just knew?”",
                ),
                MoveNote(
                    segment=2,
                    by=PARTICIPANT,
                    move_type=E,
                    note="Marcus proposed the 12/13 error after Jordan’s press",
                ),
                MoveNote(
                    segment=3,
                    by=MENTOR,
                    move_type=CO,
                    note="Ana linked the 2-of-12 error to what a numerator counts",
                ),
                MoveNote(
                    segment=4,
                    by=LEADER,
                    move_type=CU,
                    note="Jordan thanked Sofia by name for her error from last cycle",
                ),
            ),
            nudges=(
                NudgePlan(segment=2, body="Sofia has an idea — it’s on her sticky note."),
                NudgePlan(segment=3, body="Two minutes."),
            ),
            loop=LoopPlan(
                leader_goals=(
                    "Lead most of the anticipating. When someone says “they’ll just know”, ask "
                    "“What would we see in their work if they knew?” End on time."
                ),
                planning_notes=(
                    "Ana asked what I hoped the group would leave with. I said: a chart that "
                    "treats errors as student thinking to plan for, not mistakes to prevent. We "
                    "agreed she takes the assessing and advancing questions and we co-run the "
                    "anticipating. I will keep a visible timer on the projector."
                ),
                leader_reflection=(
                    "I pressed for justification twice, and the second time Marcus came up with "
                    "the 12/13 error himself — it is on the chart now. The timer helped. Sofia "
                    "still did not speak until the end; I want to fix that."
                ),
                mentor_reflection=(
                    "Jordan now does the structuring alone: states the goal, marks transitions, "
                    "closes on time. The press for evidence lifted the anticipating. For Sofia, "
                    "try a turn-and-talk before whole-group sharing: cultivating moves are the "
                    "next frontier."
                ),
                next_goals=(
                    "Lead the sharing and the comparison at the cycle 2 debrief with Ana as "
                    "support. Use a turn-and-talk so every voice is in the room before whole-group "
                    "sharing."
                ),
            ),
        ),
        created_by="leader",
        absent=("teacher1",),
    ),
    Session(
        day=-23,
        title="Cycle 2 debrief: Garden Plots across our classrooms",
        goal=(
            "Look at Garden Plots work from all four classrooms side by side, compare it with what "
            "we anticipated, and decide what cycle 3 should work on."
        ),
        location=RIVERBEND,
        segments=(
            SegmentPlan(
                title="Check-in: a turn-and-talk about one student",
                kind=K.check_in,
                minutes=5,
                facilitator="leader",
                release=R.leader_alone,
                seconds=330,
            ),
            SegmentPlan(
                title="Share student work from each classroom",
                kind=K.debrief,
                minutes=20,
                facilitator="leader",
                release=R.leader_supported,
                seconds=1250,
            ),
            SegmentPlan(
                title="Compare with what we anticipated",
                kind=K.debrief,
                minutes=15,
                facilitator="leader",
                release=R.co_facilitate,
                seconds=960,
            ),
            SegmentPlan(
                title="Responses nobody anticipated",
                kind=K.debrief,
                minutes=10,
                facilitator="mentor",
                release=R.mentor_leads,
                seconds=700,
            ),
            SegmentPlan(
                title="Next steps for cycle 3",
                kind=K.next_steps,
                minutes=10,
                facilitator="leader",
                release=R.co_facilitate,
                seconds=600,
            ),
        ),
        contributions=(
            Said(
                segment=1,
                kind=C.note,
                author="teacher3",
                body=(
                    "T.W. and L.M. shaded 2 of the 12 parts, the error we anticipated. Both fixed "
                    "it after “Is that the same amount of garden?”"
                ),
            ),
            Said(
                segment=1,
                kind=C.note,
                author="teacher1",
                body=(
                    "Room 14: 15 of 23 reached 8/12, most with strips. D.S.: “The pieces got "
                    "smaller, so you need more of them.”"
                ),
            ),
            Said(
                segment=1,
                kind=C.note,
                author="leader",
                body=(
                    "Room 12: only 4 students used the number line; everyone else drew rectangles."
                ),
            ),
            Said(
                segment=2,
                kind=C.note,
                author="mentor",
                body=(
                    "The 12/13 error appeared in one classroom only; adding the same number was "
                    "rarer than we predicted."
                ),
            ),
            Said(
                segment=3,
                kind=C.note,
                author="teacher2",
                body=(
                    "Not anticipated: R.J. used a clock. 2/3 of an hour is 40 minutes, and 40 "
                    "minutes is eight five-minute parts of twelve."
                ),
            ),
            Said(
                segment=3,
                kind=C.question,
                author="teacher3",
                body="How do we connect the clock idea without making it the “right” method?",
            ),
            Said(
                segment=4,
                kind=C.decision,
                author="leader",
                body=(
                    "Cycle 3 is about comparing fractions (4.NF.2). Next time we start by doing "
                    "the math ourselves."
                ),
            ),
            Said(
                segment=4,
                kind=C.note,
                author="leader",
                body=(
                    "We keep the sharing sequence, with the rule last, and use more number lines "
                    "in our own launches."
                ),
            ),
            Said(
                segment=4,
                kind=C.action,
                author="teacher2",
                body="Share R.J.’s clock work (de-identified) with the team",
                owner="teacher2",
                due_in_days=3,
                done=True,
            ),
            Said(
                segment=4,
                kind=C.action,
                author="leader",
                body="Look for comparing-fractions tasks with several ways in",
                owner="leader",
                due_in_days=10,
                done=True,
            ),
        ),
        record=Record(
            moves={
                MENTOR: MoveCounts(structuring=4, eliciting=4, cultivating=3, connecting=4),
                LEADER: MoveCounts(structuring=8, eliciting=7, cultivating=4, connecting=2),
                PARTICIPANT: MoveCounts(structuring=1, eliciting=7, cultivating=2, connecting=3),
            },
            notes=(
                MoveNote(
                    segment=0,
                    by=LEADER,
                    move_type=CU,
                    note="Turn-and-talk in pairs before anyone spoke to the whole group",
                ),
                MoveNote(
                    segment=1,
                    by=LEADER,
                    move_type=E,
                    note="After each classroom: “What does this tell us about the launch?”",
                ),
                MoveNote(
                    segment=1,
                    by=PARTICIPANT,
                    move_type=E,
                    note="Sofia asked Priya how D.S. explained “smaller pieces”",
                ),
                MoveNote(
                    segment=3,
                    by=MENTOR,
                    move_type=CO,
                    note="Ana connected R.J.’s clock to unit fractions of an hour",
                ),
                MoveNote(
                    segment=4,
                    by=LEADER,
                    move_type=S,
                    note="Jordan kept next steps to ten minutes and read them back",
                ),
            ),
            nudges=(NudgePlan(segment=1, body="Ask what this tells us about the launch."),),
            loop=LoopPlan(
                leader_goals=(
                    "Open with a turn-and-talk so every voice is in. Lead the sharing and the "
                    "comparison; hand the unanticipated responses to Ana and watch how she "
                    "connects them."
                ),
                planning_notes=(
                    "Video call the week before. Each teacher brings one sample that went as "
                    "anticipated and one that didn’t. Ana reminded me that a debrief is not a "
                    "show-and-tell: the question is what the work tells us about our teaching. I "
                    "will ask “What does this tell us about the launch?” after each classroom."
                ),
                leader_reflection=(
                    "The turn-and-talk worked: Sofia brought the first sample. I kept us on the "
                    "chart and asked about the launch each time. When the clock strategy came up I "
                    "felt the pull to run with it, so I handed it to Ana as we planned."
                ),
                mentor_reflection=(
                    "A strong session: the group talked about students, not about lessons, and "
                    "“What does this tell us?” became routine. I took the clock strategy and "
                    "connected it to unit fractions; Jordan can take those connecting moves next — "
                    "“Where have we seen this idea before?”"
                ),
                next_goals=(
                    "Plan and lead the doing-the-math session for cycle 3 almost alone. Try a "
                    "connecting question when a strategy links to an earlier cycle."
                ),
            ),
        ),
        created_by="leader",
        video_url=VIDEO,
    ),
)
