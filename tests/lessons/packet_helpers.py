"""A lesson with n anticipated responses written through the one write path."""

from app.lessons import writing
from app.lessons.models import Lesson


def response_fields(i: int, to_share: bool = True) -> dict[str, str]:
    return {
        "name": f"Response {i:02d}",
        "to_share": "yes" if to_share else "no",
        "description": f"Student {i} draws the brownies and cuts them into fourths.",
        "representation": "area_model" if i % 2 else "number_line",
        "correctness": ("correct", "partial", "incorrect")[i % 3],
        "misconception": f"Misconception {i}" if i % 3 == 2 else "",
        "assessing_questions": f"Assessing {i:02d} first?\nAssessing {i:02d} second?",
        "advancing_questions": f"Advancing {i:02d} first?\nAdvancing {i:02d} second?",
        "connection": f"Connection {i} to fair shares.",
    }


def add_responses(actor, lesson: Lesson, n: int, start: int = 1, to_share=lambda i: True):
    return [
        writing.add_response(actor, lesson, response_fields(i, to_share(i)))
        for i in range(start, start + n)
    ]
