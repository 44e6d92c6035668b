"""Anticipated responses for the list's tests: made through the workflow, posted as a form."""

import io

import sqlalchemy as sa
from PIL import Image

from app.extensions import db
from app.lessons import writing
from app.lessons.models import AnticipatedResponse, Lesson


def add(lesson: Lesson, author, *names: str, **fields) -> list[AnticipatedResponse]:
    return [writing.add_response(author, lesson, {"name": name, **fields}) for name in names]


def sequence(lesson: Lesson) -> list[str]:
    """The names of the lesson's responses in the planned sequence (removed ones left out)."""
    db.session.expire_all()
    return list(
        db.session.scalars(
            sa.select(AnticipatedResponse.name)
            .where(
                AnticipatedResponse.lesson_id == lesson.id,
                AnticipatedResponse.removed_at.is_(None),
            )
            .order_by(AnticipatedResponse.position, AnticipatedResponse.id)
        )
    )


def response_form(**fields) -> dict:
    return {
        "name": "Halves, then halves again",
        "description": "Cuts each brownie in half, then each half in half, and deals them out.",
        "representation": "drawing",
        "correctness": "correct",
        "misconception": "",
        "assessing_questions": "How did you decide where to cut?\nHow many pieces does each get?",
        "advancing_questions": "What is one piece worth?",
        "connection": "Each share is 3 × ¼: fractions as equal shares.",
    } | fields


def image_bytes(size=(40, 30), kind: str = "PNG", **save) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "orange").save(out, kind, **save)
    return out.getvalue()


def jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (39.0, 57.0, 8.0)  # latitude: a school's address
    gps[3], gps[4] = "W", (75.0, 9.0, 54.0)
    return image_bytes(kind="JPEG", exif=exif.tobytes())
