"""The library page: search, filters and one page of results, in a fixed number of statements."""

import math
import re
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from app.auth.models import User
from app.extensions import db
from app.numbers import parse_id
from app.standards import normalised_standard
from app.tasks.access import visible
from app.tasks.models import SEARCH_CONFIG, Demand, Task, TaskStandard, search_document
from app.teams.models import GRADES

PAGE_SIZE = 20
MAX_WORDS = 8
WORD = re.compile(r"\w+")
SCOPES = {"all": "Shared and drafts", "shared": "Shared only", "drafts": "Our drafts"}


@dataclass
class Filters:
    """What the library page was asked for; anything not understood is simply not applied."""

    words: str = ""
    grade: str = ""
    standard: str = ""
    demand: str = ""
    scope: str = "all"
    page: int = 1
    problems: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_args(cls, args) -> "Filters":
        filters = cls(words=" ".join(WORD.findall(args.get("q", "")[:200])[:MAX_WORDS]))
        grade, demand = args.get("grade", ""), args.get("demand", "")
        filters.grade = grade if grade in GRADES else ""
        filters.demand = demand if demand in Demand.LABELS else ""
        scope = args.get("scope", "all")
        filters.scope = scope if scope in SCOPES else "all"
        standard = args.get("standard", "").strip()[:40]
        if standard:
            filters.standard = normalised_standard(standard) or ""
            if not filters.standard:
                filters.problems["standard"] = "Enter a standard code like 4.NF.A.1."
        filters.page = parse_id(args.get("page", "1")) or 1
        return filters

    def as_args(self, **changes) -> dict:
        values = {
            "q": self.words,
            "grade": self.grade,
            "standard": self.standard,
            "demand": self.demand,
            "scope": "" if self.scope == "all" else self.scope,
            "page": self.page,
        } | changes
        return {k: v for k, v in values.items() if v not in ("", None, 1)}


@dataclass
class LibraryPage:
    tasks: list[Task]
    total: int
    page: int
    pages: int


def _matching_words(query: sa.Select, words: str) -> sa.Select:
    if not words:
        return query
    if db.engine.dialect.name == "postgresql":
        tsquery = sa.func.plainto_tsquery(sa.literal_column(f"'{SEARCH_CONFIG}'::regconfig"), words)
        return query.where(search_document().op("@@")(tsquery))
    # SQLite: every word somewhere in the title, big idea or statement.
    haystack = sa.func.lower(Task.title + " " + Task.big_idea + " " + Task.statement)
    for word in words.lower().split():
        query = query.where(haystack.contains(word, autoescape=True))
    return query


def filtered(user: User, filters: Filters) -> sa.Select:
    query = visible(sa.select(Task), user)
    if filters.grade:
        query = query.where(Task.grade == filters.grade)
    if filters.demand:
        query = query.where(Task.demand == Demand(filters.demand))
    if filters.scope == "shared":
        query = query.where(Task.shared_at.is_not(None))
    elif filters.scope == "drafts":
        query = query.where(Task.shared_at.is_(None))
    if filters.standard:
        has_code = sa.select(TaskStandard.id).where(
            TaskStandard.task_id == Task.id, TaskStandard.code == filters.standard
        )
        query = query.where(has_code.exists())
    return _matching_words(query, filters.words)


def library_page(user: User, filters: Filters) -> LibraryPage:
    query = filtered(user, filters)
    total = db.session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
    pages = max(1, math.ceil(total / PAGE_SIZE))
    page = min(filters.page, pages)
    # Drafts first (the team's work in progress), then by title.
    ordered = query.order_by(
        Task.shared_at.is_(None).desc(), sa.func.lower(Task.title), Task.id
    ).options(selectinload(Task.standards), selectinload(Task.team))
    tasks = list(db.session.scalars(ordered.limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)))
    return LibraryPage(tasks, total, page, pages)
