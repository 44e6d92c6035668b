"""Imports every feature's models so that Alembic and relationship strings see them all."""

from app.auth.models import Invite, LoginSession, SignInAttempt, User
from app.cycles.models import Cycle
from app.enactments.models import Enactment, Tally, Tap, Unanticipated, WorkSample
from app.idempotency import IdempotencyKey
from app.leadership.models import FacilitationMove, MentoringLoop, Nudge, PhaseChange
from app.lessons.models import AnticipatedResponse, Lesson, LessonChange
from app.meetings.models import (
    AgendaTemplate,
    Attendance,
    Contribution,
    Meeting,
    Segment,
    TemplateSegment,
)
from app.selection.models import Candidate, CandidateRating, CandidateWork
from app.tasks.models import Task, TaskStandard
from app.teams.models import District, Membership, School, Team

__all__ = [
    "Enactment",
    "Tally",
    "Unanticipated",
    "Tap",
    "WorkSample",
    "AnticipatedResponse",
    "Lesson",
    "LessonChange",
    "Candidate",
    "CandidateRating",
    "CandidateWork",
    "AgendaTemplate",
    "Attendance",
    "Contribution",
    "Cycle",
    "District",
    "FacilitationMove",
    "IdempotencyKey",
    "Invite",
    "LoginSession",
    "Meeting",
    "Membership",
    "MentoringLoop",
    "Nudge",
    "PhaseChange",
    "School",
    "Segment",
    "SignInAttempt",
    "Task",
    "TaskStandard",
    "Team",
    "TemplateSegment",
    "User",
]
