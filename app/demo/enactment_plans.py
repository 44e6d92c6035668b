"""What happened in each classroom, as the teachers recorded it: last year's number-line lesson
in Rooms 12 and 14 (debriefed and done), and Fraction Pairs in the three classrooms that have
taught it so far (Jordan's Room 12, Priya's Room 14, then Sofia's Room 6 with Marcus watching;
Marcus teaches it before the debrief). Students appear by initials or codes only."""

from dataclasses import dataclass, field

from app.demo import lesson_cycle3 as fp
from app.demo import lesson_last_year as nl
from app.demo.plans import VIDEO


@dataclass(frozen=True)
class Row:
    """A monitoring-chart row: an anticipated response's name, or an unanticipated one's."""

    response: str
    count: int
    codes: str = ""
    share: int | None = None


@dataclass(frozen=True)
class Found:
    """A response nobody anticipated."""

    name: str
    description: str


@dataclass(frozen=True)
class Sample:
    drawing: str  # a key of app.demo.work_images.DRAWINGS
    response: str
    caption: str
    in_report: bool = False


@dataclass(frozen=True)
class Taught:
    teacher: str
    class_code: str
    day: int  # days from the cycle's anchor meeting
    students: int
    minutes: int
    levels: tuple[int, int, int, int]  # not yet, approaching, meets, exceeds
    factors: tuple[str, ...]
    worked: str
    surprised: str
    would_change: str
    rows: tuple[Row, ...]
    found: tuple[Found, ...] = ()
    samples: tuple[Sample, ...] = field(default=())
    video_url: str = ""
    video_moments: str = ""


MISSING = "Compares the missing pieces to one half"
TAKEN_AWAY = "Counts the pieces still missing, not their size"
NUMERATORS = "Makes the numerators the same"

# Fraction Pairs; days from the “Cycle 3 planning” meeting. S.K.'s missing-piece strategy is
# promoted into the lesson at the early look (day 8), so Room 6 counts it as anticipated.
EARLY_LOOK = 8
FRACTION_PAIRS = (
    Taught(
        teacher="leader",
        class_code="Room 12",
        day=4,
        students=24,
        minutes=60,
        levels=(4, 7, 10, 3),
        factors=("pressing", "connections", "time_off"),
        worked="Asking “How far is each one from one half?” before anyone reached for a common "
        "denominator: 11 of 24 used one half on their own.",
        surprised="S.K. compared the missing pieces: “3/8 is missing one eighth to be a half, "
        "2/5 is missing half a fifth,” then got stuck on which missing piece is smaller.",
        would_change="Give 5 more minutes to the discussion: we never got to Jamal's claim.",
        rows=(
            Row(fp.BIGGER, 3, "D4 M11 T2", share=1),
            Row(fp.AREA, 4, "A.R. J7"),
            Row(fp.HALF, 11, "K2 L5 P9 R1", share=2),
            Row(fp.COMMON, 5, "B3 N8", share=4),
            Row(MISSING, 1, "S.K.", share=3),
        ),
        found=(
            Found(
                MISSING,
                "Says how much each fraction is missing to be one half (1/8 and half of 1/5) "
                "and tries to compare the missing pieces.",
            ),
        ),
        samples=(
            Sample(
                "missing piece",
                MISSING,
                "S.K.: what each fraction is missing to be a half, then stuck on which missing "
                "piece is smaller",
                in_report=True,
            ),
            Sample("benchmark half", fp.HALF, "K2: both fractions placed against one half"),
        ),
    ),
    Taught(
        teacher="teacher1",
        class_code="Room 14",
        day=6,
        students=23,
        minutes=55,
        levels=(3, 6, 11, 3),
        factors=("scaffolding", "pressing", "enough_time", "focus_on_answers"),
        worked="Testing the bigger-denominator rule on 1/3 and 1/4 with strips: most of the six "
        "who used it changed their minds themselves.",
        surprised="“Bigger denominator, bigger fraction” showed up in 6 papers, fewer than the "
        "pre-assessment suggested. Two students counted the missing pieces without looking at "
        "their size.",
        would_change="Stop asking “Who got it right?” at the end of each pair; it turned the "
        "discussion to answers.",
        rows=(
            Row(fp.BIGGER, 6, "C1 E4 H7 J2 Q5 W3", share=1),
            Row(fp.AREA, 4, "F6 G8", share=2),
            Row(fp.HALF, 5, "A3 D.S. K9", share=3),
            Row(fp.COMMON, 6, "B2 L4 M6", share=4),
            Row(TAKEN_AWAY, 2, "K7 M2"),
        ),
        found=(
            Found(
                TAKEN_AWAY,
                "Says 3/4 is greater than 5/8 because it is missing one piece and 5/8 is "
                "missing three, without looking at the size of the pieces.",
            ),
        ),
        samples=(
            Sample(
                "bigger denominator",
                fp.BIGGER,
                "H7: 3/8 > 2/5 “because 8 is more than 5”",
                in_report=True,
            ),
        ),
        video_url=VIDEO,
        video_moments="12:40 H7 tests the rule on 1/3 and 1/4\n31:05 Jamal's claim, pairs argue",
    ),
    Taught(
        teacher="teacher3",
        class_code="Room 6",
        day=12,
        students=22,
        minutes=65,
        levels=(5, 8, 7, 2),
        factors=("scaffolding", "enough_time", "became_routine", "teacher_took_over"),
        worked="The fraction strips cut to the same whole: no one compared strips of different "
        "lengths.",
        surprised="R4 made the numerators the same (6/15 and 6/16) and said sixteenths are "
        "smaller. Marcus noticed it before I did.",
        would_change="When a pair got stuck I showed them common denominators, and after that "
        "most of the room used them. Next time I ask about one half first.",
        rows=(
            Row(fp.BIGGER, 2, "T3 V1", share=1),
            Row(fp.AREA, 5, "B6 C2 N4"),
            Row(fp.HALF, 4, "D1 G5", share=3),
            Row(fp.COMMON, 9, "A2 E7 H1 J9 L3", share=2),
            Row(MISSING, 1, "P8"),
            Row(NUMERATORS, 1, "R4", share=4),
        ),
        found=(
            Found(
                NUMERATORS,
                "Rewrites 2/5 as 6/15 and 3/8 as 6/16: same number of pieces, and sixteenths "
                "are smaller, so 2/5 is greater.",
            ),
        ),
        samples=(Sample("common denominator", fp.COMMON, "E7: both fractions over forty"),),
    ),
)

