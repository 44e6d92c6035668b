"""Names every template may use."""

from flask import Flask

from app.meetings.models import ReleaseLevel
from app.teams.models import Role


def quantity(count: int, unit: str, plural: str | None = None) -> str:
    """A count with its unit in the right number: "1 minute", "2 minutes", "0 people"."""
    return f"{count} {unit if count == 1 else plural or unit + 's'}"


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(Role=Role, ReleaseLevel=ReleaseLevel)
    app.jinja_env.filters["quantity"] = quantity
