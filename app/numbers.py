"""The one way numbers from a request (form, query string, address) become ints."""

import re

# Ids and versions are INTEGER columns on PostgreSQL and SQLite alike.
MAX_ID = 2**31 - 1
ASCII_DIGITS = re.compile(r"[0-9]{1,10}")


def parse_id(value: str | None) -> int | None:
    """An id or version written in ASCII digits, 0 to MAX_ID; None for anything else.

    Python's `isdigit()` and `int()` accept ², ١٢ and numbers of any size, which then fail
    deeper down (or in the database); here they are simply not a number.
    """
    if not isinstance(value, str) or not ASCII_DIGITS.fullmatch(value):
        return None
    number = int(value)
    return number if number <= MAX_ID else None
