"""The district, its schools, people, grade-level teams and the Experience → Teach → Lead
pipeline."""

from datetime import timedelta

from app.auth.models import User
from app.bench_data import texts
from app.bench_data.context import Generation, TeamPlan
from app.leadership.models import Phase, PhaseChange
from app.teams.models import GRADES, District, Membership, Role, School, Team, grade_label
from app.timeutil import utcnow

DOMAIN = "district.test"
ADMIN_EMAIL = f"admin@{DOMAIN}"


def seed_schools(gen: Generation) -> None:
    gen.district_id = gen.ids.take(District)
    gen.writer.write(
        District, ("id", "name"), [(gen.district_id, "Brookhaven Unified School District")]
    )
    rows = []
    for index in range(gen.size.schools):
        school_id = gen.ids.take(School)
        name = texts.SCHOOLS[index % len(texts.SCHOOLS)]
        kind = texts.SCHOOL_KINDS[index % len(texts.SCHOOL_KINDS)]
        cycle = f" {index // len(texts.SCHOOLS) + 1}" if index >= len(texts.SCHOOLS) else ""
        rows.append((school_id, gen.district_id, f"{name}{cycle} {kind}"))
        gen.school_ids.append(school_id)
    gen.writer.write(School, ("id", "district_id", "name"), rows)


def _names(gen: Generation, count: int) -> list[str]:
    rng = gen.random("names")
    pairs = [(first, last) for first in texts.FIRST_NAMES for last in texts.LAST_NAMES]
    rng.shuffle(pairs)
    return [f"{pairs[i % len(pairs)][0]} {pairs[i % len(pairs)][1]}" for i in range(count)]


def _email(name: str, taken: set[str]) -> str:
    base = name.lower().replace(" ", ".")
    email, n = f"{base}@{DOMAIN}", 1
    while email in taken:
        n += 1
        email = f"{base}{n}@{DOMAIN}"
    taken.add(email)
    return email


class _People:
    """The user rows, in the order they are made."""

    def __init__(self, gen: Generation):
        self.gen, self.rows, self.taken = gen, [], {ADMIN_EMAIL}

    def add(self, name: str, school_id: int | None, admin: bool = False) -> int:
        person_id = self.gen.ids.take(User)
        email = ADMIN_EMAIL if admin else _email(name, self.taken)
        self.rows.append((person_id, email, name, self.gen.password_hash, school_id, admin))
        return person_id


def seed_people_and_teams(gen: Generation) -> None:
    """An admin, district mentors who each serve several teams, one teacher leader per team
    and the remaining people as teachers, spread over the teams."""
    size, rng = gen.size, gen.random("teams")
    names, people = iter(_names(gen, size.people)), _People(gen)
    gen.admin_id = people.add(next(names), None, admin=True)
    mentors = [people.add(next(names), None) for _ in range(size.mentors)]
    leaders = [people.add(next(names), _team_schools(gen, t)[0]) for t in range(size.teams)]
    teachers_per_team: list[list[int]] = [[] for _ in range(size.teams)]
    for i in range(size.people - 1 - size.mentors - size.teams):
        t = i % size.teams
        school = _team_schools(gen, t)[i // size.teams % 2]
        teachers_per_team[t].append(people.add(next(names), school))
    columns = ("id", "email", "name", "password_hash", "school_id", "is_admin")
    gen.writer.write(User, columns, people.rows)

    teams = []
    for t in range(size.teams):
        team_id = gen.ids.take(Team)
        grade = GRADES[t % len(GRADES)]
        name = f"{grade_label(grade)} Math Team {t // len(GRADES) + 1}"
        teams.append((team_id, gen.district_id, name, grade, texts.TEAM_DESCRIPTION))
        gen.teams.append(
            TeamPlan(
                id=team_id,
                grade=grade,
                mentor_id=mentors[t % len(mentors)],
                leader_id=leaders[t],
                teacher_ids=teachers_per_team[t],
                weekday=rng.randrange(5),
            )
        )
    gen.writer.write(Team, ("id", "district_id", "name", "grade", "description"), teams)

    memberships = []
    for plan in gen.teams:
        roles = [(plan.mentor_id, Role.mentor), (plan.leader_id, Role.teacher_leader)]
        roles += [(teacher, Role.teacher) for teacher in plan.teacher_ids]
        for user_id, role in roles:
            memberships.append((gen.ids.take(Membership), plan.id, user_id, role))
    gen.writer.write(Membership, ("id", "team_id", "user_id", "role"), memberships)


def _team_schools(gen: Generation, t: int) -> list[int]:
    count = len(gen.school_ids)
    return [gen.school_ids[t % count], gen.school_ids[(t + 1) % count]]


def seed_phases(gen: Generation) -> None:
    """Every teacher entered Experience when history begins; some moved on to Teach; each
    leader went through Experience and Teach to Lead."""
    rng = gen.random("phases")
    start = gen.today - timedelta(weeks=gen.size.held_weeks + 10)
    span = (gen.today - start).days
    now, rows = utcnow(), []
    for plan in gen.teams:
        for user_id in [plan.leader_id, *plan.teacher_ids]:
            steps = [Phase.experience]
            if user_id == plan.leader_id:
                steps += [Phase.teach, Phase.lead]
            elif rng.random() < 0.4:
                steps.append(Phase.teach)
            for n, phase in enumerate(steps):
                day = start + timedelta(days=n * span // 3 + rng.randrange(30))
                note = f"Entered {phase.label} after a cycle of lesson study."
                rows.append((gen.ids.take(PhaseChange), plan.id, user_id, phase, day, note,
                             texts.NEXT_STEP, plan.mentor_id, now))  # fmt: skip
    columns = ("id", "team_id", "user_id", "phase", "started_on", "note", "next_step",
               "recorded_by_id", "created_at")  # fmt: skip
    gen.writer.write(PhaseChange, columns, rows)