# Last year's number-line lesson; days from last year's cycle start (364 days before the
# “Cycle 3 planning” meeting).
NUMBER_LINE = (
    Taught(
        teacher="leader",
        class_code="Room 12",
        day=12,
        students=25,
        minutes=50,
        levels=(6, 7, 9, 3),
        factors=("became_routine", "focus_on_answers", "time_off"),
        worked="The sentence frame “The point did not move because…”: most students wrote a "
        "reason, not just an answer.",
        surprised="Six students drew a new line for each name, each a different length, and "
        "could not tell whether the points matched. I found two tick-mark counts only in the "
        "papers afterwards.",
        would_change="Agree on the whole first: one line for everyone, drawn together.",
        rows=(
            Row(nl.NEW_LINES, 6, "A2 C5 F1 J3 M8 T4", share=1),
            Row(nl.MOVED, 3, "D7 K1 R6", share=2),
            Row(nl.SPLITS, 7, "B4 E2 H5 L9", share=3),
            Row(nl.MULTIPLIES, 4, "G3 N2", share=4),
            Row(nl.TICKS, 2, "P3 S1"),
            Row(nl.SOME_THIRDS, 2, "V5 W2"),
            Row(nl.RULER, 0),
            Row("Compares the missing pieces of each name", 1, "T.W."),
        ),
        found=(
            Found(
                "Compares the missing pieces of each name",
                "Says 4/6 is less than 2/3 because it is missing two pieces and 2/3 only one.",
            ),
        ),
        samples=(
            Sample(
                "counts ticks",
                nl.TICKS,
                "P3: five marks to the dot out of seven, so 5/7",
                in_report=True,
            ),
        ),
    ),
    Taught(
        teacher="teacher1",
        class_code="Room 14",
        day=13,
        students=24,
        minutes=45,
        levels=(2, 5, 13, 4),
        factors=("scaffolding", "pressing", "connections", "enough_time"),
        worked="Sharing a number line first: the class saw 2/3 and 4/6 land on the same point "
        "before anyone multiplied.",
        surprised="B3 folded the task sheet in thirds and then in half again to find sixths, "
        "without being asked.",
        would_change="Start from folding for everyone, and take the rulers off the tables: "
        "nobody needed them.",
        rows=(
            Row(nl.NEW_LINES, 3, "C2 J5", share=1),
            Row(nl.SPLITS, 10, "A1 D.S. G4 K6", share=2),
            Row(nl.MOVED, 1, "F3", share=3),
            Row(nl.MULTIPLIES, 6, "E5 H2 L8", share=4),
            Row(nl.TICKS, 2, "M4 R7"),
            Row(nl.SOME_THIRDS, 1, "N6"),
            Row(nl.RULER, 0),
            Row("Folds the task sheet to find sixths", 1, "B3"),
        ),
        found=(
            Found(
                "Folds the task sheet to find sixths",
                "Folds the sheet in thirds along the line, then each third in half, and "
                "counts the folds up to the point: 4/6.",
            ),
        ),
        samples=(
            Sample(
                "splits thirds",
                nl.SPLITS,
                "A1: every third split in two, “the dot did not move, the parts got smaller”",
                in_report=True,
            ),
        ),
    ),
)

NUMBER_LINE_WORKED = (
    "Starting the discussion from a number line with every name on it: in Room 14 the class saw "
    "the point stay put before anyone multiplied.\n"
    "The sentence frame “The point did not move because…”: 30 of 49 students wrote a reason."
)
NUMBER_LINE_LEARNED = (
    "We counted what we expected to see. Tick-mark counting hid on the task sheets in both "
    "rooms; we only found it when we sorted the work afterwards.\n"
    "When every student draws their own whole, equivalence cannot be seen: the whole has to be "
    "agreed first (six new-line drawings in Room 12).\n"
    "B3's folding made equal parts obvious without a single tick mark; T.W.'s missing pieces "
    "is an idea we want to hear again when we compare fractions."
)
