"""What the demo's Grade 4 team did across two and a half cycles, session by session.

Days count from the “Cycle 3 planning” meeting that app.demo.meetings seeds. Jordan Lee
(the teacher leader) takes over facilitation from Dr. Ana Ruiz (the mentor) segment by
segment; the moves logged in each session follow the curve of Ebby et al. (2023).
People are keys of the demo's people: mentor, leader, teacher1 (Priya Natarajan, Room 14),
teacher2 (Marcus Bell) and teacher3 (Sofia Alvarez). Students appear by initials only.
"""

from dataclasses import dataclass
from datetime import time

from app.leadership.models import MoveBy, MoveType
from app.meetings.models import ContributionKind, ReleaseLevel, SegmentKind

K, R, C = SegmentKind, ReleaseLevel, ContributionKind
S, E, CU, CO = MoveType.structuring, MoveType.eliciting, MoveType.cultivating, MoveType.connecting
MENTOR, LEADER, PARTICIPANT = MoveBy.mentor, MoveBy.leader, MoveBy.participant

MAPLE = "Maple Street Elementary, Room 12"
RIVERBEND = "Riverbend Elementary, Library"
VIDEO = "https://meet.example.org/grade4-math"


@dataclass(frozen=True)
class Record:
    """What was logged around a session: moves, nudges and the mentoring loop.

    moves: for mentor, leader and participant, how many (structuring, eliciting,
    cultivating, connecting) moves were logged. notes: (segment, by, type, note) — a few
    of those moves carry the observer's words. nudges: (segment, body, dismissed).
    loop: (leader's goals, planning notes, leader's reflection, mentor's reflection,
    goals for next time), or None when the leader facilitated nothing.
    """

    moves: dict[MoveBy, tuple[int, int, int, int]]
    notes: tuple[tuple[int, MoveBy, MoveType, str], ...] = ()
    nudges: tuple[tuple[int, str, bool], ...] = ()
    loop: tuple[str, str, str, str, str] | None = None


@dataclass(frozen=True)
class Session:
    day: int
    title: str
    goal: str
    location: str
    # title, kind, planned minutes, actual seconds, facilitator, release level
    segments: tuple[tuple[str, SegmentKind, int, int, str, ReleaseLevel], ...]
    # segment, kind, author, body, owner, due in days, done
    contributions: tuple[tuple[int, ContributionKind, str, str, str | None, int | None, bool], ...]
    record: Record
    created_by: str = "mentor"
    absent: tuple[str, ...] = ()
    video_url: str = ""
    starts: time = time(15, 30)
    duration: int = 60


def note(segment: int, kind: ContributionKind, author: str, body: str):
    return (segment, kind, author, body, None, None, False)


def action(segment: int, author: str, body: str, owner: str, due: int, done: bool = True):
    return (segment, C.action, author, body, owner, due, done)


