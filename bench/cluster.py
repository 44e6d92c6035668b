"""Two Tandem servers behind one nginx, as deploy/nginx.conf sets it up for a district.

    .venv/bin/python bench/cluster.py            # or: make bench-cluster

The bench creates a PostgreSQL database (`bench_cluster_<pid>`), loads the demo, starts two
production servers (`gunicorn -c deploy/gunicorn.conf.py`, TANDEM_ENV=production,
TANDEM_PROXY_HOPS=1, one SECRET_KEY, Redis database 13) on two loopback ports, and Debian's
nginx as an ordinary process on a third, with deploy/nginx.conf as it is but for its
addresses and a throwaway self-signed certificate (and a response header naming the upstream
server, so the bench knows which server answered). Then, over HTTPS through nginx only, it
checks and prints:

1. sign-in with the form's CSRF token works, and a form post without the token is refused;
2. meeting screens (Server-Sent Events) are held open on both servers through the proxy;
3. a note posted through one server reaches the screens held by the other, and the other way
   round, within a second (an nginx that buffered the stream would hold the event back);
4. a screen that reconnects with its Last-Event-ID catches up on whichever server it lands.

Everything it starts is stopped and removed at the end, also on an error or Ctrl-C.
"""

import argparse
import contextlib
import http.client
import os
import queue
import re
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from live_latency import (  # noqa: E402
    BIN,
    ROOT,
    _clear_redis,
    _free_port,
    _postgres,
    demo_meeting_ids,
    redis_url,
)

NGINX_CONF = ROOT / "deploy" / "nginx.conf"
UPSTREAM_HEADER = "X-Bench-Upstream"
PASSWORD = "tandem-demo"


