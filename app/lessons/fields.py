"""One editable field of a lesson's plan or of an anticipated response, as the field editor
templates draw it: its label, value, revision, addresses and the kind of input it takes."""

from dataclasses import dataclass

import sqlalchemy as sa
from flask import url_for

from app.auth.models import User
from app.extensions import db
from app.lessons.forms import CHOICES, QUESTION_FIELDS
from app.lessons.models import (
    PLAN_FIELDS,
    PLAN_MINUTES,
    RESPONSE_FIELDS,
    AnticipatedResponse,
    Lesson,
    LessonChange,
)
from app.lessons.writing import text_of

# `to_share` is a toggle on the response card, not a field with an editor.
EDITABLE_RESPONSE_FIELDS = {k: v for k, v in RESPONSE_FIELDS.items() if k != "to_share"}
PLAN_ALL = PLAN_FIELDS | PLAN_MINUTES
# Fields whose conflict can be merged by hand; a choice or a number is one or the other.
MERGEABLE = set(PLAN_FIELDS) | (set(EDITABLE_RESPONSE_FIELDS) - set(CHOICES))


@dataclass(frozen=True)
class FieldRef:
    record: Lesson | AnticipatedResponse
    name: str

    @property
    def response(self) -> AnticipatedResponse | None:
        return self.record if isinstance(self.record, AnticipatedResponse) else None

    @property
    def lesson_id(self) -> int:
        response = self.response
        return response.lesson_id if response else self.record.id

    @property
    def label(self) -> str:
        return EDITABLE_RESPONSE_FIELDS[self.name] if self.response else PLAN_ALL[self.name]

    @property
    def key(self) -> str:
        """Names the field on the page, in drafts and in presence."""
        response = self.response
        return f"response-{response.id}-{self.name}" if response else f"plan-{self.name}"

    @property
    def dom_id(self) -> str:
        return f"field-{self.key}"

    @property
    def kind(self) -> str:
        if self.name in PLAN_MINUTES:
            return "minutes"
        if self.name in CHOICES:
            return "choice"
        if self.name in QUESTION_FIELDS:
            return "questions"
        if self.name == "name":
            return "line"
        return "text"

    @property
    def choices(self) -> list[tuple[str, str]]:
        return [(member.value, member.label) for member in CHOICES[self.name]]

    @property
    def mergeable(self) -> bool:
        return self.name in MERGEABLE

    @property
    def value(self) -> str:
        return text_of(self.record, self.name)

    @property
    def revision(self) -> int:
        return self.record.field_revision(self.name)

    def saved_by(self) -> str | None:
        """The name of whoever saved the field's current value (None before any save)."""
        response = self.response
        return db.session.scalar(
            sa.select(User.name)
            .join(LessonChange, LessonChange.author_id == User.id)
            .where(
                LessonChange.lesson_id == self.lesson_id,
                LessonChange.response_id == response.id
                if response
                else LessonChange.response_id.is_(None),
                LessonChange.field == self.name,
                LessonChange.revision == self.revision,
            )
            .limit(1)
        )

    def shown(self, text: str) -> str | list[str]:
        """`text` as people read it: a choice's label, questions as a list."""
        if self.kind == "choice":
            labels = dict(self.choices)
            return labels.get(text, text)
        if self.kind == "questions":
            return AnticipatedResponse.lines(text)
        return text

    def _url(self, endpoint: str) -> str:
        response = self.response
        if response:
            return url_for(
                f"lesson_fields.response_{endpoint}", response_id=response.id, name=self.name
            )
        return url_for(f"lesson_fields.plan_{endpoint}", lesson_id=self.record.id, name=self.name)

    @property
    def show_url(self) -> str:
        return self._url("show")

    @property
    def edit_url(self) -> str:
        return self._url("edit")

    @property
    def save_url(self) -> str:
        return self._url("update")

    @property
    def page_url(self) -> str:
        """The lesson page at this field."""
        lesson = self.response.lesson if self.response else self.record
        return url_for("lessons.show", cycle_id=lesson.cycle_id, _anchor=self.dom_id)


def lesson_field(record: Lesson | AnticipatedResponse, name: str) -> FieldRef:
    return FieldRef(record, name)
