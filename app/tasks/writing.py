"""Writing the library: a team's draft, its edits, sharing it with the district, deleting it."""

from sqlalchemy.orm.exc import StaleDataError

from app.auth.models import User
from app.editing import StaleEdit, check_version
from app.extensions import db
from app.tasks.models import Task, TaskStandard
from app.teams.models import Team
from app.timeutil import utcnow
from app.uploads import CheckedFile, Folder

__all__ = ["StaleEdit", "create_task", "delete_task", "share_task", "update_task"]

TASK_FILES = Folder("tasks")


def apply_details(task: Task, details: dict) -> None:
    codes = details.pop("codes")
    for name, value in details.items():
        setattr(task, name, value)
    kept = {s.code: s for s in task.standards}
    task.standards = [
        kept.get(code) or TaskStandard(code=code, position=position)
        for position, code in enumerate(codes)
    ]
    for position, standard in enumerate(task.standards):
        standard.position = position


def _attach(task: Task, upload: CheckedFile | None, label: str | None) -> str | None:
    """Store a new file on the task; the name of the file it replaces, to remove after commit."""
    if upload is None:
        return None
    replaced = task.file_name
    task.file_name = TASK_FILES.store(upload)
    task.file_type = upload.file_type
    task.file_label = (label or "task file")[:200]
    return replaced


def new_task(actor: User, team: Team) -> Task:
    return Task(team_id=team.id, district_id=team.district_id, created_by_id=actor.id)


def create_task(
    actor: User,
    team: Team,
    details: dict,
    upload: CheckedFile | None = None,
    label: str | None = None,
) -> Task:
    """A new draft of `team`, private to it until shared."""
    task = new_task(actor, team)
    task.standards = []
    apply_details(task, dict(details))
    _attach(task, upload, label)
    db.session.add(task)
    db.session.commit()
    return task


def update_task(
    task: Task,
    details: dict,
    posted_version: int | None,
    upload: CheckedFile | None = None,
    label: str | None = None,
    remove_file: bool = False,
) -> None:
    """Save an edit; StaleEdit (nothing saved) if someone saved the task since it was loaded."""
    check_version(task, posted_version)
    apply_details(task, dict(details))
    replaced = None
    if remove_file and upload is None:
        replaced, task.file_name, task.file_type, task.file_label = task.file_name, None, None, None
    replaced = _attach(task, upload, label) or replaced
    stored = task.file_name if upload else None
    task.updated_at = utcnow()
    try:
        db.session.commit()
    except StaleDataError as error:
        db.session.rollback()
        TASK_FILES.remove(stored)
        raise StaleEdit() from error
    TASK_FILES.remove(replaced)


def share_task(task: Task) -> None:
    """Publish a draft: from now on everyone in the district sees it."""
    if task.shared_at is None:
        task.shared_at = task.updated_at = utcnow()
        db.session.commit()


def delete_task(task: Task) -> None:
    name = task.file_name
    db.session.delete(task)
    db.session.commit()
    TASK_FILES.remove(name)
