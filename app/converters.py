from werkzeug.routing import IntegerConverter, ValidationError

from app.numbers import MAX_ID, parse_id


class IdConverter(IntegerConverter):
    """`int` for database ids: ASCII digits (Werkzeug's `\\d` also matches ١٢), positive and
    within a 32-bit column, so a huge id or one in other digits is a 404."""

    regex = r"[0-9]+"

    def __init__(self, map, *args, **kwargs):  # noqa: A002 (werkzeug's signature)
        kwargs.setdefault("min", 1)
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)

    def to_python(self, value: str) -> int:
        number = parse_id(value)
        if number is None or number < self.min or number > self.max:
            raise ValidationError()
        return number