class Cluster:
    """The database, two servers and nginx; a context manager that always cleans up."""

    def __init__(self, workers: int, redis_db: int):
        self.workers = workers
        self.redis_url = redis_url(redis_db)
        self.database = f"bench_cluster_{os.getpid()}"
        self.database_url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{self.database}"
        self.tmp = Path(tempfile.mkdtemp(prefix="tandem-cluster-"))
        self.tmp.chmod(0o755)  # nginx's workers (user nobody) write their temp files here
        self.server_ports = [_free_port(), _free_port()]
        self.port = _free_port()
        self.processes: list[subprocess.Popen] = []
        self.created = False

    def __enter__(self):
        try:
            self._start()
        except BaseException:
            self.__exit__()
            raise
        return self

    def _environment(self) -> dict:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("FLASK_", "TANDEM_"))}
        return env | {
            "TANDEM_ENV": "production",
            "TANDEM_PROXY_HOPS": "1",
            "SECRET_KEY": "cluster-" + uuid.uuid4().hex,
            "DATABASE_URL": self.database_url,
            "REDIS_URL": self.redis_url,
            "PYTHONUNBUFFERED": "1",
        }

    def _start(self) -> None:
        if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
            raise RuntimeError("nginx is missing: apt-get install nginx")
        _postgres(f'CREATE DATABASE "{self.database}"')
        self.created = True
        _clear_redis(self.redis_url)
        env = self._environment()
        flask = [str(BIN / "flask"), "--app", "wsgi"]
        for step in (["db", "upgrade"], ["seed-demo"]):
            subprocess.run(flask + step, cwd=ROOT, env=env, check=True, capture_output=True)
        for port in self.server_ports:
            self._spawn(
                [str(BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "--workers",
                 str(self.workers), "--bind", f"127.0.0.1:{port}", "wsgi:app"],
                env, f"server-{port}.log",
            )  # fmt: skip
        self._write_nginx_config()
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self._spawn(
            [nginx, "-p", str(self.tmp), "-c", str(self.tmp / "nginx.conf"), "-g", "daemon off;"],
            env, "nginx.log",
        )  # fmt: skip
        deadline = time.monotonic() + 90
        for port, tls in [(p, False) for p in self.server_ports] + [(self.port, True)]:
            while not _healthy(port, tls):
                if time.monotonic() > deadline or any(p.poll() is not None for p in self.processes):
                    raise RuntimeError(f"port {port} never answered /healthz:\n{self.logs()}")
                time.sleep(0.3)

    def _spawn(self, command: list[str], env: dict, log_name: str) -> None:
        with open(self.tmp / log_name, "wb") as log:
            self.processes.append(
                subprocess.Popen(
                    command,
                    cwd=ROOT,
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL,
                    start_new_session=True,
                )  # fmt: skip
            )

    def _write_nginx_config(self) -> None:
        """deploy/nginx.conf with this bench's ports, certificate and an upstream header."""
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
             "-subj", "/CN=127.0.0.1", "-keyout", str(self.tmp / "key.pem"),
             "-out", str(self.tmp / "cert.pem")],
            check=True, capture_output=True,
        )  # fmt: skip
        site = NGINX_CONF.read_text()
        upstreams = "".join(f"    server 127.0.0.1:{p};\n" for p in self.server_ports)
        site, found = re.subn(r"(?m)^    server [0-9.]+:[0-9]+;.*\n", "", site)
        site = site.replace("    keepalive ", upstreams + "    keepalive ", 1)
        site = site.replace("listen 80;", f"listen 127.0.0.1:{_free_port()};")
        site = site.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{self.port} ssl http2;")
        site = re.sub(r"ssl_certificate (\S+);", f"ssl_certificate {self.tmp / 'cert.pem'};", site)
        site = re.sub(
            r"ssl_certificate_key (\S+);", f"ssl_certificate_key {self.tmp / 'key.pem'};", site
        )
        named = f"add_header {UPSTREAM_HEADER} $upstream_addr always;"
        site = site.replace(
            "proxy_pass http://tandem;", f"proxy_pass http://tandem;\n        {named}"
        )
        shaped = found and upstreams in site and str(self.port) in site and "cert.pem" in site
        if not shaped:
            raise RuntimeError("deploy/nginx.conf no longer has the shape this bench rewrites")
        (self.tmp / "tandem.conf").write_text(site)
        temp = "\n".join(
            f"  {name}_temp_path {self.tmp / name};"
            for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (self.tmp / "nginx.conf").write_text(
            f"worker_processes 1;\npid {self.tmp / 'nginx.pid'};\n"
            f"error_log {self.tmp / 'nginx-error.log'} warn;\n"
            "events { worker_connections 4096; }\n"
            f"http {{\n  access_log {self.tmp / 'nginx-access.log'};\n{temp}\n"
            f"  include {self.tmp / 'tandem.conf'};\n}}\n"
        )

    def logs(self) -> str:
        text = []
        for path in sorted(self.tmp.glob("*.log")):
            with contextlib.suppress(OSError):
                text.append(f"---- {path.name} ----\n{path.read_text(errors='replace')[-2500:]}")
        return "\n".join(text)

    def __exit__(self, *exc):
        for process in reversed(self.processes):
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGINT if process is not self.processes[-1]
                              else signal.SIGQUIT)  # fmt: skip
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        if self.created:
            with contextlib.suppress(Exception):
                _postgres(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            with contextlib.suppress(Exception):
                _clear_redis(self.redis_url)
        shutil.rmtree(self.tmp, ignore_errors=True)
        return False


def _tls() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the bench's own throwaway certificate
    return context


def _connection(port: int, tls: bool, timeout: float = 30) -> http.client.HTTPConnection:
    if tls:
        return http.client.HTTPSConnection("127.0.0.1", port, timeout=timeout, context=_tls())
    return http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)


def _healthy(port: int, tls: bool) -> bool:
    try:
        connection = _connection(port, tls, timeout=2)
        connection.request("GET", "/healthz")
        ok = connection.getresponse().status == 200
        connection.close()
        return ok
    except OSError:
        return False


