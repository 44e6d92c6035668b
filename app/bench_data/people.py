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
    gen.writer.add(District, {"id": gen.district_id, "name": "Brookhaven Unified School District"})
    for index in range(gen.size.schools):
        school_id = gen.ids.take(School)
        name = texts.SCHOOLS[index % len(texts.SCHOOLS)]
        kind = texts.SCHOOL_KINDS[index % len(texts.SCHOOL_KINDS)]
        cycle = f" {index // len(texts.SCHOOLS) + 1}" if index >= len(texts.SCHOOLS) else ""
        gen.writer.add(
            School,
            {"id": school_id, "district_id": gen.district_id, "name": f"{name}{cycle} {kind}"},
        )
        gen.school_ids.append(school_id)
    gen.writer.flush(District, School)


def _names(gen: Generation, count: int) -> list[str]:
    rng = gen.random("names")
    pairs = [(first, last) for first in texts.FIRST_NAMES for last in texts.LAST_NAMES]
    rng.shuffle(pairs)
    return [f"{pairs[i % len(pairs)][0]} {pairs[i % len(pairs)][1]}" for i in range(count)]


def _person(gen: Generation, name: str, email: str, school_id: int | None, admin=False) -> int:
    person_id = gen.ids.take(User)
    gen.writer.add(
        User,
        {
            "id": person_id,
            "email": email,
            "name": name,
            "password_hash": gen.password_hash,
            "school_id": school_id,
            "is_admin": admin,
            "active": True,
            "created_at": utcnow(),
        },
    )
    return person_id


def _email(name: str, taken: set[str]) -> str:
    base = name.lower().replace(" ", ".")
    email, n = f"{base}@{DOMAIN}", 1
    while email in taken:
        n += 1
        email = f"{base}{n}@{DOMAIN}"
    taken.add(email)
    return email


def seed_people_and_teams(gen: Generation) -> None:
    """An admin, district mentors who each serve several teams, one teacher leader per team
    and the remaining people as teachers, spread over the teams."""
    size, rng = gen.size, gen.random("teams")
    names, taken = iter(_names(gen, size.people)), {ADMIN_EMAIL}
    gen.admin_id = _person(gen, next(names), ADMIN_EMAIL, None, admin=True)
    mentors = [_person(gen, n, _email(n, taken), None) for n in _take(names, size.mentors)]
    teachers_per_team: list[list[int]] = [[] for _ in range(size.teams)]
    leaders = []
    for t in range(size.teams):
        schools = _team_schools(gen, t)
        name = next(names)
        leaders.append(_person(gen, name, _email(name, taken), schools[0]))
    rest = size.people - 1 - size.mentors - size.teams
    for i, name in enumerate(_take(names, rest)):
        t = i % size.teams
        school = _team_schools(gen, t)[i // size.teams % 2]
        teachers_per_team[t].append(_person(gen, name, _email(name, taken), school))
    gen.writer.flush(User)
    for t in range(size.teams):
        team_id = gen.ids.take(Team)
        grade = GRADES[t % len(GRADES)]
        gen.writer.add(
            Team,
            {
                "id": team_id,
                "district_id": gen.district_id,
                "name": f"{grade_label(grade)} Math Team {t // len(GRADES) + 1}",
                "grade": grade,
                "description": "Cross-school collaborative lesson design group.",
            },
        )
        plan = TeamPlan(
            id=team_id,
            grade=grade,
            mentor_id=mentors[t % len(mentors)],
            leader_id=leaders[t],
            teacher_ids=teachers_per_team[t],
            weekday=rng.randrange(5),
        )
        gen.teams.append(plan)
    gen.writer.flush(Team)
    for plan in gen.teams:
        roles = [(plan.mentor_id, Role.mentor), (plan.leader_id, Role.teacher_leader)]
        roles += [(teacher, Role.teacher) for teacher in plan.teacher_ids]
        for user_id, role in roles:
            gen.writer.add(
                Membership,
                {"id": gen.ids.take(Membership), "team_id": plan.id, "user_id": user_id,
                 "role": role},
            )  # fmt: skip
    gen.writer.flush(Membership)


def _take(names, count: int) -> list[str]:
    return [next(names) for _ in range(count)]


def _school_indexes(gen: Generation, t: int) -> tuple[int, int]:
    count = len(gen.school_ids)
    return t % count, (t + 1) % count


def _team_schools(gen: Generation, t: int) -> list[int]:
    return [gen.school_ids[i] for i in _school_indexes(gen, t)]


def seed_phases(gen: Generation) -> None:
    """Every teacher entered Experience when history begins; some moved on to Teach; each
    leader went through Experience and Teach to Lead."""
    rng = gen.random("phases")
    start = gen.today - timedelta(weeks=gen.size.held_weeks + 10)
    span = (gen.today - start).days
    for plan in gen.teams:
        for user_id in [plan.leader_id, *plan.teacher_ids]:
            steps = [Phase.experience]
            if user_id == plan.leader_id:
                steps += [Phase.teach, Phase.lead]
            elif rng.random() < 0.4:
                steps.append(Phase.teach)
            for n, phase in enumerate(steps):
                day = start + timedelta(days=n * span // 3 + rng.randrange(30))
                gen.writer.add(
                    PhaseChange,
                    {
                        "id": gen.ids.take(PhaseChange),
                        "team_id": plan.id,
                        "user_id": user_id,
                        "phase": phase,
                        "started_on": day,
                        "note": f"Entered {phase.label} after a cycle of lesson study.",
                        "next_step": "Co-facilitate the debrief segment.",
                        "recorded_by_id": plan.mentor_id,
                        "created_at": utcnow(),
                    },
                )
