"""Names every template may use."""

from flask import Flask, request, url_for

from app.meetings.models import ReleaseLevel
from app.teams.models import Role


def quantity(count: int, unit: str, plural: str | None = None) -> str:
    """A count with its unit in the right number: "1 minute", "2 minutes", "0 people"."""
    return f"{count} {unit if count == 1 else plural or unit + 's'}"


def _static_urls():
    """static_url(filename): url_for("static", ...) made once per file (and script root), not
    on every page: the layout links a dozen stylesheets and scripts."""
    made: dict[tuple[str, str], str] = {}

    def static_url(filename: str) -> str:
        key = (request.script_root, filename)
        if key not in made:
            made[key] = url_for("static", filename=filename)
        return made[key]

    return static_url


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(Role=Role, ReleaseLevel=ReleaseLevel, static_url=_static_urls())
    app.jinja_env.filters["quantity"] = quantity