SESSIONS = [
    Session(
        day=-70,
        title="Cycle 1 planning: do the math and select a multiplication task",
        goal="Solve three candidate multiplication tasks as learners, rate their cognitive "
        "demand, and choose our first shared task of the year.",
        location=MAPLE,
        segments=(
            ("Check-in: why we meet and our norms", K.check_in, 10, 700, "mentor", R.mentor_leads),
            ("Number talk: 18 × 25", K.do_the_math, 10, 560, "mentor", R.mentor_leads),
            (
                "Do the candidate tasks as learners",
                K.do_the_math,
                15,
                1020,
                "mentor",
                R.mentor_leads,
            ),
            (
                "Rate the tasks and select the shared task",
                K.select_task,
                15,
                960,
                "mentor",
                R.mentor_leads,
            ),
            ("Next steps", K.next_steps, 10, 540, "mentor", R.mentor_leads),
        ),
        contributions=(
            note(
                0,
                C.decision,
                "mentor",
                "Our norms: assume good intentions; share a strategy before judging it; "
                "talk about students by initials only; start and end on time.",
            ),
            note(
                0,
                C.note,
                "teacher3",
                "First year on a cross-school team. I want to see how other rooms launch a "
                "problem without telling students how to solve it.",
            ),
            note(
                1,
                C.note,
                "leader",
                "On the board: 20 × 25 − 50; halving and doubling to 9 × 50; 18 quarters "
                "is $4.50, so 450; partial products 10 × 25 + 8 × 25.",
            ),
            note(
                2,
                C.note,
                "teacher2",
                "Auditorium Seats took me three tries. I rounded 24 × 16 to 25 × 16 = 400 "
                "and then had to work out what to take back.",
            ),
            note(
                2,
                C.question,
                "teacher1",
                "If the worksheet only asks for answers, where would a student show "
                "whether they understand place value?",
            ),
            note(
                3,
                C.decision,
                "mentor",
                "Shared task for cycle 1: Auditorium Seats (24 rows of 16 seats; is the "
                "principal right that there are more than 350?). Four of us rated it doing "
                "mathematics: it asks for two strategies and a justification.",
            ),
            note(
                3,
                C.note,
                "teacher1",
                "The two-digit worksheet is procedures without connections. Keep it for "
                "practice after the task, not instead of it.",
            ),
            note(4, C.decision, "mentor", "Next time: anticipate how our students will solve it."),
            action(4, "mentor", "Send the three candidate tasks and our ratings", "mentor", 2),
            action(
                4,
                "leader",
                "Try Auditorium Seats with two students at lunch and bring back their work",
                "leader",
                14,
            ),
        ),
        record=Record(
            moves={
                MENTOR: (12, 9, 7, 6),
                LEADER: (0, 1, 0, 0),
                PARTICIPANT: (0, 2, 0, 1),
            },
            notes=(
                (0, MENTOR, CU, "Asked each person for one hope and one worry about the year"),
                (1, MENTOR, E, "“Who solved it a different way? Don’t change yours — add it.”"),
                (2, PARTICIPANT, E, "Priya asked Marcus how he knew rounding to 25 would help"),
                (2, MENTOR, CO, "Linked partial products to the area models from grade 3"),
                (3, MENTOR, S, "Put the rating criteria up before anyone argued for a task"),
            ),
            loop=(
                "Watch how Ana facilitates the whole session, and note the moves she makes to "
                "keep us on the goal and to bring everyone into the talk.",
                "Coffee before school. Ana walked me through her agenda and why norms come "
                "first with a new group. She asked me to sit with the teachers, do the math as "
                "a learner, and jot down each time she moved us on or drew someone in.",
                "I counted eleven times Ana moved us on without anyone feeling cut off: she "
                "names the time and the reason. She never answered a question about the tasks "
                "herself; she turned it back to the group. Much of her work happens before "
                "the meeting.",
                "Jordan’s notes on my moves were precise, and Jordan caught the turning-back of "
                "questions, which most new facilitators miss. Jordan also did the math openly "
                "with colleagues, which builds the trust we will need later. Ready to open the "
                "next session.",
                "Open the next meeting on my own: the welcome, our norms, and a question that "
                "gets us talking about students.",
            ),
        ),
    ),
    Session(
        day=-60,
        title="Cycle 1: anticipate student strategies for Auditorium Seats",
        goal="Anticipate how our students will solve Auditorium Seats, write assessing and "
        "advancing questions, and build one monitoring chart for all four classrooms.",
        location=RIVERBEND,
        segments=(
            ("Check-in and norms", K.check_in, 5, 385, "leader", R.leader_supported),
            (
                "Do Auditorium Seats as many ways as we can",
                K.do_the_math,
                15,
                990,
                "mentor",
                R.mentor_leads,
            ),
            (
                "Anticipate strategies and errors",
                K.anticipate,
                20,
                1330,
                "mentor",
                R.mentor_leads,
            ),
            (
                "Assessing and advancing questions",
                K.anticipate,
                10,
                640,
                "mentor",
                R.mentor_leads,
            ),
            ("Next steps: who teaches when", K.next_steps, 10, 520, "mentor", R.mentor_leads),
        ),
        contributions=(
            note(
                0,
                C.note,
                "leader",
                "The two students I tried the task with at lunch both drew 24 rows of dots "
                "and lost count somewhere past 200.",
            ),
            note(
                1,
                C.note,
                "teacher3",
                "Our ways: 24 × 10 + 24 × 6; doubling 24 × 8; an area model split 20 + 4 "
                "by 10 + 6; 25 × 16 = 400, take away 16.",
            ),
            note(
                2,
                C.note,
                "mentor",
                "Anticipated: skip-counting by 16 on a number line; repeated addition in a "
                "table; partial products with an area model; rounding to 25 × 16; and the "
                "error 20 × 10 + 4 × 6 = 224, which drops two partial products.",
            ),
            note(
                2,
                C.question,
                "teacher2",
                "A student who rounds to 400 can answer “yes, more than 350” without the "
                "exact product. Do we accept that?",
            ),
            note(
                3,
                C.note,
                "teacher1",
                "Assessing: “Which part of your rectangle is 4 × 6?” Advancing: “Your "
                "products cover some of the seats. Which seats haven’t you counted yet?”",
            ),
            note(
                3,
                C.decision,
                "mentor",
                "One monitoring chart for all of us: five anticipated strategies and a "
                "column for what we did not anticipate.",
            ),
            note(
                4,
                C.decision,
                "leader",
                "Everyone teaches Auditorium Seats within two weeks and brings three work "
                "samples: an early strategy, partial products and a surprise.",
            ),
            action(4, "mentor", "Type up the monitoring chart and share it", "mentor", 2),
            action(
                4,
                "teacher2",
                "Check whether Marcus and Sofia can teach it on the same day",
                "teacher2",
                4,
            ),
        ),
        record=Record(
            moves={
                MENTOR: (11, 8, 6, 6),
                LEADER: (1, 2, 1, 0),
                PARTICIPANT: (0, 3, 1, 1),
            },
            notes=(
                (0, LEADER, CU, "Jordan reread the norms and invited Sofia to go first"),
                (2, MENTOR, E, "“What will a student who doesn’t know where to start do?”"),
                (3, PARTICIPANT, E, "Marcus asked Priya which advancing question she would use"),
                (3, MENTOR, CO, "Tied the 224 error to how students record partial products"),
            ),
            nudges=((0, "Take a breath. You have time — let them answer.", True),),
            loop=(
                "Open the meeting on my own: welcome everyone, revisit our norms and get us "
                "into the math within five minutes.",
                "Phone call on Tuesday. Ana runs the math and the anticipating; I open. We "
                "talked about a check-in doing more than saying hello: I will ask each person "
                "for one thing they noticed this week when students multiplied.",
                "I was nervous and talked faster than I meant to. The question about what "
                "students did worked — Marcus told the story of a student counting dots — "
                "but I never looked at the clock and we started the math late.",
                "Jordan’s opening question set a tone about students that carried into the "
                "anticipating. Worth noticing: when Sofia hesitated, Jordan waited instead of "
                "filling the silence. Next, Jordan should take a piece of the mathematical "
                "work, not only the welcome.",
                "Co-facilitate the sharing of student work at the debrief with Ana. Watch "
                "the time and say out loud when we move on.",
            ),
        ),
    ),
    Session(
        day=-51,
        title="Cycle 1 debrief: Auditorium Seats across our classrooms",
        goal="Compare what happened in each classroom with our monitoring chart and agree "
        "on what we want to do differently in cycle 2.",
        location=MAPLE,
        segments=(
            ("Check-in and what we left open", K.check_in, 5, 300, "leader", R.leader_supported),
            (
                "Share student work from each classroom",
                K.debrief,
                20,
                1500,
                "leader",
                R.co_facilitate,
            ),
            ("Compare with what we anticipated", K.debrief, 15, 760, "mentor", R.mentor_leads),
            ("What we learned as teachers", K.debrief, 10, 610, "mentor", R.mentor_leads),
            ("Next steps for cycle 2", K.next_steps, 10, 580, "mentor", R.mentor_leads),
        ),
        contributions=(
            note(
                1,
                C.note,
                "teacher1",
                "Room 14: 9 of 22 used partial products. J.M. split 24 × 16 into 20 × 16 "
                "and 4 × 16 without drawing anything.",
            ),
            note(
                1,
                C.note,
                "teacher2",
                "Most of my class used repeated addition. A.T. built a table of 16s and "
                "checked it by doubling.",
            ),
            note(
                1,
                C.note,
                "teacher3",
                "Several students rounded to 25 × 16 = 400 and stopped — exactly what "
                "Marcus predicted.",
            ),
            note(
                2,
                C.note,
                "mentor",
                "Nobody anticipated K.R.’s strategy in Room 12: split 16 into 8 + 8, "
                "24 × 8 = 192, then double.",
            ),
            note(
                2,
                C.question,
                "leader",
                "Our chart has no column for students who get the product but cannot say "
                "why it answers the question. Should we add one?",
            ),
            note(
                3,
                C.note,
                "teacher2",
                "I showed partial products too early. Next time I ask the advancing "
                "question and walk away.",
            ),
            note(
                3,
                C.decision,
                "mentor",
                "When we share in class: repeated addition, then doubling, then partial "
                "products, so the connections are visible.",
            ),
            note(
                4,
                C.decision,
                "leader",
                "Cycle 2 is about equivalent fractions (4.NF.1). Everyone brings one "
                "candidate task.",
            ),
            action(4, "leader", "Put the de-identified work samples in one folder", "leader", 5),
            action(
                4, "teacher3", "Find a number-line task on equivalent fractions", "teacher3", 12
            ),
        ),
        record=Record(
            moves={
                MENTOR: (9, 7, 5, 6),
                LEADER: (3, 3, 1, 1),
                PARTICIPANT: (0, 3, 1, 2),
            },
            notes=(
                (0, LEADER, S, "Jordan named the two open items and who owned them"),
                (1, LEADER, E, "Asked each teacher to start with a sample that surprised them"),
                (2, MENTOR, S, "Ana compressed the comparison to stay on time"),
                (3, MENTOR, CU, "Ana shared a lesson of her own that went wrong"),
                (3, PARTICIPANT, CO, "Marcus linked K.R.’s doubling to the 18 × 25 number talk"),
            ),
            nudges=(
                (1, "Four minutes left for sharing, and Sofia hasn’t shown hers yet.", True),
                (4, "Before we close: ask who owns each next step.", False),
            ),
            loop=(
                "Co-facilitate the sharing of student work with Ana. Keep time out loud. Ask "
                "each teacher to start with a sample that surprised them.",
                "After school at Maple Street. Ana suggested we split it: I run the sharing, "
                "she runs the comparison with the monitoring chart. We rehearsed how to move "
                "on politely when a story runs long: “Let’s hold that for the comparison.”",
                "Starting with a surprising sample worked — K.R.’s doubling got everyone "
                "talking. I let Priya and Marcus go long, though, and Ana had to squeeze the "
                "comparison. I used “let’s hold that” once and it felt fine.",
                "The sharing stayed on student thinking and was warm. Jordan still hesitates "
                "to interrupt a colleague; that is the structuring move to practise. A good "
                "question about the missing column on our chart: Jordan is reading the "
                "evidence as a teacher, not only as a host.",
                "Lead the “do the math” segment of cycle 2 with Ana’s support. Plan the "
                "timing of each part and name the time at every transition.",
            ),
        ),
    ),
    Session(
        day=-42,
        title="Cycle 2 planning: select an equivalent-fractions task",
        goal="Work the candidate equivalent-fraction tasks as learners, rate their cognitive "
        "demand and choose the shared task for cycle 2.",
        location=RIVERBEND,
        video_url=VIDEO,
        segments=(
            ("Check-in and norms", K.check_in, 5, 290, "leader", R.leader_supported),
            (
                "Do the candidate tasks as learners",
                K.do_the_math,
                15,
                950,
                "leader",
                R.leader_supported,
            ),
            (
                "Rate the tasks for cognitive demand",
                K.select_task,
                20,
                1280,
                "mentor",
                R.mentor_leads,
            ),
            ("Select the shared task", K.select_task, 10, 660, "mentor", R.co_facilitate),
            ("Next steps", K.next_steps, 10, 540, "mentor", R.mentor_leads),
        ),
        contributions=(
            note(
                0,
                C.note,
                "leader",
                "Open from last time: the work samples are in the shared folder, and "
                "Sofia found a number-line task (“Garden Plots”).",
            ),
            note(
                1,
                C.note,
                "teacher3",
                "Garden Plots: I drew two same-size rectangles, cut one into thirds and one "
                "into twelfths, and shaded until they matched — 8/12.",
            ),
            note(
                1,
                C.note,
                "teacher1",
                "On a number line 2/3 and 8/12 land on the same point: each third is cut "
                "into four twelfths.",
            ),
            note(
                1,
                C.question,
                "teacher2",
                "Is “multiply the top and the bottom by 4” enough if a student cannot say "
                "why the amount stays the same?",
            ),
            note(
                2,
                C.note,
                "mentor",
                "Ratings — Garden Plots: doing mathematics (4), procedures with connections "
                "(1). Fraction Wall: procedures with connections. Equivalent Fractions "
                "worksheet: procedures without connections.",
            ),
            note(
                3,
                C.decision,
                "leader",
                "Shared task for cycle 2: Garden Plots. It needs a model and a "
                "justification, and students at both schools can start with a drawing.",
            ),
            action(4, "teacher1", "Make fraction strips for both schools", "teacher1", 7),
            action(
                4, "leader", "Draft the launch for Garden Plots and send it to Ana", "leader", 5
            ),
        ),
        record=Record(
            moves={
                MENTOR: (8, 6, 4, 5),
                LEADER: (4, 5, 2, 1),
                PARTICIPANT: (1, 5, 1, 2),
            },
            notes=(
                (1, LEADER, S, "Gave three minutes of private think time before any talk"),
                (1, LEADER, E, "Called on Sofia, then Priya, in the order Jordan had planned"),
                (2, PARTICIPANT, E, "Marcus: “What would a student have to explain in each?”"),
                (2, MENTOR, CU, "Ana named the disagreement about the worksheet as useful"),
                (3, MENTOR, CO, "Connected the ratings to what students will be asked to say"),
            ),
            nudges=((2, "You can name the disagreement — it’s a good one.", True),),
            loop=(
                "Lead the do-the-math segment: launch Garden Plots, give private think time, "
                "and call on people in an order I planned while watching them work.",
                "Ana and I solved all three tasks ourselves first. I chose to show Sofia’s "
                "area model before Priya’s number line so the group sees the same eight "
                "twelfths two ways. Ana takes the ratings; we run the final choice together. "
                "I wrote the minutes for each part on my agenda.",
                "The private think time was the best three minutes of the meeting — "
                "everyone had something to share. The order I planned worked. I froze when "
                "Marcus and Priya disagreed about the worksheet, and Ana stepped in.",
                "Jordan monitored the adults’ work exactly the way we ask teachers to "
                "monitor students: walking, noticing, choosing. The disagreement about the "
                "worksheet was productive; next time Jordan can name it (“We disagree — "
                "good. What does each task ask students to do?”) instead of waiting for me.",
                "Run the anticipating for Garden Plots with support. Press for "
                "justification when someone says “students will just know”.",
            ),
        ),
        created_by="leader",
    ),
    Session(
        day=-32,
        title="Cycle 2: anticipate student responses to Garden Plots",
        absent=("teacher1",),
        goal="Anticipate strategies, errors and misconceptions for Garden Plots, with an "
        "assessing and an advancing question for each, and agree how we will sequence sharing.",
        location=MAPLE,
        segments=(
            ("Check-in and norms", K.check_in, 5, 300, "leader", R.leader_alone),
            (
                "Do the math: Garden Plots on a number line",
                K.do_the_math,
                10,
                610,
                "leader",
                R.leader_supported,
            ),
            (
                "Anticipate strategies, errors and misconceptions",
                K.anticipate,
                15,
                960,
                "leader",
                R.co_facilitate,
            ),
            (
                "Assessing and advancing questions",
                K.anticipate,
                20,
                1180,
                "mentor",
                R.mentor_leads,
            ),
            (
                "Next steps and the monitoring chart",
                K.next_steps,
                10,
                540,
                "leader",
                R.leader_supported,
            ),
        ),
        contributions=(
            note(
                0,
                C.note,
                "leader",
                "Open from last time: fraction strips are cut and in both schools’ math "
                "bins. Thank you, Priya.",
            ),
            note(
                2,
                C.note,
                "mentor",
                "Anticipated strategies: area model, fraction strips, number line, “times "
                "4 over 4”, and counting the twelfths in each third.",
            ),
            note(
                2,
                C.note,
                "teacher2",
                "Anticipated error: adding the same number to top and bottom, so 2/3 "
                "becomes 12/13. Assessing: “Is 12/13 closer to a whole than 2/3 is?”",
            ),
            note(
                2,
                C.note,
                "teacher3",
                "Some students will shade 2 of the 12 parts because the numerator is 2.",
            ),
            note(
                3,
                C.question,
                "teacher2",
                "Advancing question for students who only multiply: “Show me on the strip "
                "why four twelfths fit in one third.”",
            ),
            note(
                3,
                C.decision,
                "mentor",
                "Sequence for sharing: area model, strips, number line, and the "
                "multiplication rule last, connected to the drawings.",
            ),
            action(
                4, "leader", "Add today’s errors and questions to the monitoring chart", "leader", 2
            ),
            action(
                4,
                "teacher3",
                "Ask the Riverbend principal for coverage so Marcus can watch Sofia teach",
                "teacher3",
                7,
            ),
        ),
        record=Record(
            moves={
                MENTOR: (6, 5, 3, 5),
                LEADER: (6, 6, 3, 2),
                PARTICIPANT: (1, 6, 2, 2),
            },
            notes=(
                (0, LEADER, S, "Put a visible timer on the projector for each segment"),
                (2, LEADER, E, "“What would we see in their work if they just knew?”"),
                (2, PARTICIPANT, E, "Marcus proposed the 12/13 error after Jordan’s press"),
                (3, MENTOR, CO, "Ana linked the 2-of-12 error to what a numerator counts"),
                (4, LEADER, CU, "Jordan thanked Sofia by name for her error from last cycle"),
            ),
            nudges=(
                (2, "Sofia has an idea — it’s on her sticky note.", True),
                (3, "Two minutes.", True),
            ),
            loop=(
                "Lead most of the anticipating. When someone says “they’ll just know”, ask "
                "“What would we see in their work if they knew?” End on time.",
                "Ana asked what I hoped the group would leave with. I said: a chart that "
                "treats errors as student thinking to plan for, not mistakes to prevent. "
                "We agreed she takes the assessing and advancing questions and we co-run "
                "the anticipating. I will keep a visible timer on the projector.",
                "I pressed for justification twice, and the second time Marcus came up with "
                "the 12/13 error himself — it is on the chart now. The timer helped. Sofia "
                "still did not speak until the end; I want to fix that.",
                "Jordan now does the structuring alone: states the goal, marks transitions, "
                "closes on time. The press for evidence lifted the anticipating. For Sofia, "
                "try a turn-and-talk before whole-group sharing: cultivating moves are the "
                "next frontier.",
                "Lead the sharing and the comparison at the cycle 2 debrief with Ana as "
                "support. Use a turn-and-talk so every voice is in the room before "
                "whole-group sharing.",
            ),
        ),
        created_by="leader",
    ),
    Session(
        day=-23,
        title="Cycle 2 debrief: Garden Plots across our classrooms",
        goal="Look at Garden Plots work from all four classrooms side by side, compare it with "
        "what we anticipated, and decide what cycle 3 should work on.",
        location=RIVERBEND,
        video_url=VIDEO,
        segments=(
            (
                "Check-in: a turn-and-talk about one student",
                K.check_in,
                5,
                330,
                "leader",
                R.leader_alone,
            ),
            (
                "Share student work from each classroom",
                K.debrief,
                20,
                1250,
                "leader",
                R.leader_supported,
            ),
            ("Compare with what we anticipated", K.debrief, 15, 960, "leader", R.co_facilitate),
            ("Responses nobody anticipated", K.debrief, 10, 700, "mentor", R.mentor_leads),
            ("Next steps for cycle 3", K.next_steps, 10, 600, "leader", R.co_facilitate),
        ),
        contributions=(
            note(
                1,
                C.note,
                "teacher3",
                "T.W. and L.M. shaded 2 of the 12 parts, the error we anticipated. Both "
                "fixed it after “Is that the same amount of garden?”",
            ),
            note(
                1,
                C.note,
                "teacher1",
                "Room 14: 15 of 23 reached 8/12, most with strips. D.S.: “The pieces got "
                "smaller, so you need more of them.”",
            ),
            note(
                1,
                C.note,
                "leader",
                "Room 12: only 4 students used the number line; everyone else drew rectangles.",
            ),
            note(
                2,
                C.note,
                "mentor",
                "The 12/13 error appeared in one classroom only; adding the same number was "
                "rarer than we predicted.",
            ),
            note(
                3,
                C.note,
                "teacher2",
                "Not anticipated: R.J. used a clock. 2/3 of an hour is 40 minutes, and 40 "
                "minutes is eight five-minute parts of twelve.",
            ),
            note(
                3,
                C.question,
                "teacher3",
                "How do we connect the clock idea without making it the “right” method?",
            ),
            note(
                4,
                C.decision,
                "leader",
                "Cycle 3 is about comparing fractions (4.NF.2). Next time we start by "
                "doing the math ourselves.",
            ),
            note(
                4,
                C.note,
                "leader",
                "We keep the sharing sequence, with the rule last, and use more number "
                "lines in our own launches.",
            ),
            action(
                4,
                "teacher2",
                "Share R.J.’s clock work (de-identified) with the team",
                "teacher2",
                3,
            ),
            action(
                4, "leader", "Look for comparing-fractions tasks with several ways in", "leader", 10
            ),
        ),
        record=Record(
            moves={
                MENTOR: (4, 4, 3, 4),
                LEADER: (8, 7, 4, 2),
                PARTICIPANT: (1, 7, 2, 3),
            },
            notes=(
                (0, LEADER, CU, "Turn-and-talk in pairs before anyone spoke to the whole group"),
                (1, LEADER, E, "After each classroom: “What does this tell us about the launch?”"),
                (1, PARTICIPANT, E, "Sofia asked Priya how D.S. explained “smaller pieces”"),
                (3, MENTOR, CO, "Ana connected R.J.’s clock to unit fractions of an hour"),
                (4, LEADER, S, "Jordan kept next steps to ten minutes and read them back"),
            ),
            nudges=((1, "Ask what this tells us about the launch.", True),),
            loop=(
                "Open with a turn-and-talk so every voice is in. Lead the sharing and the "
                "comparison; hand the unanticipated responses to Ana and watch how she "
                "connects them.",
                "Video call the week before. Each teacher brings one sample that went as "
                "anticipated and one that didn’t. Ana reminded me that a debrief is not a "
                "show-and-tell: the question is what the work tells us about our teaching. "
                "I will ask “What does this tell us about the launch?” after each classroom.",
                "The turn-and-talk worked: Sofia brought the first sample. I kept us on the "
                "chart and asked about the launch each time. When the clock strategy came up "
                "I felt the pull to run with it, so I handed it to Ana as we planned.",
                "A strong session: the group talked about students, not about lessons, and "
                "“What does this tell us?” became routine. I took the clock strategy and "
                "connected it to unit fractions; Jordan can take those connecting moves "
                "next — “Where have we seen this idea before?”",
                "Plan and lead the doing-the-math session for cycle 3 almost alone. Try a "
                "connecting question when a strategy links to an earlier cycle.",
            ),
        ),
        created_by="leader",
    ),
    Session(
        day=-12,
        title="Doing the math: comparing fractions as learners",
        absent=("teacher2",),
        goal="Compare fractions ourselves, share our strategies, look at what the unit "
        "pre-assessment says about our students, and gather candidate tasks for cycle 3.",
        location=MAPLE,
        segments=(
            ("Check-in and norms", K.check_in, 5, 280, "leader", R.leader_alone),
            (
                "Number talk: which is greater, 5/8 or 3/4?",
                K.do_the_math,
                10,
                690,
                "leader",
                R.leader_supported,
            ),
            (
                "Do the candidate tasks as learners",
                K.do_the_math,
                20,
                1300,
                "leader",
                R.co_facilitate,
            ),
            (
                "What the pre-assessment tells us",
                K.other,
                15,
                1140,
                "mentor",
                R.co_facilitate,
            ),
            (
                "Next steps: candidate tasks for cycle 3",
                K.next_steps,
                10,
                450,
                "leader",
                R.leader_supported,
            ),
        ),
        contributions=(
            note(
                1,
                C.note,
                "teacher1",
                "3/4 = 6/8, so 3/4 is greater. Or: 5/8 is 3/8 away from 1 and 3/4 is only "
                "2/8 away.",
            ),
            note(
                1,
                C.note,
                "teacher3",
                "I compared both with 1/2 first: 5/8 is 1/8 above it, 3/4 is 2/8 above.",
            ),
            note(
                2,
                C.note,
                "teacher3",
                "Fraction Pairs felt like doing mathematics: no single method, and you have "
                "to argue for your answer.",
            ),
            note(
                2,
                C.question,
                "leader",
                "What does “closer to 1” mean to a fourth grader who has only seen "
                "fractions as slices of a pizza?",
            ),
            note(
                3,
                C.note,
                "mentor",
                "Pre-assessment: 61% compared fractions with like denominators correctly, "
                "28% with unlike denominators. Most errors: “bigger denominator, bigger "
                "fraction”.",
            ),
            note(
                3,
                C.decision,
                "leader",
                "Cycle 3 goal: students justify a comparison with benchmarks or a model, "
                "not only with common denominators.",
            ),
            action(
                4,
                "teacher3",
                "Bring “Pizza Party” and one more candidate task to the selection",
                "teacher3",
                14,
            ),
            action(4, "leader", "Send the pre-assessment summary to the team", "leader", 3),
            action(
                4,
                "teacher1",
                "Try the 5/8 or 3/4 number talk in Room 14 and report",
                "teacher1",
                10,
            ),
        ),
        record=Record(
            moves={
                MENTOR: (3, 3, 2, 4),
                LEADER: (9, 8, 5, 3),
                PARTICIPANT: (1, 8, 3, 3),
            },
            notes=(
                (1, LEADER, E, "“Can you decide without finding a common denominator?”"),
                (1, LEADER, CU, "Wait time: Jordan counted to ten before taking a second idea"),
                (2, LEADER, CO, "“Where have we seen equivalent fractions help us before?”"),
                (2, PARTICIPANT, CO, "Priya linked distance to 1 back to Garden Plots"),
                (3, MENTOR, S, "Ana let the data discussion run four minutes over"),
            ),
            nudges=(
                (3, "We’re four minutes over. What can we cut?", True),
                (2, "Nice press on “how do you know”.", False),
            ),
            loop=(
                "Plan and lead the doing-the-math session. Run the number talk myself, and "
                "try a connecting question when a strategy links to cycle 2.",
                "Ana mostly listened while I walked through my plan. She asked why I chose "
                "5/8 and 3/4 (both above 1/2, so the half benchmark isn’t enough) and what I "
                "would do if everyone found a common denominator. I added a second prompt: "
                "“Can you decide without a common denominator?”",
                "The second prompt did what Ana predicted: out came benchmarks and distance "
                "to 1. I asked where we had seen equivalent fractions help us before, and "
                "Priya linked it to Garden Plots. The pre-assessment took longer than "
                "planned; I should have cut it.",
                "Jordan ran the number talk with real skill: wait time, revoicing, asking for "
                "a second strategy. The connecting question was the first I have seen Jordan "
                "make unprompted. The overrun on the data was as much mine as Jordan’s — we "
                "co-ran it and I let it run.",
                "Facilitate the cycle 3 selection with Ana holding the ratings, and run the "
                "anticipating with her. Keep the agenda visible and cut to fit when we run "
                "over.",
            ),
        ),
        created_by="leader",
    ),
    Session(
        day=8,
        title="Cycle 3 early look: first Fraction Pairs lessons at Maple Street",
        goal="Look at work from the first two Fraction Pairs lessons, compare it with our "
        "anticipation list and sharpen the monitoring chart before Riverbend teaches it.",
        location="Maple Street Elementary, Room 14",
        video_url=VIDEO,
        duration=45,
        segments=(
            ("Check-in and what we left open", K.check_in, 5, 280, "leader", R.leader_alone),
            (
                "Share work from the first two classrooms",
                K.debrief,
                15,
                880,
                "leader",
                R.leader_alone,
            ),
            ("Compare with our anticipation list", K.debrief, 10, 610, "leader", R.leader_alone),
            (
                "Do the math: the extension pair 7/10 and 2/3",
                K.do_the_math,
                10,
                590,
                "mentor",
                R.co_facilitate,
            ),
            (
                "Next steps before Riverbend teaches",
                K.next_steps,
                5,
                300,
                "leader",
                R.leader_alone,
            ),
        ),
        contributions=(
            note(
                0,
                C.note,
                "leader",
                "Priya and I have both taught Fraction Pairs; Marcus and Sofia teach it next.",
            ),
            note(
                1,
                C.note,
                "leader",
                "Room 12: 11 of 24 used benchmarks to 1/2. S.K.: “3/8 is missing one eighth "
                "to be a half, 2/5 is missing half a fifth,” then got stuck.",
            ),
            note(
                1,
                C.note,
                "teacher1",
                "Room 14: “bigger denominator, bigger fraction” showed up in 6 papers, fewer "
                "than the pre-assessment suggested.",
            ),
            note(
                2,
                C.note,
                "teacher2",
                "Nobody anticipated S.K.’s missing-piece strategy. It is close to what we did "
                "with distance to 1.",
            ),
            note(
                2,
                C.question,
                "teacher3",
                "How do we help S.K. compare 1/8 and 1/10 without a common denominator?",
            ),
            note(
                3,
                C.note,
                "mentor",
                "7/10 against 2/3: the missing pieces are 3/10 and 1/3 — the same "
                "reasoning as S.K.’s, which is why it makes a good extension.",
            ),
            note(
                4,
                C.decision,
                "leader",
                "Add “missing piece” to the monitoring chart, with the advancing question "
                "“Which missing piece is smaller, and how do you know?”",
            ),
            action(
                4, "leader", "Send the revised monitoring chart to Marcus and Sofia", "leader", 1
            ),
            action(
                4,
                "teacher2",
                "Bring three de-identified Fraction Pairs samples to the debrief",
                "teacher2",
                9,
                done=False,
            ),
            action(
                4,
                "teacher3",
                "Photograph the anchor chart from the Riverbend discussion",
                "teacher3",
                9,
                done=False,
            ),
        ),
        record=Record(
            moves={
                MENTOR: (1, 2, 1, 3),
                LEADER: (12, 10, 7, 4),
                PARTICIPANT: (2, 10, 3, 4),
            },
            notes=(
                (0, LEADER, S, "Jordan stated the goal and the 45-minute plan in one breath"),
                (1, LEADER, E, "“What does S.K. know?” before “What would you ask next?”"),
                (1, LEADER, CU, "Jordan asked Marcus and Sofia to react first, as visitors"),
                (2, PARTICIPANT, E, "Marcus asked Priya what her students said about 1/8"),
                (2, LEADER, CO, "Jordan tied S.K.’s strategy to our distance-to-1 work"),
                (3, MENTOR, CO, "Ana showed 3/10 and 1/3 on one number line"),
            ),
            nudges=((3, "Priya’s question about the extension is a connecting moment.", True),),
            loop=(
                "Run the whole session myself. Open with the “bigger denominator” sample, "
                "sequence the work before the meeting, and end on time in 45 minutes.",
                "Fifteen minutes on the phone. I brought my sequence: the error first, then "
                "benchmarks, then S.K.’s missing piece. Ana asked one question: what will I "
                "do if the group wants to fix S.K.’s thinking instead of understanding it? I "
                "will ask “What does S.K. know?” before “What would you ask next?”",
                "It felt like my meeting. “What does S.K. know?” changed the conversation — "
                "Marcus found the link to distance to 1 himself. We ended right on time. "
                "I leaned on Ana for the extension; next time I will work it out fully "
                "beforehand so I can lead it.",
                "I logged almost no structuring moves of my own. Jordan sequenced the work, "
                "named the transitions, protected the quiet voices and connected S.K.’s "
                "strategy to our anticipation list. The group now elicits from each other "
                "without prompting. Next: Jordan plans the debrief with me as an observer "
                "only and takes over task selection in cycle 4.",
                "Lead the full cycle 3 debrief with Marcus and Sofia presenting first. Try a "
                "rating protocol so I can run the cycle 4 task selection myself.",
            ),
        ),
        created_by="leader",
    ),
]

