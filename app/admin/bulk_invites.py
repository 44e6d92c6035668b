"""Reading a CSV file of people to invite: every line is checked before anything is written."""

import csv
import io
from dataclasses import dataclass, field

import sqlalchemy as sa

from app.auth.forms import EMAIL_PATTERN
from app.auth.invitations import Invitee
from app.auth.models import Invite, User
from app.extensions import db
from app.teams.models import District, Role, School, Team
from app.timeutil import utcnow

MAX_BYTES = 256 * 1024
MAX_ROWS = 500
COLUMNS = ("email", "name", "school", "team", "role")
FORMULA_STARTS = ("=", "+", "-", "@")
ROLE_NAMES = {
    **{role.value.replace("_", " "): role for role in Role},
    **{role.label.lower(): role for role in Role},
    "leader": Role.teacher_leader,
}


@dataclass
class Reading:
    """What a file held: the people to invite, or the problems, each with its line number."""

    invitees: list[Invitee] = field(default_factory=list)
    file_problem: str | None = None
    line_problems: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.file_problem and not self.line_problems and bool(self.invitees)


def _decode(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _file_problem(data: bytes) -> str | None:
    if not data.strip():
        return (
            "The file is empty. Save the spreadsheet as CSV: a header line, then one person a line."
        )
    if len(data) > MAX_BYTES:
        return f"The file is larger than {MAX_BYTES // 1024} KB. Split it into smaller files."
    if b"\x00" in data:
        return (
            "The file contains NUL bytes, so it is not a plain CSV text file. "
            "In your spreadsheet choose Save as → CSV UTF-8."
        )
    if _decode(data) is None:
        return "The file is not UTF-8 text. In your spreadsheet choose Save as → CSV UTF-8."
    return None


def _header(cells: list[str]) -> tuple[dict[str, int] | None, str | None]:
    names = [cell.strip().lower() for cell in cells]
    unknown = [name for name in names if name and name not in COLUMNS]
    if "email" not in names or unknown:
        return None, (
            "The first line must name the columns: email, name, school, team, role "
            "(email is required; the others may be left out)."
            + (f" Unknown column: “{unknown[0]}”." if unknown else "")
        )
    repeated = sorted({name for name in names if name and names.count(name) > 1})
    if repeated:
        return None, f"The first line names the column “{repeated[0]}” twice."
    return {name: names.index(name) for name in COLUMNS if name in names}, None


class _Directory:
    """The district's schools and teams by lower-case name, and emails already in use."""

    def __init__(self, district: District, emails: set[str]):
        schools = db.session.scalars(sa.select(School).where(School.district_id == district.id))
        teams = db.session.scalars(sa.select(Team).where(Team.district_id == district.id))
        self.schools = self._by_name(schools)
        self.teams = self._by_name(teams)
        self.accounts = set(db.session.scalars(sa.select(User.email).where(User.email.in_(emails))))
        self.invited = set(
            db.session.scalars(
                sa.select(Invite.email).where(
                    Invite.email.in_(emails),
                    Invite.accepted_at.is_(None),
                    Invite.revoked_at.is_(None),
                    Invite.expires_at > utcnow(),
                )
            )
        )

    @staticmethod
    def _by_name(things) -> dict[str, list]:
        found: dict[str, list] = {}
        for thing in things:
            found.setdefault(thing.name.strip().lower(), []).append(thing)
        return found


def _one_named(found: dict[str, list], name: str, kind: str) -> tuple[object | None, str | None]:
    if not name:
        return None, None
    matches = found.get(name.lower(), [])
    if not matches:
        return None, f"there is no {kind} called “{name}” in this district"
    if len(matches) > 1:
        return None, f"{len(matches)} {kind}s are called “{name}”; rename one first"
    return matches[0], None


def _row_problems(values: dict[str, str]) -> list[str]:
    problems = []
    for column, value in values.items():
        if value.startswith(FORMULA_STARTS):
            problems.append(
                f"the {column} starts with “{value[0]}”, which a spreadsheet would run as a "
                "formula; remove it"
            )
    email = values["email"]
    if not email:
        problems.append("the email is missing")
    elif len(email) > 254 or not EMAIL_PATTERN.match(email):
        problems.append(f"“{email}” is not an email address like name@school.org")
    if len(values["name"]) > 120:
        problems.append("the name is longer than 120 characters")
    if values["role"] and values["role"].lower().replace("_", " ") not in ROLE_NAMES:
        problems.append(
            f"the role “{values['role']}” is not one of teacher, teacher leader, mentor"
        )
    return problems


def _rows(text: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    rows, last_line = [], 0
    for cells in reader:
        start, last_line = last_line + 1, reader.line_num
        if any(cell.strip() for cell in cells):
            rows.append((start, cells))
    if not rows:
        return [], []
    return rows[0][1], rows[1:]


def read_invitations(data: bytes, district: District) -> Reading:
    """The invitees a CSV file describes, or every problem it has (a file ends at MAX_ROWS)."""
    problem = _file_problem(data)
    if problem:
        return Reading(file_problem=problem)
    try:
        header, rows = _rows(_decode(data))
    except csv.Error as error:
        return Reading(file_problem=f"The file is not valid CSV: {error}.")
    columns, problem = _header(header)
    if problem:
        return Reading(file_problem=problem)
    if not rows:
        return Reading(file_problem="The file names its columns but has nobody to invite.")
    if len(rows) > MAX_ROWS:
        return Reading(
            file_problem=f"The file has {len(rows)} people; invite at most {MAX_ROWS} at a time."
        )
    return _check_rows(rows, columns, len(header), district)


def _check_rows(rows, columns: dict[str, int], width: int, district: District) -> Reading:
    def value(cells: list[str], column: str) -> str:
        index = columns.get(column)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    parsed = [(line, cells, {c: value(cells, c) for c in COLUMNS}) for line, cells in rows]
    emails = {values["email"].lower() for _, _, values in parsed}
    directory = _Directory(district, emails)
    reading, first_line_of = Reading(), {}
    for line, cells, values in parsed:
        problems = _row_problems(values)
        if any(cell.strip() for cell in cells[width:]):
            problems.append(f"it has {len(cells)} cells but the first line names {width}")
        email = values["email"].lower()
        if email in first_line_of:
            problems.append(f"{email} is also on line {first_line_of[email]}")
        elif email in directory.accounts:
            problems.append(f"{email} already has an account")
        elif email in directory.invited:
            problems.append(f"{email} already has an invitation waiting")
        first_line_of.setdefault(email, line)
        school, school_problem = _one_named(directory.schools, values["school"], "school")
        team, team_problem = _one_named(directory.teams, values["team"], "team")
        problems += [p for p in (school_problem, team_problem) if p]
        if problems:
            reading.line_problems.append((line, "; ".join(problems)))
            continue
        role = ROLE_NAMES[values["role"].lower().replace("_", " ")] if values["role"] else None
        reading.invitees.append(Invitee(email, values["name"], school, team, role or Role.teacher))
    if reading.line_problems:
        reading.invitees = []
    return reading
