"""Run-view fragments rendered once per change and served to every screen that asks.

After each live event every open screen of a meeting re-fetches its fragments at the same
moment. A fragment is rendered once per key and the HTML kept in this worker's memory: the key
holds the meeting, the fragment, the view, the meeting's newest live event id (read before
anything is loaded, so what is stored is never older than its key) and whatever makes the HTML
differ per viewer (their role, their id where the fragment has per-person bits, the countdown
second for the timer). Concurrent misses of one key wait for the first render instead of
rendering it 200 times.

Forms in a fragment carry the session's CSRF token: it is rendered as a placeholder and put in
per request, so one stored rendering serves every session. The response carries an ETag of
the rendering and the session (not of the token, which changes every second); a matching
If-None-Match answers 304.
"""

import hashlib
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import replace

from flask import abort, current_app, make_response, render_template, request, session
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from app import live
from app.cycles.models import live_channel
from app.meetings.access import RunAccess, RunCheck, meeting_to_run, run_check
from app.meetings.run_context import DISPLAY, MEMBER, run_context
from app.meetings.timer import Countdown, running_seconds
from app.timeutil import utcnow

MAX_ENTRIES = 2048
# Changes that publish no event (a renamed person, a team's new member) show within this time.
ENTRY_SECONDS = 30
WAIT_SECONDS = 5
_CSRF_PLACEHOLDER = "csrf-" + secrets.token_hex(16)


class FragmentCache:
    """A bounded, expiring map of key -> HTML with one render at a time per key."""

    def __init__(self, max_entries: int = MAX_ENTRIES, seconds: float = ENTRY_SECONDS):
        self._entries: OrderedDict[Hashable, tuple[float, str]] = OrderedDict()
        self._rendering: dict[Hashable, threading.Event] = {}
        self._lock = threading.Lock()
        self.max_entries, self.seconds = max_entries, seconds
        self.renders = 0

    def get(self, key: Hashable, render: Callable[[], tuple[str, bool]]) -> str:
        """The stored HTML of `key`, or render() -> (html, may be stored)."""
        while True:
            with self._lock:
                entry = self._entries.get(key)
                if entry and entry[0] > time.monotonic():
                    self._entries.move_to_end(key)
                    return entry[1]
                rendering = self._rendering.get(key)
                if rendering is None:
                    self._rendering[key] = threading.Event()
                    break
            if not rendering.wait(WAIT_SECONDS):
                return render()[0]  # the first render is stuck: do not wait on it forever
        try:
            html, storable = render()
            self.renders += 1
            if storable:
                self._store(key, html)
            return html
        finally:
            with self._lock:
                self._rendering.pop(key).set()

    def _store(self, key: Hashable, html: str) -> None:
        with self._lock:
            self._entries[key] = (time.monotonic() + self.seconds, html)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)


def cache() -> FragmentCache:
    """This app's cache (each app, so each test, has its own)."""
    found = current_app.extensions.get("run_cache")
    if found is None:
        found = current_app.extensions.setdefault("run_cache", FragmentCache())
    return found


def live_version(channel: str) -> str | None:
    """The channel's newest event id, read before the fragment's data; None while the broker
    is down (then nothing is cached)."""
    return live.latest_id(channel)


def fragment_html(
    key: tuple | None,
    template: str,
    context: Callable[[], dict],
    storable: Callable[[dict], bool] = lambda context: True,
) -> str:
    """A run-view fragment's HTML, from the cache when `key` (None: never cached) was rendered
    before; forms carry a placeholder for the session's CSRF token (see with_csrf)."""

    def render() -> tuple[str, bool]:
        values = context()
        html = render_template(template, csrf_token=lambda: _CSRF_PLACEHOLDER, **values)
        return html, key is not None and storable(values)

    return cache().get(key, render) if key is not None else render()[0]


def with_csrf(html: str, token: str) -> str:
    return html.replace(_CSRF_PLACEHOLDER, token) if _CSRF_PLACEHOLDER in html else html


