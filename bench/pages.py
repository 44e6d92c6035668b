"""Page timings at one connection: every main page and fragment of every role, on the demo
and on the generated district (`flask seed-district`), with two anchors measured in the same
run (a bare Flask route and a one-query 30-row page).

    .venv/bin/python bench/pages.py                # gunicorn gevent ×2, PostgreSQL, Redis
    .venv/bin/python bench/pages.py --embedded     # flask run, SQLite
    .venv/bin/python bench/pages.py --scale 0.2 --requests 10
    .venv/bin/python bench/pages.py --only debrief enactment tap-to-count

For each data set the bench starts its own server (TANDEM_BENCH=1: anchor routes and an
X-Bench-Statements header with the SQL statements of each request) on its own database
(PostgreSQL: bench_pages_<pid>_demo and bench_pages_<pid>_district), both running at once.
It brings each freshly loaded database to the state of one in use (VACUUM ANALYZE on
PostgreSQL, ANALYZE on SQLite), signs in one person of each role, fetches every page a few
times to warm every worker (it must answer 200), then N times on each server in turn
(demo, district, district, demo, ...; one request at a time), so that the ratio compares
requests made at the same moments of a shared machine. --as-loaded skips the VACUUM ANALYZE
and the warm-up. It prints p50/p95, the district/demo ratio, statements per request and the
issue's goals. Servers and databases are removed at the end, on error and on Ctrl-C.
"""

import argparse
import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from live_latency import (  # noqa: E402
    REDIS_DB,
    REQUEST_SECONDS,
    Account,
    Server,
    http,
    parse_page,
    percentile,
)

ROLES = ("admin", "mentor", "leader", "teacher")
GOAL_P50_MS = 10
GOAL_RATIO = 1.2
GOAL_FRAGMENT_SHARE = 0.6  # of the one-query anchor's throughput
WARM_UP_ROUNDS = 4  # requests per page before timing: each of the 2 workers gets some
PASSWORDS = {"demo": "tandem-demo", "district": "tandem-district"}


@dataclass(frozen=True)
class Page:
    role: str
    name: str
    endpoint: str
    values: tuple[tuple[str, int], ...] = ()
    heavy: bool = False  # a PDF: fewer requests

    @property
    def key(self) -> str:
        return f"{self.name} ({self.role})"


@dataclass
class Targets:
    """Whom to sign in as and which team, meetings and leader the pages are about."""

    logins: dict[str, str]
    team_id: int
    leader_id: int
    held_meeting_id: int
    planned_meeting_id: int
    task_id: int
    cycle_id: int
    lesson_cycle_id: int  # the team's latest cycle with a lesson
    # Its latest with a lesson revised from an earlier one (what changed since), if any.
    revised_cycle_id: int | None = None
    # Its latest cycle taught in some classroom (else the lesson's): the debrief and the
    # enactments; and there the teacher's own enactment (record, tap-to-count), if any.
    debrief_cycle_id: int | None = None
    enactment_id: int | None = None


def find_targets(connection) -> Targets:
    """The first team with a teacher leader: its people, last held and next planned meeting."""
    import sqlalchemy as sa

    def one(sql: str, **params):
        return connection.execute(sa.text(sql), params).scalar()

    team = one("SELECT min(team_id) FROM memberships WHERE role = 'teacher_leader'")
    member = (
        "SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id "
        "WHERE m.team_id = :team AND m.role = :role ORDER BY u.id LIMIT 1"
    )
    logins = {"admin": one("SELECT email FROM users WHERE is_admin ORDER BY id LIMIT 1")}
    for role, stored in (("mentor", "mentor"), ("leader", "teacher_leader"),
                         ("teacher", "teacher")):  # fmt: skip
        logins[role] = one(member, team=team, role=stored)
    leader = one(
        "SELECT user_id FROM memberships WHERE team_id = :team AND role = 'teacher_leader' "
        "ORDER BY user_id LIMIT 1",
        team=team,
    )
    held = one(
        "SELECT id FROM meetings WHERE team_id = :team AND ended_at IS NOT NULL "
        "ORDER BY starts_at DESC LIMIT 1",
        team=team,
    )
    planned = one(
        "SELECT id FROM meetings WHERE team_id = :team AND started_at IS NULL "
        "ORDER BY starts_at LIMIT 1",
        team=team,
    )
    task = one("SELECT max(id) FROM tasks WHERE shared_at IS NOT NULL")
    cycle = one(
        "SELECT id FROM cycles WHERE team_id = :team AND stage <> 'done' "
        "ORDER BY starts_on DESC LIMIT 1",
        team=team,
    )
    lesson_cycle = one(
        "SELECT c.id FROM cycles c JOIN lessons l ON l.cycle_id = c.id WHERE c.team_id = :team "
        "ORDER BY c.starts_on DESC LIMIT 1",
        team=team,
    )
    revised_cycle = one(
        "SELECT c.id FROM cycles c JOIN lessons l ON l.cycle_id = c.id WHERE c.team_id = :team "
        "AND l.revised_from_id IS NOT NULL ORDER BY c.starts_on DESC LIMIT 1",
        team=team,
    )
    taught_cycle = one(
        "SELECT c.id FROM cycles c WHERE c.team_id = :team AND EXISTS "
        "(SELECT 1 FROM enactments e WHERE e.cycle_id = c.id) ORDER BY c.starts_on DESC LIMIT 1",
        team=team,
    )
    enactment = one(
        "SELECT e.id FROM enactments e JOIN users u ON u.id = e.teacher_id "
        "WHERE e.cycle_id = :cycle AND u.email = :email ORDER BY e.id LIMIT 1",
        cycle=taught_cycle,
        email=logins["teacher"],
    )
    return Targets(
        logins, team, leader, held, planned, task, cycle, lesson_cycle, revised_cycle,
        debrief_cycle_id=taught_cycle or lesson_cycle, enactment_id=enactment,
    )  # fmt: skip


