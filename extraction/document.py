"""What a file becomes before anything is extracted from it: pages of words with boxes.

Boxes are fractions of the page (x0, y0, x1, y1), origin top-left, so the same
numbers serve the API's ``bbox``, the review UI's highlight and (times 1000) the
layout model's 2-D positions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from PIL import Image

BBox = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    bbox: BBox
    confidence: float = 1.0  # OCR's word confidence (0..1); 1.0 for a PDF text layer

    def box_1000(self) -> tuple[int, int, int, int]:
        """The LayoutLM convention: integers in 0..1000."""
        return tuple(min(1000, max(0, round(v * 1000))) for v in self.bbox)  # type: ignore[return-value]


def joined_word(first: Word, second: Word, text: str | None = None) -> Word:
    """Two words read apart as one: ``text`` (the two texts run together by default) over both boxes, as sure as
    the less sure of the two."""
    text = first.text + second.text if text is None else text
    return Word(text, words_box([first, second]), min(first.confidence, second.confidence))


def words_box(words: list[Word]) -> BBox:
    """The box around ``words`` (at least one)."""
    return (
        min(w.bbox[0] for w in words),
        min(w.bbox[1] for w in words),
        max(w.bbox[2] for w in words),
        max(w.bbox[3] for w in words),
    )


@dataclass(slots=True)
class Page:
    number: int  # 1-based
    width: float  # points (PDF) or pixels (image)
    height: float
    words: list[Word] = field(default_factory=list)
    source: Literal["text", "ocr"] = "text"
    # the greyscale image the OCR read (word boxes are fractions of it), so a region can be read again;
    # None for text-layer pages
    image: Image.Image | None = field(default=None, compare=False, repr=False)
    # how the scan was turned before it was read, so that the page shown to a reviewer is turned the same way and
    # the word boxes land on their words: ``rotation`` 180 for a page fed upside down (0 as sent), ``skew`` the
    # degrees (counter-clockwise, about the centre) it was levelled by; both 0 for text-layer pages
    rotation: int = 0
    skew: float = 0.0
    # a phone photo's page corners (x, y as fractions of the image as sent, clockwise from top left): the page was
    # cut out there and seen straight on before it was levelled; None for a flat scan and text-layer pages
    corners: tuple[tuple[float, float], ...] | None = None


@dataclass(slots=True)
class Document:
    pages: list[Page]
    media_type: str = "application/pdf"

    @property
    def page_count(self) -> int:
        return len(self.pages)


def union_bbox(boxes: list[BBox]) -> BBox | None:
    if not boxes:
        return None
    lefts, tops, rights, bottoms = zip(*boxes, strict=True)  # one pass, not four generators: the readers' hot spot
    return min(lefts), min(tops), max(rights), max(bottoms)
