"""The cycle's summary as a PDF: the cycle, its meetings, the shared task and the whole
selection record, a document the team may print and pass on.

It is shared, so it holds only what the board shows everyone: members' solutions, notes and
calibrations once the facilitator has revealed them (never anyone's unrevealed work, not even
to its author), and who gave the dots once the vote is closed. A fixed number of statements
however many candidates and members (the board's reads and the cycle page's meetings)."""

from dataclasses import dataclass

from flask import Response
from markupsafe import Markup

from app.cycles.models import Cycle
from app.cycles.queries import CycleMeetings, cycle_meetings
from app.pdf import render_pdf
from app.richtext import render_markdown
from app.selection.queries import Board, board
from app.tasks.models import Demand
from app.timeutil import local_now, to_local


@dataclass
class Summary:
    cycle: Cycle
    meetings: CycleMeetings
    board: Board
    statement: Markup | None  # the shared task's, rendered and sanitized


def summary(cycle: Cycle) -> Summary:
    task = cycle.shared_task
    statement = render_markdown(task.statement) if task and task.statement.strip() else None
    return Summary(cycle, cycle_meetings(cycle), board(cycle), statement)


def summary_pdf(cycle: Cycle) -> Response:
    return render_pdf(
        "cycles/summary_pdf.html",
        f"cycle-{cycle.id}-summary.pdf",
        summary=summary(cycle),
        team=cycle.team,
        demands=list(Demand),
        to_local=to_local,
        prepared_on=local_now().date(),
    )