def run_fragments(url_map) -> list[str]:
    """Every GET route under a meeting's run view that only needs the meeting id (the live
    stream excepted): the fragments, and any view later added there."""
    endpoints = []
    for rule in url_map.iter_rules():
        if not rule.rule.startswith("/meetings/<int:meeting_id>/run/"):
            continue
        only_the_meeting = "GET" in rule.methods and rule.arguments == {"meeting_id"}
        if only_the_meeting and not rule.rule.endswith("/events"):
            endpoints.append(rule.endpoint)
    return sorted(endpoints)


LESSON = "/cycles/<int:cycle_id>/lesson"
# Compares a lesson with the one it was revised from: measured on such a lesson only.
CHANGES = LESSON + "/changes"


def lesson_pages(url_map) -> list[str]:
    """Every GET route of a cycle's lesson that only needs the cycle id: the lesson page, its
    history, what changed since the earlier lesson, the monitoring chart, the packet PDF, and
    any later added there (a live stream excepted)."""
    endpoints = []
    for rule in url_map.iter_rules():
        path = rule.rule
        if not (path == LESSON or path.startswith(LESSON + "/")) or path.endswith("/events"):
            continue
        if "GET" in rule.methods and rule.arguments == {"cycle_id"}:
            endpoints.append(rule.endpoint)
    return sorted(endpoints)


def _lesson_page(role: str, endpoint: str, url_map, cycle: tuple) -> Page:
    rule = next(url_map.iter_rules(endpoint))
    name = "lesson page" if rule.rule == LESSON else "lesson " + rule.rule.rsplit("/", 1)[-1]
    return Page(role, name, endpoint, cycle, heavy=rule.rule.endswith(".pdf"))


DEBRIEF = "/cycles/<int:cycle_id>/debrief"


def debrief_pages(url_map) -> list[str]:
    """Every GET route of a cycle's debrief that only needs the cycle id: the debrief page,
    its comparison fragment, the display and its fragment, the run-view charts, the record,
    and any later added there (a live stream excepted)."""
    endpoints = []
    for rule in url_map.iter_rules():
        path = rule.rule
        if not path.startswith(DEBRIEF) or path.endswith("/events"):
            continue
        if "GET" in rule.methods and rule.arguments == {"cycle_id"}:
            endpoints.append(rule.endpoint)
    return sorted(endpoints)


def _debrief_page(role: str, endpoint: str, url_map, cycle: tuple) -> Page:
    path = next(url_map.iter_rules(endpoint)).rule
    name = "debrief page" if path == DEBRIEF else "debrief " + path[len(DEBRIEF) + 1 :]
    return Page(role, name, endpoint, cycle, heavy=path.endswith(".pdf"))


def enactment_pages(role: str, targets: Targets, url_map) -> list[Page]:
    """A cycle's debrief and enactments, and the teacher's own enactment: its record, and the
    tap-to-count page for those who record it (the teacher, the team's planners, admins)."""
    if targets.debrief_cycle_id is None:
        return []
    cycle = (("cycle_id", targets.debrief_cycle_id),)
    found = [_debrief_page(role, endpoint, url_map, cycle) for endpoint in debrief_pages(url_map)]
    found.append(Page(role, "enactments of the cycle", "enactments.index", cycle))
    if targets.enactment_id is not None:
        enactment = (("enactment_id", targets.enactment_id),)
        found.append(Page(role, "enactment record", "enactments.show", enactment))
        found.append(Page(role, "tap-to-count", "tap_count.show", enactment))
    return found


