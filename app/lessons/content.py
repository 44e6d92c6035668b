"""What the lesson page's content (the plan and the responses) is drawn from: one place, for
the page itself and for the fragment every screen re-fetches after a save (lesson_fields.content),
so the two never draw it differently. Anything the content's templates need goes here."""

from app.cycles.models import Cycle
from app.lessons.models import PLAN_FIELDS, PLAN_MINUTES, RESPONSE_FIELDS
from app.lessons.queries import lesson_view


def lesson_context(cycle: Cycle) -> dict:
    return {
        "cycle": cycle,
        "team": cycle.team,
        "view": lesson_view(cycle),
        "plan_fields": PLAN_FIELDS,
        "plan_minutes": PLAN_MINUTES,
        "response_fields": RESPONSE_FIELDS,
    }
