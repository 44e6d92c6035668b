"""The task library: search it, read a task, write a team's draft, share it, delete it."""

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user, login_required
from sqlalchemy.orm import selectinload

from app import idempotency, uploads
from app.forms import choices
from app.richtext import render_markdown
from app.tasks import writing
from app.tasks.access import can_edit, require, task_for, writing_teams
from app.tasks.forms import DEMAND_CHOICES, GRADE_CHOICES, TaskForm
from app.tasks.models import Task
from app.tasks.queries import SCOPES, Filters, library_page

bp = Blueprint("tasks", __name__)

FULL = (selectinload(Task.standards), selectinload(Task.team), selectinload(Task.created_by))


@bp.get("/tasks")
@login_required
def index():
    filters = Filters.from_args(request.args)
    return render_template(
        "tasks/index.html",
        filters=filters,
        results=library_page(current_user, filters),
        grades=GRADE_CHOICES,
        demands=DEMAND_CHOICES,
        scopes=SCOPES,
        can_write=bool(writing_teams(current_user)),
    )


@bp.get("/tasks/<int:task_id>")
@login_required
def show(task_id: int):
    task = task_for(current_user, task_id, *FULL)
    return render_template(
        "tasks/show.html",
        task=task,
        statement=render_markdown(task.statement),
        can_edit=can_edit(current_user, task),
    )


def _form(task: Task | None = None, submitted: bool = False) -> TaskForm:
    form = TaskForm() if submitted else TaskForm(formdata=None, obj=task)
    if task is None:
        form.team_id.choices = choices((t.id, t.name) for t in writing_teams(current_user))
    else:
        del form.team_id  # a task stays with the team that wrote it
        if not submitted:
            form.standards.data = " ".join(task.codes)
            form.demand.data = task.demand.value
    return form


def _upload(form: TaskForm) -> tuple[uploads.CheckedFile | None, str | None]:
    """The checked file sent with the form, if any; a problem becomes the field's message."""
    sent = form.file.data
    if not sent or not getattr(sent, "filename", None):
        return None, None
    try:
        return uploads.check_upload(sent.stream), sent.filename
    except uploads.FileProblem as problem:
        form.file.errors = [str(problem)]
        return None, None


def _file_again(form: TaskForm, upload: uploads.CheckedFile | None) -> TaskForm:
    """A browser cannot send a file input back filled in: say so beside the field."""
    if upload is not None:
        form.file.errors = [
            "Your file was fine but is not kept until the form saves: choose it again."
        ]
    return form


def _render_form(form: TaskForm, task: Task | None = None, status: int = 200, **more):
    return render_template("tasks/form.html", form=form, task=task, **more), status


@bp.get("/tasks/new")
@login_required
def new():
    form = _form()
    if not form.team_id.choices:
        flash("Join a grade-level team to write tasks for the library.", "info")
        return redirect(url_for("tasks.index"))
    return _render_form(form)


@bp.post("/tasks")
@login_required
def create():
    form = _form(submitted=True)
    valid = form.validate()
    upload, label = _upload(form)
    if not valid or form.file.errors:
        return _render_form(_file_again(form, upload), status=422)
    team = next(t for t in writing_teams(current_user) if t.id == form.team_id.data)
    # A double click or a retried post makes one draft, not two.
    outcome = idempotency.once(
        current_user,
        idempotency.key_from(request.form),
        "tasks.create",
        lambda: writing.create_task(current_user, team, form.details(), upload, label),
    )
    task_id = outcome.object_id or outcome.value.id
    flash("Draft saved. Only your team sees it until you share it.", "success")
    return redirect(url_for("tasks.show", task_id=task_id))


@bp.get("/tasks/<int:task_id>/edit")
@login_required
def edit(task_id: int):
    task = task_for(current_user, task_id, *FULL)
    require(can_edit(current_user, task))
    return _render_form(_form(task), task)


@bp.post("/tasks/<int:task_id>")
@login_required
def update(task_id: int):
    task = task_for(current_user, task_id, *FULL)
    require(can_edit(current_user, task))
    form = _form(task, submitted=True)
    valid = form.validate()
    upload, label = _upload(form)
    if not valid or form.file.errors:
        return _render_form(_file_again(form, upload), task, 422)
    try:
        writing.update_task(
            task, form.details(), form.version.data, upload, label, form.remove_file.data
        )
    except writing.StaleEdit:
        fresh = task_for(current_user, task_id, *FULL)
        form.version.data = fresh.version
        return _render_form(form, fresh, 409, conflict=True)
    flash("Task saved.", "success")
    return redirect(url_for("tasks.show", task_id=task.id))


@bp.post("/tasks/<int:task_id>/share")
@login_required
def publish(task_id: int):
    task = task_for(current_user, task_id)
    require(can_edit(current_user, task))
    writing.share_task(task)
    flash("Shared: everyone in the district can find this task now.", "success")
    return redirect(url_for("tasks.show", task_id=task.id))


@bp.get("/tasks/<int:task_id>/delete")
@login_required
def confirm_delete(task_id: int):
    task = task_for(current_user, task_id)
    require(can_edit(current_user, task))
    return render_template("tasks/delete.html", task=task)


@bp.post("/tasks/<int:task_id>/delete")
@login_required
def delete(task_id: int):
    task = task_for(current_user, task_id, *FULL)
    require(can_edit(current_user, task))
    title = task.title
    writing.delete_task(task)
    flash(f"“{title}” was deleted from the library.", "info")
    return redirect(url_for("tasks.index"))


@bp.get("/tasks/<int:task_id>/file")
@login_required
def file(task_id: int):
    task = task_for(current_user, task_id)
    path = writing.TASK_FILES.path_of(task.file_name) if task.file_name else None
    if path is None:
        abort(404)
    is_pdf = task.file_type == "application/pdf"
    response = send_file(
        path,
        mimetype=task.file_type,
        as_attachment=is_pdf,
        download_name=f"task-{task.id}.{path.suffix.lstrip('.')}",
        max_age=0,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response
