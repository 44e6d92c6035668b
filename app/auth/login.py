"""How Flask-Login finds the signed-in person and treats signed-out requests.

Every login_user() starts a server-side session (app.auth.sessions) and every logout_user()
revokes it, whichever route calls them: the login id in the cookies names that session, and
the user loader accepts only a live one."""

from flask import redirect, request, session, url_for
from flask_login import user_logged_in, user_logged_out

from app.auth import sessions
from app.auth.models import User
from app.extensions import login_manager
from app.htmx import is_htmx

login_manager.login_view = "auth.login"
login_manager.login_message = "Sign in to continue."
login_manager.login_message_category = "info"


@login_manager.user_loader
def load_user(login_id: str) -> User | None:
    return sessions.load(login_id)


@user_logged_in.connect
def _start_session(app, user: User, **extra) -> None:
    user.session_token = sessions.start(user, request.user_agent.string)
    session["_user_id"] = user.get_id()


@user_logged_out.connect
def _end_session(app, user, **extra) -> None:
    if isinstance(user, User):
        sessions.end(user)


@login_manager.unauthorized_handler
def unauthorized():
    target = url_for("auth.login", next=request.full_path.rstrip("?"))
    if is_htmx() or request.headers.get("HX-Request"):
        return "", 401, {"HX-Redirect": target}
    return redirect(target)