def _response(html: str):
    """The fragment with the session's CSRF token, an ETag and 304 on a match.

    The token is signed afresh each second (Flask-WTF puts a timestamp in it), so the ETag is
    taken from the HTML before the token goes in, and from the session's CSRF secret: the
    copy a browser keeps carries an older token of the same session, which stays valid
    (WTF_CSRF_TIME_LIMIT is None), and a new session changes the ETag."""
    token = generate_csrf()  # makes the session's secret if it has none yet
    secret = session.get(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"), "")
    response = make_response(with_csrf(html, token))
    response.headers["Cache-Control"] = "private, no-cache"
    response.set_etag(hashlib.sha1(f"{secret}\0{html}".encode()).hexdigest())
    return response.make_conditional(request)


def run_key(check: RunCheck, name: str, view: str, version: str | None, *bits) -> tuple | None:
    """What a fragment's HTML depends on; None (not cached) while the broker is down."""
    if version is None:
        return None
    if view != DISPLAY:
        viewer = (check.role, check.can_present)
    elif name == "state":
        viewer = (check.can_present,)  # the projector's keys for presenters
    else:
        viewer = ()  # one rendering for every viewer: see shared_display
    return (name, view, version, *check.run, *viewer, check.facts, *bits)


def shared_display(access: RunAccess) -> RunAccess:
    """The display's notes, panel and attendance are one rendering for every viewer: drawn
    as for someone who cannot present, so no presenter's rendering reaches anyone else."""
    return replace(access, role=None, can_present=False)


def _countdown(check: RunCheck) -> Countdown | None:
    """The timer as the state fragment draws it, to the second, from the check's columns."""
    state = check.state
    if state.current_segment_id is None:
        return None
    return Countdown(
        allowed_seconds=(state.planned_minutes + state.added_minutes) * 60,
        elapsed_seconds=state.elapsed_seconds + running_seconds(state, utcnow()),
        running=state.timer_started_at is not None,
    )


def run_fragment(
    template: str,
    meeting_id: int,
    name: str,
    *parts: str,
    view: str = MEMBER,
    per_user: bool = False,
    presenters_only: bool = False,
):
    """The response for a run-view fragment of `view` (run_fragment_html), with the
    session's CSRF token, an ETag and 304 on a match."""
    html = run_fragment_html(
        template,
        meeting_id,
        name,
        *parts,
        view=view,
        per_user=per_user,
        presenters_only=presenters_only,
    )
    return _response(html)


def run_fragment_html(
    template: str,
    meeting_id: int,
    name: str,
    *parts: str,
    view: str = MEMBER,
    per_user: bool = False,
    presenters_only: bool = False,
    version: str | None = None,
) -> str:
    """A run-view fragment of `view` with run_context(parts), cached per live version (the
    channel's newest unless `version` is given), per the facts of what it draws and per
    viewer: their role, and with `per_user` their id (for Remove, Undo, their own attendance
    toggle and private notes). The state fragment is also keyed by the countdown's second.
    Forms carry a CSRF placeholder (with_csrf).

    A stored fragment costs one light statement (access.run_check); a fresh one then loads
    the meeting and its agenda (access.meeting_to_run) and what the fragment draws."""
    if version is None:
        version = live_version(f"meeting:{meeting_id}")
    facts = None
    if name == "contributions":
        facts = "shared notes" if view == DISPLAY else "member notes"
    elif name == "attendance":
        facts = "attendance"
    check = run_check(current_user, meeting_id, facts)
    if presenters_only and not check.can_present:
        abort(403)
    bits = (current_user.id if per_user else None,)
    if name == "panel" and check.state.cycle_id is not None:
        # A segment's panel may draw its cycle's shared work, which changes on the cycle's
        # channel, not the meeting's.
        bits += (live_version(live_channel(check.state.cycle_id)),)
    if name == "state":
        bits += (_countdown(check),)

    def context() -> dict:
        access = meeting_to_run(current_user, meeting_id)
        if view == DISPLAY and name != "state":
            access = shared_display(access)
        return run_context(access, *parts, view=view)

    return fragment_html(
        run_key(check, name, view, version, *bits),
        f"meetings/{template}",
        context,
        # Undo is offered for seconds only: a list that offers it is never kept.
        storable=lambda values: not values.get("undo_offers"),
    )
