"""Live-update latency: from posting a note to its event arriving at every open meeting screen.

    .venv/bin/python bench/live_latency.py --mode embedded             # 30 viewers, SQLite
    .venv/bin/python bench/live_latency.py --mode production           # 200 viewers, gunicorn

The bench starts its own server on a free loopback port with a throwaway database, signs in
the demo accounts, starts the demo's upcoming meeting, opens N Server-Sent Events streams to
its run view and posts notes one at a time. For each note it measures the delay from just before
the POST to the arrival of the `contributions` event at every viewer (the next note is posted
only once every viewer has the previous one, so the server's coalescing never merges two notes).
Meanwhile it times ordinary page requests (the dashboard) to show the streams do not starve them.
With --refetch each viewer also re-fetches the contributions fragment on every event, and the
bench reports the delay until every screen has drawn the new note; with --refetch-all it
re-fetches the panel and the notes as htmx did before the stream sent the notes (every tenth
viewer a projector display), sending If-None-Match as a browser's cache does; --keep-alive
re-fetches on each screen's kept connection, as a browser does. With --push the run view's
stream sends the notes itself (?push=notes), as the run view now asks, and a screen is drawn
when they arrive. It reports the CPU the server, this client, PostgreSQL and Redis used while
the notes were posted: the client shares the machine's cores with the server.

Everything it starts is torn down at the end, on error and on Ctrl-C: the server's process
group, the database (SQLite file or PostgreSQL database) and the Redis keys it wrote.
"""

import argparse
import asyncio
import contextlib
import fcntl
import html.parser
import multiprocessing
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.parse
import uuid
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PASSWORD = "tandem-demo"
ACCOUNTS = ["mentor", "leader", "teacher1", "teacher2", "teacher3"]
POSTGRES_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
REDIS_DB = 14
TARGET_P95_MS = 250
TARGET_PAGE_P95_MS = 200
STARTUP_SECONDS = 60
REQUEST_SECONDS = 30


# ---------------------------------------------------------------------------- the server


class Server:
    """The app in a subprocess on a throwaway database; a context manager that always cleans up."""

    def __init__(
        self,
        mode: str,
        workers: int,
        log: bool,
        seed: tuple[str, ...] = ("seed-demo",),
        database: str | None = None,
        env: dict | None = None,
        setup_seconds: float = 120,
        redis_db: int = REDIS_DB,
        after_seed=None,
    ):
        self.mode = mode
        self.after_seed = after_seed  # called with the database URL before the server starts
        self.redis_url = redis_url(redis_db)
        self.lock_path = f"/tmp/tandem-bench-redis-{redis_db}.lock"
        self.seed = seed
        self.database_name = database or f"bench_live_{os.getpid()}"
        self.extra_env = env or {}
        self.setup_seconds = setup_seconds
        self.workers = workers
        self.port = _free_port()
        self.tmp = Path(tempfile.mkdtemp(prefix=f"tandem-bench-{mode}-"))
        self.log_path = self.tmp / "server.log"
        self.show_log = log
        self.database = None
        self.database_url = None
        self.process = None
        self._lock = None

    # -- setup
    def __enter__(self):
        try:
            self._start()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _environment(self) -> dict:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("FLASK_", "TANDEM_"))}
        env.pop("REDIS_URL", None)
        env["SECRET_KEY"] = "bench-" + uuid.uuid4().hex  # shared by every worker
        env["DATABASE_URL"] = self.database_url
        env["PYTHONUNBUFFERED"] = "1"
        if self.mode == "production":
            env["REDIS_URL"] = self.redis_url
        return env | self.extra_env

    def _start(self) -> None:
        if self.mode == "embedded":
            self.database_url = f"sqlite:///{self.tmp / 'tandem.sqlite3'}"
        else:
            self._take_redis_database()
            self.database = self.database_name
            _postgres(f'CREATE DATABASE "{self.database}"')
            self.database_url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{self.database}"
            _clear_redis(self.redis_url)
        env = self._environment()
        flask = [str(BIN / "flask"), "--app", "wsgi"]
        for step in (["db", "upgrade"], list(self.seed)):
            subprocess.run(
                flask + step, cwd=ROOT, env=env, check=True, capture_output=True,
                timeout=self.setup_seconds,
            )  # fmt: skip
        if self.after_seed:
            self.after_seed(self.database_url)
        if self.mode == "embedded":
            command = flask + ["run", "--host", "127.0.0.1", "--port", str(self.port)]
            command.append("--with-threads")
        else:  # the README's production command
            command = [
                str(BIN / "gunicorn"),
                "-c",
                "deploy/gunicorn.conf.py",
                "--workers",
                str(self.workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "wsgi:app",
            ]
        self.command = command
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True,
            )  # fmt: skip
        self._wait_until_healthy()

    def _take_redis_database(self) -> None:
        """Two production benches at once would share a Redis database and their channels."""
        self._lock = open(self.lock_path, "w")  # noqa: SIM115  (held until the bench ends)
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RuntimeError("another production bench is running on this machine") from None

    def _wait_until_healthy(self) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}:\n{self.log()}")
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), timeout=1) as s,
            ):
                s.sendall(b"GET /healthz HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
                if s.recv(64).split(b"\r\n")[0].split(b" ")[1:2] == [b"200"]:
                    return
            time.sleep(0.2)
        raise RuntimeError(f"server did not answer within {STARTUP_SECONDS} s:\n{self.log()}")

    def database_connections(self) -> int | None:
        """Connections the server holds to its PostgreSQL database (None on SQLite)."""
        if not self.database:
            return None
        import psycopg

        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=5) as conn:
            query = "SELECT count(*) FROM pg_stat_activity WHERE datname = %s"
            return conn.execute(query, (self.database,)).fetchone()[0]

    def redis_connections(self) -> int | None:
        """Connections to the bench's Redis database, but this question's own (None embedded)."""
        if self.mode != "production":
            return None
        import redis

        client = redis.Redis.from_url(self.redis_url)
        try:
            db = str(client.connection_pool.connection_kwargs.get("db", 0))
            return sum(c.get("db") == db for c in client.client_list()) - 1
        finally:
            client.close()

    def _pids(self) -> list[int]:
        pids = [self.process.pid]
        with contextlib.suppress(OSError):
            children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
            pids += [int(pid) for pid in children.read_text().split()]
        return pids

    def cpu_seconds(self) -> float:
        """CPU time the server's processes have used so far."""
        total = 0
        for pid in self._pids():
            with contextlib.suppress(OSError):
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / os.sysconf("SC_CLK_TCK")

    def open_files(self) -> list[int]:
        """Open file descriptors of each server process (gunicorn's master first)."""
        counts = []
        for pid in self._pids():
            with contextlib.suppress(OSError):
                counts.append(len(os.listdir(f"/proc/{pid}/fd")))
        return counts

    def log(self) -> str:
        with contextlib.suppress(OSError):
            return self.log_path.read_text(errors="replace")[-4000:]
        return ""

    # -- teardown
    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            # SIGINT is a quick shutdown for both servers: gunicorn does not wait for open streams.
            for sig, grace in ((signal.SIGINT, 10), (signal.SIGKILL, 5)):
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, sig)
                try:
                    self.process.wait(timeout=grace)
                    break
                except subprocess.TimeoutExpired:
                    continue
        if self.show_log:
            print("---- server log (tail) ----\n" + self.log())
        if self.database:
            with contextlib.suppress(Exception):
                _postgres(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            with contextlib.suppress(Exception):
                _clear_redis(self.redis_url)
        shutil.rmtree(self.tmp, ignore_errors=True)
        if self._lock:
            self._lock.close()
        return False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _postgres(statement: str) -> None:
    import psycopg

    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=5) as conn:
        conn.execute(statement)