# The “Cycle 3 planning” meeting that app.demo.meetings seeds (day 0): what was logged.
PLANNING_TITLE = "Cycle 3 planning: select the shared task"
PLANNING_RECORD = Record(
    moves={
        MENTOR: (5, 4, 2, 4),
        LEADER: (9, 8, 5, 3),
        PARTICIPANT: (1, 8, 2, 3),
    },
    notes=(
        (1, LEADER, E, "“Convince us without a common denominator.”"),
        (2, MENTOR, S, "Ana had everyone rate each task before anyone argued for one"),
        (2, MENTOR, CO, "Ana tied “Pizza Party” to the task analysis guide’s lower demand"),
        (3, PARTICIPANT, E, "Priya: “How far is each fraction from one half?”"),
        (3, LEADER, S, "Jordan cut the last round of questions, as planned"),
    ),
    nudges=((3, "Cut the last round — you planned for that.", True),),
    loop=(
        "Facilitate the cycle 3 selection with Ana holding the ratings, and run the "
        "anticipating with her. Keep the agenda on the projector and cut to fit when we run "
        "over.",
        "Ana leads the selection: we disagreed about Pizza Party last time and she wants to "
        "model weighing tasks against the task analysis guide. I lead the math and the next "
        "steps and co-run anticipating. If anticipating runs long I cut the last round of "
        "questions, not the next steps.",
        "Watching Ana run the selection, I noticed she had everyone rate before anyone "
        "argued, so nobody got steamrolled. Anticipating ran over; I cut a round as planned "
        "and we still ended six minutes late because the candidate tasks took four minutes "
        "longer than planned. Priya’s "
        "assessing question about the distance from 1/2 is the best one on our chart.",
        "The team now expects Jordan to open and close; they look to Jordan, not to me, when "
        "it is time to move on. Jordan’s prompts drew out errors as well as strategies. "
        "Selection is the piece I still hold, and I think Jordan is ready for it in cycle 4 "
        "with a rating protocol.",
        "Run an early look at the first Fraction Pairs lessons on my own while Ana observes "
        "and logs moves. Sequence the work samples before the meeting and open with one that "
        "shows the “bigger denominator” error.",
    ),
)

