"""Who may use which route, checked for every rule in `app.url_map`.

Every rule that names an object (or belongs to an administration blueprint) must be in MATRIX
or EXEMPT: a new route fails `test_every_route_with_arguments_is_in_the_matrix` until its
author says how to reach it and who must be refused.

- A team-owned route answers 404 to a signed-in member of another team, writes nothing and
  never shows the team's name.
- An administration route answers 403 to every non-admin, even a teacher leader of the team
  it is about.
- The rightful person (a member of the team, or an admin) reaches it with the same request,
  which proves the refused request was a real one.
- Leader-private routes (a teacher leader's mentoring loop, nudges and handoff) are tried on
  the first leader's material by a second teacher leader of the same team, who is refused,
  and by a second mentor, who is let through. Routes that show the whole session to every
  leader must not show a second leader the first leader's loop or nudges.
"""

import io
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta

import PIL.Image
import pytest
import sqlalchemy as sa

from app import create_app
from app.auth import invitations
from app.cycles.models import Cycle, CycleStage
from app.extensions import db
from app.leadership.models import Nudge
from app.meetings.models import (
    AgendaTemplate,
    Contribution,
    ContributionKind,
    Meeting,
    Segment,
    SegmentKind,
    TemplateSegment,
)
from app.teams.models import Team
from app.timeutil import local_now, utcnow
from tests.conftest import Auth
from tests.factories import World, make_world

ADMIN_BLUEPRINTS = {"admin", "admin_people", "admin_invites", "admin_teams"}
TEAM_OWNED, ADMIN_ONLY = 404, 403


def _nothing(world: World) -> dict:
    return {}


@dataclass(frozen=True)
class Case:
    """How to call one route about world.team's objects, and who gets what.

    values: URL values naming an object of world.team (may create it with a factory);
    data: a valid form body, so that a missing check would let a real change through;
    rightful / intruders: names of World people who are let through / refused_with;
    rightful None skips that check where the feature's own tests cover it and it is slow;
    teammates: (person, status) for intruders of the same team refused with another status
    (a second leader trying the first leader's private material: 403);
    also_rightful: more people let through (the second mentor);
    blind: people let through who must not see world.leader's loop or nudges.
    """

    refused_with: int
    values: Callable[[World], dict] = _nothing
    data: Callable[[World], dict] = _nothing
    rightful: str | None = "teacher"
    intruders: tuple[str, ...] = ("outsider",)
    teammates: tuple[tuple[str, int], ...] = ()
    also_rightful: tuple[str, ...] = ()
    blind: tuple[str, ...] = ()

    def refusal_for(self, role: str) -> int:
        return dict(self.teammates).get(role, self.refused_with)


def team_owned(values, data=_nothing, rightful: str | None = "teacher") -> Case:
    """A route about one of world.team's objects; world.outsider belongs to another team."""
    return Case(TEAM_OWNED, values, data, rightful, intruders=("outsider",))


def planners_only(values, data=_nothing, rightful: str | None = "leader") -> Case:
    """A change to one of world.team's objects that only its planners make: another team
    gets 404, the team's teacher 403."""
    teammates = (("teacher", 403),)
    return Case(TEAM_OWNED, values, data, rightful, ("outsider", "teacher"), teammates)


def leader_private(
    values,
    data=_nothing,
    rightful: str | None = "mentor",
    teammates: tuple[tuple[str, int], ...] = (("second_leader", 403), ("teacher", 403)),
    also_rightful: tuple[str, ...] = ("second_mentor",),
) -> Case:
    """A route about world.leader's private material: refused to another team (404), to
    teammates without the right (the second leader among them), let through for mentors."""
    intruders = ("outsider", *(role for role, _ in teammates))
    return Case(TEAM_OWNED, values, data, rightful, intruders, teammates, also_rightful)


def admin_only(values=_nothing, data=_nothing) -> Case:
    """For admins only: refused to the leader of the team concerned and to an outsider."""
    return Case(ADMIN_ONLY, values, data, rightful="admin", intruders=("leader", "outsider"))


def _school_id(world: World) -> int:
    return world.leader.school_id


def _invite_id(world: World) -> int:
    invitee = invitations.Invitee("invitee@example.org", team=world.team)
    return invitations.create_invite(world.admin, world.team.district, invitee).id


class _Upload(io.BytesIO):
    """A file field the matrix can send several times: the test client closes it each time."""

    def close(self) -> None:
        self.seek(0)


def _bulk_csv(world: World) -> dict:
    return {
        "file": (_Upload(f"email,team\nbulk@example.org,{world.team.name}\n".encode()), "a.csv")
    }


def _membership_id(world: World) -> int:
    return next(m.id for m in world.team.memberships if m.user_id == world.teacher.id)


def _once(world: World, name: str, make: Callable[[], object]):
    """One object per world, shared by a case's URL values and its form data."""
    made = world.__dict__.setdefault("_matrix_objects", {})
    if name not in made:
        made[name] = make()
        db.session.add(made[name])
        db.session.commit()
    return made[name]


def _meeting(w: World) -> Meeting:
    """An upcoming meeting of world.team; the leader facilitates its first segment."""
    return _once(
        w,
        "meeting",
        lambda: Meeting(
            team=w.team,
            title="Shared task planning",
            starts_at=local_now().replace(second=0, microsecond=0) + timedelta(days=1),
            duration_minutes=60,
            segments=[
                Segment(position=0, title="Do the math", facilitator_id=w.leader.id),
                Segment(position=1, title="Anticipate", facilitator_id=w.mentor.id),
            ],
        ),
    )


def _segment(w: World) -> Segment:
    return _meeting(w).segments[1]