def redis_url(db: int) -> str:
    return f"redis://127.0.0.1:6379/{db}"


def _clear_redis(url: str) -> None:
    """Remove the live-update streams (and readers' wake-up streams) from the bench's own Redis
    database."""
    import redis

    client = redis.Redis.from_url(url)
    try:
        keys = list(client.scan_iter("tandem:live*", count=500))[:100_000]
        for start in range(0, len(keys), 500):
            client.delete(*keys[start : start + 500])
    finally:
        client.close()


def other_meeting_ids(database_url: str, meeting_id: int) -> list[int]:
    """The running meeting's team's other meetings, for screens that stay quiet."""
    import sqlalchemy as sa

    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as conn:
            query = (
                "SELECT id FROM meetings WHERE id != :id AND team_id = "
                "(SELECT team_id FROM meetings WHERE id = :id) ORDER BY id"
            )
            return list(conn.scalars(sa.text(query), {"id": meeting_id}))
    finally:
        engine.dispose()


def demo_meeting_ids(database_url: str) -> tuple[int, int]:
    """The demo's upcoming meeting (to run) and its past one (with minutes)."""
    import sqlalchemy as sa

    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as conn:
            upcoming = "SELECT id FROM meetings WHERE started_at IS NULL ORDER BY starts_at LIMIT 1"
            past = "SELECT id FROM meetings WHERE ended_at IS NOT NULL ORDER BY starts_at LIMIT 1"
            return conn.scalar(sa.text(upcoming)), conn.scalar(sa.text(past))
    finally:
        engine.dispose()


# ---------------------------------------------------------------------------- a tiny HTTP client


@dataclass
class Reply:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


@dataclass
class Account:
    email: str
    cookies: dict[str, str] = field(default_factory=dict)
    csrf: str = ""

    def cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def remember(self, reply: Reply) -> None:
        for name, value in reply.headers:
            if name.lower() != "set-cookie":
                continue
            for morsel in SimpleCookie(value).values():
                expired = morsel["max-age"] == "0" or morsel.value == ""
                if expired:
                    self.cookies.pop(morsel.key, None)
                else:
                    self.cookies[morsel.key] = morsel.value


def _request_bytes(method, path, account, headers, body, keep_alive=False) -> bytes:
    connection = "keep-alive" if keep_alive else "close"
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", f"Connection: {connection}"]
    if account and account.cookies:
        lines.append(f"Cookie: {account.cookie_header()}")
    for name, value in (headers or {}).items():
        lines.append(f"{name}: {value}")
    if body is not None:
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + (body or b"")


