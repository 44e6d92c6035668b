"""The demo's task library: original tasks written for Tandem, grades 3 to 5, every level of
cognitive demand, each with the reason for its level. Never copied from a publisher."""

from dataclasses import dataclass

import sqlalchemy as sa

from app.auth.models import User
from app.extensions import db
from app.tasks.models import Demand, Task, TaskStandard
from app.teams.models import Team
from app.timeutil import utcnow

D = Demand
SOURCE = "Written for the Tandem demo"
LICENSE = "CC BY 4.0"


@dataclass(frozen=True)
class DemoTask:
    title: str
    grade: str
    standards: tuple[str, ...]
    demand: Demand
    reason: str
    statement: str
    big_idea: str = ""
    author: str = "mentor"
    draft: bool = False


TASKS = [
    DemoTask(
        title="Auditorium Seats",
        grade="4",
        standards=("4.NBT.B.5", "4.OA.A.3"),
        demand=D.doing_mathematics,
        big_idea="A product can be found by breaking factors apart by place value.",
        reason="No method is given: students choose a strategy, find a second one to check "
        "it, and must argue whether the principal's claim holds.",
        statement="The school auditorium has **24 rows** with **16 seats** in each row.\n\n"
        "The principal says there are *more than 350 seats*. Is she right?\n\n"
        "1. Find how many seats there are in two different ways.\n"
        "2. Explain how you know your answer is right without counting every seat.",
        author="leader",
    ),
    DemoTask(
        title="Garden Plots",
        grade="4",
        standards=("4.NF.A.1",),
        demand=D.doing_mathematics,
        big_idea="Equivalent fractions name the same point on the number line.",
        reason="Students must build their own model (area or number line), decide when two "
        "plots are the same size, and justify it; there is no rule to follow.",
        statement="Two neighbours have gardens of the same size. Lena plants tomatoes in "
        "2/3 of her garden. Omar splits his garden into 12 equal plots.\n\n"
        "How many of Omar's plots must he plant so that his tomatoes cover the **same "
        "amount** of garden as Lena's? Show it on a number line and in a drawing, and "
        "explain why the two amounts are equal.",
        author="teacher3",
    ),
    DemoTask(
        title="Fraction Pairs",
        grade="4",
        standards=("4.NF.A.2",),
        demand=D.doing_mathematics,
        big_idea="Fractions can be compared by reasoning about their size, not only by "
        "common denominators.",
        reason="Students pick their own ways to compare (benchmarks, distance from 1, "
        "equivalent fractions) and must defend a claim about every pair.",
        statement="For each pair, decide which fraction is greater, or whether they are "
        "equal. Use a different way of reasoning for at least two of the pairs.\n\n"
        "| Pair | Which is greater? How do you know? |\n|---|---|\n| 5/8 and 3/4 | |\n"
        "| 2/5 and 3/8 | |\n| 4/6 and 6/9 | |\n\n"
        "Jamal says: “5/8 and 3/4 are equally close to 1, because each is missing some "
        "pieces.” Do you agree? Explain.",
    ),
    DemoTask(
        title="Fence for the Class Garden",
        grade="3",
        standards=("3.MD.D.8", "3.MD.C.7"),
        demand=D.doing_mathematics,
        big_idea="Rectangles with the same perimeter can have different areas.",
        reason="Students explore every rectangle, organise their results, and make and test "
        "a conjecture about which shape gives the most room.",
        statement="Our class has **24 metres** of fence for a rectangular garden. Every side "
        "must be a whole number of metres.\n\n"
        "- Which rectangles can we make?\n"
        "- Which one gives us the most room to plant?\n"
        "- Would the same kind of rectangle win with 32 metres of fence? Why do you think so?",
    ),
    DemoTask(
        title="Cube Towers",
        grade="5",
        standards=("5.MD.C.5",),
        demand=D.doing_mathematics,
        big_idea="Volume is the number of unit cubes that fill a solid: length × width × height.",
        reason="Students must find all the prisms and convince others none is missing, which "
        "needs a system they invent themselves.",
        statement="Build rectangular prisms from exactly **36** centimetre cubes.\n\n"
        "How many different prisms can you build? (A prism turned on its side counts as "
        "the same prism.) How do you know you have found them all?",
    ),
    DemoTask(
        title="Close to One",
        grade="5",
        standards=("5.NBT.B.7", "5.NBT.A.3"),
        demand=D.doing_mathematics,
        big_idea="The value of a digit depends on its place.",
        reason="An open search with no given method; students must reason about place value "
        "to argue that no closer sum exists.",
        statement="Use each of the digits 2, 5, 7 and 9 exactly once to fill the boxes:\n\n"
        "0.☐☐ + 0.☐☐\n\n"
        "Make the sum as close to 1 as you can. Convince a classmate that nobody can get "
        "closer.",
    ),
    DemoTask(
        title="Arrays for 6 × 7",
        grade="3",
        standards=("3.OA.B.5", "3.OA.C.7"),
        demand=D.procedures_with_connections,
        big_idea="Multiplication distributes over addition: a big array is two smaller ones.",
        reason="The procedure (split a factor) is suggested, but students must connect each "
        "step to the array, so the meaning of multiplication stays in view.",
        statement="Draw an array for **6 × 7**.\n\n"
        "Cut it into two smaller arrays whose products you already know. Write a number "
        "sentence for each part and for the whole, and explain how your drawing shows "
        "that your answer is 6 × 7.",
    ),
    DemoTask(
        title="Equivalent Fractions on the Number Line",
        grade="4",
        standards=("4.NF.A.1",),
        demand=D.procedures_with_connections,
        big_idea="Splitting every part into the same number of pieces renames a fraction "
        "without changing its size.",
        reason="A clear procedure (partition each third) tied to the number line, so "
        "students see why multiplying top and bottom keeps the value.",
        statement="Draw a number line from 0 to 1 split into thirds and mark **2/3**.\n\n"
        "Now split every third into 2 equal parts. What is the new name of your point? "
        "Split every third into 4 parts: what is its name now?\n\n"
        "Why did the point never move?",
        author="teacher1",
    ),
    DemoTask(
        title="Area Model for 14 × 23",
        grade="4",
        standards=("4.NBT.B.5",),
        demand=D.procedures_with_connections,
        big_idea="Partial products are the areas of the parts of a rectangle.",
        reason="Students follow the area-model procedure, but each partial product must be "
        "matched to a part of the rectangle and to place value.",
        statement="Draw a rectangle that is 14 units by 23 units. Split each side by place "
        "value (10 + 4 and 20 + 3).\n\n"
        "1. Write the area of each of the four parts.\n"
        "2. Add them to find 14 × 23.\n"
        "3. Which part of the rectangle is the “20 × 4” in your work? Shade it.",
    ),
    DemoTask(
        title="Fractions of a Pan",
        grade="5",
        standards=("5.NF.B.4",),
        demand=D.procedures_with_connections,
        big_idea="The product of two fractions is a part of a part.",
        reason="Students use an area model, and must say how the shaded part explains the "
        "rule of multiplying numerators and denominators.",
        statement="A pan of cornbread is 3/4 full. Ana eats 2/3 of what is left.\n\n"
        "Use a drawing of the pan to find how much of the **whole pan** Ana eats. Then "
        "explain where the numbers in 2 × 3 and 3 × 4 appear in your drawing.",
    ),
    DemoTask(
        title="Two-Digit Multiplication Practice",
        grade="4",
        standards=("4.NBT.B.5",),
        demand=D.procedures_without_connections,
        big_idea="Fluency with a multiplication method.",
        reason="The method is stated and only answers are asked for: nothing connects the "
        "steps to place value or to what the numbers mean.",
        statement="Multiply. Show your work using the method from class.\n\n"
        "1. 46 × 23\n2. 58 × 17\n3. 72 × 35\n4. 39 × 41",
    ),
    DemoTask(
        title="Adding Unlike Fractions",
        grade="5",
        standards=("5.NF.A.1",),
        demand=D.procedures_without_connections,
        big_idea="Fluency adding fractions with unlike denominators.",
        reason="The steps are given (find a common denominator, then add); students "
        "practise them without explaining why they work.",
        statement="Find a common denominator, then add. Simplify your answer.\n\n"
        "- 2/3 + 1/4\n- 3/5 + 1/2\n- 5/6 + 1/8\n- 1/3 + 2/7",
    ),
    DemoTask(
        title="Rounding to the Nearest Ten",
        grade="3",
        standards=("3.NBT.A.1",),
        demand=D.procedures_without_connections,
        big_idea="Fluency rounding whole numbers.",
        reason="A rule is applied to each number (look at the ones digit); no number line or "
        "reasoning about distance is asked for.",
        statement="Round each number to the nearest ten.\n\n47 · 83 · 155 · 312 · 698 · 25",
    ),
    DemoTask(
        title="Nines Facts",
        grade="3",
        standards=("3.OA.C.7",),
        demand=D.memorization,
        big_idea="Recall of multiplication facts.",
        reason="Students reproduce facts from memory; there is no procedure to carry out and "
        "no meaning to connect.",
        statement="Write the answers as fast as you can.\n\n"
        "9 × 1, 9 × 2, 9 × 3, 9 × 4, 9 × 5, 9 × 6, 9 × 7, 9 × 8, 9 × 9, 9 × 10",
    ),
    DemoTask(
        title="Metric Facts",
        grade="4",
        standards=("4.MD.A.1",),
        demand=D.memorization,
        big_idea="Recall of metric relationships.",
        reason="Each blank is a fact to remember; nothing is measured or reasoned about.",
        statement="Fill in the blanks.\n\n"
        "- 1 metre = ___ centimetres\n- 1 kilometre = ___ metres\n"
        "- 1 litre = ___ millilitres\n- 1 kilogram = ___ grams",
    ),
    DemoTask(
        title="Fraction Words",
        grade="5",
        standards=("5.NF.A.1",),
        demand=D.memorization,
        big_idea="The words we use for fractions.",
        reason="Matching words to memorised definitions; no fractions are used or compared.",
        statement="Match each word to its meaning.\n\n"
        "| Word | Meaning |\n|---|---|\n| numerator | the number of equal parts in the whole |\n"
        "| denominator | fractions that name the same amount |\n"
        "| equivalent | the number of parts we are counting |\n"
        "| unit fraction | a fraction with 1 as its numerator |",
    ),
    DemoTask(
        title="Sharing Brownies",
        grade="4",
        standards=("4.NF.B.3", "3.NF.A.1"),
        demand=D.doing_mathematics,
        big_idea="A fraction can be the result of dividing a whole number by another.",
        reason="Students decide how to share and how to name each share; several "
        "correct ways of cutting lead to the same amount, which they must show.",
        statement="Four friends share **three** brownies equally. How much brownie does each "
        "friend get? Show two different ways to cut the brownies and explain why each "
        "friend gets the same amount either way.",
        author="teacher2",
        draft=True,
    ),
]


def seed_tasks(team: Team, people: dict[str, User]) -> bool:
    """The demo library, shared by the Grade 4 team (one draft stays private); False if there."""
    exists = sa.select(Task.id).where(Task.team_id == team.id, Task.title == TASKS[0].title)
    if db.session.scalar(exists):
        return False
    now = utcnow()
    for spec in TASKS:
        db.session.add(
            Task(
                district_id=team.district_id,
                team_id=team.id,
                title=spec.title,
                grade=spec.grade,
                big_idea=spec.big_idea,
                statement=spec.statement,
                source=SOURCE,
                license=LICENSE,
                demand=spec.demand,
                demand_reason=spec.reason,
                created_by_id=people[spec.author].id,
                shared_at=None if spec.draft else now,
                standards=[
                    TaskStandard(code=code, position=p) for p, code in enumerate(spec.standards)
                ],
            )
        )
    db.session.commit()
    return True
