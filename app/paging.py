"""Lists that grow with time, shown a page at a time: one count and one bounded select."""

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from app.extensions import db
from app.numbers import parse_id


@dataclass(frozen=True)
class Page:
    items: list[Any]
    number: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def previous(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self) -> int | None:
        return self.number + 1 if self.number < self.pages else None

    @property
    def first_shown(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.total else 0

    @property
    def last_shown(self) -> int:
        return min(self.number * self.per_page, self.total)


def page_number(value: str | None) -> int:
    """The page asked for in the query string; anything that is not a page number is page 1."""
    number = parse_id(value)
    return number if number else 1


def paginate(query: sa.Select, number: int, per_page: int, scalars: bool = True) -> Page:
    """One page of `query` (ordered by the caller); a page past the end shows the last one."""
    total = db.session.scalar(
        sa.select(sa.func.count()).select_from(query.order_by(None).subquery())
    )
    number = min(max(number, 1), max(1, -(-total // per_page)))
    bounded = query.limit(per_page).offset((number - 1) * per_page)
    rows = db.session.scalars(bounded) if scalars else db.session.execute(bounded)
    return Page(list(rows.all()), number, per_page, total)
