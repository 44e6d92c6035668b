"""Enumerations stored as short strings, with the words people read for each value."""

import enum

import sqlalchemy as sa


class LabelledEnum(enum.StrEnum):
    """A string enum whose subclass sets `LABELS = {value: label}` after its definition."""

    @property
    def label(self) -> str:
        return self.__class__.LABELS[self.value]


def db_enum(kind: type[enum.Enum], length: int = 24) -> sa.Enum:
    """The column type for `kind`: a VARCHAR whose values SQLAlchemy checks, not a native enum."""
    return sa.Enum(kind, native_enum=False, length=length, validate_strings=True)
