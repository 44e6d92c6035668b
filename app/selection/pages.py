"""What the cycle page shows of the selection, for the person looking at it."""

from flask import request

from app.auth.models import User
from app.cycles.models import Cycle
from app.numbers import parse_id
from app.richtext import render_markdown
from app.selection import queries
from app.selection.forms import WorkForm
from app.tasks.models import Demand


def selection_context(cycle: Cycle, user: User) -> dict:
    board = queries.board(cycle)
    ids = [row.candidate.id for row in board.rows]
    mine = queries.my_work(cycle, user, ids)
    words = request.args.get("q", "").strip()[:200]
    searching = "q" in request.args and not cycle.vote_closed
    return {
        "board": board,
        "mine": mine,
        "work_forms": {i: _work_form(mine.works.get(i)) for i in ids},
        "words": words,
        "found": queries.proposable(cycle, user, words) if searching else None,
        "demands": list(Demand),
        "open_candidate": parse_id(request.args.get("work")),
        "statements": {row.candidate.id: render_markdown(row.task.statement) for row in board.rows},
    }


def _work_form(work) -> WorkForm:
    if work is None:
        return WorkForm(formdata=None)
    data = {
        "solution": work.solution,
        "notes": work.notes,
        "demand": work.demand.value if work.demand else "",
    }
    return WorkForm(formdata=None, data=data)
