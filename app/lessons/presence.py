"""Who is editing which field of a lesson right now, told to the team's screens as event
"presence" on the cycle's channel. Each open page (a tab) is marked on its own, so a person
editing in two tabs shows on both fields until each stops."""

import json
import re

from app.auth.models import User
from app.cycles.models import live_channel
from app.lessons.fields import EDITABLE_RESPONSE_FIELDS, PLAN_ALL
from app.lessons.models import Lesson
from app.live import publish
from app.live.presence import store

LIVE_EVENT = "presence"
_TAB = re.compile(r"[A-Za-z0-9_-]{8,40}")
_FIELD = re.compile(r"plan-(?P<plan>[a-z_]+)|response-[0-9]{1,10}-(?P<response>[a-z_]+)")


def valid_field(key: str) -> bool:
    found = _FIELD.fullmatch(key)
    if not found:
        return False
    return (
        found["plan"] in PLAN_ALL
        if found["plan"]
        else found["response"] in EDITABLE_RESPONSE_FIELDS
    )


def mark_editing(lesson: Lesson, user: User, tab: str, field: str) -> None:
    """`user`'s tab now edits `field` ("" or an unknown field: edits nothing)."""
    if not _TAB.fullmatch(tab):
        return
    channel, key = live_channel(lesson.cycle_id), f"{user.id}:{tab}"
    if valid_field(field):
        changed = store().mark(channel, key, json.dumps({"field": field, "name": user.name}))
    else:
        changed = store().clear(channel, key)
    if changed:
        publish(channel, LIVE_EVENT)


def editing_now(lesson: Lesson, viewer: User) -> dict[str, list[str]]:
    """{field key: names of the teammates editing it}, without the viewer themself."""
    editing: dict[str, list[str]] = {}
    mine = f"{viewer.id}:"
    for key, value in sorted(store().present(live_channel(lesson.cycle_id)).items()):
        if key.startswith(mine):
            continue
        try:
            mark = json.loads(value)
            field, name = mark["field"], mark["name"]
        except (ValueError, KeyError, TypeError):
            continue
        names = editing.setdefault(field, [])
        if name not in names:
            names.append(name)
    return editing
