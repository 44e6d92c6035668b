from werkzeug.routing import IntegerConverter


class IdConverter(IntegerConverter):
    """`int` for database ids: positive and within a 32-bit column, so a huge id is a 404."""

    def __init__(self, map, *args, **kwargs):  # noqa: A002 (werkzeug's signature)
        kwargs.setdefault("min", 1)
        kwargs.setdefault("max", 2**31 - 1)
        super().__init__(map, *args, **kwargs)
