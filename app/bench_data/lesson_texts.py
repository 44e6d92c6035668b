"""The words of the generated lessons: a plan per topic, and anticipated responses a team
writes for most tasks (a strategy, a representation, a slip, a misconception)."""

from dataclasses import dataclass

from app.lessons.models import Correctness, Representation

PLAN = {
    "learning_goal": "Students reason about {topic} and explain why their strategy works, "
    "using a representation a classmate can follow.",
    "big_ideas": "The meaning behind {topic}, not only the steps.\n"
    "Different representations can show the same relationship.",
    "materials": "Task sheet\nManipulatives for every pair\nChart paper and markers\n"
    "Monitoring chart",
    "launch": "Read the task together and ask what it is about before anyone solves it. "
    "Students say what they notice and wonder; we keep the numbers for later.",
    "explore": "Pairs work on the task. Circulate with the monitoring chart; ask assessing "
    "questions first and hold back from showing a method.",
    "discuss": "Share in the planned sequence, from the most concrete to the general rule, "
    "and connect each to the one before.",
    "exit_prompt": "Solve a similar problem about {topic} in a different way than today, "
    "and explain which way you prefer.",
    "supports": "Sentence frames for explaining\nA smaller number set for a first try\n"
    "Vocabulary cards with pictures",
    "extensions": "Write a problem of your own that the same strategy solves.\n"
    "When would this strategy not work? Find an example.",
}
MINUTES = {"launch_minutes": "10", "explore_minutes": "25", "discuss_minutes": "20"}
# A later edit of a plan field: the text it was first saved with is a shorter draft.
DRAFT = "To do: {field}"


@dataclass(frozen=True)
class ResponseText:
    name: str
    description: str
    representation: Representation
    correctness: Correctness
    misconception: str
    assessing: str
    advancing: str
    connection: str


def _q(*lines: str) -> str:
    return "\n".join(lines)


RESPONSES = (
    ResponseText(
        "Draws a picture and counts",
        "Draws every object of the problem and counts them one by one.",
        Representation.drawing,
        Correctness.correct,
        "",
        _q("What does each part of your drawing stand for?", "How did you count?"),
        _q("Could you count in groups instead of ones?", "How would you draw it for 100?"),
        "The most concrete entry point; the discussion starts here.",
    ),
    ResponseText(
        "Builds it with manipulatives",
        "Models the problem with cubes or strips, then records what the model shows.",
        Representation.manipulatives,
        Correctness.correct,
        "",
        _q("Show me what you built.", "Where is the answer in your model?"),
        _q("How could you record this without the cubes?", "Which part of the model changes?"),
        "The model keeps the meaning in view while the numbers change.",
    ),
    ResponseText(
        "Uses a number line",
        "Marks the quantities on a number line and reasons from the distances between them.",
        Representation.number_line,
        Correctness.correct,
        "",
        _q("Where did you start?", "What does each jump stand for?", "How did you know?"),
        _q("Could you make fewer jumps?", "Where would the next one land?"),
        "The number line shows size and order together.",
    ),
    ResponseText(
        "Organises a table",
        "Makes a table of cases and looks for a pattern down the columns.",
        Representation.table,
        Correctness.partial,
        "Stops at the pattern without saying why it holds.",
        _q("What does each row tell you?", "How did you choose the next row?"),
        _q("Why does the pattern keep going?", "Could a row break it?"),
        "Moves from cases to a reason: the bridge to the general rule.",
    ),
    ResponseText(
        "Writes an equation straight away",
        "Writes an equation and computes, with no picture or words to explain it.",
        Representation.equation,
        Correctness.partial,
        "The procedure stands in for the reason.",
        _q("Where does each number come from?", "How do you know it is right?"),
        _q("Show where your equation is in a classmate's drawing.", "Why does it work?"),
        "Shared last: the general rule, connected to the pictures before it.",
    ),
    ResponseText(
        "Treats the parts as whole numbers",
        "Works with the digits as if they were whole numbers and gets an answer that is too large.",
        Representation.equation,
        Correctness.incorrect,
        "Whole-number reasoning carried over where it does not hold.",
        _q("What does this digit stand for here?", "Is your answer reasonable?"),
        _q("Estimate first: about how big should it be?", "Check it with a drawing."),
        "Comparing with an estimate shows why the meaning of the parts matters.",
    ),
    ResponseText(
        "Unequal parts",
        "Splits the whole into parts of different sizes and counts them as equal.",
        Representation.drawing,
        Correctness.incorrect,
        "The parts of a whole need not be equal.",
        _q("Are all your parts the same size?", "How many parts are there?"),
        _q("How could you make the parts equal?", "Does the count change?"),
        "Equal parts are what make the count meaningful.",
    ),
    ResponseText(
        "Explains in words only",
        "Gives the right answer and a sentence about it, with no work to show how.",
        Representation.words,
        Correctness.partial,
        "",
        _q("How did you figure it out?", "What did you picture in your head?"),
        _q("Draw what you pictured.", "Could you convince someone who disagrees?"),
        "Makes room for a representation to explain the thinking.",
    ),
)
# A sharper version of a response's questions, saved by a later edit.
SHARPER = "\nWhat would change if the numbers were bigger?"
