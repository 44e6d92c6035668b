"""Cycle 4 revises last year's number-line lesson over the week after the vote: a folded-strip
launch (last year's first next step), a response the team missed last year and one nobody
saw taken off, sharper questions, a conflict merged and an exit prompt restored."""

from datetime import time

from app.demo.lesson_last_year import (
    MOVED,
    MULTIPLIES,
    NEW_LINES,
    RULER,
    SPLITS,
    TICKS,
    fields,
)
from app.demo.plans import (
    AddResponse,
    Clash,
    CoEdit,
    MoveResponse,
    RemoveResponse,
    Restore,
    Save,
)

FOLDS = "Folds a paper strip in thirds, then each third in half"
ADDS = "Adds the same number to the top and the bottom"

LONG_EXIT_PROMPT = (
    "On this number line, mark 3/4. Give the same point two other names, and explain in a "
    "sentence why it is the same point."
)

STEPS = (
    Save(
        0,
        time(16, 10),
        "mentor",
        "learning_goal",
        "Students explain, with the number line, why splitting every part of the whole into "
        "the same number of smaller parts gives a new name for the same point: "
        "2/3 = 4/6 = 8/12. A fraction is one number with many names.",
    ),
    Save(
        0,
        time(16, 18),
        "mentor",
        "big_ideas",
        "A fraction is a number: it has one place on the number line.\n"
        "Splitting every part into the same number of pieces renames a fraction without "
        "changing its size: more parts, each smaller.\n"
        "Equivalent fractions are the same distance from 0 on the same whole.",
    ),
    CoEdit(
        (
            Save(
                1,
                time(15, 45),
                "teacher1",
                "launch",
                "Hold up a paper strip: this is one whole. Fold it in thirds with the class "
                "and mark 2/3. Ask: if I fold every third in half, does my mark move? Thumbs "
                "up or down, no explaining yet; write the count of each on the board. Then "
                "read the task together: the number line is as long as the strip.",
            ),
            Save(
                1,
                time(15, 45),
                "teacher3",
                "supports",
                "Pre-folded strips for students who find folding hard.\n"
                "Sentence frame: “The point did not move because…”\n"
                "Word card: whole, equal parts, same point, new name.\n"
                "Spanish cognates on the word wall: fracción, equivalente.",
            ),
        )
    ),
    Save(1, time(15, 47), "teacher1", "launch_minutes", "8"),
    Save(
        1,
        time(15, 58),
        "teacher1",
        "materials",
        "Paper strips 12 cm long, three per student\n"
        "Task sheet with a number line from 0 to 1, as long as the strip\n"
        "Document camera for sharing\nMonitoring chart, one per teacher",
    ),
    AddResponse(
        1,
        time(20, 5),
        "teacher3",
        FOLDS,
        fields(
            name=FOLDS,
            description="Folds the strip in thirds, shades two, folds again and unfolds: "
            "counts four of six parts shaded, and sees the shading has not changed.",
            representation="manipulatives",
            correctness="correct",
            assessing_questions="What does each fold do to the parts?\n"
            "How many parts are shaded now, and how many are there in all?\n"
            "Did the shaded part get bigger or smaller?",
            advancing_questions="Lay your strip on the number line: where does the shading "
            "end?\nWhat would one more fold give you? Predict before you fold.",
            connection="The strip shows the same amount of the same whole with more, smaller "
            "parts: the meaning the number line has to carry.",
        ),
    ),
    AddResponse(
        2,
        time(7, 35),
        "teacher2",
        ADDS,
        fields(
            name=ADDS,
            description="Adds 2 to the numerator and the denominator: 2/3 becomes 4/5, then "
            "adds 4 more for 8/9, and says they are all the same.",
            representation="equation",
            correctness="incorrect",
            misconception="Renaming a fraction works like adding whole numbers: do the same "
            "thing to the top and the bottom.",
            assessing_questions="Where did the 4 and the 5 come from?\n"
            "What does the 5 in 4/5 tell you about the line?",
            advancing_questions="Split your line into fifths: does 4/5 land on your point?\n"
            "What do you have to do to every third to get sixths?",
            connection="Renaming multiplies the number of parts; adding changes the size of "
            "the parts and the amount, so the point moves.",
        ),
    ),
    RemoveResponse(2, time(7, 50), "leader", RULER),
    Save(
        2,
        time(12, 20),
        "teacher1",
        "assessing_questions",
        "What did you count, the marks or the spaces between them?\n"
        "Where does your first sixth start and end?\n"
        "How many marks does a line split in thirds have?",
        response=TICKS,
    ),
    Save(
        2,
        time(12, 26),
        "teacher1",
        "advancing_questions",
        "Put a finger on 0 and hop one sixth at a time to the point: how many hops?\n"
        "Is the space from 0 to the first mark the same as from the last mark to 1?",
        response=TICKS,
    ),
    Save(2, time(12, 40), "teacher1", "exit_prompt", LONG_EXIT_PROMPT),
    Save(
        3,
        time(16, 2),
        "mentor",
        "correctness",
        "partial",
        response=MULTIPLIES,
    ),
    Save(
        3,
        time(16, 4),
        "mentor",
        "misconception",
        "The names are right, but the rule stands in for the reason: the student may not see "
        "why the point stays.",
        response=MULTIPLIES,
    ),
    Save(
        3,
        time(16, 9),
        "mentor",
        "advancing_questions",
        "Where is the ×2 on your number line?\n"
        "Could you get a name for 2/3 in fifths this way? Why not?",
        response=MULTIPLIES,
    ),
    Clash(
        Save(
            3,
            time(16, 30),
            "leader",
            "discuss",
            "Share in the planned sequence: the folded strip, the number line, the lines of "
            "different lengths, the “bigger numbers” claim, then the adding. Keep one number "
            "line on the board and label "
            "the same point 2/3, 4/6 and 8/12.",
        ),
        Save(
            3,
            time(16, 31),
            "teacher2",
            "discuss",
            "Share the multiplying last, as the general rule: where is the ×2 on the line? "
            "Close with: what stays the same, what changes, and why the point never moved.",
        ),
        merged="Share in the planned sequence: the folded strip, the number line, the lines "
        "of different lengths, the “bigger numbers” claim, then the adding. Keep one number "
        "line on the board and label "
        "the same point 2/3, 4/6 and 8/12. Share the multiplying last, as the general rule: "
        "where is the ×2 on the line? Close with: what stays the same, what changes, and why "
        "the point never moved.",
    ),
    Save(3, time(16, 40), "teacher2", "exit_prompt", "Write two other names for 3/4."),
    Restore(4, time(7, 15), "mentor", "exit_prompt"),
    Save(
        4,
        time(15, 40),
        "leader",
        "explore",
        "Pairs work on the task sheet with their strips. Circulate with the monitoring chart: "
        "note who splits every third and who splits only some, who counts spaces and who "
        "counts marks. Ask assessing questions before advancing ones, and hold back from "
        "showing a method. Pairs who finish write why the point never moved, for a classmate "
        "who was absent.",
    ),
    Save(4, time(15, 41), "leader", "explore_minutes", "20"),
    MoveResponse(4, time(15, 50), "leader", FOLDS, -6),
    MoveResponse(4, time(15, 51), "leader", ADDS, -3),
    Save(
        5,
        time(19, 5),
        "teacher3",
        "advancing_questions",
        "Why did you get 4/6 and not 4/3?\n"
        "Split every third in three: can you name the point before you count?\n"
        "What stays the same each time you split?",
        response=SPLITS,
    ),
    Save(
        5,
        time(19, 20),
        "teacher2",
        "assessing_questions",
        "Which line is the whole?\nAre your three lines the same length? Does it matter?",
        response=NEW_LINES,
    ),
    Save(
        6,
        time(7, 30),
        "leader",
        "extensions",
        "Split every third into 3: what is the new name? What about 5?\n"
        "Find a name for 2/3 with 30 as the denominator without drawing. How do you know?\n"
        "Is there a name for 2/3 in fifths? Why or why not?",
    ),
    Save(
        6,
        time(7, 42),
        "teacher1",
        "assessing_questions",
        "Where is 4/6 on your line? Show me with your finger.\n"
        "What does the 6 tell you? What does the 4 tell you?",
        response=MOVED,
    ),
    Save(6, time(7, 50), "teacher1", "to_share", "no", response=TICKS),
)
