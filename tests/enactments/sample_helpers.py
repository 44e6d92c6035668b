"""Photos for the work-sample tests: made with Pillow, some carrying what must not survive."""

import io
import zipfile

from PIL import Image, PngImagePlugin

from tests.lessons.response_helpers import image_bytes, jpeg_with_gps

__all__ = ["image_bytes", "jpeg_with_gps", "png_with_text", "zip_bytes", "upload"]


def png_with_text() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Student Full Name")
    info.add_text("Comment", "taken at 12 Elm St")
    out = io.BytesIO()
    Image.new("RGBA", (60, 40), (10, 120, 200, 128)).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def zip_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("a.txt", "hello")
    return out.getvalue()


def upload(client, enactment, content: bytes, key: str, name: str = "work.jpg", **more):
    form = {"photo": (io.BytesIO(content), name), "response": key, "caption": "K7 drew halves"}
    return client.post(
        f"/enactments/{enactment.id}/samples",
        data=form | more,
        content_type="multipart/form-data",
    )