def _action_item(w: World) -> Contribution:
    """An action item the teacher wrote and owns."""
    return _once(
        w,
        "action item",
        lambda: Contribution(
            meeting_id=_meeting(w).id,
            author_id=w.teacher.id,
            owner_id=w.teacher.id,
            kind=ContributionKind.action,
            body="Bring three student work samples.",
        ),
    )


def _template(w: World) -> AgendaTemplate:
    return _once(
        w,
        "template",
        lambda: AgendaTemplate(
            team_id=w.team.id,
            name="Our planning protocol",
            segments=[
                TemplateSegment(
                    position=0, title="Warm-up", kind=SegmentKind.check_in, planned_minutes=5
                )
            ],
        ),
    )


def _nudge(w: World) -> Nudge:
    return _once(
        w,
        "nudge",
        lambda: Nudge(
            meeting_id=_meeting(w).id,
            from_id=w.mentor.id,
            to_id=w.leader.id,
            body="Ask who solved it another way.",
        ),
    )


def _ended_meeting(w: World) -> Meeting:
    """A meeting of world.team that ended a moment ago (today), so it can be reopened."""
    return _once(
        w,
        "ended meeting",
        lambda: Meeting(
            team=w.team,
            title="Ended by mistake",
            starts_at=local_now().replace(second=0, microsecond=0),
            started_at=utcnow(),
            ended_at=utcnow(),
            segments=[Segment(position=0, title="Debrief", facilitator_id=w.leader.id)],
        ),
    )


def _deleted_meeting(w: World) -> Meeting:
    return _once(
        w,
        "deleted meeting",
        lambda: Meeting(
            team=w.team,
            title="Deleted by mistake",
            starts_at=local_now().replace(second=0, microsecond=0) + timedelta(days=3),
            deleted_at=utcnow(),
            deleted_by_id=w.leader.id,
        ),
    )


def _removed_note(w: World) -> Contribution:
    """A note the teacher removed a moment ago, its Undo still open."""
    return _once(
        w,
        "removed note",
        lambda: Contribution(
            meeting_id=_meeting(w).id,
            author_id=w.teacher.id,
            kind=ContributionKind.note,
            body="Removed by a stray tap.",
            removed_at=utcnow(),
            removed_by_id=w.teacher.id,
        ),
    )


def _draft_task(w: World):
    """A draft of world.team: the outsider (another team of the same district) must get 404."""
    from app.tasks.models import Demand, Task

    return _once(
        w,
        "draft task",
        lambda: Task(
            team_id=w.team.id,
            district_id=w.team.district_id,
            title="Our draft task",
            grade="4",
            statement="Share three brownies among four friends.",
            demand=Demand.doing_mathematics,
            demand_reason="Students choose a way.",
        ),
    )


def _on_draft(w: World) -> dict:
    return {"task_id": _draft_task(w).id}


def _task_form(w: World) -> dict:
    return {
        "title": "Renamed task",
        "grade": "4",
        "standards": "4.NF.A.1",
        "statement": "Share three brownies.",
        "demand": "doing_mathematics",
        "demand_reason": "Students choose a way.",
        "version": str(_draft_task(w).version),
    }


LEADER_GOAL = "Jordan's own goal: wait ten seconds after each question."


def _private_material(w: World) -> dict:
    """world.leader's mentoring loop and a nudge to them in the meeting; URL values."""
    from app.leadership.models import MentoringLoop

    _nudge(w)
    _once(
        w,
        "loop",
        lambda: MentoringLoop(
            meeting_id=_meeting(w).id, leader_id=w.leader.id, leader_goals=LEADER_GOAL
        ),
    )
    return {"meeting_id": _meeting(w).id}


def _secrets(w: World) -> tuple[str, ...]:
    return (_nudge(w).body, LEADER_GOAL)


def _cycle(w: World) -> Cycle:
    """A cycle of world.team in its teach stage, so it can move forward or back."""
    today = local_now().date()
    return _once(
        w,
        "cycle",
        lambda: Cycle(
            team_id=w.team.id,
            title="Equivalent fractions, November",
            stage=CycleStage.teach,
            starts_on=today,
            ends_on=today + timedelta(days=28),
        ),
    )


def _on_cycle(w: World) -> dict:
    return {"cycle_id": _cycle(w).id}


def _selecting(w: World) -> dict:
    """A cycle of world.team choosing its shared task, with one candidate."""
    from app.selection.models import Candidate

    cycle = _once(
        w,
        "selecting cycle",
        lambda: Cycle(
            team_id=w.team.id,
            title="Comparing fractions, December",
            stage=CycleStage.select,
            starts_on=local_now().date(),
            ends_on=local_now().date() + timedelta(days=28),
        ),
    )
    task = _draft_task(w)
    candidate = _once(w, "candidate", lambda: Candidate(cycle_id=cycle.id, task_id=task.id))
    return {"cycle_id": cycle.id, "candidate_id": candidate.id, "task_id": task.id}


def _on_selecting(w: World) -> dict:
    return {"cycle_id": _selecting(w)["cycle_id"]}


def _designing(w: World) -> Cycle:
    """A cycle of world.team in design on its draft task, with a lesson and one response."""
    from app.lessons.models import AnticipatedResponse
    from app.lessons.starting import start_lesson

    task = _draft_task(w)
    cycle = _once(
        w,
        "designing cycle",
        lambda: Cycle(
            team_id=w.team.id,
            title="Sharing brownies, January",
            stage=CycleStage.design,
            shared_task_id=task.id,
            starts_on=local_now().date(),
            ends_on=local_now().date() + timedelta(days=28),
        ),
    )
    lesson = start_lesson(None, cycle)
    _once(
        w,
        "response",
        lambda: AnticipatedResponse(lesson_id=lesson.id, position=1, name="Halves then quarters"),
    )
    return cycle


def _on_lesson_cycle(w: World) -> dict:
    return {"cycle_id": _designing(w).id}


