"""Photos of student work for the demo, drawn with Pillow: pencil on lined paper, a little
wobbly, as a phone would photograph a task sheet. Each drawing is a JPEG's bytes, stored the way
a teacher's upload is (app.enactments.samples.check_photo re-encodes it). Drawn from a fixed
seed, so the demo's pictures are the same every time."""

import random
from collections.abc import Callable
from functools import cache
from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 960, 720
PAPER = (250, 248, 238)
RULING = (170, 200, 230)
MARGIN = (230, 150, 150)
PENCIL = (55, 55, 68)
LINE_GAP = 52
PHOTO_SIZE = (800, 600)


@cache
def _fonts() -> dict[int, ImageFont.FreeTypeFont]:
    return {size: ImageFont.load_default(size) for size in (30, 36, 44)}


class Sheet:
    """A page of lined paper and a pencil that never quite draws straight."""

    def __init__(self, seed: int):
        self.random = random.Random(seed)
        self.image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
        self.draw = ImageDraw.Draw(self.image)
        for y in range(LINE_GAP + 40, HEIGHT, LINE_GAP):
            self.draw.line([(0, y), (WIDTH, y)], fill=RULING, width=2)
        self.draw.line([(90, 0), (90, HEIGHT)], fill=MARGIN, width=2)
        self.fonts = _fonts()

    def _wobble(self, amount: float = 1.6) -> float:
        return self.random.uniform(-amount, amount)

    def line(self, start: tuple[float, float], end: tuple[float, float], width: int = 3) -> None:
        """A pencil stroke: a few jittered segments between the two points."""
        steps = 6
        points = [
            (
                start[0] + (end[0] - start[0]) * i / steps + self._wobble(),
                start[1] + (end[1] - start[1]) * i / steps + self._wobble(),
            )
            for i in range(steps + 1)
        ]
        self.draw.line(points, fill=PENCIL, width=width, joint="curve")

    def write(self, x: float, y: float, text: str, size: int = 36) -> float:
        """Letters one by one, each a little off the line; the x where the writing ends."""
        font = self.fonts[size]
        for letter in text:
            where = (x, y + self._wobble(2.2))
            self.draw.text(
                where, letter, fill=PENCIL, font=font, stroke_width=1, stroke_fill=PENCIL
            )
            x += self.draw.textlength(letter, font=font) + self.random.uniform(0, 1.5)
        return x

    def fraction(self, x: float, y: float, top: str, bottom: str, size: int = 30) -> None:
        """A fraction written stacked, centred on x, its bar at y."""
        font = self.fonts[size]
        wide = max(self.draw.textlength(top, font=font), self.draw.textlength(bottom, font=font))
        self.write(x - self.draw.textlength(top, font=font) / 2, y - size - 4, top, size)
        self.line((x - wide / 2 - 4, y), (x + wide / 2 + 4, y), width=2)
        self.write(x - self.draw.textlength(bottom, font=font) / 2, y + 4, bottom, size)

    def number_line(self, y: float, left: float, right: float, ticks: int) -> list[float]:
        """A line from `left` to `right` with `ticks` equal spaces; the x of each mark."""
        self.line((left - 20, y), (right + 20, y))
        marks = [left + (right - left) * i / ticks for i in range(ticks + 1)]
        for x in marks:
            self.line((x, y - 14), (x, y + 14), width=2)
        return marks

    def ring(self, x: float, y: float, rx: float, ry: float) -> None:
        box = [x - rx + self._wobble(4), y - ry, x + rx, y + ry + self._wobble(4)]
        self.draw.ellipse(box, outline=PENCIL, width=3)

    def photo(self) -> bytes:
        """The page as a phone sees it: smaller, slightly soft, darker towards one side."""
        shade = (
            Image.linear_gradient("L").transpose(Image.Transpose.ROTATE_90).resize((WIDTH, HEIGHT))
        )
        dark = Image.new("RGB", (WIDTH, HEIGHT), (200, 196, 186))
        page = Image.composite(dark, self.image, shade.point(lambda v: v // 5))
        out = BytesIO()
        page.resize(PHOTO_SIZE, Image.Resampling.BILINEAR).save(out, "JPEG", quality=90)
        return out.getvalue()


def missing_piece() -> bytes:
    """S.K. in Room 12: how far each fraction is from one half."""
    sheet = Sheet(1)
    sheet.write(120, 40, "2.   2/5 and 3/8")
    sheet.write(130, 150, "3/8 is missing 1/8 to be a half")
    sheet.write(130, 254, "2/5 is missing half a fifth")
    for y, parts, shaded in ((380, 8, 3), (520, 5, 2)):
        marks = [130 + 560 * i / parts for i in range(parts + 1)]
        sheet.line((130, y), (690, y))
        sheet.line((130, y + 70), (690, y + 70))
        for x in marks:
            sheet.line((x, y), (x, y + 70), width=2)
        for i in range(shaded):
            for k in range(0, 70, 9):
                sheet.line((marks[i] + 4, y + k + 6), (marks[i + 1] - 4, y + k), width=1)
        sheet.line((410, y - 20), (410, y + 90), width=2)
    sheet.write(420, 640, "which missing bit is smaller ??", 30)
    return sheet.photo()


def benchmark_half() -> bytes:
    """Room 12: both fractions against one half on a number line."""
    sheet = Sheet(2)
    sheet.write(120, 40, "2.   2/5 and 3/8")
    marks = sheet.number_line(330, 150, 810, 2)
    for x, (top, bottom) in zip(marks, (("0", ""), ("1", "2"), ("1", "")), strict=True):
        if bottom:
            sheet.fraction(x, 395, top, bottom)
        else:
            sheet.write(x - 8, 365, top, 30)
    for x, top, bottom, label in ((398, "3", "8", 350), (414, "2", "5", 462)):
        sheet.line((x, 250), (x, 318), width=2)
        sheet.fraction(label, 225, top, bottom)
    sheet.write(130, 500, "2/5 is closer to 1/2")
    sheet.write(130, 600, "so 2/5 is bigger")
    sheet.ring(330, 623, 150, 36)
    return sheet.photo()


def bigger_denominator() -> bytes:
    """Room 14: the whole-number reading of a fraction."""
    sheet = Sheet(3)
    sheet.write(120, 40, "2.   2/5 and 3/8")
    sheet.fraction(220, 240, "3", "8", 44)
    sheet.write(290, 210, ">", 44)
    sheet.fraction(370, 240, "2", "5", 44)
    sheet.write(130, 360, "because 8 is more than 5")
    sheet.write(130, 462, "and 3 is more than 2")
    sheet.ring(222, 240, 48, 70)
    return sheet.photo()


def common_denominator() -> bytes:
    """Room 6: rewriting both over forty."""
    sheet = Sheet(4)
    sheet.write(120, 40, "2.   2/5 and 3/8")
    sheet.write(130, 150, "2/5 = 16/40      (x8)")
    sheet.write(130, 254, "3/8 = 15/40      (x5)")
    sheet.write(130, 358, "16/40 > 15/40")
    sheet.write(130, 462, "so 2/5 is bigger")
    sheet.line((130, 512), (420, 516))
    return sheet.photo()


def splits_thirds() -> bytes:
    """Last year, Room 14: every third split in two, the point counted in sixths."""
    sheet = Sheet(5)
    sheet.write(120, 40, "Where is 2/3? Give it another name.")
    thirds = sheet.number_line(300, 150, 810, 3)
    sixths = [150 + 660 * i / 6 for i in range(7)]
    for x in sixths[1::2]:
        sheet.line((x, 290), (x, 310), width=2)
    for i, x in enumerate(sixths):
        sheet.fraction(x, 380, str(i), "6", 30)
    sheet.fraction(thirds[2], 220, "2", "3", 30)
    sheet.ring(thirds[2], 300, 22, 22)
    sheet.write(130, 500, "2/3 = 4/6")
    sheet.write(130, 600, "the dot did not move, the parts got smaller", 30)
    return sheet.photo()


def counts_ticks() -> bytes:
    """Last year, Room 12: the marks counted instead of the spaces."""
    sheet = Sheet(6)
    sheet.write(120, 40, "Where is 2/3? Give it another name.")
    marks = sheet.number_line(300, 150, 810, 6)
    for i, x in enumerate(marks, start=1):
        sheet.write(x - 8, 330, str(i), 30)
    sheet.ring(marks[4], 300, 22, 22)
    sheet.write(130, 470, "5 marks to the dot, 7 marks")
    sheet.write(130, 574, "so it is 5/7")
    return sheet.photo()


DRAWINGS: dict[str, Callable[[], bytes]] = {
    "missing piece": missing_piece,
    "benchmark half": benchmark_half,
    "bigger denominator": bigger_denominator,
    "common denominator": common_denominator,
    "splits thirds": splits_thirds,
    "counts ticks": counts_ticks,
}


@cache
def drawing(name: str) -> bytes:
    """One of the DRAWINGS, drawn once per process (the tests load the demo many times)."""
    return DRAWINGS[name]()
