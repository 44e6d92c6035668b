"""Uploaded files, checked by their content, re-encoded and kept outside static/: a task's
image or PDF, a response's sketch, and later photos of student work. Each kind has its folder.

Images are opened by Pillow under a low pixel limit with decompression-bomb warnings as
errors, turned upright, optionally shrunk, and saved again as PNG or JPEG without their
metadata (EXIF, GPS, comments). A PDF is kept as sent once its first bytes say it is one.
"""

import secrets
import warnings
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from flask import current_app
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 25_000_000  # about 5000 × 5000: a scanned page, never a bomb
IMAGE_FORMATS = {"PNG": "png", "JPEG": "jpeg", "GIF": "png", "WEBP": "png"}
IMAGES_OR_PDF = "Upload a PNG, JPEG, GIF or WebP image, or a PDF."
IMAGES_ONLY = "Upload a PNG, JPEG, GIF or WebP image."


class FileProblem(ValueError):
    """Why an uploaded file is refused, in words for the person who sent it."""


@dataclass(frozen=True)
class CheckedFile:
    content: bytes
    file_type: str  # image/png, image/jpeg or application/pdf
    extension: str


def check_upload(
    stream, max_bytes: int = MAX_BYTES, pdf: bool = True, max_side: int | None = None
) -> CheckedFile:
    """The file `stream` holds, checked and re-encoded; FileProblem if it is refused. `pdf`:
    whether a PDF is welcome; `max_side`: shrink images whose longer side is larger."""
    data = stream.read(max_bytes + 1)
    if not data:
        raise FileProblem("That file is empty.")
    if len(data) > max_bytes:
        raise FileProblem(f"That file is larger than {max_bytes // (1024 * 1024)} MB.")
    if data.startswith(b"%PDF-"):
        if not pdf:
            raise FileProblem(f"That is a PDF. {IMAGES_ONLY}")
        return CheckedFile(data, "application/pdf", "pdf")
    return _reencoded_image(data, IMAGES_OR_PDF if pdf else IMAGES_ONLY, max_side)


def _reencoded_image(data: bytes, wanted: str, max_side: int | None) -> CheckedFile:
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(BytesIO(data)) as image:
                kind = IMAGE_FORMATS.get(image.format or "")
                if kind is None:
                    raise FileProblem(wanted)
                if image.width * image.height > MAX_PIXELS:
                    raise FileProblem("That image has too many pixels; make it smaller.")
                upright = ImageOps.exif_transpose(image)
                upright.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise FileProblem("That image has too many pixels; make it smaller.") from error
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
            if isinstance(error, FileProblem):
                raise
            raise FileProblem(wanted) from error
    if max_side and max(upright.size) > max_side:
        upright.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    return _saved(upright, kind)


def _saved(image: Image.Image, kind: str) -> CheckedFile:
    out = BytesIO()
    if kind == "jpeg":
        image.convert("RGB").save(out, "JPEG", quality=88)
    else:
        mode = "RGBA" if image.mode in ("RGBA", "LA", "P", "PA") else "RGB"
        image.convert(mode).save(out, "PNG", optimize=True)
    return CheckedFile(out.getvalue(), f"image/{kind}", "jpg" if kind == "jpeg" else "png")


MEDIA_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".pdf": "application/pdf"}


@dataclass(frozen=True)
class Folder:
    """The stored files of one kind (tasks, sketches, …) under the upload folder."""

    kind: str

    def path(self) -> Path:
        configured = current_app.config.get("UPLOAD_FOLDER")
        base = Path(configured) if configured else Path(current_app.instance_path) / "uploads"
        path = base / self.kind
        path.mkdir(parents=True, exist_ok=True)
        return path

    def store(self, checked: CheckedFile) -> str:
        """Write the file under a random name; the name to keep on its record."""
        name = f"{secrets.token_hex(16)}.{checked.extension}"
        (self.path() / name).write_bytes(checked.content)
        return name

    def path_of(self, name: str) -> Path | None:
        """The stored file, if it is there; names never leave the folder."""
        path = self.path() / Path(name).name
        return path if path.is_file() else None

    def remove(self, name: str | None) -> None:
        if name and (path := self.path_of(name)):
            path.unlink(missing_ok=True)


def media_type(name: str) -> str:
    """The type of a stored file, from the extension store() gave it."""
    return MEDIA_TYPES.get(Path(name).suffix, "application/octet-stream")
