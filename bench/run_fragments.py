"""Run-view fragment throughput at 10 connections, against the one-query anchor in the same run.

    .venv/bin/python bench/run_fragments.py                  # gunicorn gevent ×2, PostgreSQL, Redis
    .venv/bin/python bench/run_fragments.py --embedded       # flask run, SQLite

The bench starts its own server (TANDEM_BENCH=1 for the anchor route) on a throwaway demo
database, starts the demo's upcoming meeting, then for each fragment of the member view, the
presenter console and the projector display sends requests from 10 connections for a few
seconds, each connection alternating the fragment and the anchor (so both are measured under
the same load on a shared machine), and prints the fragment's throughput as a share of the
anchor's.
"Busy" rows do the same while a note is posted every --spacing seconds, so the fragments are
re-rendered after each change as in a running meeting. Issue 9's goal: ≥ 0.6× the anchor.
"""

import argparse
import asyncio
import contextlib
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from live_latency import Server, demo_meeting_ids, http, sign_in, start_meeting  # noqa: E402

GOAL_SHARE = 0.6
FRAGMENTS = [
    "run/state",
    "run/panel",
    "run/contributions",
    "run/attendance",
    "run/console/state",
    "run/display/state",
    "run/display/panel",
    "run/display/contributions",
    "run/display/attendance",
]


async def paired(port, path, account, connections: int, seconds: float) -> tuple[float, int]:
    """The fragment's throughput as a share of the anchor's, measured in the same seconds: each
    of `connections` loops alternates one anchor request and one fragment request, so both
    see the same load on a shared machine; the share is the anchor's mean time over the
    fragment's. Also the non-200 answers of the fragment."""
    deadline = time.monotonic() + seconds
    times: dict[str, list[float]] = {"anchor": [], "fragment": []}
    failed = 0

    async def timed(kind: str, url: str, who) -> int:
        started = time.perf_counter()
        reply = await http(port, "GET", url, who, headers={"HX-Request": "true"})
        times[kind].append(time.perf_counter() - started)
        return reply.status

    async def loop():
        nonlocal failed
        while time.monotonic() < deadline:
            await timed("anchor", "/bench/one-query", None)
            failed += await timed("fragment", path, account) != 200

    await asyncio.gather(*(loop() for _ in range(connections)))
    mean = {kind: sum(values) / len(values) for kind, values in times.items()}
    return mean["anchor"] / mean["fragment"], failed, connections / mean["fragment"]


async def post_notes(port, author, meeting_id, spacing: float, stop: asyncio.Event) -> int:
    posted = 0
    while not stop.is_set():
        form = {"kind": "note", "body": f"Busy note {posted}", "owner_id": "", "due_on": ""}
        headers = {"X-CSRFToken": author.csrf, "HX-Request": "true"}
        path = f"/meetings/{meeting_id}/run/contributions"
        await http(port, "POST", path, author, headers=headers, form=form)
        posted += 1
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), spacing)
    return posted


async def bench(args, server: Server) -> list[tuple[str, float, int, float]]:
    port = server.port
    mentor, teacher = await sign_in(port, "mentor"), await sign_in(port, "teacher1")
    meeting_id, _ = demo_meeting_ids(server.database_url)
    await start_meeting(port, mentor, meeting_id)
    rows = []
    for fragment in FRAGMENTS:
        path = f"/meetings/{meeting_id}/{fragment}"
        share, failed, rate = await paired(port, path, mentor, args.connections, args.seconds)
        rows.append((f"{fragment} (quiet)", share, failed, rate))
    for fragment in ("run/contributions", "run/panel", "run/display/contributions"):
        path = f"/meetings/{meeting_id}/{fragment}"
        stop = asyncio.Event()
        notes = asyncio.create_task(post_notes(port, teacher, meeting_id, args.spacing, stop))
        share, failed, rate = await paired(port, path, mentor, args.connections, args.seconds)
        stop.set()
        posted = await notes
        rows.append((f"{fragment} (busy, {posted} notes)", share, failed, rate))
    return rows


def report(args, rows) -> None:
    mode = "flask run + SQLite" if args.embedded else "gunicorn gevent ×2 + PostgreSQL + Redis"
    print(f"\nRun-view fragment throughput, {time.strftime('%Y-%m-%d %H:%M')}, {mode}, "
          f"{args.connections} connections, {args.seconds:.0f} s each, load average "
          f"{os.getloadavg()[0]:.1f}")  # fmt: skip
    print(f"| {'fragment':<44} | × anchor | req/s alone (est.) | goal |")
    print(f"|{'-' * 46}|----------|--------------------|------|")
    for name, share, failed, rate in rows:
        goal = "ok" if share >= GOAL_SHARE else "MISS"
        failures = f" ({failed} not 200)" if failed else ""
        print(f"| {name + failures:<44} | {share:8.2f} | {rate:18.0f} | {goal:<4} |")
    print(f"Goal (issue 9): every run-view fragment at ≥ {GOAL_SHARE}× the one-query anchor's "
          "throughput (× anchor: the anchor's mean request time over the fragment's, both "
          "measured alternately on the same connections).")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--embedded", action="store_true", help="flask run on SQLite")
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--spacing", type=float, default=0.5, help="between busy notes")
    parser.add_argument("--server-log", action="store_true")
    args = parser.parse_args()
    mode = "embedded" if args.embedded else "production"
    with Server(mode, 2, args.server_log, env={"TANDEM_BENCH": "1"}) as server:
        rows = asyncio.run(bench(args, server))
    report(args, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
