"""Pages as lists of drawing operations that know their words' tags; rendered to PDF with reportlab.

Every piece of text goes through ``PageDraft.text``, which records each whitespace-separated word with its box and
tag at the moment it is placed, so labels are right by construction. Coordinates here are points, origin top-left.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas

_T1_AFM = "/usr/share/fonts/type1/urw-base35/"
_T1_PFB = "/usr/share/fonts/X11/Type1/"
_DEJAVU = "/usr/share/fonts/truetype/dejavu/"

# family id -> (regular, bold, italic) font files; Type1 names are URW base-35, ttf are DejaVu.
FONT_FAMILIES: dict[str, tuple[str, str, str]] = {
    "nimbus-sans": ("NimbusSans-Regular", "NimbusSans-Bold", "NimbusSans-Italic"),
    "nimbus-sans-narrow": ("NimbusSansNarrow-Regular", "NimbusSansNarrow-Bold", "NimbusSansNarrow-Oblique"),
    "nimbus-roman": ("NimbusRoman-Regular", "NimbusRoman-Bold", "NimbusRoman-Italic"),
    "nimbus-mono": ("NimbusMonoPS-Regular", "NimbusMonoPS-Bold", "NimbusMonoPS-Italic"),
    "urw-gothic": ("URWGothic-Book", "URWGothic-Demi", "URWGothic-BookOblique"),
    "p052": ("P052-Roman", "P052-Bold", "P052-Italic"),
    "c059": ("C059-Roman", "C059-Bold", "C059-Italic"),
    "dejavu-sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"),
    "dejavu-sans-condensed": (
        "DejaVuSansCondensed.ttf",
        "DejaVuSansCondensed-Bold.ttf",
        "DejaVuSansCondensed-Oblique.ttf",
    ),
    "dejavu-serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf"),
}
ASCENT, DESCENT = 0.74, 0.21
_TTF_NAMES: set[str] = set()
_FALLBACK = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ń": "n",
        "ś": "s",
        "ź": "z",
        "ż": "z",
        "ą": "a",
        "ę": "e",
        "ć": "c",
        "ő": "o",
        "ű": "u",
        "ř": "r",
        "č": "c",
        "ě": "e",
        "\u202f": " ",
        "\u2009": " ",
    }
)


def printable(text: str, font_name: str) -> str:
    """Type1 fonts here use WinAnsi (cp1252): letters outside it are printed in their base form."""
    if font_name in _TTF_NAMES:
        return text
    text = text.translate(_FALLBACK)
    return text.encode("cp1252", "replace").decode(
        "cp1252"
    )  # fraction of the font size above / below the baseline in a word's box


@cache
def font(file_stem: str) -> str:
    """Register a font file once per process and return its reportlab name."""
    if file_stem.endswith(".ttf"):
        name = file_stem[:-4]
        pdfmetrics.registerFont(TTFont(name, _DEJAVU + file_stem))
        _TTF_NAMES.add(name)
        return name
    face = pdfmetrics.EmbeddedType1Face(_T1_AFM + file_stem + ".afm", _T1_PFB + file_stem + ".pfb")
    pdfmetrics.registerTypeFace(face)
    pdfmetrics.registerFont(pdfmetrics.Font(file_stem, face.name, "WinAnsiEncoding"))
    return file_stem


@dataclass(slots=True)
class Fonts:
    family: str
    regular: str
    bold: str
    italic: str

    @classmethod
    def of(cls, family: str) -> Fonts:
        r, b, i = FONT_FAMILIES[family]
        return cls(family, font(r), font(b), font(i))


def warm_up() -> None:
    """Register every font now (before worker processes fork, so each does not pay for it again)."""
    for files in FONT_FAMILIES.values():
        for file_stem in files:
            font(file_stem)


def width(text: str, font_name: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font_name, size)


@dataclass(slots=True)
class Entity:
    """A value being written, possibly over several text calls (a description wrapping onto three lines)."""

    name: str
    row: int | None = None
    started: bool = False


@dataclass
class PageDraft:
    width: float
    height: float
    ops: list[tuple[Any, ...]] = field(default_factory=list)
    words: list[dict[str, Any]] = field(default_factory=list)

    def text(
        self,
        x: float,
        y: float,
        s: str,
        font_name: str,
        size: float,
        entity: Entity | None = None,
        align: str = "left",
        color: tuple[float, float, float] = (0, 0, 0),
        row: int | None = None,
    ) -> float:
        """Draw ``s`` with its baseline at ``y``; returns its width. Words are recorded with boxes and tags."""
        s = printable(" ".join(s.split()), font_name)
        if not s:
            return 0.0
        total = width(s, font_name, size)
        if align == "right":
            x -= total
        elif align == "center":
            x -= total / 2
        self.ops.append(("text", x, y, s, font_name, size, color))
        space = width(" ", font_name, size)
        x1 = x - space
        for token in s.split(" "):
            x0 = x1 + space  # widths add up: these fonts are drawn without kerning
            x1 = x0 + width(token, font_name, size)
            if entity is None:
                tag, word_row = "O", row
            else:
                tag = ("I-" if entity.started else "B-") + entity.name
                entity.started = True
                word_row = entity.row if entity.row is not None else row
            self.words.append(
                {"text": token, "pt": (x0, y - ASCENT * size, x1, y + DESCENT * size), "tag": tag, "row": word_row}
            )
        return total

    def line(
        self, x0: float, y0: float, x1: float, y1: float, w: float = 0.5, color: tuple[float, float, float] = (0, 0, 0)
    ) -> None:
        self.ops.append(("line", x0, y0, x1, y1, w, color))

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        stroke: tuple[float, float, float] | None = (0, 0, 0),
        fill: tuple[float, float, float] | None = None,
        line_width: float = 0.5,
        radius: float = 0.0,
    ) -> None:
        self.ops.append(("rect", x, y, w, h, stroke, fill, line_width, radius))

    def image(self, img: Image.Image, x: float, y: float, w: float, h: float) -> None:
        self.ops.append(("image", img, x, y, w, h))

    def path(
        self, points: list[tuple[float, float]], w: float = 1.0, color: tuple[float, float, float] = (0.1, 0.1, 0.35)
    ) -> None:
        self.ops.append(("path", points, w, color))

    def circle(self, x: float, y: float, r: float, fill: tuple[float, float, float]) -> None:
        self.ops.append(("circle", x, y, r, fill))

    def polygon(self, points: list[tuple[float, float]], fill: tuple[float, float, float]) -> None:
        self.ops.append(("polygon", points, fill))

    def labelled_words(self) -> list[dict[str, Any]]:
        """Words with LayoutLM boxes (ints 0..1000)."""
        out = []
        for w in self.words:
            x0, y0, x1, y1 = w["pt"]
            box = [_norm(x0, self.width), _norm(y0, self.height), _norm(x1, self.width), _norm(y1, self.height)]
            out.append({"text": w["text"], "box": box, "tag": w["tag"], "row": w["row"]})
        return out


def _norm(v: float, size: float) -> int:
    return min(1000, max(0, round(v / size * 1000)))


def render_pdf(pages: list[PageDraft], title: str = "") -> bytes:
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=(pages[0].width, pages[0].height), invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setCreator("LedgerLens document factory")
    images: dict[int, ImageReader] = {}
    for page in pages:
        c.setPageSize((page.width, page.height))
        h = page.height
        current_font: tuple[str, float] | None = None
        for op in page.ops:
            kind = op[0]
            if kind == "text":
                _, x, y, s, font_name, size, color = op
                if current_font != (font_name, size):
                    c.setFont(font_name, size)
                    current_font = (font_name, size)
                c.setFillColorRGB(*color)
                c.drawString(x, h - y, s)
            elif kind == "line":
                _, x0, y0, x1, y1, w, color = op
                c.setStrokeColorRGB(*color)
                c.setLineWidth(w)
                c.line(x0, h - y0, x1, h - y1)
            elif kind == "rect":
                _, x, y, w, rh, stroke, fill, lw, radius = op
                if stroke:
                    c.setStrokeColorRGB(*stroke)
                    c.setLineWidth(lw)
                if fill:
                    c.setFillColorRGB(*fill)
                if radius:
                    c.roundRect(x, h - y - rh, w, rh, radius, stroke=1 if stroke else 0, fill=1 if fill else 0)
                else:
                    c.rect(x, h - y - rh, w, rh, stroke=1 if stroke else 0, fill=1 if fill else 0)
            elif kind == "image":
                _, img, x, y, w, ih = op
                reader = images.setdefault(id(img), ImageReader(img))
                c.drawImage(reader, x, h - y - ih, w, ih, mask="auto")
            elif kind == "path":
                _, points, w, color = op
                p = c.beginPath()
                p.moveTo(points[0][0], h - points[0][1])
                for px, py in points[1:]:
                    p.lineTo(px, h - py)
                c.setStrokeColorRGB(*color)
                c.setLineWidth(w)
                c.drawPath(p, stroke=1, fill=0)
            elif kind == "circle":
                _, x, y, r, fill = op
                c.setFillColorRGB(*fill)
                c.circle(x, h - y, r, stroke=0, fill=1)
            elif kind == "polygon":
                _, points, fill = op
                p = c.beginPath()
                p.moveTo(points[0][0], h - points[0][1])
                for px, py in points[1:]:
                    p.lineTo(px, h - py)
                p.close()
                c.setFillColorRGB(*fill)
                c.drawPath(p, stroke=0, fill=1)
        c.showPage()
    c.save()
    return buf.getvalue()


def wrap(text: str, font_name: str, size: float, max_width: float) -> list[str]:
    """Greedy word wrap; a single word longer than the width gets a line of its own."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and width(candidate, font_name, size) > max_width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines
