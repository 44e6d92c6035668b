"""What the demo's Grade 4 team did across two and a half cycles, session by session, and who
is on it.

Days count from the “Cycle 3 planning” meeting (PLANNING_*), which is held 14 days before the
demo is loaded. Jordan Lee (the teacher leader) takes over facilitation from Dr. Ana Ruiz (the
mentor) segment by segment; the moves logged in each session follow the curve of Ebby et al.
(2023). People are keys of PEOPLE: mentor, leader, teacher1 (Priya Natarajan, Room 14),
teacher2 (Marcus Bell) and teacher3 (Sofia Alvarez). Students appear by initials only.
"""

from app.demo.plans import (
    LoopPlan,
    MoveCounts,
    MoveNote,
    NudgePlan,
    Person,
    PhaseStep,
    Record,
    Said,
    SegmentPlan,
    Session,
)
from app.leadership.models import MoveBy, MoveType
from app.meetings.models import ContributionKind, ReleaseLevel, SegmentKind
from app.teams.models import Role

K, R, C = SegmentKind, ReleaseLevel, ContributionKind
S, E, CU, CO = MoveType.structuring, MoveType.eliciting, MoveType.cultivating, MoveType.connecting
MENTOR, LEADER, PARTICIPANT = MoveBy.mentor, MoveBy.leader, MoveBy.participant

SCHOOLS = ["Maple Street Elementary", "Riverbend Elementary"]
TEAM_NAME = "Grade 4 Math Team"
MAPLE = "Maple Street Elementary, Room 12"
RIVERBEND = "Riverbend Elementary, Library"
VIDEO = "https://meet.example.org/grade4-math"

PEOPLE = [
    Person(key="admin", email="admin@demo.test", name="Dana Whitfield", is_admin=True),
    Person(key="mentor", email="mentor@demo.test", name="Dr. Ana Ruiz", role=Role.mentor),
    Person(
        key="leader",
        email="leader@demo.test",
        name="Jordan Lee",
        school=0,
        role=Role.teacher_leader,
    ),
    Person(
        key="teacher1",
        email="teacher1@demo.test",
        name="Priya Natarajan",
        school=0,
        role=Role.teacher,
    ),
    Person(
        key="teacher2", email="teacher2@demo.test", name="Marcus Bell", school=1, role=Role.teacher
    ),
    Person(
        key="teacher3",
        email="teacher3@demo.test",
        name="Sofia Alvarez",
        school=1,
        role=Role.teacher,
    ),
]

SESSIONS = [
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
]

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
        "Lead the full cycle 3 debrief, with Marcus and Sofia presenting first. Try a rating "
        "protocol so I can run the cycle 4 task selection myself."
    ),
    planning_notes=(
        "Ana co-runs the comparison only if we get stuck on the missing-piece strategy. I put the "
        "four classrooms side by side on the projector and ask each teacher for one surprise "
        "before we look at the chart. For cycle 4 I will bring three candidate tasks on "
        "multiplying a fraction by a whole number and the rating sheet."
    ),
)

# The pipeline: who entered which phase when, with the mentor's note and next step.
PHASES = [
    PhaseStep(
        person="leader",
        phase="experience",
        day=-400,
        note=(
            "Joined the cross-school group as a participant. Notices student thinking closely; "
            "quiet in whole-group discussion."
        ),
        next_step="Teach each shared task and bring student work to every debrief.",
    ),
    PhaseStep(
        person="leader",
        phase="teach",
        day=-290,
        note=(
            "Taught each shared task with careful monitoring-chart notes, and offered to help plan "
            "the final debrief of the round."
        ),
        next_step="Invite Jordan to learn to lead the Grade 4 team, starting with check-ins.",
    ),
    PhaseStep(
        person="leader",
        phase="lead",
        day=-140,
        note=(
            "Agreed to learn to facilitate the Grade 4 team. I model the first sessions, then we "
            "hand over segment by segment: check-ins first, task selection last. We plan together "
            "before every session Jordan facilitates and debrief it after."
        ),
        next_step=(
            "Lead the cycle 3 debrief with me only observing; take over task selection in cycle 4."
        ),
    ),
    PhaseStep(
        person="teacher1",
        phase="experience",
        day=-400,
        note=(
            "Joined with Jordan from Maple Street. Asks the sharpest assessing questions on the "
            "team."
        ),
        next_step="Teach the shared tasks with a monitoring chart.",
    ),
    PhaseStep(
        person="teacher1",
        phase="teach",
        day=-290,
        note=(
            "Keeps the most detailed monitoring notes on the team and shares her classroom openly. "
            "Her Room 14 samples anchor most of our debriefs."
        ),
        next_step="Co-facilitate a check-in in cycle 4; talk about learning to lead.",
    ),
    PhaseStep(
        person="teacher2",
        phase="experience",
        day=-160,
        note=(
            "New to the group, moving from fifth grade. Strong with number; tends to show students "
            "a method early."
        ),
        next_step=(
            "Teach the shared task with the monitoring chart and hold back from showing a method."
        ),
    ),
    PhaseStep(
        person="teacher2",
        phase="teach",
        day=-40,
        note=(
            "Taught Garden Plots with the monitoring chart and held back: R.J.’s clock strategy "
            "surfaced because Marcus waited. Now predicts errors well in anticipating."
        ),
        next_step="Observe Sofia teach Fraction Pairs and debrief it together.",
    ),
    PhaseStep(
        person="teacher3",
        phase="experience",
        day=-160,
        note=(
            "First year teaching fourth grade and new to the group. A careful planner; quiet in "
            "whole-group talk so far, more open in pairs."
        ),
        next_step="Teach Fraction Pairs with the monitoring chart while Marcus observes.",
    ),
]

# Every agenda of the demo team in the order it met: the generated district's teams follow it.
AGENDAS: tuple[tuple[SegmentPlan, ...], ...] = tuple(
    [s.segments for s in SESSIONS if s.day < 0]
    + [PLANNING_AGENDA]
    + [s.segments for s in SESSIONS if s.day > 0]
    + [UPCOMING_AGENDA]
)
