"""What teachers take to class: the monitoring chart (a row per anticipated response in the
planned discussion sequence, then blank rows for what nobody anticipated) and the lesson packet
PDF (the task, the plan, the responses with their questions, and the chart). A fixed number of
statements however many responses the lesson has."""

from dataclasses import dataclass
from pathlib import Path

from flask import Response
from markupsafe import Markup

from app.cycles.models import Cycle
from app.lessons.models import PLAN_FIELDS, AnticipatedResponse, Lesson
from app.lessons.queries import LessonView, lesson_view
from app.lessons.sketches import SKETCHES
from app.pdf import render_pdf
from app.richtext import render_markdown
from app.tasks.models import Task
from app.tasks.writing import TASK_FILES
from app.timeutil import local_now
from app.uploads import Folder

# Rows for responses nobody anticipated: at least this many, and more on a short chart so
# the printed page still has room to write.
BLANK_ROWS = 3
ROWS_ON_A_SHORT_CHART = 8
# Printed, a chart of up to this many rows gets taller rows to write in, still on one page.
ROOMY_UP_TO = 11


@dataclass(frozen=True)
class ChartRow:
    response: AnticipatedResponse
    order: int | None  # its place in the planned discussion, None when not to share

    @property
    def key_assessing(self) -> str | None:
        return next(iter(self.response.assessing), None)

    @property
    def key_advancing(self) -> str | None:
        return next(iter(self.response.advancing), None)


@dataclass
class Chart:
    rows: list[ChartRow]
    blank_rows: int

    @property
    def roomy(self) -> bool:
        return len(self.rows) + self.blank_rows <= ROOMY_UP_TO


def monitoring_chart(view: LessonView) -> Chart:
    """Responses to share first, numbered in the discussion order, then the others."""
    shared = [ChartRow(r, order) for order, r in enumerate(view.shared, start=1)]
    others = [ChartRow(r, None) for r in view.responses if not r.to_share]
    rows = shared + others
    return Chart(rows, max(BLANK_ROWS, ROWS_ON_A_SHORT_CHART - len(rows)))


def _stored(folder: Folder, name: str | None) -> Path | None:
    """An uploaded file, or None when it is missing: a packet prints without a lost image
    rather than failing."""
    path = folder.path_of(name) if name else None
    return path.resolve() if path else None


def sketch_path(response: AnticipatedResponse) -> Path | None:
    return _stored(SKETCHES, response.sketch_name)


def task_image_path(task: Task | None) -> Path | None:
    if task is None or not (task.file_type or "").startswith("image/"):
        return None
    return _stored(TASK_FILES, task.file_name)


@dataclass
class Packet:
    cycle: Cycle
    lesson: Lesson
    task: Task | None
    statement: Markup | None  # the task's, rendered and sanitized
    task_image: Path | None
    chart: Chart
    sketches: dict[int, Path]  # response id → its sketch, for those that have one

    @property
    def plan_written(self) -> bool:
        lesson = self.lesson
        return any(getattr(lesson, field).strip() for field in PLAN_FIELDS) or bool(
            lesson.planned_minutes
        )

    @property
    def images(self) -> list[Path]:
        return [p for p in (self.task_image, *self.sketches.values()) if p is not None]


def packet(view: LessonView) -> Packet:
    task = view.lesson.task or view.cycle.shared_task
    statement = render_markdown(task.statement) if task and task.statement.strip() else None
    chart = monitoring_chart(view)
    sketches = {row.response.id: path for row in chart.rows if (path := sketch_path(row.response))}
    return Packet(view.cycle, view.lesson, task, statement, task_image_path(task), chart, sketches)


def packet_pdf(cycle: Cycle) -> Response | None:
    """The lesson packet as a PDF, or None when the cycle has no lesson yet."""
    view = lesson_view(cycle)
    if view.lesson is None:
        return None
    contents = packet(view)
    return render_pdf(
        "lessons/packet_pdf.html",
        f"cycle-{cycle.id}-lesson-packet.pdf",
        files=contents.images,
        packet=contents,
        team=cycle.team,
        plan_fields=PLAN_FIELDS,
        prepared_on=local_now().date(),
    )