class Browser:
    """Cookies (the Secure ones too: this is HTTPS), a Referer like a browser's, forms."""

    def __init__(self, port: int):
        self.port, self.origin = port, f"https://127.0.0.1:{port}"
        self.cookies: dict[str, str] = {}
        self.csrf = ""

    def headers(self, referer: str | None = None) -> dict:
        headers = {"Referer": self.origin + (referer or "/")}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return headers

    def request(self, method, path, form=None, headers=None):
        connection = _connection(self.port, tls=True)
        sent = self.headers() | (headers or {})
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        connection.close()
        return response.status, response.headers, text

    def sign_in(self, email: str) -> str:
        status, _, page = self.request("GET", "/sign-in")
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
        if status != 200 or not token:
            raise RuntimeError(f"GET /sign-in answered {status} without a CSRF token")
        form = {"csrf_token": token.group(1), "email": email, "password": PASSWORD}
        status, headers, page = self.request("POST", "/sign-in", form)
        if status != 302:
            raise RuntimeError(f"signing in as {email} answered {status}: {page[:500]}")
        status, headers, page = self.request("GET", "/")
        csrf = re.search(r'data-csrf-token="([^"]+)"', page)
        if status != 200 or "Sign out" not in page or not csrf:
            raise RuntimeError(f"the dashboard after signing in answered {status}")
        self.csrf = csrf.group(1)
        return headers.get(UPSTREAM_HEADER, "?")


class Screen:
    """A meeting screen: an SSE stream through nginx, read on a thread of its own."""

    def __init__(self, browser: Browser, meeting_id: int, last_event_id: str | None = None):
        self.events: queue.Queue = queue.Queue()
        self.last_id = None
        self.connection = _connection(browser.port, tls=True, timeout=120)
        headers = browser.headers() | {"Accept": "text/event-stream"}
        if last_event_id:
            headers["Last-Event-ID"] = last_event_id
        self.connection.request("GET", f"/meetings/{meeting_id}/run/events", headers=headers)
        self.response = self.connection.getresponse()
        if self.response.status != 200:
            raise RuntimeError(f"the events stream answered {self.response.status}")
        self.upstream = self.response.headers.get(UPSTREAM_HEADER, "?")
        self.buffered = self.response.headers.get("X-Accel-Buffering")
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        name = event_id = None
        with contextlib.suppress(Exception):
            while line := self.response.readline():
                line = line.decode().rstrip("\n")
                if line.startswith("event: "):
                    name = line[7:]
                elif line.startswith("id: "):
                    event_id = line[4:]
                elif line == "" and name:
                    self.last_id = event_id or self.last_id
                    self.events.put((name, event_id, time.monotonic()))
                    name = event_id = None

    def wait_for(self, wanted: str, seconds: float) -> float | None:
        """When `wanted` arrived (monotonic), or None within `seconds`."""
        deadline = time.monotonic() + seconds
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                name, _, arrived = self.events.get(timeout=remaining)
            except queue.Empty:
                return None
            if name == wanted:
                return arrived
        return None

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.connection.sock.shutdown(2)
        self.connection.close()


def post_note(browser: Browser, meeting_id: int, body: str) -> tuple[str, float]:
    form = {"kind": "note", "body": body, "owner_id": "", "due_on": ""}
    posted_at = time.monotonic()
    status, headers, _ = browser.request(
        "POST", f"/meetings/{meeting_id}/run/contributions", form,
        headers={"X-CSRFToken": browser.csrf, "HX-Request": "true"},
    )  # fmt: skip
    if status != 200:
        raise RuntimeError(f"posting a note answered {status}")
    return headers.get(UPSTREAM_HEADER, "?"), posted_at


def start_meeting(browser: Browser, meeting_id: int) -> None:
    status, _, page = browser.request("GET", f"/meetings/{meeting_id}/run/console")
    version = re.search(r'name="run_version" value="([0-9]+)"', page)
    if status != 200 or not version:
        raise RuntimeError(f"the console answered {status} without a start button")
    status, _, _ = browser.request(
        "POST", f"/meetings/{meeting_id}/run/start", {"run_version": version.group(1)},
        headers={"X-CSRFToken": browser.csrf},
    )  # fmt: skip
    if status not in (200, 302):
        raise RuntimeError(f"starting the meeting answered {status}")


