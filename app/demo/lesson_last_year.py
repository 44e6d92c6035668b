"""Last school year's lesson on “Equivalent Fractions on the Number Line”, written by Ana,
Jordan and Priya when Jordan and Priya were new to the group. Cycle 4 revises it."""

from datetime import time

from app.demo.plans import AddResponse, MoveResponse, Save


def fields(**values: str) -> tuple[tuple[str, str], ...]:
    return tuple(values.items())


SPLITS = "Splits every third and counts the spaces"
NEW_LINES = "Draws a new number line for each name"
MOVED = "Says 4/6 is farther along: bigger numbers"
MULTIPLIES = "Multiplies top and bottom by the same number"
TICKS = "Counts the tick marks, not the spaces"
SOME_THIRDS = "Splits only some of the thirds"
RULER = "Measures 2/3 with a ruler"

STEPS = (
    Save(
        0,
        time(16, 40),
        "mentor",
        "learning_goal",
        "Students explain why 2/3, 4/6 and 8/12 name the same point on the number line.",
    ),
    Save(
        0,
        time(16, 48),
        "mentor",
        "big_ideas",
        "A fraction is a number: it has one place on the number line.\n"
        "Splitting every part into the same number of pieces renames a fraction without "
        "changing its size.",
    ),
    Save(
        0,
        time(16, 55),
        "teacher1",
        "materials",
        "Task sheet with a blank number line from 0 to 1\nRulers\nChart paper for the class line",
    ),
    Save(
        1,
        time(15, 50),
        "mentor",
        "launch",
        "Read the task together. Ask: where would 1/3 be? Where is 2/3? Turn and talk, then begin.",
    ),
    Save(1, time(15, 52), "mentor", "launch_minutes", "5"),
    Save(
        1,
        time(16, 5),
        "mentor",
        "explore",
        "Pairs work on the task sheet. Circulate and ask questions; note which strategies you "
        "see on the monitoring chart.",
    ),
    Save(1, time(16, 6), "mentor", "explore_minutes", "25"),
    Save(
        1,
        time(16, 20),
        "leader",
        "discuss",
        "Share a number line first, then the multiplying. Label one point 2/3, 4/6 and 8/12 on "
        "the class line and ask why it never moved.",
    ),
    Save(1, time(16, 21), "leader", "discuss_minutes", "15"),
    Save(
        1,
        time(16, 30),
        "teacher1",
        "exit_prompt",
        "Is 3/4 the same as 6/8? Show it on a number line.",
    ),
    Save(
        2,
        time(19, 10),
        "teacher1",
        "supports",
        "Pre-drawn thirds on the number line for students who need them.\n"
        "Sentence frame: “The point did not move because…”",
    ),
    Save(
        2,
        time(19, 15),
        "teacher1",
        "extensions",
        "Split every third into 3: what is the new name?\n"
        "Find a name for 2/3 with 30 as the denominator without drawing.",
    ),
    AddResponse(
        2,
        time(19, 30),
        "teacher1",
        SPLITS,
        fields(
            name=SPLITS,
            description="Marks 2/3, splits each of the three thirds in two and counts four "
            "sixths up to the point; does the same with twelfths.",
            representation="number_line",
            correctness="correct",
            assessing_questions="How did you split the line?\nWhat is one part called now?",
            advancing_questions="Why did you get 4/6 and not 4/3?\n"
            "What would splitting every third in three give you?",
            connection="The parts get smaller and there are more of them up to the same point.",
        ),
    ),
    AddResponse(
        2,
        time(19, 41),
        "teacher1",
        TICKS,
        fields(
            name=TICKS,
            description="Counts the marks from 0 to the point (5) and all the marks (7) and "
            "writes 5/7.",
            representation="number_line",
            correctness="incorrect",
            misconception="A fraction counts marks, not equal lengths from 0.",
            assessing_questions="What did you count?",
            advancing_questions="Show me one sixth on your line.\n"
            "Count the spaces from 0 to your point: what do you get?",
            connection="The unit on the number line is a length, the space from 0 to the "
            "first mark.",
        ),
    ),
    AddResponse(
        2,
        time(19, 52),
        "teacher1",
        SOME_THIRDS,
        fields(
            name=SOME_THIRDS,
            to_share="no",
            description="Splits only the thirds up to the point, so the line has five parts "
            "of two sizes, and names the point 4/5.",
            representation="drawing",
            correctness="incorrect",
            misconception="The parts of a whole need not be equal.",
            assessing_questions="Are all your parts the same size?\n"
            "How many parts is the whole split into now?",
            advancing_questions="What would you need to do to the last third?\n"
            "If every third were split the same way, what would the point be called?",
            connection="Every part is split the same way, or the new name is not a fraction "
            "of the same whole.",
        ),
    ),
    AddResponse(
        3,
        time(7, 40),
        "mentor",
        MULTIPLIES,
        fields(
            name=MULTIPLIES,
            description="Writes 2/3 = 4/6 = 8/12 by multiplying the numerator and the "
            "denominator by 2, then by 4.",
            representation="equation",
            correctness="correct",
            assessing_questions="Where did the 2 come from?\n"
            "What does the ×2 do to the parts of the line?",
            advancing_questions="Where is the ×2 on your number line?",
            connection="Multiplying both by 2 is splitting every third in two.",
        ),
    ),
    AddResponse(
        3,
        time(7, 52),
        "mentor",
        RULER,
        fields(
            name=RULER,
            to_share="no",
            description="Measures the line (12 cm), finds 8 cm for 2/3, then checks 4/6 and "
            "8/12 land on 8 cm too.",
            representation="other",
            correctness="correct",
            assessing_questions="Why 8 cm?\nWhere would 1/6 be, in centimetres?",
            advancing_questions="Would it still work on a line 10 cm long?\n"
            "How could you show the same thing without a ruler?",
            connection="Same distance from 0, same number.",
        ),
    ),
    AddResponse(
        3,
        time(20, 15),
        "leader",
        NEW_LINES,
        fields(
            name=NEW_LINES,
            description="Draws one line for thirds, another for sixths and another for "
            "twelfths, of different lengths, and cannot tell whether the points match.",
            representation="drawing",
            correctness="partial",
            misconception="The whole can change size from one line to the next.",
            assessing_questions="Which line is the whole?",
            advancing_questions="How could you make the lines easy to compare?\n"
            "Draw the sixths on your thirds line: where does 4/6 land?",
            connection="Equivalent fractions are equal only for the same whole.",
        ),
    ),
    AddResponse(
        3,
        time(20, 26),
        "leader",
        MOVED,
        fields(
            name=MOVED,
            description="Says 4/6 is farther along the line than 2/3 because 4 and 6 are "
            "bigger numbers.",
            representation="words",
            correctness="incorrect",
            misconception="Reads a fraction as two whole numbers instead of one number.",
            assessing_questions="Where is 4/6 on your line?",
            advancing_questions="Put your finger on 2/3 and on 4/6. What do you notice?\n"
            "Which is bigger, one third or one sixth? How many sixths make a third?",
            connection="A fraction is one number with one place on the line.",
        ),
    ),
    # The sequence: a number line first, the misconceptions next, the rule last; the errors
    # best met at the table (not shared) after.
    MoveResponse(4, time(16, 5), "mentor", NEW_LINES, -4),
    MoveResponse(4, time(16, 6), "mentor", MOVED, -4),
    MoveResponse(4, time(16, 7), "mentor", MULTIPLIES, -2),
    Save(
        4,
        time(16, 12),
        "leader",
        "assessing_questions",
        "What did you count?\nWhere does your 1/6 start and end?",
        response=TICKS,
    ),
)
