"""Who reaches a lesson and its responses: the members of its cycle's team (and admins).
Every member co-designs the lesson; another team's lesson or response is a 404."""

import sqlalchemy as sa
from flask import abort
from sqlalchemy.orm import contains_eager

from app.auth.models import User
from app.cycles.models import Cycle
from app.extensions import db
from app.lessons.models import AnticipatedResponse, Lesson, LessonChange
from app.teams.access import member_team_ids


def _visible(query, user: User):
    if user.is_admin:
        return query
    return query.where(Cycle.team_id.in_(member_team_ids(user)))


def lesson_for(user: User, lesson_id: int) -> Lesson:
    query = (
        sa.select(Lesson)
        .join(Cycle, Cycle.id == Lesson.cycle_id)
        .where(Lesson.id == lesson_id)
        .options(contains_eager(Lesson.cycle))
    )
    return db.session.scalar(_visible(query, user)) or abort(404)


def response_for(user: User, response_id: int) -> AnticipatedResponse:
    query = (
        sa.select(AnticipatedResponse)
        .join(Lesson, Lesson.id == AnticipatedResponse.lesson_id)
        .join(Cycle, Cycle.id == Lesson.cycle_id)
        .where(AnticipatedResponse.id == response_id)
        .options(contains_eager(AnticipatedResponse.lesson).contains_eager(Lesson.cycle))
    )
    return db.session.scalar(_visible(query, user)) or abort(404)


def change_for(user: User, change_id: int) -> LessonChange:
    query = (
        sa.select(LessonChange)
        .join(Lesson, Lesson.id == LessonChange.lesson_id)
        .join(Cycle, Cycle.id == Lesson.cycle_id)
        .where(LessonChange.id == change_id)
    )
    return db.session.scalar(_visible(query, user)) or abort(404)