def check(cluster: Cluster) -> list[str]:
    port, failures = cluster.port, []

    def verdict(ok: bool, text: str) -> None:
        print(f"  {'ok  ' if ok else 'FAIL'} {text}", flush=True)
        if not ok:
            failures.append(text)

    meeting_id, _ = demo_meeting_ids(cluster.database_url)
    mentor, teacher = Browser(port), Browser(port)
    answered = mentor.sign_in("mentor@demo.test")
    teacher.sign_in("teacher1@demo.test")
    verdict(
        True, f"signed in through nginx over HTTPS with the CSRF token (answered by {answered})"
    )
    status, _, _ = mentor.request(
        "POST", f"/meetings/{meeting_id}/run/contributions", {"kind": "note", "body": "x"}
    )
    verdict(status == 400, f"a post without the CSRF token is refused ({status})")
    start_meeting(mentor, meeting_id)

    screens: dict[str, Screen] = {}
    for _ in range(8):  # nginx alternates between the servers
        screen = Screen(teacher, meeting_id)
        if screen.upstream in screens:
            screen.close()
        else:
            screens[screen.upstream] = screen
        if len(screens) == 2:
            break
    verdict(len(screens) == 2, f"screens held open on both servers: {', '.join(screens)}")
    time.sleep(0.5)

    posted_on = set()
    for n in range(6):
        server, posted_at = post_note(mentor, meeting_id, f"Through the proxy {n + 1}")
        arrivals = {up: s.wait_for("contributions", 5) for up, s in screens.items()}
        delays = {up: (t - posted_at) * 1000 if t else None for up, t in arrivals.items()}
        shown = ", ".join(
            f"{up}: {'never' if d is None else f'{d:.0f} ms'}" for up, d in delays.items()
        )
        others = [d for up, d in delays.items() if up != server]
        verdict(
            bool(others) and all(d is not None and d < 1000 for d in delays.values()),
            f"note posted through {server} reached the screens held by {shown}",
        )
        posted_on.add(server)
        if len(posted_on) == 2 and n >= 1:
            break
    verdict(len(posted_on) == 2, f"notes were posted through both servers: {sorted(posted_on)}")

    one = next(iter(screens.values()))
    seen = one.last_id
    one.close()
    post_note(mentor, meeting_id, "While the screen was away")
    back = Screen(teacher, meeting_id, last_event_id=seen)
    caught_up = back.wait_for("contributions", 5)
    verdict(
        caught_up is not None,
        f"a screen reconnecting with Last-Event-ID {seen} caught up on {back.upstream}",
    )
    for screen in [*screens.values(), back]:
        screen.close()
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument("--redis-db", type=int, default=13)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    started = time.monotonic()
    try:
        with Cluster(args.workers, args.redis_db) as cluster:
            print(
                f"Tandem cluster bench, {time.strftime('%Y-%m-%d %H:%M')}, "
                f"{os.cpu_count()} CPUs: nginx https://127.0.0.1:{cluster.port} in front of "
                f"gunicorn on 127.0.0.1:{cluster.server_ports[0]} and :{cluster.server_ports[1]}"
                f" ({args.workers} gevent workers each), PostgreSQL, {cluster.redis_url}",
                flush=True,
            )
            try:
                failures = check(cluster)
            except Exception as error:
                print(f"bench failed: {type(error).__name__}: {error}\n{cluster.logs()}")
                return 1
            if failures:
                print(cluster.logs())
    except KeyboardInterrupt:
        print("interrupted: the servers and nginx are stopped, the database removed")
        return 130
    except (RuntimeError, OSError, subprocess.SubprocessError) as error:
        detail = getattr(error, "stderr", None) or b""
        print(f"bench could not start: {error}\n{detail.decode(errors='replace')[-2000:]}")
        return 1
    print(f"{'all checks passed' if not failures else f'{len(failures)} FAILED'} "
          f"in {time.monotonic() - started:.0f} s")  # fmt: skip
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