async def _read_head(reader) -> tuple[int, list[tuple[str, str]]]:
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("server closed the connection before answering")
    status = int(status_line.split()[1])
    headers = []
    while (line := await reader.readline()) not in (b"\r\n", b"\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        headers.append((name.strip(), value.strip()))
    return status, headers


async def _chunks(reader, chunked: bool):
    """The body as it arrives, de-chunked."""
    if not chunked:
        while data := await reader.read(65536):
            yield data
        return
    while True:
        size_line = await reader.readline()
        if not size_line:
            return
        size = int(size_line.split(b";")[0].strip() or b"0", 16)
        if size == 0:
            return
        yield await reader.readexactly(size)
        await reader.readexactly(2)


async def http(port, method, path, account=None, headers=None, form=None) -> Reply:
    body = urllib.parse.urlencode(form).encode() if form is not None else None
    headers = dict(headers or {})
    if form is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"

    async def exchange():
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            writer.write(_request_bytes(method, path, account, headers, body))
            await writer.drain()
            status, reply_headers = await _read_head(reader)
            chunked = any(
                k.lower() == "transfer-encoding" and "chunked" in v.lower()
                for k, v in reply_headers
            )
            data = b"".join([chunk async for chunk in _chunks(reader, chunked)])
            return Reply(status, reply_headers, data)
        finally:
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()

    reply = await asyncio.wait_for(exchange(), REQUEST_SECONDS)
    if account is not None:
        account.remember(reply)
    return reply


class KeptConnections:
    """A browser's connections to the server, kept open between requests (HTTP/1.1 keep-alive):
    a screen's re-fetches do not each open a new TCP connection."""

    def __init__(self, port: int):
        self.port = port
        self._idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []

    async def get(self, path: str, account: Account, headers: dict) -> Reply:
        # A kept connection the server has closed meanwhile fails at once: retry on a new one.
        for attempt in range(2):
            fresh = not self._idle
            reader, writer = (
                await asyncio.open_connection("127.0.0.1", self.port) if fresh else self._idle.pop()
            )
            try:
                reply = await asyncio.wait_for(
                    self._exchange(reader, writer, path, account, headers), REQUEST_SECONDS
                )
            except (ConnectionError, asyncio.IncompleteReadError, ValueError, IndexError):
                writer.close()
                if fresh or attempt:
                    raise
                continue
            except BaseException:
                writer.close()
                raise
            if (reply.header("Connection") or "").lower() == "close":
                writer.close()
            else:
                self._idle.append((reader, writer))
            account.remember(reply)
            return reply
        raise ConnectionError("unreachable")

    @staticmethod
    async def _exchange(reader, writer, path, account, headers) -> Reply:
        writer.write(_request_bytes("GET", path, account, headers, None, keep_alive=True))
        await writer.drain()
        status, reply_headers = await _read_head(reader)
        reply = Reply(status, reply_headers, b"")
        if (reply.header("Transfer-Encoding") or "").lower() == "chunked":
            reply.body = b"".join([chunk async for chunk in _chunks(reader, True)])
        elif status not in (204, 304):
            reply.body = await reader.readexactly(int(reply.header("Content-Length") or 0))
        return reply

    def close(self) -> None:
        for _, writer in self._idle:
            writer.close()
        self._idle.clear()


class _PageParser(html.parser.HTMLParser):
    """Finds the CSRF token on #page and the run form's run_version."""

    def __init__(self):
        super().__init__()
        self.csrf = None
        self.run_version = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id") == "page" and "data-csrf-token" in attrs:
            self.csrf = attrs["data-csrf-token"]
        if tag == "input" and attrs.get("name") == "run_version" and self.run_version is None:
            self.run_version = attrs.get("value")


def parse_page(text: str) -> _PageParser:
    parser = _PageParser()
    parser.feed(text)
    return parser


async def sign_in(port: int, name: str) -> Account:
    account = Account(f"{name}@demo.test")
    page = await http(port, "GET", "/sign-in", account)
    token = parse_page(page.text).csrf
    form = {"email": account.email, "password": PASSWORD, "csrf_token": token}
    reply = await http(port, "POST", "/sign-in", account, form=form)
    if reply.status != 302:
        raise RuntimeError(f"sign-in as {account.email} answered {reply.status}")
    dashboard = await http(port, "GET", "/", account)
    account.csrf = parse_page(dashboard.text).csrf
    if dashboard.status != 200 or not account.csrf:
        raise RuntimeError(f"dashboard as {account.email} answered {dashboard.status}")
    return account


async def start_meeting(port: int, presenter: Account, meeting_id: int) -> None:
    # The presenter's controls (and their run_version) are on the console.
    run = await http(port, "GET", f"/meetings/{meeting_id}/run/console", presenter)
    version = parse_page(run.text).run_version
    if run.status != 200 or version is None:
        raise RuntimeError(f"run view answered {run.status} without a start button")
    reply = await http(
        port, "POST", f"/meetings/{meeting_id}/run/start", presenter,
        headers={"X-CSRFToken": presenter.csrf}, form={"run_version": version},
    )  # fmt: skip
    if reply.status not in (200, 302):
        raise RuntimeError(f"starting the meeting answered {reply.status}")


# ---------------------------------------------------------------------------- viewers


class Note:
    def __init__(self, viewers: int):
        self.posted_at = 0.0
        self.arrivals: dict[int, float] = {}
        self.drawn: dict[int, float] = {}
        self.all_arrived = asyncio.Event()
        self.all_drawn = asyncio.Event()
        self.viewers = viewers

    def arrive(self, viewer: int, when: float) -> None:
        self.arrivals[viewer] = when
        if len(self.arrivals) == self.viewers:
            self.all_arrived.set()

    def draw(self, viewer: int, when: float) -> None:
        self.drawn[viewer] = when
        if len(self.drawn) == self.viewers:
            self.all_drawn.set()


class Viewer:
    """One screen: an SSE stream; with refetch, it also re-fetches the fragment like htmx."""

    EVENT = "contributions"  # the event each note makes

    def __init__(self, number, port, account, meeting_id, notes, refetch, keep_alive=False):
        self.number, self.port, self.account = number, port, account
        self.kept = KeptConnections(port) if keep_alive else None
        self.meeting_id, self.notes, self.refetch = meeting_id, notes, refetch
        self.seen = 0
        self.keepalives = 0
        self.ids: list[str] = []
        self.connected = asyncio.Event()
        self.closed = False
        self.error = None
        self._writer = None
        self._fetches: set[asyncio.Task] = set()
        self.etags: dict[str, str] = {}

    async def run(self) -> None:
        try:
            reader, self._writer = await asyncio.open_connection("127.0.0.1", self.port)
            path = self.events_path()
            headers = {"Accept": "text/event-stream", "Cache-Control": "no-cache"}
            self._writer.write(_request_bytes("GET", path, self.account, headers, None))
            await self._writer.drain()
            status, headers = await asyncio.wait_for(_read_head(reader), REQUEST_SECONDS)
            if status != 200:
                raise RuntimeError(f"events stream answered {status}")
            chunked = any(k.lower() == "transfer-encoding" for k, _ in headers)
            await self._consume(_chunks(reader, chunked))
        except Exception as error:  # noqa: BLE001  (recorded and reported, never swallowed)
            self.error = f"{type(error).__name__}: {error}"
        finally:
            self.closed = True
            self.connected.set()

    def events_path(self) -> str:
        path = f"/meetings/{self.meeting_id}/run/events"
        return path + "?push=notes" if self.refetch == "push" else path

    async def _consume(self, chunks) -> None:
        buffer, event, event_id, data = "", None, None, []
        async for chunk in chunks:
            arrived = time.monotonic()
            buffer += chunk.decode()
            *lines, buffer = buffer.split("\n")
            for line in lines:
                if line.startswith("retry:"):
                    self.connected.set()
                elif line.startswith(":"):
                    self.keepalives += 1
                elif line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("id:"):
                    event_id = line[3:].strip()
                elif line.startswith("data:"):
                    data.append(line[6:])
                elif line == "" and event:
                    self._dispatch(event, event_id, arrived, data)
                    event, event_id, data = None, None, []

    def _dispatch(self, event: str, event_id: str, arrived: float, data: list[str]) -> None:
        if event == "notes" and self.refetch == "push" and self.seen:
            # The notes drawn from the stream itself: drawn once they hold the newest note.
            note = self.notes[self.seen - 1]
            if self.number not in note.drawn and f"Bench note {self.seen}:" in "\n".join(data):
                note.draw(self.number, arrived)
            return
        if event != self.EVENT or self.seen >= len(self.notes):
            return
        note = self.notes[self.seen]
        self.seen += 1
        self.ids.append(event_id)
        note.arrive(self.number, arrived)
        if self.refetch in ("notes", "all"):
            task = asyncio.create_task(self._fetch_fragment(note))
            self._fetches.add(task)
            task.add_done_callback(self._fetches.discard)

    async def _fetch_fragment(self, note: Note) -> None:
        """The notes, or with --refetch-all what htmx re-fetched on `contributions`: the panel
        and the notes (every tenth screen a projector display); If-None-Match sent as a
        browser's cache does."""
        if self.refetch == "notes":
            paths = [f"/meetings/{self.meeting_id}/run/contributions"]
        else:
            view = "run/display" if self.number % 10 == 9 else "run"
            base = f"/meetings/{self.meeting_id}/{view}"
            paths = [f"{base}/panel", f"{base}/contributions"]
        with contextlib.suppress(Exception):
            replies = await asyncio.gather(*(self._get(path) for path in paths))
            if all(status in (200, 304) for status in replies):
                note.draw(self.number, time.monotonic())

    async def _get(self, path: str) -> int:
        headers = {"HX-Request": "true"}
        if path in self.etags:
            headers["If-None-Match"] = self.etags[path]
        if self.kept:
            reply = await self.kept.get(path, self.account, headers)
        else:
            reply = await http(self.port, "GET", path, self.account, headers=headers)
        if reply.header("ETag"):
            self.etags[path] = reply.header("ETag")
        return reply.status

    def close(self) -> None:
        for task in list(self._fetches):
            task.cancel()
        if self.kept:
            self.kept.close()
        if self._writer:
            self._writer.close()


class QuietScreens:
    """Screens that only stay open, in a process of their own: 5,000 sockets in the timing
    process's event loop would delay the timings themselves (and the clock is the same,
    CLOCK_MONOTONIC, in every process)."""

    def __init__(self, port, accounts, meeting_ids, count, batch):
        self.count = count
        self._pipe = self._process = None
        self._held = (count, 0)
        if count <= 0:
            return
        context = multiprocessing.get_context("spawn")
        self._pipe, child = context.Pipe()
        cookies = [account.cookies for account in accounts]
        self._process = context.Process(
            target=_quiet_process, args=(port, cookies, list(meeting_ids), count, batch, child)
        )
        self._process.start()

    async def opened(self) -> None:
        if self._process is None:
            return
        loop = asyncio.get_running_loop()
        kind, detail = await loop.run_in_executor(None, self._pipe.recv)
        if kind != "open":
            raise RuntimeError(f"quiet screens: {detail}")

    def _ask(self, question: str):
        self._pipe.send(question)
        kind, detail = self._pipe.recv()
        if kind == "error":
            raise RuntimeError(f"quiet screens: {detail}")
        return detail

    def held_after_hold(self) -> int:
        return self._ask("count")["held"] if self._process else 0

    def keepalives_after_hold(self) -> int:
        return self._ask("count")["keepalives"] if self._process else 0

    def stop(self) -> tuple[int, int, list[str]]:
        if self._process is None:
            return 0, 0, []
        try:
            final = self._ask("stop")
        except (OSError, EOFError, RuntimeError) as error:
            final = {"held": 0, "keepalives": 0, "errors": [str(error)]}
        self._process.join(timeout=30)
        if self._process.is_alive():
            self._process.kill()
        self._process = None
        return final["held"], final["keepalives"], final["errors"]


def _quiet_process(port, cookies, meeting_ids, count, batch, pipe) -> None:
    _raise_open_file_limit(count + 500)
    try:
        asyncio.run(_quiet(port, cookies, meeting_ids, count, batch, pipe))
    except Exception as error:  # noqa: BLE001  (sent to the timing process)
        with contextlib.suppress(Exception):
            pipe.send(("error", f"{type(error).__name__}: {error}"))


async def _quiet(port, cookies, meeting_ids, count, batch, pipe) -> None:
    accounts = [Account("", dict(c)) for c in cookies]
    viewers = await open_viewers(port, accounts, None, count, [], False, batch, 0, meeting_ids)
    pipe.send(("open", None))
    loop = asyncio.get_running_loop()
    while True:
        question = await loop.run_in_executor(None, pipe.recv)
        state = {
            "held": sum(not v.closed for v in viewers),
            "keepalives": sum(v.keepalives for v in viewers),
            "errors": [v.error for v in viewers if v.error][:3],
        }
        if question == "stop":
            for viewer in viewers:
                viewer.close()
            await asyncio.gather(*(v.task for v in viewers), return_exceptions=True)
            pipe.send(("state", state))
            return
        pipe.send(("state", state))


# ---------------------------------------------------------------------------- the run


async def time_pages(port, accounts, path, stop: asyncio.Event, pause: float, limit: int):
    """Ordinary page requests, one after another, until stopped; milliseconds each."""
    times = []
    for i in range(limit):
        if stop.is_set():
            break
        started = time.monotonic()
        reply = await http(port, "GET", path, accounts[i % len(accounts)])
        if reply.status != 200:
            raise RuntimeError(f"GET {path} answered {reply.status}")
        times.append((time.monotonic() - started) * 1000)
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(stop.wait(), pause)
    return times


async def open_viewers(
    port, accounts, meeting_id, count, notes, refetch, batch_size=25, room=None, quiet_ids=(),
    keep_alive=False,
):  # fmt: skip
    """`room` viewers (default all) on the running meeting; the others, quiet screens spread
    over the team's other meetings, only stay open."""
    room = count if room is None else room
    viewers = [
        Viewer(i, port, accounts[i % len(accounts)], meeting_id, notes, refetch, keep_alive)
        if i < room
        else Viewer(i, port, accounts[i % len(accounts)], quiet_ids[i % len(quiet_ids)], [], False)
        for i in range(count)
    ]
    tasks = []
    for start in range(0, count, batch_size):  # rooms filling up, not a SYN flood
        batch = viewers[start : start + batch_size]
        tasks += [asyncio.create_task(v.run()) for v in batch]
        await asyncio.wait_for(
            asyncio.gather(*(v.connected.wait() for v in batch)), REQUEST_SECONDS
        )
        if count >= 1000 and (start + batch_size) % 1000 < batch_size:
            print(f"  {start + len(batch)} streams open", file=sys.stderr, flush=True)
    failed = [v for v in viewers if v.closed]
    if failed:
        raise RuntimeError(f"{len(failed)} of {count} streams failed: {failed[0].error}")
    for viewer, task in zip(viewers, tasks, strict=True):
        viewer.task = task
    return viewers


async def post_notes(port, accounts, meeting_id, notes, spacing, wait_seconds, refetch):
    post_ms = []
    for k, note in enumerate(notes):
        author = accounts[k % len(accounts)]
        form = {
            "kind": "note",
            "body": f"Bench note {k + 1}: the benchmark strategy again, near one half.",
            "owner_id": "",
            "due_on": "",
        }
        headers = {"X-CSRFToken": author.csrf, "HX-Request": "true"}
        note.posted_at = time.monotonic()
        reply = await http(
            port, "POST", f"/meetings/{meeting_id}/run/contributions", author,
            headers=headers, form=form,
        )  # fmt: skip
        post_ms.append((time.monotonic() - note.posted_at) * 1000)
        if reply.status != 200:
            raise RuntimeError(f"posting note {k + 1} answered {reply.status}")
        waiting_for = note.all_drawn if refetch else note.all_arrived
        try:
            await asyncio.wait_for(waiting_for.wait(), wait_seconds)
        except TimeoutError:
            raise RuntimeError(
                f"note {k + 1} reached {len(note.arrivals)} of {note.viewers} viewers "
                f"within {wait_seconds} s"
            ) from None
        await asyncio.sleep(max(0.0, note.posted_at + spacing - time.monotonic()))
    return post_ms


async def bench(args, server: Server) -> dict:
    port = server.port
    accounts = [await sign_in(port, name) for name in ACCOUNTS]
    meeting_id, past_meeting_id = demo_meeting_ids(server.database_url)
    await start_meeting(port, accounts[0], meeting_id)

    baseline = await time_pages(port, accounts, "/", asyncio.Event(), 0.02, args.baseline_gets)

    room = min(args.room or args.viewers, args.viewers)
    quiet_ids = other_meeting_ids(server.database_url, meeting_id) if room < args.viewers else ()
    notes = [Note(room) for _ in range(args.notes)]
    opened_at = time.monotonic()
    quiet = QuietScreens(port, accounts, quiet_ids, args.viewers - room, args.batch)
    try:
        await quiet.opened()
        viewers = await open_viewers(
            port, accounts, meeting_id, room, notes, args.refetch, args.batch,
            keep_alive=args.keep_alive,
        )  # fmt: skip
    except BaseException:
        quiet.stop()
        raise
    open_seconds = time.monotonic() - opened_at
    open_files, redis_connections = server.open_files(), server.redis_connections()
    idle = await time_pages(port, accounts, "/", asyncio.Event(), 0.02, args.baseline_gets)
    cpu_before, held_from = server.cpu_seconds(), time.monotonic()
    if args.hold:
        await asyncio.sleep(args.hold)  # idle streams must survive on keep-alives
    idle_cpu = (server.cpu_seconds() - cpu_before) / max(time.monotonic() - held_from, 0.001)
    held = sum(not v.closed for v in viewers)
    if held < len(viewers):
        dropped = next(v for v in viewers if v.closed)
        raise RuntimeError(
            f"{len(viewers) - held} of {len(viewers)} idle streams were closed after "
            f"{args.hold:.0f} s: {dropped.error or 'closed by the server'}"
        )
    keepalives = sum(v.keepalives for v in viewers) + quiet.keepalives_after_hold()
    held += quiet.held_after_hold()
    database_connections = server.database_connections()
    stop = asyncio.Event()
    pages = asyncio.create_task(time_pages(port, accounts, "/", stop, args.page_pause, 100_000))
    pdf_path = f"/meetings/{past_meeting_id}/minutes.pdf"
    pdfs = asyncio.create_task(time_pages(port, accounts, pdf_path, stop, 0.3, 10_000 * args.pdf))
    cpu = _cpu_now(server)
    try:
        post_ms = await post_notes(
            port, accounts, meeting_id, notes, args.spacing, args.wait, args.refetch
        )
    finally:
        cpu = {k: now - cpu[k] for k, now in _cpu_now(server).items()}
        stop.set()
        page_ms = await asyncio.wait_for(pages, REQUEST_SECONDS)
        pdf_ms = await asyncio.wait_for(pdfs, REQUEST_SECONDS)
        quiet_held, quiet_keepalives, quiet_errors = quiet.stop()
        connected = sum(not v.closed for v in viewers) + quiet_held
        errors = [v.error for v in viewers if v.error] + quiet_errors
        for viewer in viewers:
            viewer.close()
        await asyncio.gather(*(v.task for v in viewers), return_exceptions=True)

    arrival_ms = [(t - n.posted_at) * 1000 for n in notes for t in n.arrivals.values()]
    slowest_ms = [(max(n.arrivals.values()) - n.posted_at) * 1000 for n in notes]
    drawn_ms = [(t - n.posted_at) * 1000 for n in notes for t in n.drawn.values()]
    ordered = all(v.ids == sorted(v.ids, key=_id_key) and len(set(v.ids)) == len(v.ids)
                  for v in viewers[:room])  # fmt: skip
    if quiet_held < args.viewers - room:
        raise RuntimeError(f"only {quiet_held} of {args.viewers - room} quiet screens held")
    return {
        "viewers": args.viewers,
        "room": room,
        "quiet_meetings": len(quiet_ids),
        "connected": connected,
        "errors": errors,
        "open_seconds": open_seconds,
        "notes": len(notes),
        "arrival_ms": arrival_ms,
        "slowest_ms": slowest_ms,
        "drawn_ms": drawn_ms,
        "post_ms": post_ms,
        "baseline_ms": baseline,
        "idle_ms": idle,
        "pdf_ms": pdf_ms,
        "held": held,
        "keepalives": keepalives,
        "database_connections": database_connections,
        "redis_connections": redis_connections,
        "open_files": open_files,
        "idle_cpu": idle_cpu,
        "page_ms": page_ms,
        "ordered": ordered,
        "notes_cpu": cpu,
    }


def _cpu_now(server: Server) -> dict:
    """Wall clock and the CPU seconds used so far by the server and by this client process
    (the bench shares the machine's cores with the server it measures)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "wall": time.monotonic(),
        "server": server.cpu_seconds(),
        "client": usage.ru_utime + usage.ru_stime,
        **_machine_seconds(),
        "postgres": _process_cpu_seconds("postgres"),
        "redis": _process_cpu_seconds("redis-server"),
    }


def _machine_seconds() -> dict:
    """CPU seconds every core of this machine has been busy (anyone's work, not only ours), and
    stolen: a virtual machine's cores waiting while the host runs other machines."""
    ticks = [int(n) for n in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = ticks[:8]
    busy = user + nice + system + irq + softirq
    return {"machine": busy / os.sysconf("SC_CLK_TCK"), "steal": steal / os.sysconf("SC_CLK_TCK")}


def _process_cpu_seconds(name: str) -> float:
    """CPU seconds used so far by every process called `name` and its ended children (whoever's
    database it serves): PostgreSQL's backends come and go."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            text = stat.read_text()
            if text[text.index("(") + 1 : text.rindex(")")] == name:
                fields = text.rsplit(")", 1)[1].split()
                total += sum(int(n) for n in fields[11:15])  # utime, stime, cutime, cstime
    return total / os.sysconf("SC_CLK_TCK")


def _id_key(event_id: str) -> tuple[int, ...]:
    return tuple(int(part) for part in event_id.split("-"))


# ---------------------------------------------------------------------------- report


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def _line(label: str, values: list[float]) -> str:
    if not values:
        return f"  {label:<44} (none)"
    return (
        f"  {label:<44} p50 {percentile(values, 50):7.1f}  p95 {percentile(values, 95):7.1f}"
        f"  max {max(values):7.1f}   (n={len(values)})"
    )


def report(args, server: Server, r: dict) -> bool:
    p95 = percentile(r["arrival_ms"], 95)
    page_p95 = percentile(r["idle_ms"] + r["page_ms"], 95)
    all_held = r["connected"] == r["held"] == r["viewers"]
    met = p95 < TARGET_P95_MS and page_p95 <= TARGET_PAGE_P95_MS and all_held
    print(f"\nTandem live-update bench, mode {args.mode}, {time.strftime('%Y-%m-%d %H:%M')}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end")  # fmt: skip
    print(f"  server: {Path(server.command[0]).name} {' '.join(server.command[1:])}")
    redis_used = server.redis_url if args.mode == "production" else "none (in-process broker)"
    print(f"  database: {server.database_url.split('@')[-1]}   redis: {redis_used}")
    if r["room"] < r["viewers"]:
        print(f"  {r['room']} viewers on the running meeting get the notes; the other "
              f"{r['viewers'] - r['room']} are quiet screens on {r['quiet_meetings']} other "
              f"meetings of the team")  # fmt: skip
    print(f"  viewers connected: {r['connected']} of {r['viewers']} (opened in "
          f"{r['open_seconds']:.1f} s), notes: {r['notes']}, spacing {args.spacing * 1000:.0f} ms,"
          f" events in order: {'yes' if r['ordered'] else 'NO'}")  # fmt: skip
    if args.hold:
        print(f"  after {args.hold:.0f} s idle: {r['held']} streams still open, "
              f"{r['keepalives']} keep-alive comments received, server CPU meanwhile "
              f"{r['idle_cpu'] * 100:.0f} % of one core")  # fmt: skip
    print(f"  open files per server process with every stream open (master first): "
          f"{', '.join(map(str, r['open_files']))}; client's open-file limit "
          f"{resource.getrlimit(resource.RLIMIT_NOFILE)[0]}")  # fmt: skip
    if r["redis_connections"] is not None:
        print(f"  Redis connections held by the server with every stream open: "
              f"{r['redis_connections']}")  # fmt: skip
    if r["database_connections"] is not None:
        print(f"  PostgreSQL connections held by the server with every stream open: "
              f"{r['database_connections']}")  # fmt: skip
    print("  milliseconds:")
    print(_line("note -> event at each viewer", r["arrival_ms"]))
    print(_line("note -> event at the slowest viewer", r["slowest_ms"]))
    if args.refetch:
        how = "kept-alive connection" if args.keep_alive else "new connection each"
        label = f"note -> re-fetched by each viewer ({how})"
        if args.refetch == "push":
            label = "note -> drawn from the stream at each viewer"
        print(_line(label, r["drawn_ms"]))
    print(_line("POST of the note itself", r["post_ms"]))
    cpu = r["notes_cpu"]
    wall = max(cpu["wall"], 0.001)
    drawn = len(r["drawn_ms"])
    per_screen = (
        f", {cpu['server'] / drawn * 1000:.2f} ms server CPU per screen redrawn" if drawn else ""
    )
    print(f"  CPU while posting the notes ({wall:.1f} s): server {cpu['server']:.1f} s "
          f"({cpu['server'] / wall * 100:.0f} % of a core), this client {cpu['client']:.1f} s "
          f"({cpu['client'] / wall * 100:.0f} %){per_screen}")  # fmt: skip
    print(f"    PostgreSQL {cpu['postgres']:.1f} s, Redis {cpu['redis']:.1f} s (every database's), "
          f"the whole machine {cpu['machine']:.1f} s of {wall * os.cpu_count():.1f} s, "
          f"stolen by the host {cpu['steal']:.1f} s")  # fmt: skip
    print(_line("GET / before the streams opened", r["baseline_ms"]))
    print(_line("GET / with the streams open, no notes", r["idle_ms"]))
    print(_line("GET / with the streams open, during notes", r["page_ms"]))
    if args.pdf:
        print(_line("GET minutes.pdf of the past meeting, during notes", r["pdf_ms"]))
    for error in r["errors"][:3]:
        print(f"  stream error: {error}")
    verdict = "met" if p95 < TARGET_P95_MS and all_held else "MISSED"
    print(f"  target p95 < {TARGET_P95_MS} ms at every viewer: {verdict} (p95 {p95:.1f} ms)")
    verdict = "met" if page_p95 <= TARGET_PAGE_P95_MS else "MISSED"
    print(
        f"  target GET / p95 <= {TARGET_PAGE_P95_MS} ms with the streams open: {verdict} "
        f"(p95 {page_p95:.1f} ms)"
    )
    return met


# ---------------------------------------------------------------------------- main


def _raise_open_file_limit(needed: int) -> None:
    """Each viewer is a socket of this process: raise the soft limit up to the hard one."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < needed:
        ceiling = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (ceiling, hard))


def _interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mode", choices=["embedded", "production"], default="embedded")
    parser.add_argument("--viewers", type=int, help="default 30 embedded, 200 production")
    parser.add_argument("--batch", type=int, default=25, help="streams opened at a time")
    parser.add_argument(
        "--room", type=int, help="viewers on the running meeting (default all); the rest quiet"
    )
    parser.add_argument("--redis-db", type=int, default=REDIS_DB, help="Redis database (prod.)")
    parser.add_argument("--notes", type=int, default=50)
    parser.add_argument("--spacing", type=float, default=0.1, help="seconds between notes")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (production)")
    parser.add_argument("--wait", type=float, default=10, help="seconds a note may take")
    parser.add_argument("--page-pause", type=float, default=0.05, help="between page GETs")
    parser.add_argument("--baseline-gets", type=int, default=40)
    parser.add_argument("--hold", type=float, default=0, help="idle seconds before the notes")
    parser.add_argument("--pdf", action="store_true", help="render minutes PDFs meanwhile")
    parser.add_argument(
        "--refetch", action="store_const", const="notes", help="viewers re-fetch the notes"
    )
    parser.add_argument(
        "--refetch-all", dest="refetch", action="store_const", const="all",
        help="viewers re-fetch the panel and the notes, as htmx did before --push (a tenth: "
        "the display)",
    )  # fmt: skip
    parser.add_argument(
        "--push", dest="refetch", action="store_const", const="push",
        help="viewers draw the notes the stream sends (the run view's ?push=notes)",
    )  # fmt: skip
    parser.add_argument(
        "--keep-alive", action="store_true",
        help="re-fetches reuse each screen's connection, as a browser's do (default: a new one)",
    )  # fmt: skip
    parser.add_argument("--server-log", action="store_true", help="print the server log tail")
    parser.add_argument(
        "--server-env", action="append", default=[], metavar="NAME=VALUE",
        help="an environment variable for the server (to compare settings); repeatable",
    )  # fmt: skip
    args = parser.parse_args()
    args.viewers = args.viewers or (30 if args.mode == "embedded" else 200)
    if not 1 <= args.viewers <= 10_000 or not 1 <= args.notes <= 10_000:
        parser.error("between 1 and 10000 viewers and 1 and 10000 notes")
    _raise_open_file_limit(args.viewers + 1000)
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGHUP, _interrupt)

    try:
        env = dict(setting.split("=", 1) for setting in args.server_env)
        with Server(
            args.mode, args.workers, args.server_log, env=env, redis_db=args.redis_db
        ) as server:
            try:
                results = asyncio.run(bench(args, server))
            except Exception as error:
                where = traceback.format_exc(limit=-2)
                print(f"bench failed: {type(error).__name__}: {error}\n{where}")
                print(f"---- server log (tail) ----\n{server.log()}")
                return 1
            report(args, server, results)
    except (RuntimeError, OSError, subprocess.SubprocessError) as error:
        detail = getattr(error, "stderr", None) or b""
        print(f"bench could not start: {error}\n{detail.decode(errors='replace')[-2000:]}")
        return 1
    except KeyboardInterrupt as interruption:
        print(f"interrupted ({interruption}): the server is stopped and its database removed")
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
