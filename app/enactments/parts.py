"""The parts of an enactment's record saved on their own, and a fingerprint of what each part
held when its form was drawn. A save is refused only when its own part changed since: a
teammate saving another part meanwhile is no conflict."""

import hashlib

from app.enactments.models import Enactment

PARTS = {
    "facts": ("taught_on", "class_code", "students", "minutes"),
    "exit": ("not_yet", "approaching", "meets", "exceeds"),
    "factors": ("demand_factors",),
    "reflection": ("what_worked", "surprised", "would_change", "video_url", "video_moments"),
}
NAMES = {
    "facts": "the lesson's facts",
    "exit": "the exit prompt's levels",
    "factors": "the task as enacted",
    "reflection": "the reflection",
}
MAX_DRAWN = 64


def saver_column(part: str) -> str:
    """The column that keeps who saved `part` last."""
    return f"{part}_saved_by_id"


def fingerprint(enactment: Enactment, part: str) -> str:
    values = repr(tuple(str(getattr(enactment, name)) for name in PARTS[part]))
    return hashlib.sha256(values.encode()).hexdigest()[:24]


def fingerprints(enactment: Enactment) -> dict[str, str]:
    return {part: fingerprint(enactment, part) for part in PARTS}


def posted_drawn(value: object) -> str | None:
    """The fingerprint a form posted back (None when it sent none)."""
    return value[:MAX_DRAWN] if isinstance(value, str) and value else None
