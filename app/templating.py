"""Names every template may use."""

from flask import Flask

from app.meetings.models import ReleaseLevel
from app.teams.models import Role


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(Role=Role, ReleaseLevel=ReleaseLevel)
