"""Word-level differences between two versions of a text, as the history draws them.

Texts are cut into words, runs of space and runs of punctuation, so the pieces put back
together give the texts exactly: the same and added segments make the new text, the same and
removed segments the old one."""

import difflib
import re
from dataclasses import dataclass
from typing import Literal

SAME, ADDED, REMOVED = "same", "added", "removed"
_TOKENS = re.compile(r"\w+|\s+|[^\w\s]+")


@dataclass(frozen=True)
class Segment:
    kind: Literal["same", "added", "removed"]
    text: str


def tokens(text: str) -> list[str]:
    return _TOKENS.findall(text)


def word_diff(old: str, new: str) -> list[Segment]:
    """The segments that turn `old` into `new`, removed before added where a run changed."""
    before, after = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    raw: list[Segment] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            raw.append(Segment(SAME, "".join(before[i1:i2])))
            continue
        if i2 > i1:
            raw.append(Segment(REMOVED, "".join(before[i1:i2])))
        if j2 > j1:
            raw.append(Segment(ADDED, "".join(after[j1:j2])))
    return _joined(_without_lone_spaces(raw))


def _without_lone_spaces(segments: list[Segment]) -> list[Segment]:
    """A single space kept between two changes cuts a rewritten sentence into word-sized
    crumbs; it reads better as part of the change on both sides."""
    kept: list[Segment] = []
    for at, segment in enumerate(segments):
        inside = 0 < at < len(segments) - 1
        if (
            segment.kind == SAME
            and inside
            and segment.text.isspace()
            and segments[at - 1].kind != SAME
            and segments[at + 1].kind != SAME
        ):
            kept += [Segment(REMOVED, segment.text), Segment(ADDED, segment.text)]
        else:
            kept.append(segment)
    return kept


def _joined(segments: list[Segment]) -> list[Segment]:
    """Each run of changes as one removed then one added segment; the same ones merged."""
    result: list[Segment] = []
    run: list[Segment] = []

    def close_run() -> None:
        for kind in (REMOVED, ADDED):
            text = "".join(s.text for s in run if s.kind == kind)
            if text:
                result.append(Segment(kind, text))
        run.clear()

    for segment in segments:
        if segment.kind == SAME:
            close_run()
            if result and result[-1].kind == SAME:
                result[-1] = Segment(SAME, result[-1].text + segment.text)
            else:
                result.append(segment)
        else:
            run.append(segment)
    close_run()
    return result


def new_text(segments: list[Segment]) -> str:
    return "".join(s.text for s in segments if s.kind != REMOVED)


def old_text(segments: list[Segment]) -> str:
    return "".join(s.text for s in segments if s.kind != ADDED)