def pages(targets: Targets, url_map) -> list[Page]:
    team = (("team_id", targets.team_id),)
    held = (("meeting_id", targets.held_meeting_id),)
    planned = (("meeting_id", targets.planned_meeting_id),)
    leader = (*team, ("user_id", targets.leader_id))
    lesson_cycle = (("cycle_id", targets.lesson_cycle_id),)
    revised_cycle = (("cycle_id", targets.revised_cycle_id),)

    def lesson_page(role: str, endpoint: str) -> list[Page]:
        if next(url_map.iter_rules(endpoint)).rule != CHANGES:
            return [_lesson_page(role, endpoint, url_map, lesson_cycle)]
        if targets.revised_cycle_id is None:
            return []
        return [_lesson_page(role, endpoint, url_map, revised_cycle)]

    found: list[Page] = []
    for role in ROLES:
        found += [
            Page(role, "dashboard", "home.index"),
            Page(role, "team page", "teams.show", team),
            Page(role, "meetings of the team", "meetings.index", team),
            Page(role, "cycle page", "cycles.show", (("cycle_id", targets.cycle_id),)),
            Page(role, "cycles of the team", "cycles.index", team),
            Page(role, "selection board", "selection.board", (("cycle_id", targets.cycle_id),)),
            Page(
                role,
                "selection board fragment",
                "selection.board_fragment",
                (("cycle_id", targets.cycle_id),),
            ),
            Page(role, "meeting page", "meetings.show", held),
            Page(role, "run view", "run.show", planned),
            *(
                Page(role, f"run {endpoint}", endpoint, planned)
                for endpoint in run_fragments(url_map)
                # The presenter console is for those who can present, not a team's teachers.
                if role != "teacher" or not endpoint.startswith("console.")
            ),
            Page(role, "minutes", "minutes.show", held),
            Page(role, "account", "auth.password"),
            Page(role, "task library", "tasks.index"),
            Page(role, "task page", "tasks.show", (("task_id", targets.task_id),)),
            *(page for e in lesson_pages(url_map) for page in lesson_page(role, e)),
            *enactment_pages(role, targets, url_map),
        ]
    for role in ("admin", "mentor"):
        found += [
            Page(role, "pipeline", "leadership.cohort", team),
            Page(role, "release plan", "leadership.release_plan", team),
        ]
    for role in ("mentor", "leader"):
        found += [
            Page(role, "mentoring loop", "mentoring.show", held),
            Page(role, "moves page", "moves.show", held),
            Page(role, "handoff page", "handoff.show", leader),
        ]
    found.append(Page("mentor", "handoff PDF", "handoff.pdf", leader, heavy=True))
    found += [
        Page("admin", "admin people", "admin_people.index"),
        Page("admin", "admin teams", "admin_teams.index"),
        Page("admin", "admin team edit", "admin_teams.edit", team),
    ]
    return found


def url(url_map, page: Page) -> str:
    return url_map.bind("127.0.0.1").build(page.endpoint, dict(page.values))


ANCHORS = {
    "anchor: bare Flask route": "/bench/bare",
    "anchor: one-query 30 rows": "/bench/one-query",
}


# ---------------------------------------------------------------------------- measuring


@dataclass
class Timing:
    ms: list[float] = field(default_factory=list)
    statements: int | None = None
    size: int = 0
    error: str = ""

    def p(self, q: float) -> float:
        return percentile(self.ms, q) if self.ms else float("nan")


async def sign_in(port: int, email: str, password: str) -> Account:
    account = Account(email)
    page = await http(port, "GET", "/sign-in", account)
    form = {"email": email, "password": password, "csrf_token": parse_page(page.text).csrf}
    reply = await http(port, "POST", "/sign-in", account, form=form)
    if reply.status != 302:
        raise RuntimeError(f"sign-in as {email} answered {reply.status}")
    return account


