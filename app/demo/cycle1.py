"""Cycle 1 of the demo team (multiplication, Auditorium Seats): planning, anticipating and the
debrief, with the mentor leading and the leader opening. Days as in app.demo.sessions."""

from app.demo.plans import (
    CO,
    CU,
    LEADER,
    MAPLE,
    MENTOR,
    PARTICIPANT,
    RIVERBEND,
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
        day=-70,
        title="Cycle 1 planning: do the math and select a multiplication task",
        goal=(
            "Solve three candidate multiplication tasks as learners, rate their cognitive demand, "
            "and choose our first shared task of the year."
        ),
        location=MAPLE,
        segments=(
            SegmentPlan(
                title="Check-in: why we meet and our norms",
                kind=K.check_in,
                minutes=10,
                facilitator="mentor",
                release=R.mentor_leads,
                seconds=700,
            ),
            SegmentPlan(
                title="Number talk: 18 × 25",
                kind=K.do_the_math,
                minutes=10,
                facilitator="mentor",
                release=R.mentor_leads,
                seconds=560,
            ),
            SegmentPlan(
                title="Do the candidate tasks as learners",
                kind=K.do_the_math,
                minutes=15,
                facilitator="mentor",
                release=R.mentor_leads,
                seconds=1020,
            ),
            SegmentPlan(
                title="Rate the tasks and select the shared task",
                kind=K.select_task,
                minutes=15,
                facilitator="mentor",
                release=R.mentor_leads,
                seconds=960,
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
                kind=C.decision,
                author="mentor",
                body=(
                    "Our norms: assume good intentions; share a strategy before judging it; talk "
                    "about students by initials only; start and end on time."
                ),
            ),
            Said(
                segment=0,
                kind=C.note,
                author="teacher3",
                body=(
                    "First year on a cross-school team. I want to see how other rooms launch a "
                    "problem without telling students how to solve it."
                ),
            ),
            Said(
                segment=1,
                kind=C.note,
                author="leader",
                body=(
                    "On the board: 20 × 25 − 50; halving and doubling to 9 × 50; 18 quarters is "
                    "$4.50, so 450; partial products 10 × 25 + 8 × 25."
                ),
            ),
            Said(
                segment=2,
                kind=C.note,
                author="teacher2",
                body=(
                    "Auditorium Seats took me three tries. I rounded 24 × 16 to 25 × 16 = 400 and "
                    "then had to work out what to take back."
                ),
            ),
            Said(
                segment=2,
                kind=C.question,
                author="teacher1",
                body=(
                    "If the worksheet only asks for answers, where would a student show whether "
                    "they understand place value?"
                ),
            ),
            Said(
                segment=3,
                kind=C.decision,
                author="mentor",
                body=(
                    "Shared task for cycle 1: Auditorium Seats (24 rows of 16 seats; is the "
                    "principal right that there are more than 350?). Four of us rated it doing "
                    "mathematics: it asks for two strategies and a justification."
                ),
            ),
            Said(
                segment=3,
                kind=C.note,
                author="teacher1",
                body=(
                    "The two-digit worksheet is procedures without connections. Keep it for "
                    "practice after the task, not instead of it."
                ),
            ),
            Said(
                segment=4,
                kind=C.decision,
                author="mentor",
                body="Next time: anticipate how our students will solve it.",
            ),
            Said(
                segment=4,
                kind=C.action,
                author="mentor",
                body="Send the three candidate tasks and our ratings",
                owner="mentor",
                due_in_days=2,
                done=True,
            ),
            Said(
                segment=4,
                kind=C.action,
                author="leader",
                body="Try Auditorium Seats with two students at lunch and bring back their work",
                owner="leader",
                due_in_days=14,
                done=True,
            ),
        ),
        record=Record(
            moves={
                MENTOR: MoveCounts(structuring=12, eliciting=9, cultivating=7, connecting=6),
                LEADER: MoveCounts(eliciting=1),
                PARTICIPANT: MoveCounts(eliciting=2, connecting=1),
            },
            notes=(
                MoveNote(
                    segment=0,
                    by=MENTOR,
                    move_type=CU,
                    note="Asked each person for one hope and one worry about the year",
                ),
                MoveNote(
                    segment=1,
                    by=MENTOR,
                    move_type=E,
                    note="“Who solved it a different way? Don’t change yours — add it.”",
                ),
                MoveNote(
                    segment=2,
                    by=PARTICIPANT,
                    move_type=E,
                    note="Priya asked Marcus how he knew rounding to 25 would help",
                ),
                MoveNote(
                    segment=2,
                    by=MENTOR,
                    move_type=CO,
                    note="Linked partial products to the area models from grade 3",
                ),
                MoveNote(
                    segment=3,
                    by=MENTOR,
                    move_type=S,
                    note="Put the rating criteria up before anyone argued for a task",
                ),
            ),
            loop=LoopPlan(
                leader_goals=(
                    "Watch how Ana facilitates the whole session, and note the moves she makes to "
                    "keep us on the goal and to bring everyone into the talk."
                ),
                planning_notes=(
                    "Coffee before school. Ana walked me through her agenda and why norms come "
                    "first with a new group. She asked me to sit with the teachers, do the math as "
                    "a learner, and jot down each time she moved us on or drew someone in."
                ),
                leader_reflection=(
                    "I counted eleven times Ana moved us on without anyone feeling cut off: she "
                    "names the time and the reason. She never answered a question about the tasks "
                    "herself; she turned it back to the group. Much of her work happens before the "
                    "meeting."
                ),
                mentor_reflection=(
                    "Jordan’s notes on my moves were precise, and Jordan caught the turning-back "
                    "of questions, which most new facilitators miss. Jordan also did the math "
                    "openly with colleagues, which builds the trust we will need later. Ready to "
                    "open the next session."
                ),
                next_goals=(
                    "Open the next meeting on my own: the welcome, our norms, and a question that "
                    "gets us talking about students."
                ),
            ),
        ),
    ),
    Session(
        day=-60,
        title="Cycle 1: anticipate student strategies for Auditorium Seats",
        goal=(
            "Anticipate how our students will solve Auditorium Seats, write assessing and "
            "advancing questions, and build one monitoring chart for all four classrooms."
        ),
        location=RIVERBEND,
        segments=(
            SegmentPlan(
                title="Check-in and norms",
                kind=K.check_in,
                minutes=5,
                facilitator="leader",
                release=R.leader_supported,
                seconds=385,
            ),
            SegmentPlan(
                title="Do Auditorium Seats as many ways as we can",
                kind=K.do_the_math,
                minutes=15,
                facilitator="mentor",
                release=R.mentor_leads,
                seconds=990,
            ),
            SegmentPlan(
                title="Anticipate strategies and errors",
                kind=K.anticipate,
                minutes=20,
                facilitator="mentor",
                release=R.mentor_leads,
                seconds=1330,
            ),
            SegmentPlan(
                title="Assessing and advancing questions",
                kind=K.anticipate,
                minutes=10,
                facilitator="mentor",
                release=R.mentor_leads,
                seconds=640,
            ),
            SegmentPlan(
                title="Next steps: who teaches when",
                kind=K.next_steps,
                minutes=10,
                facilitator="mentor",
                release=R.mentor_leads,
                seconds=520,
            ),
        ),
        contributions=(
            Said(
                segment=0,
                kind=C.note,
                author="leader",
                body=(
                    "The two students I tried the task with at lunch both drew 24 rows of dots and "
                    "lost count somewhere past 200."
                ),
            ),
            Said(
                segment=1,
                kind=C.note,
                author="teacher3",
                body=(
                    "Our ways: 24 × 10 + 24 × 6; doubling 24 × 8; an area model split 20 + 4 by 10 "
                    "+ 6; 25 × 16 = 400, take away 16."
                ),
            ),
            Said(
                segment=2,
                kind=C.note,
                author="mentor",
                body=(
                    "Anticipated: skip-counting by 16 on a number line; repeated addition in a "
                    "table; partial products with an area model; rounding to 25 × 16; and the "
                    "error 20 × 10 + 4 × 6 = 224, which drops two partial products."
                ),
            ),
            Said(
                segment=2,
                kind=C.question,
                author="teacher2",
                body=(
                    "A student who rounds to 400 can answer “yes, more than 350” without the exact "
                    "product. Do we accept that?"
                ),
            ),
            Said(
                segment=3,
                kind=C.note,
                author="teacher1",
                body=(
                    "Assessing: “Which part of your rectangle is 4 × 6?” Advancing: “Your products "
                    "cover some of the seats. Which seats haven’t you counted yet?”"
                ),
            ),
            Said(
                segment=3,
                kind=C.decision,
                author="mentor",
                body=(
                    "One monitoring chart for all of us: five anticipated strategies and a column "
                    "for what we did not anticipate."
                ),
            ),
            Said(
                segment=4,
                kind=C.decision,
                author="leader",
                body=(
                    "Everyone teaches Auditorium Seats within two weeks and brings three work "
                    "samples: an early strategy, partial products and a surprise."
                ),
            ),
            Said(
                segment=4,
                kind=C.action,
                author="mentor",
                body="Type up the monitoring chart and share it",
                owner="mentor",
                due_in_days=2,
                done=True,
            ),
            Said(
                segment=4,
                kind=C.action,
                author="teacher2",
                body="Check whether Marcus and Sofia can teach it on the same day",
                owner="teacher2",
                due_in_days=4,
                done=True,
            ),
        ),
        record=Record(
            moves={
                MENTOR: MoveCounts(structuring=11, eliciting=8, cultivating=6, connecting=6),
                LEADER: MoveCounts(structuring=1, eliciting=2, cultivating=1),
                PARTICIPANT: MoveCounts(eliciting=3, cultivating=1, connecting=1),
            },
            notes=(
                MoveNote(
                    segment=0,
                    by=LEADER,
                    move_type=CU,
                    note="Jordan reread the norms and invited Sofia to go first",
                ),
                MoveNote(
                    segment=2,
                    by=MENTOR,
                    move_type=E,
                    note="“What will a student who doesn’t know where to start do?”",
                ),
                MoveNote(
                    segment=3,
                    by=PARTICIPANT,
                    move_type=E,
                    note="Marcus asked Priya which advancing question she would use",
                ),
                MoveNote(
                    segment=3,
                    by=MENTOR,
                    move_type=CO,
                    note="Tied the 224 error to how students record partial products",
                ),
            ),
            nudges=(NudgePlan(segment=0, body="Take a breath. You have time — let them answer."),),
            loop=LoopPlan(
                leader_goals=(
                    "Open the meeting on my own: welcome everyone, revisit our norms and get us "
                    "into the math within five minutes."
                ),
                planning_notes=(
                    "Phone call on Tuesday. Ana runs the math and the anticipating; I open. We "
                    "talked about a check-in doing more than saying hello: I will ask each person "
                    "for one thing they noticed this week when students multiplied."
                ),
                leader_reflection=(
                    "I was nervous and talked faster than I meant to. The question about what "
                    "students did worked — Marcus told the story of a student counting dots — but "
                    "I never looked at the clock and we started the math late."
                ),
                mentor_reflection=(
                    "Jordan’s opening question set a tone about students that carried into the "
                    "anticipating. Worth noticing: when Sofia hesitated, Jordan waited instead of "
                    "filling the silence. Next, Jordan should take a piece of the mathematical "
                    "work, not only the welcome."
                ),
                next_goals=(
                    "Co-facilitate the sharing of student work at the debrief with Ana. Watch the "
                    "time and say out loud when we move on."
                ),
            ),
        ),
    ),
    Session(
        day=-51,
        title="Cycle 1 debrief: Auditorium Seats across our classrooms",
        goal=(
            "Compare what happened in each classroom with our monitoring chart and agree on what "
            "we want to do differently in cycle 2."
        ),
        location=MAPLE,
        segments=(
            SegmentPlan(
                title="Check-in and what we left open",
                kind=K.check_in,
                minutes=5,
                facilitator="leader",
                release=R.leader_supported,
                seconds=300,
            ),
            SegmentPlan(
                title="Share student work from each classroom",
                kind=K.debrief,
                minutes=20,
                facilitator="leader",
                release=R.co_facilitate,
                seconds=1500,
            ),
            SegmentPlan(
                title="Compare with what we anticipated",
                kind=K.debrief,
                minutes=15,
                facilitator="mentor",
                release=R.mentor_leads,
                seconds=760,
            ),
            SegmentPlan(
                title="What we learned as teachers",
                kind=K.debrief,
                minutes=10,
                facilitator="mentor",
                release=R.mentor_leads,
                seconds=610,
            ),
            SegmentPlan(
                title="Next steps for cycle 2",
                kind=K.next_steps,
                minutes=10,
                facilitator="mentor",
                release=R.mentor_leads,
                seconds=580,
            ),
        ),
        contributions=(
            Said(
                segment=1,
                kind=C.note,
                author="teacher1",
                body=(
                    "Room 14: 9 of 22 used partial products. J.M. split 24 × 16 into 20 × 16 and 4 "
                    "× 16 without drawing anything."
                ),
            ),
            Said(
                segment=1,
                kind=C.note,
                author="teacher2",
                body=(
                    "Most of my class used repeated addition. A.T. built a table of 16s and "
                    "checked it by doubling."
                ),
            ),
            Said(
                segment=1,
                kind=C.note,
                author="teacher3",
                body=(
                    "Several students rounded to 25 × 16 = 400 and stopped — exactly what Marcus "
                    "predicted."
                ),
            ),
            Said(
                segment=2,
                kind=C.note,
                author="mentor",
                body=(
                    "Nobody anticipated K.R.’s strategy in Room 12: split 16 into 8 + 8, 24 × 8 = "
                    "192, then double."
                ),
            ),
            Said(
                segment=2,
                kind=C.question,
                author="leader",
                body=(
                    "Our chart has no column for students who get the product but cannot say why "
                    "it answers the question. Should we add one?"
                ),
            ),
            Said(
                segment=3,
                kind=C.note,
                author="teacher2",
                body=(
                    "I showed partial products too early. Next time I ask the advancing question "
                    "and walk away."
                ),
            ),
            Said(
                segment=3,
                kind=C.decision,
                author="mentor",
                body=(
                    "When we share in class: repeated addition, then doubling, then partial "
                    "products, so the connections are visible."
                ),
            ),
            Said(
                segment=4,
                kind=C.decision,
                author="leader",
                body=(
                    "Cycle 2 is about equivalent fractions (4.NF.1). Everyone brings one candidate "
                    "task."
                ),
            ),
            Said(
                segment=4,
                kind=C.action,
                author="leader",
                body="Put the de-identified work samples in one folder",
                owner="leader",
                due_in_days=5,
                done=True,
            ),
            Said(
                segment=4,
                kind=C.action,
                author="teacher3",
                body="Find a number-line task on equivalent fractions",
                owner="teacher3",
                due_in_days=12,
                done=True,
            ),
        ),
        record=Record(
            moves={
                MENTOR: MoveCounts(structuring=9, eliciting=7, cultivating=5, connecting=6),
                LEADER: MoveCounts(structuring=3, eliciting=3, cultivating=1, connecting=1),
                PARTICIPANT: MoveCounts(eliciting=3, cultivating=1, connecting=2),
            },
            notes=(
                MoveNote(
                    segment=0,
                    by=LEADER,
                    move_type=S,
                    note="Jordan named the two open items and who owned them",
                ),
                MoveNote(
                    segment=1,
                    by=LEADER,
                    move_type=E,
                    note="Asked each teacher to start with a sample that surprised them",
                ),
                MoveNote(
                    segment=2,
                    by=MENTOR,
                    move_type=S,
                    note="Ana compressed the comparison to stay on time",
                ),
                MoveNote(
                    segment=3,
                    by=MENTOR,
                    move_type=CU,
                    note="Ana shared a lesson of her own that went wrong",
                ),
                MoveNote(
                    segment=3,
                    by=PARTICIPANT,
                    move_type=CO,
                    note="Marcus linked K.R.’s doubling to the 18 × 25 number talk",
                ),
            ),
            nudges=(
                NudgePlan(
                    segment=1,
                    body="Four minutes left for sharing, and Sofia hasn’t shown hers yet.",
                ),
                NudgePlan(
                    segment=4, body="Before we close: ask who owns each next step.", dismissed=False
                ),
            ),
            loop=LoopPlan(
                leader_goals=(
                    "Co-facilitate the sharing of student work with Ana. Keep time out loud. Ask "
                    "each teacher to start with a sample that surprised them."
                ),
                planning_notes=(
                    "After school at Maple Street. Ana suggested we split it: I run the sharing, "
                    "she runs the comparison with the monitoring chart. We rehearsed how to move "
                    "on politely when a story runs long: “Let’s hold that for the comparison.”"
                ),
                leader_reflection=(
                    "Starting with a surprising sample worked — K.R.’s doubling got everyone "
                    "talking. I let Priya and Marcus go long, though, and Ana had to squeeze the "
                    "comparison. I used “let’s hold that” once and it felt fine."
                ),
                mentor_reflection=(
                    "The sharing stayed on student thinking and was warm. Jordan still hesitates "
                    "to interrupt a colleague; that is the structuring move to practise. A good "
                    "question about the missing column on our chart: Jordan is reading the "
                    "evidence as a teacher, not only as a host."
                ),
                next_goals=(
                    "Lead the “do the math” segment of cycle 2 with Ana’s support. Plan the timing "
                    "of each part and name the time at every transition."
                ),
            ),
        ),
    ),
)