# The upcoming debrief (app.demo.meetings): planned together, not yet enacted.
UPCOMING_TITLE = "Cycle 3 debrief: Fraction Pairs across our classrooms"
UPCOMING_PLAN = (
    "Lead the full cycle 3 debrief, with Marcus and Sofia presenting first. Try a rating "
    "protocol so I can run the cycle 4 task selection myself.",
    "Ana co-runs the comparison only if we get stuck on the missing-piece strategy. I put "
    "the four classrooms side by side on the projector and ask each teacher for one "
    "surprise before we look at the chart. For cycle 4 I will bring three candidate tasks "
    "on multiplying a fraction by a whole number and the rating sheet.",
)

# The pipeline: user, phase, day (from the planning meeting), mentor's note, next step.
PHASES = [
    (
        "leader",
        "experience",
        -400,
        "Joined the cross-school group as a participant. Notices student thinking closely; "
        "quiet in whole-group discussion.",
        "Teach each shared task and bring student work to every debrief.",
    ),
    (
        "leader",
        "teach",
        -290,
        "Taught each shared task with careful monitoring-chart notes, and offered to help "
        "plan the final debrief of the round.",
        "Invite Jordan to learn to lead the Grade 4 team, starting with check-ins.",
    ),
    (
        "leader",
        "lead",
        -140,
        "Agreed to learn to facilitate the Grade 4 team. I model the first sessions, then we "
        "hand over segment by segment: check-ins first, task selection last. We plan "
        "together before every session Jordan facilitates and debrief it after.",
        "Lead the cycle 3 debrief with me only observing; take over task selection in cycle 4.",
    ),
    (
        "teacher1",
        "experience",
        -400,
        "Joined with Jordan from Maple Street. Asks the sharpest assessing questions on the team.",
        "Teach the shared tasks with a monitoring chart.",
    ),
    (
        "teacher1",
        "teach",
        -290,
        "Keeps the most detailed monitoring notes on the team and shares her classroom "
        "openly. Her Room 14 samples anchor most of our debriefs.",
        "Co-facilitate a check-in in cycle 4; talk about learning to lead.",
    ),
    (
        "teacher2",
        "experience",
        -160,
        "New to the group, moving from fifth grade. Strong with number; tends to "
        "show students a method early.",
        "Teach the shared task with the monitoring chart and hold back from showing a method.",
    ),
    (
        "teacher2",
        "teach",
        -40,
        "Taught Garden Plots with the monitoring chart and held back: R.J.’s clock strategy "
        "surfaced because Marcus waited. Now predicts errors well in anticipating.",
        "Observe Sofia teach Fraction Pairs and debrief it together.",
    ),
    (
        "teacher3",
        "experience",
        -160,
        "First year teaching fourth grade and new to the group. A careful planner; quiet in "
        "whole-group talk so far, more open in pairs.",
        "Teach Fraction Pairs with the monitoring chart while Marcus observes.",
    ),
]
