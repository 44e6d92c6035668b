"""Photos of student work for the debrief report, kept through the real upload path and
chosen for the report the way a teacher does."""

import io

from PIL import Image, ImageDraw

from app.enactments import samples
from app.enactments.models import WorkSample
from tests.enactments.helpers import url


def photo_bytes(size=(300, 400), colour=(240, 236, 226)) -> bytes:
    """A small JPEG with a few strokes on it, like a photo of a worksheet."""
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.rectangle((w // 8, h // 8, w * 7 // 8, h // 2), outline=(31, 95, 139), width=3)
    draw.line((w // 8, h * 3 // 4, w * 7 // 8, h * 3 // 4), fill=(200, 85, 61), width=4)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def keep_photo(actor, enactment, response, caption: str, in_report: bool = True) -> WorkSample:
    """A photo of `response` in `enactment`, checked and stored as an upload is."""
    photo = samples.check_photo(io.BytesIO(photo_bytes()))
    sample = samples.add_sample(actor, enactment, f"r{response.id}", caption, photo)
    if in_report:
        samples.update_sample(sample, f"r{response.id}", caption, in_report=True)
    return sample


def choose_for_report(client, sample: WorkSample, key: str) -> None:
    """Tick "Show it in the debrief report" on the sample's edit form."""
    form = {"response": key, "caption": sample.caption, "in_report": "y"}
    answer = client.post(f"/samples/{sample.id}", data=form)
    assert answer.status_code == 302, answer.text
    assert url(sample.enactment, "") in answer.headers["Location"]