def _on_lesson(w: World) -> dict:
    from app.lessons.starting import lesson_of

    return {"lesson_id": lesson_of(_designing(w)).id}


def _on_response(w: World) -> dict:
    _designing(w)
    return {"response_id": w._matrix_objects["response"].id}


def _on_change(w: World) -> dict:
    """An earlier version of world.team's response's description, not the one standing."""
    from app.lessons import writing
    from app.lessons.models import LessonChange

    _designing(w)
    response = w._matrix_objects["response"]

    def edits():
        lesson = response.lesson
        writing.save_field(w.teacher, lesson, "description", "Halves first.", 0, response)
        base = response.field_revision("description")
        writing.save_field(w.leader, lesson, "description", "Quarters first.", base, response)
        return db.session.scalars(
            sa.select(LessonChange).where(LessonChange.value == "Halves first.")
        ).one()

    change = _once(w, "change", edits)
    return {"change_id": change.id}


def _restore_form(w: World) -> dict:
    return {"base": str(w._matrix_objects["response"].field_revision("description"))}


def _on_removed_change(w: World) -> dict:
    from app.lessons import writing

    values = _on_change(w)
    response = w._matrix_objects["response"]
    if response.removed_at is None:
        writing.remove_response(w.teacher, response)
    return values


def _enacting(w: World):
    """world.leader's lesson with class 4L in the designing cycle, with a response nobody
    anticipated: the team's teacher (neither its teacher nor a planner) may only read it."""
    from app.enactments.models import Enactment, Unanticipated

    cycle = _designing(w)
    enactment = _once(
        w,
        "enactment",
        lambda: Enactment(
            cycle_id=cycle.id,
            teacher_id=w.leader.id,
            taught_on=local_now().date(),
            class_code="4L",
            students=24,
            demand_factors="",
        ),
    )
    _once(w, "unanticipated", lambda: Unanticipated(enactment_id=enactment.id, name="Guessed"))
    return enactment


def _on_enactment(w: World) -> dict:
    return {"enactment_id": _enacting(w).id}


def _on_unanticipated(w: World) -> dict:
    _enacting(w)
    found = w._matrix_objects["unanticipated"]
    return {"enactment_id": found.enactment_id, "unanticipated_id": found.id}


def _enactment_chart(w: World) -> dict:
    key = f"r{w._matrix_objects['response'].id}" if _enacting(w) else ""
    return {f"count-{key}": "2", f"drawn-{key}": "0", f"codes-{key}": "K7"}


def _recorders_only(values, data=_nothing) -> Case:
    """A change to world.leader's enactment: its teacher (or a planner) makes it; the team's
    teacher gets 403, another team 404."""
    return planners_only(values, data, rightful="leader")


def _tap_enactment(w: World):
    """world.leader's enactment of the designing cycle's lesson (tap-to-count): the leader
    records it; world.teacher, a teammate who neither taught it nor plans, may not."""
    from app.enactments.models import Enactment

    cycle = _designing(w)
    return _once(
        w,
        "tap enactment",
        lambda: Enactment(
            cycle_id=cycle.id, teacher_id=w.leader.id, taught_on=local_now().date(), class_code="4B"
        ),
    )


def _on_tap_enactment(w: World) -> dict:
    return {"enactment_id": _tap_enactment(w).id}


def _tap_form(w: World) -> dict:
    _tap_enactment(w)
    response = w._matrix_objects["response"]
    return {"key": "matrix-tap-key-0001", "by": "1", "response": str(response.id)}


def _debriefing(w: World) -> dict:
    """The designing cycle (with world.leader's enactment and its unanticipated response), for
    the team's debrief record: every member writes it."""
    _enacting(w)
    return {"cycle_id": _designing(w).id}


def _promote_together_form(w: World) -> dict:
    from app.enactments.models import Unanticipated

    found = w._matrix_objects["unanticipated"]
    again = _once(
        w, "similar", lambda: Unanticipated(enactment_id=found.enactment_id, name="Guessed too")
    )
    return {"chosen": [str(found.id), str(again.id)], "representation": "other"}


def _on_debrief_unanticipated(w: World) -> dict:
    _enacting(w)
    return {"unanticipated_id": w._matrix_objects["unanticipated"].id}


def _sketch_upload(w: World) -> dict:
    image = io.BytesIO()
    PIL.Image.new("RGB", (8, 8), "teal").save(image, "PNG")
    return {"sketch": (_Upload(image.getvalue()), "sketch.png")}


def _debriefing(w: World) -> dict:
    """The designing cycle with world.leader's recorded lesson: every member sees the debrief."""
    return {"cycle_id": _enacting(w).cycle_id}


def _work_sample(w: World):
    """A photo of student work on world.leader's enactment (no file: the image route's own
    tests serve real ones): the team sees it, only the leader (or a planner) changes it."""
    from app.enactments.models import WorkSample

    enactment = _enacting(w)
    return _once(
        w,
        "work sample",
        lambda: WorkSample(
            enactment_id=enactment.id, caption="K7", image_name="matrix.jpg", width=8, height=8
        ),
    )


def _on_work_sample(w: World) -> dict:
    return {"sample_id": _work_sample(w).id}


def _work_sample_form(w: World) -> dict:
    _enacting(w)
    return {"response": f"r{w._matrix_objects['response'].id}", "caption": "A.R."}


def _work_sample_upload(w: World) -> dict:
    image = io.BytesIO()
    PIL.Image.new("RGB", (8, 8), "teal").save(image, "JPEG")
    return _work_sample_form(w) | {"photo": (_Upload(image.getvalue()), "work.jpg")}


def _on_candidate(w: World) -> dict:
    return {"candidate_id": _selecting(w)["candidate_id"]}


