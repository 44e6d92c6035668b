"""Tasks to and from CSV and JSON files.

Export then import gives the same tasks. An import checks every row with the task form first
and writes nothing if any row is wrong, naming the line. CSV cells that a spreadsheet would
run as a formula are written with a leading apostrophe, which import takes off again.
"""

import csv
import io
import json
from dataclasses import dataclass

import sqlalchemy as sa
from werkzeug.datastructures import MultiDict

from app.auth.models import User
from app.extensions import db
from app.forms import clean_text
from app.tasks.forms import TaskFieldsForm
from app.tasks.models import Task, TaskStandard
from app.tasks.writing import apply_details, new_task
from app.teams.models import Team
from app.timeutil import utcnow

COLUMNS = [
    "title",
    "grade",
    "standards",
    "big_idea",
    "statement",
    "demand",
    "demand_reason",
    "source",
    "license",
    "status",
]
STATUSES = ("draft", "shared")
MAX_IMPORT_BYTES = 4 * 1024 * 1024
MAX_ROWS = 2_000
MAX_EXPORT = 5_000
# A spreadsheet runs a cell starting with one of these as a formula (OWASP's CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


class ImportProblem(ValueError):
    """The file as a whole cannot be read; `problems` lists bad rows when it can."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class Row:
    line: int  # CSV: the line; JSON: the task's number in the list
    values: dict
    json_line: int | None = None


def as_row(task: Task, codes: list[str] | None = None) -> dict[str, str]:
    return {
        "title": task.title,
        "grade": task.grade,
        "standards": " ".join(task.codes if codes is None else codes),
        "big_idea": task.big_idea,
        "statement": task.statement,
        "demand": task.demand.value,
        "demand_reason": task.demand_reason,
        "source": task.source,
        "license": task.license,
        "status": "draft" if task.is_draft else "shared",
    }


def exported(query: sa.Select) -> list[dict[str, str]]:
    """The rows of the tasks `query` selects (at most MAX_EXPORT) in two statements, whatever
    their number (selectinload would take one more per 500 tasks)."""
    query = query.order_by(Task.id).limit(MAX_EXPORT)
    tasks = list(db.session.scalars(query))
    ids = query.with_only_columns(Task.id).subquery()
    codes: dict[int, list[str]] = {task.id: [] for task in tasks}
    standards = sa.select(TaskStandard.task_id, TaskStandard.code).where(
        TaskStandard.task_id.in_(sa.select(ids.c.id))
    )
    for task_id, code in db.session.execute(standards.order_by(TaskStandard.position)):
        codes.setdefault(task_id, []).append(code)
    return [as_row(task, codes[task.id]) for task in tasks]


def _defused(value: str) -> str:
    """A leading apostrophe on formulas, and on text already starting with one (so that
    import, which always takes one off, gives back exactly what was exported)."""
    return "'" + value if value.startswith((*FORMULA_STARTS, "'")) else value


def to_csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _defused(v) for k, v in row.items()})
    return BOM + out.getvalue()


def to_json(rows: list[dict[str, str]]) -> str:
    return json.dumps({"tasks": rows}, ensure_ascii=False, indent=1)


def _decoded(data: bytes) -> str:
    if not data.strip():
        raise ImportProblem("That file is empty.")
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportProblem(f"That file is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB.")
    try:
        return clean_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportProblem("Save the file as UTF-8 text (CSV or JSON) and try again.") from None


def _csv_rows(text: str) -> list[Row]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = reader.fieldnames or []
        missing = [c for c in ("title", "grade", "statement", "demand") if c not in header]
        if missing:
            raise ImportProblem(
                "The first line must name the columns; missing: " + ", ".join(missing) + "."
            )
        rows, ended = [], reader.line_num
        for record in reader:
            if len(rows) >= MAX_ROWS:
                raise ImportProblem(f"At most {MAX_ROWS:,} tasks per import.")
            values = {
                key: value.removeprefix("'") if isinstance(value, str) else ""
                for key, value in record.items()
                if key in COLUMNS
            }
            # A quoted cell may span lines: a row starts after the line the last one ended on.
            rows.append(Row(ended + 1, values))
            ended = reader.line_num
    except csv.Error as error:
        raise ImportProblem(f"Line {reader.line_num}: the CSV cannot be read ({error}).") from None
    return rows


def _json_rows(text: str) -> list[Row]:
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        where = f"Line {error.lineno}: " if isinstance(error, json.JSONDecodeError) else ""
        raise ImportProblem(f"{where}the JSON cannot be read.") from None
    items = data.get("tasks") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ImportProblem('The JSON must be a list of tasks, or {"tasks": [...]}.')
    if len(items) > MAX_ROWS:
        raise ImportProblem(f"At most {MAX_ROWS:,} tasks per import.")
    lines = _item_lines(text, len(items))
    rows = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            item = {"title": None}
        values = {k: v if isinstance(v, str) else "" for k, v in item.items() if k in COLUMNS}
        rows.append(Row(number, values, lines[number - 1] if lines else None))
    return rows


def _item_lines(text: str, count: int) -> list[int] | None:
    """The line each task of the JSON list starts on; None if the file is laid out otherwise
    (the tasks are then named by their number alone)."""
    decoder, pos = json.JSONDecoder(), text.find("[") + 1
    lines = []
    try:
        for _ in range(count):
            while text[pos] in " \t\r\n,":
                pos += 1
            lines.append(text.count("\n", 0, pos) + 1)
            _, pos = decoder.raw_decode(text, pos)
    except (IndexError, ValueError, RecursionError):
        return None
    return lines


def read_rows(data: bytes, filename: str = "") -> tuple[list[Row], str]:
    """The rows of a CSV or JSON file and the word for where a row is ('line' or 'task')."""
    text = _decoded(data)
    if filename.lower().endswith(".json") or text.lstrip().startswith(("{", "[")):
        return _json_rows(text), "Task"
    return _csv_rows(text), "Line"


def checked(rows: list[Row], where: str) -> list[tuple[dict, bool]]:
    """(task details, shared?) for every row; ImportProblem naming each bad row otherwise."""
    good, problems = [], []
    for row in rows:
        values = {k: clean_text(v) for k, v in row.values.items()}
        form = TaskFieldsForm(formdata=MultiDict(values))
        status = (values.get("status") or "draft").strip().lower()
        form_ok = form.validate()
        if form_ok and status in STATUSES:
            good.append((form.details(), status == "shared"))
            continue
        messages = [f"{name}: {' '.join(errs)}" for name, errs in form.errors.items()]
        if status not in STATUSES:
            messages.append("status: write draft or shared.")
        at = f" (line {row.json_line})" if row.json_line else ""
        problems.append(f"{where} {row.line}{at}: " + "; ".join(messages))
    if problems:
        raise ImportProblem("Nothing was imported. Fix these rows and try again.", problems)
    if not good:
        raise ImportProblem("That file has no tasks in it.")
    return good


def import_tasks(actor: User, team: Team, data: bytes, filename: str = "") -> int:
    """Add every task of the file to `team`'s library, or none of them; how many were added."""
    rows, where = read_rows(data, filename)
    now = utcnow()
    for details, shared in checked(rows, where):
        task = new_task(actor, team)
        task.standards = []
        apply_details(task, details)
        task.shared_at = now if shared else None
        db.session.add(task)
    db.session.commit()
    return len(rows)
