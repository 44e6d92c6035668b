"""Photos of student work from an enactment, each tied to the chart row of the response it
shows. A photo is checked by app/uploads.py (type by content, size, pixel bombs, upright,
at most 1600 px) and then drawn again into a fresh JPEG, so nothing of the original file
(EXIF with GPS, XMP, ICC profiles, comments, PNG text) survives; a 400 px thumbnail is made
at the same time for pages that show many."""

from dataclasses import dataclass, field
from io import BytesIO

import sqlalchemy as sa
from flask import abort
from PIL import Image
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import contains_eager

from app.auth.models import User
from app.cycles.models import Cycle, live_channel
from app.enactments import counting
from app.enactments.models import Enactment, Tally, Unanticipated, WorkSample
from app.enactments.recording import LIVE_EVENT
from app.extensions import db
from app.lessons.models import AnticipatedResponse
from app.live import publish
from app.teams.access import member_team_ids
from app.uploads import CheckedFile, Folder, check_upload

SAMPLES = Folder("samples")
THUMBS = Folder("sample-thumbs")
MAX_BYTES = 10 * 1024 * 1024
MAX_SIDE = 1600
THUMB_SIDE = 400
MAX_CAPTION = 300


@dataclass(frozen=True)
class Photo:
    """A checked photo as a clean JPEG, with its thumbnail."""

    content: bytes
    thumb: bytes
    width: int
    height: int


def check_photo(stream) -> Photo:
    """The photo `stream` holds, re-encoded without metadata; FileProblem if refused."""
    checked = check_upload(stream, max_bytes=MAX_BYTES, pdf=False, max_side=MAX_SIDE)
    with Image.open(BytesIO(checked.content)) as opened:
        pixels = _on_white(opened)
    # A new image from the bare pixels: no info dictionary, so nothing else is written out.
    clean = Image.frombytes("RGB", pixels.size, pixels.tobytes())
    thumb = clean.copy()
    thumb.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.LANCZOS)
    return Photo(_jpeg(clean), _jpeg(thumb), clean.width, clean.height)


def _on_white(image: Image.Image) -> Image.Image:
    """RGB pixels; transparent parts of a PNG become white paper, not black."""
    if image.mode in ("RGBA", "LA", "P", "PA"):
        rgba = image.convert("RGBA")
        paper = Image.new("RGB", rgba.size, "white")
        paper.paste(rgba, mask=rgba.getchannel("A"))
        return paper
    return image.convert("RGB")


def _jpeg(image: Image.Image) -> bytes:
    out = BytesIO()
    image.save(out, "JPEG", quality=88, optimize=True)
    return out.getvalue()


def _store(photo: Photo) -> str:
    name = SAMPLES.store(CheckedFile(photo.content, "image/jpeg", "jpg"))
    (THUMBS.path() / name).write_bytes(photo.thumb)
    return name


def _forget(name: str) -> None:
    SAMPLES.remove(name)
    THUMBS.remove(name)


def sample_for(user: User, sample_id: int) -> WorkSample:
    """The sample with its enactment and cycle; another team's is a 404."""
    query = (
        sa.select(WorkSample)
        .join(Enactment, Enactment.id == WorkSample.enactment_id)
        .join(Cycle, Cycle.id == Enactment.cycle_id)
        .where(WorkSample.id == sample_id)
        .options(contains_eager(WorkSample.enactment).contains_eager(Enactment.cycle))
    )
    if not user.is_admin:
        query = query.where(Cycle.team_id.in_(member_team_ids(user)))
    return db.session.scalar(query) or abort(404)


def tally_for_key(enactment: Enactment, key: str) -> Tally:
    """The chart row named by "r<response id>" or "u<unanticipated id>" (made if needed)."""
    kind, number = key[:1], int(key[1:])
    if kind == "r":
        return counting.tally(enactment, response_id=number)
    return counting.tally(enactment, unanticipated_id=number)


def add_sample(
    actor: User, enactment: Enactment, key: str, caption: str, photo: Photo
) -> WorkSample:
    """Keep the photo as a work sample of the response `key` (one of the chart's keys)."""
    name = _store(photo)
    try:
        sample = WorkSample(
            enactment_id=enactment.id,
            tally_id=tally_for_key(enactment, key).id,
            caption=caption,
            image_name=name,
            width=photo.width,
            height=photo.height,
            uploaded_by_id=actor.id,
        )
        db.session.add(sample)
        db.session.commit()
    except SQLAlchemyError:
        db.session.rollback()
        _forget(name)
        raise
    _told(enactment)
    return sample