def _cycle_form(w: World, **more) -> dict:
    today = local_now().date()
    return {
        "title": "Comparing fractions, December",
        "standards": "4.NF.A.2",
        "starts_on": today.isoformat(),
        "ends_on": (today + timedelta(days=21)).isoformat(),
    } | more


def _on_meeting(**more) -> Callable[[World], dict]:
    return lambda w: {"meeting_id": _meeting(w).id, **more}


def _on_segment(w: World) -> dict:
    return {"meeting_id": _meeting(w).id, "segment_id": _segment(w).id}


def _meeting_form(w: World, **more) -> dict:
    day = local_now().date() + timedelta(days=2)
    form = {"title": "Planning", "day": day.isoformat(), "time": "15:30", "duration_minutes": "60"}
    return form | more


def _segment_form(w: World, **more) -> dict:
    return {
        "title": "Select the task",
        "kind": "select_task",
        "planned_minutes": "15",
        "facilitator_id": str(w.leader.id),
        "release_level": "co_facilitate",
    } | more


def _release_row(w: World) -> dict:
    row = {}
    for segment in _meeting(w).segments:
        row[f"facilitator-{segment.id}"] = str(w.leader.id)
        row[f"release-{segment.id}"] = "leader_supported"
        row[f"version-{segment.id}"] = str(segment.version)
    return row


