"""What a device sends in tap-to-count mode, checked: a tap (its key, +1 or -1, the response
it counts) and a response nobody anticipated (its key and a short name). Sent as JSON by the
page's script, or as a form; anything else is a BadInput with a message for the screen."""

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from flask import Request

from app.forms import clean_text
from app.numbers import parse_id

KEY = re.compile(r"[A-Za-z0-9_-]{16,64}")
NAME_MAX = 120
# A device clock this far off is wrong: the tap counts, without its time.
EARLIEST, LATEST = datetime(2000, 1, 1), datetime(2100, 1, 1)


class BadInput(ValueError):
    """A request the screen can explain: its message says what was wrong."""


@dataclass(frozen=True)
class TapInput:
    key: str
    by: int
    response_id: int | None
    unanticipated_id: int | None
    tapped_at: datetime | None


@dataclass(frozen=True)
class NewUnanticipated:
    key: str
    name: str


def payload(request: Request) -> dict:
    """The JSON object sent, or the form; a JSON body that is not an object is refused."""
    if request.is_json:
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            raise BadInput("The request was not understood. Reload the page and try again.")
        return body
    return request.form.to_dict()


def _key(value) -> str:
    if not isinstance(value, str) or not KEY.fullmatch(value):
        raise BadInput("This tap has no valid key. Reload the page and tap again.")
    return value


def _by(value) -> int:
    if type(value) is int and value in (1, -1):  # not True, which is an int too
        return value
    if isinstance(value, str) and value in ("1", "-1"):
        return int(value)
    raise BadInput("A tap adds one student or takes one away (1 or -1).")


def _id(value) -> int | None:
    if value is None or value == "":
        return None
    if type(value) is int:
        value = str(value)
    number = parse_id(value) if isinstance(value, str) else None
    if not number:
        raise BadInput("That response is not on this lesson's chart.")
    return number


def _tapped_at(value) -> datetime | None:
    if value is None or value == "":
        return None
    try:
        stamp = (
            datetime.fromisoformat(value) if isinstance(value, str) and len(value) < 40 else None
        )
    except ValueError:
        stamp = None
    if stamp is None:
        raise BadInput("The time of the tap was not understood.")
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(UTC).replace(tzinfo=None)
    return stamp if EARLIEST <= stamp < LATEST else None


def parse_tap(data: dict) -> TapInput:
    key, by = _key(data.get("key")), _by(data.get("by"))
    response_id = _id(data.get("response"))
    unanticipated_id = _id(data.get("unanticipated"))
    if (response_id is None) == (unanticipated_id is None):
        raise BadInput("Say which response the tap counts: one, anticipated or not.")
    return TapInput(key, by, response_id, unanticipated_id, _tapped_at(data.get("tapped_at")))


def parse_unanticipated(data: dict) -> NewUnanticipated:
    key = data.get("key")
    if not isinstance(key, str) or not KEY.fullmatch(key):
        raise BadInput("This response has no valid key. Reload the page and add it again.")
    name = data.get("name")
    name = " ".join(clean_text(name).split()) if isinstance(name, str) else ""
    if not name:
        raise BadInput("Give the response a short name, such as “Counted on by quarters”.")
    if len(name) > NAME_MAX:
        raise BadInput(f"Keep the name under {NAME_MAX} characters (it has {len(name)}).")
    return NewUnanticipated(key, name)
