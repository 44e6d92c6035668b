"""Built-in agenda templates (protocols) a team can start a meeting from."""

from dataclasses import dataclass

from app.meetings.models import SegmentKind as K


@dataclass(frozen=True)
class ProtocolSegment:
    title: str
    kind: K
    minutes: int
    description: str = ""


@dataclass(frozen=True)
class Protocol:
    key: str
    name: str
    description: str
    segments: tuple[ProtocolSegment, ...]

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.segments)


BUILT_IN = (
    Protocol(
        "select-and-anticipate",
        "Select the shared task and anticipate",
        "The planning meeting of a cycle: do candidate tasks as learners, choose one, "
        "anticipate student responses.",
        (
            ProtocolSegment("Check-in, norms and what we left open", K.check_in, 5),
            ProtocolSegment(
                "Do the candidate tasks as learners",
                K.do_the_math,
                15,
                "Solve each candidate task in more than one way before talking about it.",
            ),
            ProtocolSegment(
                "Weigh the candidates and select the shared task",
                K.select_task,
                10,
                "Grade and standard, the big idea, and the level of cognitive demand.",
            ),
            ProtocolSegment(
                "Anticipate student responses",
                K.anticipate,
                20,
                "Strategies, representations and likely errors, each with assessing and "
                "advancing questions.",
            ),
            ProtocolSegment("Next steps and who teaches when", K.next_steps, 10),
        ),
    ),
    Protocol(
        "cross-classroom-debrief",
        "Cross-classroom debrief",
        "After everyone has taught the shared task: compare classrooms with what we anticipated.",
        (
            ProtocolSegment("Check-in and norms", K.check_in, 5),
            ProtocolSegment(
                "Share student work from each classroom",
                K.debrief,
                20,
                "De-identified samples only: initials or codes.",
            ),
            ProtocolSegment(
                "Compare with what we anticipated",
                K.debrief,
                15,
                "What worked, what surprised us, what we learned as teachers.",
            ),
            ProtocolSegment("Next steps for the next cycle", K.next_steps, 10),
        ),
    ),
    Protocol(
        "short-planning",
        "Short planning huddle (30 minutes)",
        "When time is scarce: one focused question and clear next steps.",
        (
            ProtocolSegment("Check-in and what we left open", K.check_in, 5),
            ProtocolSegment("Focus question", K.other, 15),
            ProtocolSegment("Next steps", K.next_steps, 10),
        ),
    ),
)

BY_KEY = {protocol.key: protocol for protocol in BUILT_IN}