MATRIX: dict[str, Case] = {
    "teams.show": team_owned(lambda w: {"team_id": w.team.id}),
    "admin.index": admin_only(),
    "admin.schools": admin_only(),
    "admin.create_school": admin_only(data=lambda w: {"name": "Riverbend"}),
    "admin.update_district": admin_only(data=lambda w: {"district-name": "Renamed"}),
    "admin.edit_school": admin_only(lambda w: {"school_id": _school_id(w)}),
    "admin.update_school": admin_only(
        lambda w: {"school_id": _school_id(w)}, lambda w: {"name": "Renamed School"}
    ),
    "admin_people.index": admin_only(),
    "admin_invites.new_invite": admin_only(),
    "admin_invites.create_invite": admin_only(
        data=lambda w: {
            "email": "newcomer@example.org",
            "school_id": "",
            "team_id": str(w.team.id),
            "role": "teacher",
        }
    ),
    "admin_invites.show_invite": admin_only(lambda w: {"invite_id": _invite_id(w)}),
    "admin_invites.revoke_invite": admin_only(lambda w: {"invite_id": _invite_id(w)}),
    "admin_invites.renew_invite": admin_only(lambda w: {"invite_id": _invite_id(w)}),
    "admin_invites.new_bulk": admin_only(),
    "admin_invites.create_bulk": admin_only(data=_bulk_csv),
    "admin_people.edit": admin_only(lambda w: {"user_id": w.teacher.id}),
    "admin_people.update": admin_only(
        lambda w: {"user_id": w.teacher.id},
        lambda w: {"name": "Renamed Person", "school_id": "", "is_admin": "y", "active": "y"},
    ),
    "admin_teams.index": admin_only(),
    "admin_teams.new": admin_only(),
    "admin_teams.create": admin_only(data=lambda w: {"name": "Grade 5 Team", "grade": "5"}),
    "admin_teams.edit": admin_only(lambda w: {"team_id": w.team.id}),
    "admin_teams.update": admin_only(
        lambda w: {"team_id": w.team.id}, lambda w: {"name": "Renamed Team", "grade": "3"}
    ),
    "admin_teams.add_member": admin_only(
        lambda w: {"team_id": w.team.id},
        lambda w: {"user_id": str(w.outsider.id), "role": "teacher_leader"},
    ),
    "admin_teams.update_member": admin_only(
        lambda w: {"team_id": w.team.id, "membership_id": _membership_id(w)},
        lambda w: {"role": "mentor"},
    ),
    "admin_teams.delete_member": admin_only(
        lambda w: {"team_id": w.team.id, "membership_id": _membership_id(w)}
    ),
    # Meetings: planning
    "meetings.index": team_owned(lambda w: {"team_id": w.team.id}),
    "meetings.new": team_owned(lambda w: {"team_id": w.team.id}, rightful="leader"),
    "meetings.create": team_owned(
        lambda w: {"team_id": w.team.id},
        lambda w: _meeting_form(w, template="blank"),
        rightful="leader",
    ),
    "meetings.show": team_owned(_on_meeting()),
    "meetings.update": team_owned(
        _on_meeting(),
        lambda w: _meeting_form(w, version=str(_meeting(w).version)),
        rightful="leader",
    ),
    "meetings.confirm_delete": team_owned(_on_meeting(), rightful="leader"),
    "meetings.delete": team_owned(_on_meeting(), rightful="leader"),
    "meetings.restore": team_owned(
        lambda w: {"meeting_id": _deleted_meeting(w).id}, rightful="leader"
    ),
    "meetings.set_practice": team_owned(
        _on_meeting(), lambda w: {"practice": "1"}, rightful="leader"
    ),
    "meetings.reopen": team_owned(
        lambda w: {"meeting_id": _ended_meeting(w).id},
        lambda w: {"run_version": str(_ended_meeting(w).run_version)},
        rightful="leader",
    ),
    "meetings.save_template": team_owned(
        _on_meeting(), lambda w: {"name": "Our protocol"}, rightful="leader"
    ),
    "meetings.delete_template": team_owned(
        lambda w: {"template_id": _template(w).id}, rightful="leader"
    ),
    "segments.create": team_owned(_on_meeting(), _segment_form, rightful="leader"),
    "segments.edit": team_owned(_on_segment, rightful="leader"),
    "segments.update": team_owned(
        _on_segment,
        lambda w: _segment_form(w, version=str(_segment(w).version)),
        rightful="leader",
    ),
    "segments.delete": team_owned(_on_segment, rightful="leader"),
    "segments.move": team_owned(_on_segment, lambda w: {"direction": "up"}, rightful="leader"),
    "segments.order": team_owned(
        _on_meeting(),
        lambda w: {"segment_id": [str(s.id) for s in reversed(_meeting(w).segments)]},
        rightful="leader",
    ),
    # Meetings: running, contributions, minutes
    "run.show": team_owned(_on_meeting()),
    "run.state": team_owned(_on_meeting()),
    "run.panel": team_owned(_on_meeting()),
    "run.contributions_list": team_owned(_on_meeting()),
    "run.attendance_list": team_owned(_on_meeting()),
    "run.present": team_owned(
        _on_meeting(action="start"),
        lambda w: {"run_version": str(_meeting(w).run_version)},
        rightful="leader",
    ),
    "run.add_contribution": team_owned(
        _on_meeting(), lambda w: {"kind": "note", "body": "Two strategies so far."}
    ),
    "run.mark_attendance": team_owned(
        lambda w: {"meeting_id": _meeting(w).id, "user_id": w.teacher.id},
        lambda w: {"present": "1"},
    ),
    "run.events": team_owned(_on_meeting()),
    # The presenter console (a teacher who facilitates nothing gets 403, tests/meetings/
    # test_run_views.py) and the projector display, which any member may open.
    "console.show": team_owned(_on_meeting(), rightful="leader"),
    "console.state": team_owned(_on_meeting(), rightful="leader"),
    "console.confirm_end": team_owned(_on_meeting(), rightful="leader"),
    "display.show": team_owned(_on_meeting()),
    "display.state": team_owned(_on_meeting()),
    "display.panel": team_owned(_on_meeting()),
    "display.contributions_list": team_owned(_on_meeting()),
    "display.attendance_list": team_owned(_on_meeting()),
    "contributions.done": team_owned(
        lambda w: {"contribution_id": _action_item(w).id}, lambda w: {"done": "1"}
    ),
    "contributions.delete": team_owned(lambda w: {"contribution_id": _action_item(w).id}),
    "contributions.restore": team_owned(lambda w: {"contribution_id": _removed_note(w).id}),
    "minutes.show": team_owned(_on_meeting()),
    "minutes.pdf": team_owned(_on_meeting(), rightful=None),
    # Leadership: pipeline, release plan, mentoring loop, moves and nudges, handoff
    "leadership.cohort": team_owned(lambda w: {"team_id": w.team.id}, rightful="mentor"),
    "leadership.person": team_owned(
        lambda w: {"team_id": w.team.id, "user_id": w.teacher.id}, rightful="mentor"
    ),
    "leadership.record_phase": team_owned(
        lambda w: {"team_id": w.team.id, "user_id": w.teacher.id},
        lambda w: {"phase": "teach", "started_on": local_now().date().isoformat()},
        rightful="mentor",
    ),
    "leadership.release_plan": team_owned(lambda w: {"team_id": w.team.id}, rightful="mentor"),
    "leadership.save_release": team_owned(
        lambda w: {"team_id": w.team.id, "meeting_id": _meeting(w).id},
        _release_row,
        rightful="mentor",
    ),
    "mentoring.show": leader_private(lambda w: _private_material(w) | {"leader": w.leader.id}),
    "mentoring.update": leader_private(
        _on_meeting(stage="plan"),
        lambda w: {"leader": str(w.leader.id), "leader_goals": "Wait longer after questions."},
    ),
    "moves.show": replace(
        team_owned(_private_material, rightful="mentor"), blind=("second_leader",)
    ),
    "moves.show_log": replace(
        team_owned(_private_material, rightful="mentor"), blind=("second_leader",)
    ),
    "moves.log": team_owned(
        _on_meeting(), lambda w: {"move_type": "eliciting", "made_by": "leader"}, rightful="mentor"
    ),
    "moves.undo": team_owned(_on_meeting(), rightful="mentor"),
    "moves.nudge": leader_private(
        _on_meeting(),
        lambda w: {"leader": str(w.leader.id), "body": "Ask who has another way."},
        teammates=(("second_leader", 403), ("leader", 403), ("teacher", 403)),
    ),
    "moves.waiting_nudges": replace(
        team_owned(_private_material), blind=("second_leader", "second_mentor")
    ),
    "moves.sent_nudges": leader_private(
        _on_meeting(), teammates=(("second_leader", 403), ("leader", 403), ("teacher", 403))
    ),
    # Dismissing is the recipient's own act: nobody else, mentors included, finds the nudge.
    "moves.dismiss": leader_private(
        lambda w: {"meeting_id": _meeting(w).id, "nudge_id": _nudge(w).id},
        rightful="leader",
        teammates=(("second_leader", 404), ("mentor", 404), ("second_mentor", 404)),
        also_rightful=(),
    ),
    # Cycles: every member sees them; the team's planners open, edit and move them.
    "cycles.index": team_owned(lambda w: {"team_id": w.team.id}),
    "cycles.new": planners_only(lambda w: {"team_id": w.team.id}),
    "cycles.create": planners_only(lambda w: {"team_id": w.team.id}, _cycle_form),
    "cycles.show": team_owned(_on_cycle),
    "cycles.summary": team_owned(_on_cycle),
    "cycles.edit": planners_only(_on_cycle),
    "cycles.update": planners_only(
        _on_cycle,
        lambda w: _cycle_form(w, version=str(_cycle(w).version), next_steps="Number lines."),
        rightful="mentor",
    ),
    "cycles.confirm_back": planners_only(_on_cycle),
    "cycles.move": planners_only(
        _on_cycle,
        lambda w: {"stage": "debrief", "version": str(_cycle(w).version)},
        rightful="leader",
    ),
    # Selecting the shared task: members propose, work, rate and vote; planners reveal and
    # decide. Another team's cycle, candidate or draft is a 404.
    "selection.board": team_owned(_on_selecting),
    "selection.board_fragment": team_owned(_on_selecting),
    "selection.events": team_owned(_on_selecting, rightful=None),
    "selection.propose": team_owned(
        _on_selecting, lambda w: {"task_id": str(_selecting(w)["task_id"])}
    ),
    "selection.new_task": team_owned(_on_selecting),
    "selection.create_task": team_owned(
        _on_selecting, lambda w: _task_form(w) | {"title": "Written on the spot"}
    ),
    "selection.save_work": team_owned(
        _on_candidate, lambda w: {"solution": "3/4", "demand": "memorization"}
    ),
    "selection.rate": team_owned(_on_candidate, lambda w: {"score-0": "3"}),
    "selection.dots": team_owned(_on_candidate, lambda w: {"dots": "2"}),
    "selection.reveal": planners_only(_on_selecting),
    "selection.criteria": planners_only(
        _on_selecting, lambda w: {"criteria": "Fit to the goal", "dot_budget": "4"}
    ),
    "selection.decision": planners_only(_on_selecting),
    "selection.decide": planners_only(
        _on_selecting,
        lambda w: {
            "candidate_id": str(_selecting(w)["candidate_id"]),
            "rationale": "Every learner can start.",
        },
    ),
    # The lesson: every member of the team co-designs it; another team's is a 404.
    "lessons.show": team_owned(_on_lesson_cycle),
    "lessons.start": team_owned(_on_lesson_cycle),
    "lesson_history.index": team_owned(_on_lesson_cycle),
    "lesson_history.changes": team_owned(_on_lesson_cycle),
    "lesson_history.confirm_restore": team_owned(_on_change),
    "lesson_history.restore": team_owned(_on_change, _restore_form),
    "lesson_history.bring_back": team_owned(_on_removed_change),
    # What teachers take to class: every member prints the chart and the packet.
    "lesson_packet.monitoring": team_owned(_on_lesson_cycle),
    "lesson_packet.packet": team_owned(_on_lesson_cycle),
    # The field editor (coedit): every member edits every field; the live stream, the
    # re-fetched content and who is editing what follow the lesson.
    "lesson_fields.plan_show": team_owned(lambda w: _on_lesson(w) | {"name": "launch"}),
    "lesson_fields.plan_edit": team_owned(lambda w: _on_lesson(w) | {"name": "launch"}),
    "lesson_fields.plan_update": team_owned(
        lambda w: _on_lesson(w) | {"name": "launch"},
        lambda w: {"text": "Read the task aloud.", "base": "0"},
    ),
    "lesson_fields.response_show": team_owned(lambda w: _on_response(w) | {"name": "name"}),
    "lesson_fields.response_edit": team_owned(lambda w: _on_response(w) | {"name": "name"}),
    "lesson_fields.response_update": team_owned(
        lambda w: _on_response(w) | {"name": "name"},
        lambda w: {"text": "Halves, then quarters", "base": "0"},
    ),
    "lesson_fields.content": team_owned(_on_lesson),
    "lesson_fields.events": team_owned(_on_lesson, rightful=None),
    "lesson_fields.presence": team_owned(_on_lesson),
    "lesson_fields.update_presence": team_owned(
        _on_lesson, lambda w: {"field": "plan-launch", "tab": "matrix-tab"}
    ),
    "lesson_responses.create": team_owned(_on_lesson, lambda w: {"name": "Counts on by quarters"}),
    "lesson_responses.remove": team_owned(_on_response),
    "lesson_responses.bring_back": team_owned(_on_response),
    "lesson_responses.order": team_owned(
        _on_lesson, lambda w: {"response_id": str(_on_response(w)["response_id"])}
    ),
    "lesson_responses.move": team_owned(_on_response, lambda w: {"direction": "later"}),
    "lesson_responses.share": team_owned(_on_response, lambda w: {"share": "no", "base": "0"}),
    "lesson_responses.board": team_owned(_on_lesson_cycle),
    # Sketches are stored and served in tests/lessons/test_responses_sketch.py, which gives
    # them an upload folder of their own.
    "lesson_responses.sketch": team_owned(_on_response, rightful=None),
    "lesson_responses.upload_sketch": team_owned(_on_response, _sketch_upload, rightful=None),
    "lesson_responses.edit_sketch": team_owned(_on_response),
    "lesson_responses.remove_sketch": team_owned(_on_response),
    "handoff.show": leader_private(
        lambda w: _private_material(w) | {"team_id": w.team.id, "user_id": w.leader.id},
        rightful="leader",
    ),
    "handoff.pdf": leader_private(
        lambda w: {"team_id": w.team.id, "user_id": w.leader.id}, rightful=None
    ),
    # The task library: a draft is its team's alone (shared tasks of another district are
    # 404 too, tests/tasks/test_library.py); the file is served in tests/tasks/test_files.py.
    "tasks.show": team_owned(_on_draft),
    "tasks.edit": team_owned(_on_draft),
    "tasks.update": team_owned(_on_draft, _task_form),
    "tasks.publish": team_owned(_on_draft),
    "tasks.confirm_delete": team_owned(_on_draft),
    "tasks.delete": team_owned(_on_draft),
    "tasks.file": team_owned(_on_draft, rightful=None),
    # Enactments: every member sees them and records their own lesson; only its teacher and
    # the team's planners change a record.
    "enactments.index": team_owned(_on_lesson_cycle),
    "enactments.new": team_owned(_on_lesson_cycle),
    "enactments.create": team_owned(
        _on_lesson_cycle,
        lambda w: {
            "taught_on": local_now().date().isoformat(),
            "class_code": "4T",
            "students": "20",
        },
    ),
    "enactments.show": team_owned(_on_enactment),
    "enactments.responses_fragment": team_owned(_on_enactment),
    "enactments.events": team_owned(_on_enactment, rightful=None),
    "enactments.update_facts": _recorders_only(
        _on_enactment,
        lambda w: {
            "taught_on": local_now().date().isoformat(),
            "class_code": "4M",
            "students": "9",
        },
    ),
    "enactments.update_chart": _recorders_only(_on_enactment, _enactment_chart),
    "enactments.add_unanticipated": _recorders_only(_on_enactment, lambda w: {"name": "Drew it"}),
    "enactments.confirm_remove": _recorders_only(_on_unanticipated),
    "enactments.remove_unanticipated": _recorders_only(
        _on_unanticipated, lambda w: {"confirmed": "yes"}
    ),
    # Removing a whole record: its teacher or a planner; the team's teacher 403.
    "enactments.confirm_remove_record": _recorders_only(_on_enactment),
    "enactments.remove": _recorders_only(
        _on_enactment,
        lambda w: {"confirmed": "yes", "idempotency_key": "matrix-remove-key-0001"},
    ),
    "enactments.update_exit": _recorders_only(_on_enactment, lambda w: {"meets": "5"}),
    "enactments.update_factors": _recorders_only(_on_enactment, lambda w: {"factor": "pressing"}),
    "enactments.update_reflection": _recorders_only(
        _on_enactment, lambda w: {"what_worked": "Pairs talked first."}
    ),
    # Tap-to-count: the teacher who taught it and the team's planners record; the team sees
    # the counts; another team's enactment is a 404 (JSON for the JSON routes).
    "tap_count.show": planners_only(_on_tap_enactment),
    "tap_count.current_counts": team_owned(_on_tap_enactment),
    "tap_count.tap": planners_only(_on_tap_enactment, _tap_form),
    "tap_count.add_unanticipated": planners_only(
        _on_tap_enactment, lambda w: {"key": "matrix-new-key-0001", "name": "Counted on"}
    ),
    # The debrief record is the team's: every member writes it and promotes responses nobody
    # anticipated; another team's cycle or response is a 404.
    "debrief_record.show": team_owned(_debriefing),
    "debrief_record.update": team_owned(_debriefing, lambda w: {"next_steps": "Press for why."}),
    "debrief_record.promote": team_owned(
        _on_debrief_unanticipated, lambda w: {"representation": "other", "correctness": "partial"}
    ),
    "debrief_record.unpromote": team_owned(_on_debrief_unanticipated),
    "debrief_record.promote_together": team_owned(_debriefing, _promote_together_form),
    # The debrief: every member of the team compares the classrooms; another team's is a 404.
    "debriefs.show": team_owned(_debriefing),
    "debriefs.comparison_fragment": team_owned(_debriefing),
    "debriefs.display": team_owned(_debriefing),
    "debriefs.display_fragment": team_owned(_debriefing),
    "debriefs.panel_charts": team_owned(_debriefing),
    "debriefs.report": team_owned(_debriefing),  # the debrief report PDF
    "debriefs.events": team_owned(_debriefing, rightful=None),
    # Work samples: the enactment's teacher and the team's planners add, change and remove
    # them; the team sees them. Uploads and images are checked with files in
    # tests/enactments/test_samples.py (rightful None: no files written to instance/).
    "work_samples.new": _recorders_only(_on_enactment),
    "work_samples.create": planners_only(_on_enactment, _work_sample_upload, rightful=None),
    "work_samples.image": team_owned(_on_work_sample, rightful=None),
    "work_samples.edit": _recorders_only(_on_work_sample),
    "work_samples.update": _recorders_only(_on_work_sample, _work_sample_form),
    "work_samples.confirm_remove": _recorders_only(_on_work_sample),
    "work_samples.remove": _recorders_only(_on_work_sample),
}

