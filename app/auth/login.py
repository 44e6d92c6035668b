"""How Flask-Login finds the signed-in person and treats signed-out requests."""

from flask import redirect, request, url_for

from app.auth.models import User
from app.extensions import db, login_manager
from app.htmx import is_htmx
from app.numbers import parse_id

login_manager.login_view = "auth.login"
login_manager.login_message = "Sign in to continue."
login_manager.login_message_category = "info"


@login_manager.user_loader
def load_user(login_id: str) -> User | None:
    user_id, _, nonce = login_id.partition(":")
    number = parse_id(user_id)
    user = db.session.get(User, number) if number is not None else None
    if user is None or not user.active or user.session_nonce != nonce:
        return None
    return user


@login_manager.unauthorized_handler
def unauthorized():
    target = url_for("auth.login", next=request.full_path.rstrip("?"))
    if is_htmx() or request.headers.get("HX-Request"):
        return "", 401, {"HX-Redirect": target}
    return redirect(target)
