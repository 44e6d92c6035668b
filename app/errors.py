"""Error pages a person can act on, and the signed-out answer for htmx requests."""

import sqlalchemy as sa
from flask import Flask, current_app, render_template
from flask_wtf.csrf import CSRFError

from app.extensions import db

MESSAGES = {
    400: ("Something in that request was not right", "Go back, reload the page and try again."),
    403: ("This page is not for your account", "Ask your administrator if you need access."),
    404: ("We could not find that page", "It may have moved, or it belongs to another team."),
    405: ("That action is not available here", "Go back and use the buttons on the page."),
    413: ("That upload is too large", "Choose a smaller file and try again."),
    429: ("Too many attempts", "Wait a few minutes, then try again."),
    500: (
        "Something went wrong on our side",
        "Your last change may not have been saved. "
        "Reload the page; if it happens again, tell your administrator.",
    ),
}


def _forget_failed_work() -> None:
    """Roll back whatever the failed request left in its session (a failed flush, an aborted
    PostgreSQL transaction), so the page's header can load the signed-in person again."""
    try:
        db.session.rollback()
    except sa.exc.SQLAlchemyError:
        db.session.remove()


def _error_page(status: int, title: str | None = None, advice: str | None = None):
    _forget_failed_work()
    default_title, default_advice = MESSAGES[status]
    page = {"status": status, "title": title or default_title, "advice": advice or default_advice}
    try:
        return render_template("errors/error.html", **page), status
    except sa.exc.SQLAlchemyError:
        # The database itself is failing: a page without the signed-in header still helps.
        # Rendered past the context processors, since Flask-Login's loads the person.
        current_app.logger.exception("The error page could not draw its header")
        _forget_failed_work()
        return current_app.jinja_env.get_template("errors/plain.html").render(**page), status


def init_app(app: Flask) -> None:
    for status in MESSAGES:
        app.register_error_handler(status, lambda e, s=status: _error_page(s))

    @app.errorhandler(CSRFError)
    def csrf_expired(error):
        return _error_page(
            400,
            "This page was open too long to save safely",
            "Reload the page and make your change again; nothing else was lost.",
        )