EXEMPT: dict[str, str] = {
    "static": "public files; the argument is a file name, not an object",
    "auth.accept_invite": "the argument is a signed, single-use token, not an id; forged and "
    "tampered tokens are tested in tests/auth/test_routes.py",
    "auth.accept_invite_post": "as auth.accept_invite",
    "home.owed_index": "names no object: it lists only the signed-in person's own open action "
    "items; others' items staying off it is tested in tests/home/test_owed.py",
}


def _methods(rule) -> list[str]:
    return sorted(rule.methods - {"HEAD", "OPTIONS"})


def _cases() -> list[tuple[str, str]]:
    """(endpoint, method) for every MATRIX rule, read from a throwaway app's url_map."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "matrix"})
    return [
        (rule.endpoint, method)
        for rule in app.url_map.iter_rules()
        if rule.endpoint in MATRIX
        for method in _methods(rule)
    ]


CASES = _cases()


def _snapshot() -> dict[str, list]:
    """Every row of every table, to prove a refused request wrote nothing."""
    db.session.expire_all()
    return {
        table.name: [
            tuple(row)
            for row in db.session.execute(table.select().order_by(*table.primary_key.columns)).all()
        ]
        for table in db.metadata.sorted_tables
    }


@dataclass(frozen=True)
class RouteCall:
    """One route's request about world.team's objects, built before anything is measured."""

    method: str
    url: str
    data: dict

    @classmethod
    def build(cls, app, endpoint: str, method: str, world: World) -> "RouteCall":
        case = MATRIX[endpoint]
        url = app.url_map.bind("localhost").build(endpoint, case.values(world))
        return cls(method, url, case.data(world))

    def send(self, client, htmx: bool = False):
        headers = {"HX-Request": "true"} if htmx else {}
        return client.open(self.url, method=self.method, data=self.data, headers=headers)


def _signed_in(app, person):
    client = app.test_client()
    Auth(client).login(person)
    return client


def test_every_route_with_arguments_is_in_the_matrix(app):
    missing = [
        f"{rule.endpoint} ({rule.rule})"
        for rule in app.url_map.iter_rules()
        if (rule.arguments or rule.endpoint.split(".")[0] in ADMIN_BLUEPRINTS)
        and rule.endpoint not in MATRIX
        and rule.endpoint not in EXEMPT
    ]
    assert not missing, (
        "These routes are not in tests/test_authorization_matrix.py. Add each to MATRIX "
        "(how to build its URL for another team's object and who must be refused) or, with "
        "a reason, to EXEMPT:\n  " + "\n  ".join(missing)
    )


def test_matrix_names_only_routes_that_exist(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    stale = sorted((set(MATRIX) | set(EXEMPT)) - endpoints)
    assert not stale, f"MATRIX or EXEMPT names routes that no longer exist: {stale}"


def test_administration_routes_are_admin_only_and_others_team_owned():
    wrong = [
        endpoint
        for endpoint, case in MATRIX.items()
        if (endpoint.split(".")[0] in ADMIN_BLUEPRINTS) != (case.refused_with == ADMIN_ONLY)
    ]
    assert not wrong, f"admin blueprints answer 403, team routes 404; check: {wrong}"


def _check_signed_out(client, call: RouteCall) -> None:
    before = _snapshot()
    response = call.send(client)
    assert response.status_code == 302, f"signed out: {response.status_code}"
    assert response.headers["Location"].startswith("/sign-in")
    swapped = call.send(client, htmx=True)
    assert swapped.status_code == 401, f"signed out (htmx): {swapped.status_code}"
    assert swapped.headers["HX-Redirect"].startswith("/sign-in")
    assert _snapshot() == before, "a signed-out request wrote to the database"


def _check_intruder(client, call: RouteCall, case: Case, role: str, world: World) -> None:
    for htmx in (False, True):
        who = f"as {role}{' (htmx)' if htmx else ''}"
        before = _snapshot()
        response = call.send(client, htmx=htmx)
        assert response.status_code == case.refusal_for(role), f"{who}: {response.status_code}"
        assert _snapshot() == before, f"{who}: the refused request wrote to the database"
        if role == "outsider":
            page = response.get_data(as_text=True)
            for secret in (world.team.name, world.mentor.name, world.leader.name):
                assert secret not in page, f"{who}: the page shows {secret!r}"


def _check_blind(client, call: RouteCall, role: str, world: World) -> None:
    """Let through, but shown none of world.leader's private material."""
    response = call.send(client)
    assert response.status_code == 200, f"as {role}: {response.status_code}"
    page = response.get_data(as_text=True)
    for secret in _secrets(world):
        assert secret not in page, f"as {role}: the page shows {secret!r}"


