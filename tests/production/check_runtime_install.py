"""Tandem from a runtime-only install, as the README tells an administrator to run it.

Run by `.ci/run` with the system Python (standard library only):

    python3 tests/production/check_runtime_install.py

It copies the work tree to a temporary folder, then:

1. `make run` there (which creates `.venv` and installs Tandem *without* the dev extras),
   against a new PostgreSQL database: `/healthz` answers 200 and a demo account signs in.
2. `make serve-production` on the same database with `TANDEM_ENV=production`, `SECRET_KEY`
   and `REDIS_URL`: the same checks through gunicorn's gevent worker.
3. A second fresh venv with a plain `pip install .`, a second new database, the README's
   Production commands (`db upgrade`, `create-admin`, `gunicorn -c deploy/gunicorn.conf.py ...`):
   `/healthz` answers 200 and the new admin signs in and sees the dashboard.

Every server is stopped and both databases dropped at the end, also on a failure. Redis
database 12 is used (nothing else in the project uses it); its `tandem:*` keys are deleted.
"""

import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PG = "postgresql://postgres@127.0.0.1:5432"
PG_ALCHEMY = "postgresql+psycopg://postgres@127.0.0.1:5432"
REDIS_URL = "redis://127.0.0.1:6379/12"
ADMIN_PASSWORD = "runtime-install-check"


def log(message: str) -> None:
    print(f"== {message}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(args: list[str], cwd: Path, env: dict, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise SystemExit(
            f"FAILED: {' '.join(args)} (exit {result.returncode})\n{result.stdout}\n{result.stderr}"
        )
    return result


def copy_work_tree(target: Path) -> None:
    """The tracked and new files of the work tree, without venvs, caches or instance data."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, (n.decode() for n in listed)):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


class Browser:
    """Just enough of a browser: cookies (also `Secure` ones, over plain HTTP), forms."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        connection.close()
        return response.status, response.headers, text

    def sign_in(self, email: str, password: str) -> None:
        status, _, page = self.request("GET", "/sign-in")
        assert status == 200, f"GET /sign-in answered {status}"
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
        assert token, "no CSRF token on the sign-in page"
        status, headers, page = self.request(
            "POST",
            "/sign-in",
            {"csrf_token": token.group(1), "email": email, "password": password},
        )
        assert status == 302, f"sign-in answered {status}: {page[:2000]}"
        status, _, page = self.request("GET", "/")
        assert status == 200, f"GET / after signing in answered {status}"
        assert "Sign out" in page, "the dashboard does not show a signed-in person"


def wait_for_health(port: int, server: subprocess.Popen, output: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(
                f"FAILED: the server exited ({server.returncode}):\n{output.read_text()}"
            )
        try:
            status, _, body = Browser(port).request("GET", "/healthz")
            if status == 200:
                log(f"/healthz: 200 {body.strip()}")
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"FAILED: /healthz never answered 200:\n{output.read_text()}")


def serve_and_check(args, cwd: Path, env: dict, logs: Path, email: str, password: str):
    port = free_port()
    output = logs / f"server-{port}.log"
    with output.open("w") as out:
        server = subprocess.Popen(
            [a.replace("{port}", str(port)) for a in args],
            cwd=cwd,
            env=env | {"PORT": str(port)},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for_health(port, server, output)
        Browser(port).sign_in(email, password)
        log(f"{email} signed in and saw the dashboard")
    finally:
        stop(server)
    text = output.read_text()
    if "Traceback" in text or "Internal Server Error" in text:
        raise SystemExit(f"FAILED: the server logged an error:\n{text}")


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def psql(sql: str) -> None:
    subprocess.run(
        ["psql", f"{PG}/postgres", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql],
        check=True,
        capture_output=True,
    )


def clean_environment() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    for name in ("DATABASE_URL", "REDIS_URL", "TANDEM_ENV", "SECRET_KEY", "FLASK_APP"):
        env.pop(name, None)
    venv_bin = os.environ.get("VIRTUAL_ENV")
    if venv_bin:  # never pick up the dev venv's tools
        env["PATH"] = os.pathsep.join(
            p for p in env["PATH"].split(os.pathsep) if not p.startswith(venv_bin)
        )
    return env


def main() -> None:
    started = time.monotonic()
    suffix = f"{os.getpid()}_{int(time.time())}"
    databases = [f"runtime_check_make_{suffix}", f"runtime_check_plain_{suffix}"]
    work = Path(tempfile.mkdtemp(prefix="tandem-runtime-"))
    source, logs = work / "tandem", work / "logs"
    logs.mkdir()
    env = clean_environment()
    try:
        for database in databases:
            psql(f'CREATE DATABASE "{database}"')
        copy_work_tree(source)
        production = {
            "TANDEM_ENV": "production",
            "SECRET_KEY": "runtime-install-check-" + suffix,
            "REDIS_URL": REDIS_URL,
        }

        make_env = env | {"DATABASE_URL": f"{PG_ALCHEMY}/{databases[0]}"}
        log("make run: a runtime-only .venv, migrate, demo, flask run")
        serve_and_check(["make", "run"], source, make_env, logs, "admin@demo.test", "tandem-demo")
        extras = run([".venv/bin/pip", "list", "--format=freeze"], source, env).stdout
        for dev_tool in ("pytest", "playwright", "ruff", "hypothesis"):
            assert f"\n{dev_tool}==" not in f"\n{extras.lower()}", f"{dev_tool} was installed"
        log("make serve-production: gunicorn's gevent worker, PostgreSQL, Redis")
        serve_and_check(
            ["make", "serve-production"],
            source,
            make_env | production,
            logs,
            "admin@demo.test",
            "tandem-demo",
        )

        log("pip install . into a fresh venv (no dev extras), then the README's commands")
        venv = work / "venv"
        run([sys.executable, "-m", "venv", str(venv)], work, env)
        run([str(venv / "bin/pip"), "install", "--quiet", "."], source, env)
        plain_env = env | production | {"DATABASE_URL": f"{PG_ALCHEMY}/{databases[1]}"}
        flask = [str(venv / "bin/flask"), "--app", "wsgi"]
        run([*flask, "db", "upgrade"], source, plain_env)
        run(
            [*flask, "create-admin", "you@district.org", "Your Name"],
            source,
            plain_env,
            input=f"{ADMIN_PASSWORD}\n{ADMIN_PASSWORD}\n",
        )
        gunicorn = [str(venv / "bin/gunicorn"), "-c", "deploy/gunicorn.conf.py"]
        serve_and_check(
            [*gunicorn, "--bind", "127.0.0.1:{port}", "wsgi:app"],
            source,
            plain_env,
            logs,
            "you@district.org",
            ADMIN_PASSWORD,
        )
    finally:
        for database in databases:
            psql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        subprocess.run(
            "redis-cli -n 12 --scan --pattern 'tandem:*' | xargs -r redis-cli -n 12 del",
            shell=True,
            capture_output=True,
            check=False,
        )
        shutil.rmtree(work, ignore_errors=True)
    log(f"runtime-only install checks passed in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
