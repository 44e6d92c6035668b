from pathlib import Path

from flask import Flask

from app import config, converters, errors, idempotency, live, security, templating
from app.extensions import csrf, db, login_manager, migrate
from app.forms import CleanRequest
from app.home import display

ROOT = Path(__file__).resolve().parent.parent


def create_app(overrides: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        template_folder="../templates",
        static_folder="../static",
        instance_path=str(ROOT / "instance"),
    )
    app.request_class = CleanRequest
    app.config.update(config.from_environment(Path(app.instance_path)))
    app.config.update(overrides or {})
    app.url_map.converters["int"] = converters.IdConverter

    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    login_manager.init_app(app)
    csrf.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    display.init_app(app)
    live.init_app(app)
    idempotency.init_app(app)
    templating.init_app(app)

    from app import models  # noqa: F401  (every model, for Alembic and relationships)
    from app.admin.invite_routes import bp as admin_invites_bp
    from app.admin.people_routes import bp as admin_people_bp
    from app.admin.routes import bp as admin_bp
    from app.admin.team_routes import bp as admin_teams_bp
    from app.auth.routes import bp as auth_bp
    from app.cycles.routes import bp as cycles_bp
    from app.debriefs.record_routes import bp as debrief_record_bp
    from app.debriefs.routes import bp as debriefs_bp
    from app.demo.cli import register_commands
    from app.enactments.routes import bp as enactments_bp
    from app.enactments.sample_routes import bp as work_samples_bp
    from app.enactments.tap_routes import bp as tap_count_bp
    from app.home.routes import bp as home_bp
    from app.leadership.handoff_routes import bp as handoff_bp
    from app.leadership.mentoring_routes import bp as mentoring_bp
    from app.leadership.moves_routes import bp as moves_bp
    from app.leadership.routes import bp as leadership_bp
    from app.lessons.field_routes import bp as lesson_fields_bp
    from app.lessons.history_routes import bp as lesson_history_bp
    from app.lessons.packet_routes import bp as lesson_packet_bp
    from app.lessons.response_routes import bp as lesson_responses_bp
    from app.lessons.routes import bp as lessons_bp
    from app.meetings.console_routes import bp as console_bp
    from app.meetings.contributions_routes import bp as contributions_bp
    from app.meetings.display_routes import bp as display_bp
    from app.meetings.minutes_routes import bp as minutes_bp
    from app.meetings.routes import bp as meetings_bp
    from app.meetings.run_routes import bp as run_bp
    from app.meetings.segments_routes import bp as segments_bp
    from app.selection.routes import bp as selection_bp
    from app.tasks.routes import bp as tasks_bp
    from app.tasks.transfer_routes import bp as task_transfer_bp
    from app.teams.routes import bp as teams_bp

    for blueprint in (
        home_bp,
        auth_bp,
        teams_bp,
        admin_bp,
        admin_people_bp,
        admin_invites_bp,
        admin_teams_bp,
        meetings_bp,
        segments_bp,
        run_bp,
        console_bp,
        display_bp,
        contributions_bp,
        minutes_bp,
        leadership_bp,
        mentoring_bp,
        moves_bp,
        handoff_bp,
        task_transfer_bp,
        tasks_bp,
        cycles_bp,
        selection_bp,
        lessons_bp,
        lesson_history_bp,
        lesson_packet_bp,
        enactments_bp,
        lesson_fields_bp,
        tap_count_bp,
        debrief_record_bp,
        lesson_responses_bp,
        debriefs_bp,
        work_samples_bp,
    ):
        app.register_blueprint(blueprint)
    register_commands(app)
    if app.config.get("BENCH"):
        from app.bench_data import anchors

        anchors.init_app(app)
    return app