def _check_rightful(client, call: RouteCall, role: str) -> None:
    response = call.send(client)
    response.close()  # a live stream would otherwise stay open
    assert response.status_code < 400, (
        f"as {role}: {response.status_code}; is the MATRIX entry's data valid?"
    )


@pytest.mark.parametrize(("endpoint", "method"), CASES)
def test_route_refuses_everyone_but_the_rightful_person(app, endpoint, method):
    """Signed out: sign in first. Intruders: refused, nothing written, nothing shown.
    The rightful person, last because the request may change things: let through."""
    world = make_world(second_pair=True)
    case = MATRIX[endpoint]
    call = RouteCall.build(app, endpoint, method, world)
    _check_signed_out(app.test_client(), call)
    for role in case.intruders:
        _check_intruder(_signed_in(app, getattr(world, role)), call, case, role, world)
    for role in case.blind:
        _check_blind(_signed_in(app, getattr(world, role)), call, role, world)
    for role in (*case.also_rightful, case.rightful):
        if role:
            _check_rightful(_signed_in(app, getattr(world, role)), call, role)


def test_admin_can_open_every_team_page(app, team_world):
    client = _signed_in(app, team_world.admin)
    teams = db.session.scalars(sa.select(Team)).all()
    assert {t.id for t in teams} == {team_world.team.id, team_world.other_team.id}
    for team in teams:
        response = client.get(f"/teams/{team.id}")
        assert response.status_code == 200
        assert team.name in response.get_data(as_text=True)


