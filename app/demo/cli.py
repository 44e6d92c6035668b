import time

import click
from flask import Flask

from app.auth.models import User
from app.auth.passwords import MIN_LENGTH, hash_password
from app.auth.services import normalise_email, user_by_email
from app.bench_data import DISTRICT_PASSWORD, AlreadySeeded, seed_district
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

    @app.cli.command("seed-district")
    @click.option(
        "--scale",
        default=1.0,
        show_default=True,
        type=click.FloatRange(0.001, 10),
        help="A fraction of the full district (0.05 for tests).",
    )
    @click.option("--force", is_flag=True, help="Add the district to a database with data.")
    def seed_district_command(scale: float, force: bool):
        """Generate the benchmark district of issue 9 (50 schools, 100 teams, 600 people,
        five school years of weekly meetings); not the demo."""
        started = time.perf_counter()
        try:
            counts = seed_district(scale=scale, force=force)
        except AlreadySeeded as refusal:
            raise click.ClickException(
                f"Not generating the district: {refusal}. Use an empty database, or --force "
                "to add the district next to what is there."
            ) from None
        for table, count in counts.items():
            click.echo(f"  {table:<22} {count:>9,}")
        click.echo(
            f"District generated in {time.perf_counter() - started:.1f} s. Every district "
            f"account has the password {DISTRICT_PASSWORD}; the admin is admin@district.test."
        )

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