def settle(database_url: str) -> None:
    """A database in use has its visibility map set and its statistics current; one loaded a
    minute ago has neither, and autovacuum would be doing it while the pages are timed."""
    import sqlalchemy as sa

    engine = sa.create_engine(database_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            sql = "VACUUM ANALYZE" if engine.dialect.name == "postgresql" else "ANALYZE"
            connection.execute(sa.text(sql))
    finally:
        engine.dispose()


@dataclass
class Site:
    """One data set's server, as the bench measures it."""

    dataset: str
    server: Server
    targets: Targets
    accounts: dict[str, Account] = field(default_factory=dict)

    @property
    def port(self) -> int:
        return self.server.port

    def paths(self, url_map) -> dict[str, tuple[str, Account | None, bool]]:
        """Each page's key: its path, who asks for it and whether it is heavy."""
        found = {name: (path, None, False) for name, path in ANCHORS.items()}
        for page in pages(self.targets, url_map):
            found[page.key] = (url(url_map, page), self.accounts[page.role], page.heavy)
        return found


async def get(site: Site, path: str, account) -> float:
    started = time.perf_counter()
    reply = await http(site.port, "GET", path, account)
    if reply.status != 200:
        raise RuntimeError(f"{site.dataset}: GET {path} answered {reply.status}")
    return (time.perf_counter() - started) * 1000


async def measure(sites: list[Site], asked: list[tuple], count: int) -> list[Timing]:
    """The same page on every site, their requests alternating, so that whatever else the
    machine does weighs on each alike (one request at a time)."""
    timings = []
    for site, (path, account, _) in zip(sites, asked, strict=True):
        first = await http(site.port, "GET", path, account)
        if first.status != 200:
            raise RuntimeError(f"{site.dataset}: GET {path} answered {first.status}")
        statements = first.header("X-Bench-Statements")
        timings.append(Timing(statements=int(statements) if statements else None,
                              size=len(first.body)))  # fmt: skip
    turns = list(zip(sites, asked, timings, strict=True))
    for round_ in range(count):
        # Each site goes first every other round: a server still closing the previous request
        # would otherwise slow the other's next one, always the same one.
        for site, (path, account, _), timing in turns if round_ % 2 == 0 else turns[::-1]:
            timing.ms.append(await get(site, path, account))
    return timings


async def measure_all(sites: list[Site], url_map, args) -> list[dict[str, Timing]]:
    for site in sites:
        site.accounts = {
            role: await sign_in(site.port, email, PASSWORDS[site.dataset])
            for role, email in site.targets.logins.items()
        }
    paths = [site.paths(url_map) for site in sites]
    # Pages every site has (the lesson changes page needs a revised lesson), in its order.
    keys = [
        key
        for key in paths[-1]
        if all(key in found for found in paths)
        and (not args.only or any(part in key for part in args.only))
    ]
    if not args.as_loaded:
        for _ in range(WARM_UP_ROUNDS):
            for key in keys:
                for site, found in zip(sites, paths, strict=True):
                    path, account, heavy = found[key]
                    if not heavy:
                        with contextlib.suppress(TimeoutError, OSError):
                            await http(site.port, "GET", path, account)
    results: list[dict[str, Timing]] = [{} for _ in sites]
    for key in keys:
        asked = [found[key] for found in paths]
        count = args.pdf_requests if asked[0][2] else args.requests
        try:
            timings = await measure(sites, asked, count)
        except (TimeoutError, RuntimeError, OSError) as error:
            # One failing page is a finding, not the end of the run.
            timed_out = isinstance(error, TimeoutError)
            reason = f"no answer within {REQUEST_SECONDS} s" if timed_out else str(error)
            timings = [Timing(error=reason) for _ in sites]
        for found, timing in zip(results, timings, strict=True):
            found[key] = timing
        line = "  ".join(
            f"{site.dataset} {t.p(50):7.1f} ms" for site, t in zip(sites, timings, strict=True)
        )
        print(f"  {key:<44} p50 {line} {timings[0].error}", flush=True)
    return results


def start_site(stack: contextlib.ExitStack, dataset: str, args, redis_db: int) -> Site:
    import sqlalchemy as sa

    seed = ("seed-demo",) if dataset == "demo" else ("seed-district", "--scale", str(args.scale))
    mode = "embedded" if args.embedded else "production"
    started = time.perf_counter()
    server = stack.enter_context(
        Server(
            mode, 2, args.server_log, seed=seed, database=f"bench_pages_{os.getpid()}_{dataset}",
            env={"TANDEM_BENCH": "1"}, setup_seconds=1200, redis_db=redis_db,
            after_seed=None if args.as_loaded else settle,
        )
    )  # fmt: skip
    print(f"{dataset}: server ready in {time.perf_counter() - started:.0f} s", flush=True)
    engine = sa.create_engine(server.database_url)
    try:
        with engine.connect() as connection:
            targets = find_targets(connection)
    finally:
        engine.dispose()
    return Site(dataset, server, targets)


def run(args, url_map) -> tuple[dict[str, Timing], dict[str, Timing]]:
    """Both servers up at once, each page timed on both in turn."""
    with contextlib.ExitStack() as stack:
        sites = [
            start_site(stack, "demo", args, REDIS_DB),
            start_site(stack, "district", args, REDIS_DB + 1),
        ]
        try:
            demo, district = asyncio.run(measure_all(sites, url_map, args))
        except Exception:
            for site in sites:
                print(f"---- {site.dataset} server log (tail) ----\n{site.server.log()}")
            raise
        return demo, district


# ---------------------------------------------------------------------------- report


def report(demo: dict[str, Timing], district: dict[str, Timing], args) -> None:
    mode = "flask run + SQLite" if args.embedded else "gunicorn gevent ×2 + PostgreSQL + Redis"
    print(
        f"\nTandem page bench, {time.strftime('%Y-%m-%d %H:%M')}, {mode}, {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.1f} at the end; {args.requests} requests per page "
        f"({args.pdf_requests} per PDF), one at a time, demo and district in turn; district at "
        f"scale {args.scale}; "
        + ("databases as loaded, no warm-up" if args.as_loaded else
           f"databases vacuumed and analyzed, {WARM_UP_ROUNDS} warm-up rounds")
    )  # fmt: skip
    header = (
        f"| {'page (role)':<44} | demo p50 | demo p95 | district p50 | district p95 | ratio "
        f"| statements demo/district | district KB | goals |"
    )
    print(header)
    print("|" + "|".join("-" * (len(part)) for part in header.split("|")[1:-1]) + "|")
    anchor = district["anchor: one-query 30 rows"].p(50)
    for key, far in district.items():
        # A page the demo has no data for (an enactment's, until the demo has one).
        near = demo.get(key, Timing(error="no such page"))
        ratio = far.p(50) / near.p(50) if far.ms and near.ms else float("nan")
        missed = [f"{name}: {t.error}" for name, t in (("demo", near), ("district", far))
                  if t.error]  # fmt: skip
        if not key.startswith("anchor") and not missed:
            if far.p(50) > GOAL_P50_MS:
                missed.append(f"p50>{GOAL_P50_MS}ms")
            if ratio > GOAL_RATIO:
                missed.append(f"ratio>{GOAL_RATIO}")
            if near.statements != far.statements:
                missed.append("statements differ")
            if key.startswith("run ") and anchor / far.p(50) < GOAL_FRAGMENT_SHARE:
                missed.append(f"<{GOAL_FRAGMENT_SHARE}× anchor")
        print(
            f"| {key:<44} | {near.p(50):8.1f} | {near.p(95):8.1f} | {far.p(50):12.1f} "
            f"| {far.p(95):12.1f} | {ratio:5.2f} | {near.statements!s:>11} / {far.statements!s:<11}"
            f" | {far.size / 1024:11.0f} | {'MISS ' + ', '.join(missed) if missed else 'ok'} |"
        )
    print(
        f"Goals (issue 9): every page p50 ≤ {GOAL_P50_MS} ms on the district and ≤ {GOAL_RATIO}× "
        f"its demo p50; equal statements; run-view fragments (run …) at ≥ {GOAL_FRAGMENT_SHARE}× "
        "the one-query anchor's throughput (its p50 ÷ theirs)."
    )


def _interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--embedded", action="store_true", help="flask run on SQLite")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page")
    parser.add_argument("--pdf-requests", type=int, default=3)
    parser.add_argument("--scale", type=float, default=1.0, help="of the district")
    parser.add_argument(
        "--only", nargs="+", metavar="TEXT", help="only the pages whose name (role) has TEXT"
    )
    parser.add_argument("--server-log", action="store_true", help="print the server log tail")
    parser.add_argument(
        "--as-loaded", action="store_true",
        help="time the databases as loaded: no VACUUM ANALYZE / ANALYZE, no warm-up",
    )  # fmt: skip
    args = parser.parse_args()
    if not 1 <= args.requests <= 10_000 or not 0.01 <= args.scale <= 2:
        parser.error("between 1 and 10000 requests and a scale between 0.01 and 2")
    # SIGINT too: a shell starting the bench in the background would have it ignored.
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _interrupt)
    from app import create_app

    url_map = create_app({"SECRET_KEY": "bench", "BENCH": True}).url_map
    try:
        demo, district = run(args, url_map)
    except (RuntimeError, OSError, subprocess.SubprocessError) as error:
        detail = getattr(error, "stderr", None) or b""
        print(f"bench failed: {error}\n{detail.decode(errors='replace')[-2000:]}")
        print(traceback.format_exc(limit=-3))
        return 1
    except KeyboardInterrupt as interruption:
        print(f"interrupted ({interruption}): the servers are stopped and their databases removed")
        return 130
    report(demo, district, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
