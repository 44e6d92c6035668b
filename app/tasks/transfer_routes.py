"""Export the library (as filtered) to CSV or JSON, and import a file into a team's library."""

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from app import idempotency
from app.forms import choices
from app.tasks import transfer
from app.tasks.access import writing_teams
from app.tasks.forms import ImportForm
from app.tasks.queries import Filters, filtered
from app.timeutil import local_now

bp = Blueprint("task_transfer", __name__)


def _download(body: str, mimetype: str, extension: str) -> Response:
    name = f"tandem-tasks-{local_now():%Y-%m-%d}.{extension}"
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _tasks():
    return transfer.exported(filtered(current_user, Filters.from_args(request.args)))


@bp.get("/tasks/export.csv")
@login_required
def export_csv():
    return _download(transfer.to_csv(_tasks()), "text/csv; charset=utf-8", "csv")


@bp.get("/tasks/export.json")
@login_required
def export_json():
    return _download(transfer.to_json(_tasks()), "application/json", "json")


def _form(submitted: bool = False) -> ImportForm:
    form = ImportForm() if submitted else ImportForm(formdata=None)
    form.team_id.choices = choices((t.id, t.name) for t in writing_teams(current_user))
    return form


@bp.get("/tasks/import")
@login_required
def new_import():
    form = _form()
    if not form.team_id.choices:
        flash("Join a grade-level team to import tasks.", "info")
        return redirect(url_for("tasks.index"))
    return render_template("tasks/import.html", form=form, limit=transfer.MAX_ROWS)


@bp.post("/tasks/import")
@login_required
def create_import():
    form = _form(submitted=True)
    teams = {t.id: t for t in writing_teams(current_user)}
    problems: list[str] = []
    if form.validate() and form.team_id.data not in teams:
        form.team_id.errors = ["Choose one of your teams."]
    sent = form.file.data
    if not sent or not getattr(sent, "filename", None):
        form.file.errors = ["Choose a CSV or JSON file."]
    if form.errors or form.team_id.errors or form.file.errors:
        return render_template("tasks/import.html", form=form, limit=transfer.MAX_ROWS), 422
    try:
        data = sent.stream.read(transfer.MAX_IMPORT_BYTES + 1)
        team = teams[form.team_id.data]
        outcome = idempotency.once(
            current_user,
            idempotency.key_from(request.form),
            "task_transfer.create_import",
            lambda: transfer.import_tasks(current_user, team, data, sent.filename),
        )
    except transfer.ImportProblem as problem:
        form.file.errors, problems = [str(problem)], problem.problems
        page = render_template(
            "tasks/import.html", form=form, limit=transfer.MAX_ROWS, problems=problems
        )
        return page, 422
    if outcome.replayed:
        flash("That file was already imported; nothing was added twice.", "info")
    else:
        count = outcome.value
        flash(f"Imported {count} {'task' if count == 1 else 'tasks'}.", "success")
    return redirect(url_for("tasks.index", scope="drafts"))