@pytest.mark.parametrize("role", ["mentor", "leader", "teacher"])
def test_member_can_open_their_own_team_page(client_as, team_world, role):
    response = client_as(role).get(f"/teams/{team_world.team.id}")
    assert response.status_code == 200
    assert team_world.team.name in response.get_data(as_text=True)


def test_outsider_opens_their_own_team_but_not_ours(client_as, team_world):
    client = client_as("outsider")
    assert client.get(f"/teams/{team_world.other_team.id}").status_code == 200
    assert client.get(f"/teams/{team_world.team.id}").status_code == 404


# Routes about the signed-in person only: no object id to try, so they are not in MATRIX.
# Each needs a signed-in person and acts on that person's own account and sessions alone.
ACCOUNT_ROUTES = [
    ("auth.account", "GET"),
    ("auth.password", "GET"),
    ("auth.password_post", "POST"),
    ("auth.sign_out_everywhere", "POST"),
    ("auth.logout", "POST"),
]


def test_account_routes_are_all_listed(app):
    listed = {endpoint for endpoint, _ in ACCOUNT_ROUTES}
    found = {
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith(("/account", "/sign-out"))
    }
    assert found == listed


@pytest.mark.parametrize(("endpoint", "method"), ACCOUNT_ROUTES)
def test_account_routes_need_sign_in_and_touch_only_ones_own_sessions(app, endpoint, method):
    world = make_world()
    url = app.url_map.bind("localhost").build(endpoint)
    _check_signed_out(app.test_client(), RouteCall(method, url, {}))
    teacher, leader = _signed_in(app, world.teacher), _signed_in(app, world.leader)

    response = teacher.open(url, method=method, data={})

    assert response.status_code < 500
    assert leader.get("/").status_code == 200, "another person's session is untouched"
