"""The image or PDF of a task: checked by its content, re-encoded, kept outside static/.

Images are opened by Pillow under a low pixel limit with decompression-bomb warnings as
errors, turned upright, and saved again as PNG or JPEG without their metadata (EXIF, GPS,
comments). A PDF is kept as sent once its first bytes say it is one.
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


class FileProblem(ValueError):
    """Why an uploaded file is refused, in words for the person who sent it."""


@dataclass(frozen=True)
class CheckedFile:
    content: bytes
    file_type: str  # image/png, image/jpeg or application/pdf
    extension: str


def check_upload(stream, max_bytes: int = MAX_BYTES) -> CheckedFile:
    data = stream.read(max_bytes + 1)
    if not data:
        raise FileProblem("That file is empty.")
    if len(data) > max_bytes:
        raise FileProblem(f"That file is larger than {max_bytes // (1024 * 1024)} MB.")
    if data.startswith(b"%PDF-"):
        return CheckedFile(data, "application/pdf", "pdf")
    return _reencoded_image(data)


def _reencoded_image(data: bytes) -> CheckedFile:
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(BytesIO(data)) as image:
                kind = IMAGE_FORMATS.get(image.format or "")
                if kind is None:
                    raise FileProblem("Upload a PNG, JPEG, GIF or WebP image, or a PDF.")
                if image.width * image.height > MAX_PIXELS:
                    raise FileProblem("That image has too many pixels; make it smaller.")
                upright = ImageOps.exif_transpose(image)
                upright.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise FileProblem("That image has too many pixels; make it smaller.") from error
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
            if isinstance(error, FileProblem):
                raise
            raise FileProblem("Upload a PNG, JPEG, GIF or WebP image, or a PDF.") from error
    return _saved(upright, kind)


def _saved(image: Image.Image, kind: str) -> CheckedFile:
    out = BytesIO()
    if kind == "jpeg":
        image.convert("RGB").save(out, "JPEG", quality=88)
    else:
        mode = "RGBA" if image.mode in ("RGBA", "LA", "P", "PA") else "RGB"
        image.convert(mode).save(out, "PNG", optimize=True)
    return CheckedFile(out.getvalue(), f"image/{kind}", "jpg" if kind == "jpeg" else "png")


def folder() -> Path:
    configured = current_app.config.get("UPLOAD_FOLDER")
    base = Path(configured) if configured else Path(current_app.instance_path) / "uploads"
    path = base / "tasks"
    path.mkdir(parents=True, exist_ok=True)
    return path


def store(checked: CheckedFile) -> str:
    """Write the file under a random name; the name to keep on the task."""
    name = f"{secrets.token_hex(16)}.{checked.extension}"
    (folder() / name).write_bytes(checked.content)
    return name


def path_of(name: str) -> Path | None:
    """The stored file, if it is there; names never leave the upload folder."""
    path = folder() / Path(name).name
    return path if path.is_file() else None


def remove(name: str | None) -> None:
    if name and (path := path_of(name)):
        path.unlink(missing_ok=True)
