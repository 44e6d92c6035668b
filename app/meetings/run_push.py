"""The run view's notes sent in its live stream, so a screen need not re-fetch them.

After a note, every open screen of a meeting re-fetched its notes at the same moment: 200
screens, 200 requests, each loading its session and person, checking access and answering from
the fragment cache — about 2.5 ms of server CPU and 1 ms of the database's each, so ~0.7 s of
CPU per note, which a 2-core box cannot spend within 250 ms. Now the stream of a screen that
asks for it (`?push=notes`; the projector's `?push=display-notes`) renders the notes right
after the event, as that screen's own person: the same run_fragment_html (the same access
check, cache and HTML) in a request context of its own, with no request, signed in from the
stream's cookies as a request is. The streams of one browser in one server process share
one sign-in, one check and one rendering per event. The member notes
differ per person (their Remove buttons, their private notes) and each stream gets only its
own person's; the projector's are one rendering for everyone (run_cache.shared_display).

When rendering fails the stream sends `notes-stale` instead and the screen re-fetches as
before; when the person may no longer see the meeting it sends nothing (the stream's recheck
ends it).
"""

import hashlib
import io
import logging
import sys
from collections.abc import Hashable

from flask import current_app, request
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from werkzeug.exceptions import HTTPException

from app.live.stream import message
from app.meetings.run_cache import FragmentCache, run_fragment_html, with_csrf
from app.meetings.run_context import DISPLAY, MEMBER

logger = logging.getLogger(__name__)

# Events after which the run view's notes may look different (state: the current segment).
NOTES_EVENTS = frozenset({"contributions", "state"})
# What a stream may push (?push=...): the notes' template, view and whether they differ per
# person. The member view and the console draw the member notes; the projector the shared ones.
KINDS = {
    "notes": ("_run_contributions.html", MEMBER, True),
    "display-notes": ("_display_contributions.html", DISPLAY, False),
}
# A rendering is shared by one browser's streams at the moment of one event; no longer needed.
SHARED_SECONDS = 5
# Messages kept at most (each the whole notes' HTML): the browsers of one event, and then some.
SHARED_ENTRIES = 512


def _shared() -> FragmentCache:
    found = current_app.extensions.get("run_push")
    if found is None:
        found = current_app.extensions.setdefault(
            "run_push", FragmentCache(SHARED_ENTRIES, SHARED_SECONDS)
        )
    return found


def _environ_copy(environ: dict) -> dict:
    """The stream request's CGI variables (host, scheme, cookies) without its socket or body:
    enough for url_for and the session in a request context of the push's own."""
    copied = {k: v for k, v in environ.items() if "." not in k and isinstance(v, str)}
    copied.update(
        {
            "wsgi.url_scheme": environ.get("wsgi.url_scheme", "http"),
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
            "REQUEST_METHOD": "GET",
            "CONTENT_LENGTH": "0",
        }
    )
    return copied


class NotesPush:
    """Made in the stream's request (which knows the person); called by the stream, outside
    any request, with the names of the events just sent and their id."""

    def __init__(self, meeting_id: int, kind: str):
        self.template, self.view, self.per_user = KINDS[kind]
        self.app = current_app._get_current_object()
        self.user_id = current_user.id
        # Whose notes: this browser's session, signed in afresh from its cookies at each
        # rendering, so a session ended meanwhile (signed out everywhere) gets none.
        self.browser = hashlib.sha256(request.headers.get("Cookie", "").encode()).hexdigest()
        self.meeting_id = meeting_id
        self.environ = _environ_copy(request.environ)
        self.csrf = generate_csrf()  # the session's token: valid for as long as the session
        self.shared = _shared()

    def __call__(self, names: list[str], event_id: str) -> str | None:
        """The `notes` event with this person's notes, ready to send (None: nothing to send)."""
        if NOTES_EVENTS.isdisjoint(names):
            return None
        key: Hashable = (self.view, self.meeting_id, event_id, self.user_id, self.browser)
        try:
            sent = self.shared.get(key, lambda: self._render(event_id))
        except Exception:  # noqa: BLE001 - the screen re-fetches instead
            logger.warning("live: notes of meeting %s not pushed", self.meeting_id, exc_info=True)
            return message("notes-stale", event_id)
        return None if sent is None else with_csrf(sent, self.csrf)

    def _render(self, event_id: str) -> tuple[str | None, bool]:
        """The message (formatted once, for every stream of this person) with the CSRF
        placeholder still in."""
        with self.app.app_context(), self.app.request_context(dict(self.environ)):
            if current_user.get_id() is None or current_user.id != self.user_id:
                return message("notes-stale", event_id), True  # its re-fetch signs it out
            try:
                html = run_fragment_html(
                    self.template,
                    self.meeting_id,
                    "contributions",
                    "contributions",
                    view=self.view,
                    per_user=self.per_user,
                    version=event_id,
                )
            except HTTPException:  # no longer on the meeting's team, or the meeting is gone
                return None, True
        return message("notes", event_id, html), True
