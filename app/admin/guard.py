from flask import Blueprint, abort
from flask_login import current_user

from app.extensions import login_manager


def admin_blueprint(name: str, url_prefix: str) -> Blueprint:
    """A blueprint whose every view is for signed-in administrators only."""
    bp = Blueprint(name, __name__, url_prefix=url_prefix)

    @bp.before_request
    def require_admin():
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if not current_user.is_admin:
            abort(403)
        return None

    return bp