def update_sample(sample: WorkSample, key: str, caption: str, in_report: bool) -> None:
    sample.tally_id = tally_for_key(sample.enactment, key).id
    sample.caption = caption
    sample.in_report = in_report
    db.session.commit()
    _told(sample.enactment)


def remove_sample(sample: WorkSample) -> None:
    name, enactment = sample.image_name, sample.enactment
    db.session.delete(sample)
    db.session.commit()
    _forget(name)
    _told(enactment)


def _told(enactment: Enactment) -> None:
    """An open debrief of the cycle redraws its comparison, student work included."""
    publish(live_channel(enactment.cycle_id), LIVE_EVENT)


def key_of(sample: WorkSample) -> str:
    """The chart key of the sample's response ("" when its row is gone)."""
    tally = sample.tally
    if tally is None:
        return ""
    return f"r{tally.response_id}" if tally.response_id else f"u{tally.unanticipated_id}"


@dataclass
class SampleCard:
    id: int
    caption: str
    class_code: str
    width: int
    height: int
    in_report: bool
    response: str
    image_name: str = ""

    @property
    def thumb_size(self) -> tuple[int, int]:
        """The thumbnail's width and height, so the page keeps its place while it loads."""
        scale = min(1, THUMB_SIDE / max(self.width, self.height, 1))
        return max(1, round(self.width * scale)), max(1, round(self.height * scale))


@dataclass
class SampleGroup:
    """The samples of one response across the cycle's classrooms."""

    name: str
    anticipated: bool
    samples: list[SampleCard] = field(default_factory=list)


NO_RESPONSE = "Not tied to a response"


def _sample_rows(where) -> list:
    """Samples with their room and response, in one statement."""
    return db.session.execute(
        sa.select(
            WorkSample.id,
            WorkSample.caption,
            WorkSample.width,
            WorkSample.height,
            WorkSample.in_report,
            WorkSample.image_name,
            Enactment.class_code,
            AnticipatedResponse.id,
            AnticipatedResponse.name,
            AnticipatedResponse.position,
            Unanticipated.id,
            Unanticipated.name,
        )
        .join(Enactment, Enactment.id == WorkSample.enactment_id)
        .outerjoin(Tally, Tally.id == WorkSample.tally_id)
        .outerjoin(AnticipatedResponse, AnticipatedResponse.id == Tally.response_id)
        .outerjoin(Unanticipated, Unanticipated.id == Tally.unanticipated_id)
        .where(where)
        .order_by(Enactment.taught_on, Enactment.id, WorkSample.created_at, WorkSample.id)
    ).all()


def samples_by_response(cycle: Cycle, in_report_only: bool = False) -> list[SampleGroup]:
    """The cycle's student work grouped by response: the anticipated ones in their planned
    sequence, then those nobody anticipated, then any whose chart row is gone. `in_report_only`:
    just the samples the team chose for the debrief report."""
    where = Enactment.cycle_id == cycle.id
    if in_report_only:
        where = sa.and_(where, WorkSample.in_report)
    groups: dict[tuple, SampleGroup] = {}
    for row in _sample_rows(where):
        (sid, caption, width, height, in_report, image, room, rid, rname, place, uid, uname) = row
        if rid is not None:
            order, name, anticipated = (0, place, rid), rname, True
        elif uid is not None:
            order, name, anticipated = (1, 0, uid), uname, False
        else:
            order, name, anticipated = (2, 0, 0), NO_RESPONSE, False
        group = groups.setdefault(order, SampleGroup(name, anticipated))
        card = SampleCard(sid, caption, room, width, height, in_report, name, image)
        group.samples.append(card)
    return [groups[order] for order in sorted(groups)]


def enactment_samples(enactment: Enactment) -> list[SampleCard]:
    """The samples of one enactment, oldest first, each naming its response."""
    cards = []
    for row in _sample_rows(WorkSample.enactment_id == enactment.id):
        (sid, caption, width, height, in_report, image, room, _rid, rname, _pos, _uid, uname) = row
        response = rname or uname or NO_RESPONSE
        cards.append(SampleCard(sid, caption, room, width, height, in_report, response, image))
    return cards
