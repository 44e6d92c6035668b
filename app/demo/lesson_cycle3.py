"""Cycle 3's lesson on “Fraction Pairs”, planned and anticipated at the “Cycle 3 planning”
meeting, twelve days after the vote (day 12 here is that meeting's day). The missing-piece
strategy nobody anticipated joins it later, promoted from Room 12's chart (app/demo/enactments)."""

from datetime import time

from app.demo.lesson_last_year import fields
from app.demo.plans import AddResponse, MoveResponse, Save

MEETING = 12  # days from the vote to the Cycle 3 planning meeting

COMMON = "Rewrites both with a common denominator"
HALF = "Compares each fraction with one half"
AREA = "Draws both fractions as rectangles"
BIGGER = "Says 3/8 is bigger because 8 is bigger than 5"

STEPS = (
    Save(
        MEETING,
        time(15, 58),
        "leader",
        "learning_goal",
        "Students compare fractions with unlike denominators by reasoning about their size "
        "(one half, the distance to one whole, common numerators or denominators) and justify "
        "each claim.",
    ),
    Save(
        MEETING,
        time(16, 2),
        "mentor",
        "big_ideas",
        "A fraction's size depends on the number of parts and on their size.\n"
        "Benchmarks such as one half and one whole let us compare without computing.",
    ),
    Save(
        MEETING,
        time(16, 5),
        "teacher1",
        "materials",
        "Fraction Pairs task sheet\nFraction strips for every table\nChart paper for the "
        "class comparisons",
    ),
    Save(
        MEETING,
        time(16, 8),
        "leader",
        "launch",
        "Number talk: which is greater, 1/3 or 1/4? Take two ways of knowing. Read the task "
        "together and point at Jamal's claim: we come back to it at the end.",
    ),
    Save(MEETING, time(16, 9), "leader", "launch_minutes", "8"),
    Save(
        MEETING,
        time(16, 12),
        "leader",
        "explore",
        "Pairs work through the three pairs. Circulate with the monitoring chart; press for a "
        "second way on at least one pair. Write student codes, never names.",
    ),
    Save(MEETING, time(16, 13), "leader", "explore_minutes", "25"),
    AddResponse(
        MEETING,
        time(16, 20),
        "teacher1",
        COMMON,
        fields(
            name=COMMON,
            description="Rewrites 2/5 as 16/40 and 3/8 as 15/40 and compares the numerators.",
            representation="equation",
            correctness="correct",
            assessing_questions="Why forty?\nWhat does 16/40 mean?",
            advancing_questions="Can you tell which is greater without rewriting them?",
            connection="Rewriting with the same size of part lets us count parts.",
        ),
    ),
    AddResponse(
        MEETING,
        time(16, 24),
        "teacher1",
        HALF,
        fields(
            name=HALF,
            description="Says 2/5 is half a fifth short of one half and 3/8 is one eighth "
            "short, so 2/5 is closer to one half and greater.",
            representation="number_line",
            correctness="correct",
            assessing_questions="How do you know how far each fraction is from one half?",
            advancing_questions="Which is smaller, half a fifth or one eighth? How do you know?",
            connection="Comparing with a benchmark, without computing.",
        ),
    ),
    AddResponse(
        MEETING,
        time(16, 28),
        "teacher2",
        AREA,
        fields(
            name=AREA,
            description="Shades 2/5 and 3/8 of two rectangles, sometimes of different sizes, "
            "and compares the shaded parts by eye.",
            representation="area_model",
            correctness="partial",
            misconception="The two wholes need not be the same size.",
            assessing_questions="Are your two wholes the same size?",
            advancing_questions="Draw them on strips of the same length: what changes?",
            connection="Fractions compare only as parts of the same whole.",
        ),
    ),
    AddResponse(
        MEETING,
        time(16, 31),
        "leader",
        BIGGER,
        fields(
            name=BIGGER,
            description="Says 3/8 is greater than 2/5 because 8 is bigger than 5 (and 3 bigger "
            "than 2).",
            representation="words",
            correctness="incorrect",
            misconception="Reads the fraction as two whole numbers: more parts, bigger number.",
            assessing_questions="Which is bigger, one fifth or one eighth of the same strip?",
            advancing_questions="Does your rule work for 1/3 and 1/4?",
            connection="The denominator tells the size of the parts: more parts, smaller parts.",
        ),
    ),
    # The sequence: the error first, a picture next, then the benchmark and the rule.
    MoveResponse(MEETING, time(16, 36), "leader", BIGGER, -3),
    MoveResponse(MEETING, time(16, 37), "leader", AREA, -2),
    MoveResponse(MEETING, time(16, 38), "leader", HALF, -1),
    Save(
        MEETING,
        time(16, 40),
        "teacher1",
        "discuss",
        "Share the bigger-denominator claim first and test it on 1/3 and 1/4, then a picture, "
        "then one half, then common denominators. Finish with Jamal: is being “missing some "
        "pieces” enough to say two fractions are equally close to 1?",
    ),
    Save(MEETING, time(16, 41), "teacher1", "discuss_minutes", "20"),
    Save(
        MEETING,
        time(16, 44),
        "teacher1",
        "exit_prompt",
        "Which is greater, 3/5 or 5/8? Show how you know without finding a common denominator.",
    ),
    Save(
        MEETING,
        time(16, 47),
        "teacher3",
        "supports",
        "Fraction strips cut to the same whole.\nSentence frame: “___ is greater because ___.”",
    ),
    Save(
        MEETING,
        time(16, 48),
        "teacher2",
        "extensions",
        "Compare 7/10 and 2/3 in two ways.\nFind a fraction between 3/8 and 2/5.",
    ),
)
