from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy.exc import IntegrityError

from app.auth import invitations, services, sessions
from app.auth import login as _login  # noqa: F401  (registers the user loader)
from app.auth.forms import AcceptInviteForm, ChangePasswordForm, SignInForm
from app.extensions import db
from app.navigation import local_url
from app.timeutil import to_local

bp = Blueprint("auth", __name__)


def _too_soon(page: str, wait: services.SignInThrottled):
    return page, 429, {"Retry-After": str(wait.seconds)}


@bp.get("/sign-in")
def login():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    return render_template("auth/login.html", form=SignInForm())


@bp.post("/sign-in")
def login_post():
    form = SignInForm()
    if not form.validate():
        return render_template("auth/login.html", form=form), 422
    try:
        user = services.authenticate(
            form.email.data, form.password.data, request.remote_addr or "unknown"
        )
    except services.SignInThrottled as wait:
        form.password.errors.append(str(wait))
        return _too_soon(render_template("auth/login.html", form=form), wait)
    except services.SignInRefused as refusal:
        form.password.errors.append(str(refusal))
        return render_template("auth/login.html", form=form), 422
    login_user(user, remember=form.remember.data)
    return redirect(local_url(request.args.get("next")))


@bp.post("/sign-out")
@login_required
def logout():
    logout_user()  # revokes this browser's server-side session (app/auth/login.py)
    flash("You are signed out.", "info")
    return redirect(url_for("auth.login"))


@bp.get("/account")
@login_required
def account():
    return render_template(
        "auth/account.html",
        devices=sessions.active(current_user),
        is_current=sessions.is_current,
        to_local=to_local,
    )


@bp.post("/account/sign-out-everywhere")
@login_required
def sign_out_everywhere():
    services.sign_out_everywhere(current_user)
    logout_user()
    flash("You are signed out everywhere, on this device and every other.", "info")
    return redirect(url_for("auth.login"))


@bp.get("/account/password")
@login_required
def password():
    return render_template("auth/password.html", form=ChangePasswordForm())


@bp.post("/account/password")
@login_required
def password_post():
    form = ChangePasswordForm()
    if not form.validate():
        return render_template("auth/password.html", form=form), 422
    try:
        confirmed = services.confirm_password(
            current_user, form.current_password.data, request.remote_addr or "unknown"
        )
    except services.SignInThrottled as wait:
        form.current_password.errors.append(str(wait))
        return _too_soon(render_template("auth/password.html", form=form), wait)
    if not confirmed:
        form.current_password.errors.append("That is not your current password.")
        return render_template("auth/password.html", form=form), 422
    services.set_password(current_user, form.password.data)
    flash("Your password is changed. Other devices have been signed out.", "success")
    return redirect(url_for("home.index"))


def _render_problem(check: invitations.LinkCheck):
    return render_template(
        "auth/invite_problem.html", problem=check.problem.name, invite=check.invite
    ), check.problem.status


@bp.get("/invites/<token>")
def accept_invite(token: str):
    check = invitations.check_link(token)
    if check.problem:
        return _render_problem(check)
    form = AcceptInviteForm(name=check.invite.name)
    return render_template("auth/accept_invite.html", invite=check.invite, form=form)


@bp.post("/invites/<token>")
def accept_invite_post(token: str):
    check = invitations.check_link(token)
    if check.problem:
        return _render_problem(check)
    invite, form = check.invite, AcceptInviteForm()
    if not form.validate():
        return render_template("auth/accept_invite.html", invite=invite, form=form), 422
    if services.user_by_email(invite.email):
        form.name.errors.append(f"An account for {invite.email} already exists. Sign in instead.")
        return render_template("auth/accept_invite.html", invite=invite, form=form), 422
    try:
        user = invitations.accept_invite(invite, form.name.data, form.password.data)
    except IntegrityError:
        db.session.rollback()
        return _render_problem(invitations.LinkCheck(invite, invitations.LinkProblem.used))
    logout_user()
    login_user(user)
    flash(f"Welcome to Tandem, {user.first_name}.", "success")
    if invite.team_id:
        return redirect(url_for("teams.show", team_id=invite.team_id))
    return redirect(url_for("home.index"))
