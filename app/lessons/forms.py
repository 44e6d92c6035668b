"""Parsing one field of a lesson as an editor posts it: the text as writing.save_field stores
it, or a message for the person, their text kept."""

import re
from dataclasses import dataclass

from app.lessons.models import PLAN_MINUTES, Correctness, Representation
from app.numbers import parse_id

MAX_NAME = 120
MAX_TEXT = 4000
MAX_MINUTES = 240
QUESTION_FIELDS = ("assessing_questions", "advancing_questions")
CHOICES = {"representation": Representation, "correctness": Correctness}

# C0 and C1 control characters except tab and newline: pasted from PDFs and word processors,
# invisible on screen and in print. NUL and lone surrogates are gone already (app.forms).
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ASCII_NUMBER = re.compile(r"[0-9]+")


class InvalidField(ValueError):
    """What is wrong with the posted text, in words for the person who typed it."""


@dataclass(frozen=True)
class Posted:
    text: str  # as typed (cleaned), to show again with a message
    base: int  # the field's revision the editor started from; -1 when not given


def clean(text: str, one_line: bool = False) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if one_line:
        text = text.replace("\n", " ").replace("\t", " ")
    return CONTROL.sub("", text).strip()


def posted(form) -> Posted:
    """The text and base revision a field editor posted. A missing or garbled base is -1,
    which no field has: the save then shows the conflict rather than overwriting."""
    base = parse_id(form.get("base", ""))
    return Posted(clean(form.get("text", "")), -1 if base is None else base)


def value_of(field: str, text: str) -> str:
    """`text` as the field stores it, or InvalidField with the message to show."""
    if field in PLAN_MINUTES:
        return _minutes(text)
    if field in CHOICES:
        return _choice(field, text)
    if field == "name":
        text = clean(text, one_line=True)
        if not text:
            raise InvalidField("Give the response a name.")
        if len(text) > MAX_NAME:
            raise InvalidField(f"Keep the name to {MAX_NAME} characters (it has {len(text)}).")
        return text
    if field in QUESTION_FIELDS:
        text = "\n".join(line.strip() for line in text.splitlines() if line.strip())
    if len(text) > MAX_TEXT:
        raise InvalidField(f"Keep this to {MAX_TEXT:,} characters (it has {len(text):,}).")
    return text


def _minutes(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    if not ASCII_NUMBER.fullmatch(text):
        raise InvalidField(f"Minutes are a whole number from 0 to {MAX_MINUTES}, in digits 0–9.")
    if int(text) > MAX_MINUTES:
        raise InvalidField(f"At most {MAX_MINUTES} minutes: a lesson phase fits in a school day.")
    return str(int(text))


def _choice(field: str, text: str) -> str:
    if text not in {member.value for member in CHOICES[field]}:
        raise InvalidField("Choose one of the list.")
    return text
