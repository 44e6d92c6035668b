import click
from flask import Flask

from app.auth.models import User
from app.auth.passwords import MIN_LENGTH, hash_password
from app.auth.services import normalise_email, user_by_email
from app.demo.seed import seed_demo
from app.extensions import db


def register_commands(app: Flask) -> None:
    @app.cli.command("seed-demo")
    def seed_demo_command():
        """Load the demo district, team, people, meetings and handoff (idempotent)."""
        if seed_demo():
            click.echo("Demo loaded. Sign in as admin@demo.test with password tandem-demo.")
        else:
            click.echo("Demo already loaded; nothing changed.")

    @app.cli.command("create-admin")
    @click.argument("email")
    @click.argument("name")
    @click.password_option()
    def create_admin_command(email: str, name: str, password: str):
        """Create the first administrator of a new installation."""
        if user_by_email(email):
            raise click.ClickException(f"{email} already has an account.")
        if len(password) < MIN_LENGTH:
            raise click.ClickException(f"Use at least {MIN_LENGTH} characters.")
        db.session.add(
            User(
                email=normalise_email(email),
                name=name,
                password_hash=hash_password(password),
                is_admin=True,
            )
        )
        db.session.commit()
        click.echo(f"{email} can now sign in and invite everyone else.")
