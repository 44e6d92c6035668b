"""Settings from the environment, with development defaults."""

import os
import secrets
from pathlib import Path


def _secret_key(instance_path: Path, production: bool) -> str:
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    if production:
        raise RuntimeError("SECRET_KEY must be set in production (TANDEM_ENV=production).")
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def _database_url(instance_path: Path) -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        instance_path.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{instance_path / 'tandem.sqlite3'}"
    if url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgres://")
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def _smtp() -> dict:
    """Where invitations are e-mailed from; without SMTP_HOST they are written to the log."""
    port = int(os.environ.get("SMTP_PORT", 587))
    starttls = os.environ.get("SMTP_STARTTLS", "true" if port == 587 else "false")
    return {
        "SMTP_HOST": os.environ.get("SMTP_HOST") or None,
        "SMTP_PORT": port,
        "SMTP_USER": os.environ.get("SMTP_USER") or None,
        "SMTP_PASSWORD": os.environ.get("SMTP_PASSWORD") or None,
        "SMTP_FROM": os.environ.get("SMTP_FROM", "Tandem <tandem@localhost>"),
        "SMTP_STARTTLS": starttls.strip().lower() in {"1", "true", "yes", "on"},
        "SMTP_TIMEOUT": float(os.environ.get("SMTP_TIMEOUT", 10)),
    }


def _engine_options() -> dict:
    """A room of screens re-fetching at once wants more connections than SQLAlchemy's pool
    keeps (5): the overflow ones were opened and closed on every burst, each a new PostgreSQL
    backend, which cost the database more CPU than the queries. Per server process."""
    options = {"pool_pre_ping": True}
    if os.environ.get("TANDEM_DB_POOL_SIZE"):
        options["pool_size"] = int(os.environ["TANDEM_DB_POOL_SIZE"])
    if os.environ.get("TANDEM_DB_MAX_OVERFLOW"):
        options["max_overflow"] = int(os.environ["TANDEM_DB_MAX_OVERFLOW"])
    return options


def from_environment(instance_path: Path) -> dict:
    production = os.environ.get("TANDEM_ENV") == "production"
    return {
        **_smtp(),
        "PRODUCTION": production,
        # bench/pages.py's anchor pages and statement counts; never set in production.
        "BENCH": os.environ.get("TANDEM_BENCH") == "1",
        "SECRET_KEY": _secret_key(instance_path, production),
        "SQLALCHEMY_DATABASE_URI": _database_url(instance_path),
        "SQLALCHEMY_ENGINE_OPTIONS": _engine_options(),
        "REDIS_URL": os.environ.get("REDIS_URL") or None,
        "TIMEZONE": os.environ.get("TANDEM_TIMEZONE", "America/New_York"),
        # Reverse proxies in front of Tandem whose X-Forwarded-* headers are to be trusted.
        "PROXY_HOPS": int(os.environ.get("TANDEM_PROXY_HOPS", 0)),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_DURATION": 60 * 60 * 24 * 30,
        # A projector page stays open through a whole meeting: tie CSRF tokens to the session.
        "WTF_CSRF_TIME_LIMIT": None,
        "MAX_CONTENT_LENGTH": 16 * 1024 * 1024,
        # Uploaded files (task images and PDFs); instance/uploads when unset. Never in static/.
        "UPLOAD_FOLDER": os.environ.get("TANDEM_UPLOAD_FOLDER") or None,
        "INVITE_DAYS": 14,
        # Sign-in throttling (app/auth/throttling.py): wrong passwords allowed per key before
        # each next try waits 2, 4, 8 … seconds, at most SIGNIN_MAX_DELAY_SECONDS.
        "SIGNIN_FREE_PER_ACCOUNT_AND_ADDRESS": 5,
        "SIGNIN_FREE_PER_ACCOUNT": 10,
        "SIGNIN_FREE_PER_ADDRESS": 100,
        "SIGNIN_MAX_DELAY_SECONDS": 30,
        "SIGNIN_WINDOW_MINUTES": 15,
        # argon2id; the defaults are argon2-cffi's RFC 9106 low-memory profile.
        "ARGON2_TIME_COST": int(os.environ.get("ARGON2_TIME_COST", 3)),
        "ARGON2_MEMORY_COST": int(os.environ.get("ARGON2_MEMORY_COST", 65536)),
    }
