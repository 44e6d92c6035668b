"""Tasks for tests, written straight to the database."""

from app.extensions import db
from app.tasks.models import Demand, Task, TaskStandard
from app.teams.models import Team
from app.timeutil import utcnow


def make_task(
    team: Team,
    title: str = "Fraction pairs",
    shared: bool = True,
    grade: str = "4",
    codes: tuple[str, ...] = ("4.NF.A.1",),
    demand: Demand = Demand.doing_mathematics,
    statement: str = "Find two fractions between 1/3 and 1/2. Show how you know.",
    author=None,
    **fields,
) -> Task:
    task = Task(
        team_id=team.id,
        district_id=team.district_id,
        title=title,
        grade=grade,
        statement=statement,
        demand=demand,
        demand_reason=fields.pop("demand_reason", "No path is given; students must reason."),
        shared_at=utcnow() if shared else None,
        created_by_id=author.id if author else None,
        standards=[TaskStandard(code=c, position=i) for i, c in enumerate(codes)],
        **fields,
    )
    db.session.add(task)
    db.session.commit()
    return task


def task_form(team: Team | None = None, **changes) -> dict:
    """A valid task form; `team` for a new draft."""
    form = {
        "title": "Sharing brownies",
        "grade": "4",
        "standards": "4.NF.A.1 4.nf.a.2",
        "big_idea": "Equivalent fractions name the same amount.",
        "statement": "Four friends share **three** brownies equally. How much does each get?",
        "demand": "doing_mathematics",
        "demand_reason": "No method is suggested; students choose and justify one.",
        "source": "Written for Tandem",
        "license": "CC BY 4.0",
    }
    if team is not None:
        form["team_id"] = str(team.id)
    return form | changes
