"""The monitoring chart as one posted form: each row's count (and the count it had when the
form was drawn), the student codes, whether it was shared and in which place.

Student codes are de-identified: a code is a run of characters between commas, semicolons or
spaces; one with digits (S12, K7) is a code, and one without digits may have at most three
letters (initials such as A.R. or JMK). "Maria" or "Lee-Ann" is refused as a likely name.
"""

import re
from dataclasses import dataclass, field

from app.numbers import parse_id

ROW_KEY = re.compile(r"count-([ru][0-9]{1,10})")
SEPARATORS = re.compile(r"[,;\s]+")
DIGITS = re.compile(r"[0-9]{1,4}")
MAX_COUNT = 999
MAX_CODES = 400
MAX_ORDER = 40
MAX_INITIALS = 3


@dataclass
class PostedRow:
    key: str
    count_text: str
    drawn: int | None
    codes: str
    shared: bool
    order_text: str
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def response_id(self) -> int | None:
        return parse_id(self.key[1:]) if self.key[0] == "r" else None

    @property
    def unanticipated_id(self) -> int | None:
        return parse_id(self.key[1:]) if self.key[0] == "u" else None

    @property
    def count(self) -> int | None:
        return int(self.count_text) if DIGITS.fullmatch(self.count_text) else None

    @property
    def share_order(self) -> int | None:
        if not self.shared:
            return None
        return int(self.order_text) if DIGITS.fullmatch(self.order_text) else None


def posted_rows(form) -> list[PostedRow]:
    rows = []
    for name in form:
        if match := ROW_KEY.fullmatch(name):
            key = match.group(1)
            rows.append(
                PostedRow(
                    key=key,
                    count_text=form.get(name, "").strip(),
                    drawn=parse_id(form.get(f"drawn-{key}", "")),
                    codes=form.get(f"codes-{key}", "").strip(),
                    shared=form.get(f"shared-{key}") == "y",
                    order_text=form.get(f"order-{key}", "").strip(),
                )
            )
    return rows


def name_like(codes: str) -> str | None:
    """The first code that looks like a student's name rather than initials or a code."""
    for code in SEPARATORS.split(codes):
        letters = sum(c.isalpha() for c in code)
        if letters > MAX_INITIALS and not any(c in "0123456789" for c in code):
            return code
    return None


def _check_row(row: PostedRow) -> None:
    if not DIGITS.fullmatch(row.count_text):
        row.errors["count"] = "Write the count with the digits 0 to 9."
    elif row.count > MAX_COUNT:
        row.errors["count"] = f"At most {MAX_COUNT}."
    if len(row.codes) > MAX_CODES:
        row.errors["codes"] = f"Keep the codes under {MAX_CODES} characters."
    elif looks_like := name_like(row.codes):
        row.errors["codes"] = (
            f"“{looks_like}” looks like a name. Use initials (A.R.) or a code (S12)."
        )
    if row.shared and not row.order_text:
        row.errors["order"] = "Give its place in the sharing order."
    elif row.shared and not (row.share_order and 1 <= row.share_order <= MAX_ORDER):
        row.errors["order"] = f"A place from 1 to {MAX_ORDER}, in the digits 0 to 9."
    elif row.order_text and not row.shared:
        row.errors["order"] = "Tick “Shared” too, or clear the place."


def check(rows: list[PostedRow]) -> bool:
    """Each row in range and de-identified; no two shared rows in the same place."""
    for row in rows:
        _check_row(row)
    places: dict[int, PostedRow] = {}
    for row in rows:
        if row.share_order is None or "order" in row.errors:
            continue
        if row.share_order in places:
            row.errors["order"] = f"Another response is shared in place {row.share_order}."
        places.setdefault(row.share_order, row)
    return not any(row.errors for row in rows)
