"""Scanned line items: spaces OCR ran over inside a word, and units Tesseract misreads alike on every row."""

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest
from PIL import Image, ImageDraw, ImageFont

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.heuristic import reread as reread_module
from extraction.ocr import spaces_restored
from tests.fixtures_docs import SCAN_FONT, scanned_table


def _printed(text: str, size: int = 22) -> tuple[Image.Image, Word]:
    """``text`` drawn on a 200 dpi-like strip, read as one word (its spaces lost) over all its ink."""
    image = Image.new("L", (600, 60), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(SCAN_FONT, size)
    left, top, right, bottom = draw.textbbox((20, 15), text, font=font)
    draw.text((20, 15), text, font=font, fill=0)
    word = Word(text.replace(" ", ""), (left / 600, top / 60, right / 600, bottom / 60), 0.88)
    return image, word


def test_a_space_run_over_between_digits_and_letters_is_put_back() -> None:
    for printed, pieces in (("3 m", ["3", "m"]), ("50 mm x 6 m", ["50", "mm", "x", "6", "m"]), ("74 kg", ["74", "kg"])):
        image, word = _printed(printed)
        out = spaces_restored([word], image)
        assert [w.text for w in out] == pieces, printed
        # the pieces stand left to right inside the word's box, apart
        assert all(a.bbox[2] < b.bbox[0] for a, b in zip(out, out[1:], strict=False))
        assert out[0].bbox[0] == word.bbox[0] and out[-1].bbox[2] == word.bbox[2]


def test_words_printed_whole_and_words_of_one_kind_are_left_as_read() -> None:
    # printed without a space: a code, a size, a decimal ('2,5mm2'), a number whose '1' stands apart
    for printed in ("10mm", "M12x80", "2,5mm2", "15W-40", "1 0", "T O T A L", "Tôle"):
        image, word = _printed(printed)
        assert spaces_restored([word], image) == [word], printed


def _units_table() -> tuple[Image.Image, list[Word]]:
    rows = [
        ("Description", "Qty", "Unit", "Amount"),
        ("Safety Gloves", "10", "pcs", "380.00"),
        ("Hex Bolt", "250", "pcs", "300.00"),
    ]
    return scanned_table(rows)


def test_no_cut_is_made_beside_a_narrow_one() -> None:
    # a proportional '1' stands a space's width from the letter before it on some fonts ('M12x60' at 200 dpi):
    # drawn here as 'M' and '12x60' that far apart, read as the one word printed
    image = Image.new("L", (600, 60), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(SCAN_FONT, 22)
    left, top, m_right, bottom = draw.textbbox((20, 15), "M", font=font)
    draw.text((20, 15), "M", font=font, fill=0)
    _, _, right, _ = draw.textbbox((m_right + 10, 15), "12x60", font=font)
    draw.text((m_right + 10, 15), "12x60", font=font, fill=0)
    word = Word("M12x60", (left / 600, top / 60, right / 600, bottom / 60), 0.9)
    assert spaces_restored([word], image) == [word]
    # the same blank before a wide digit is a space
    image = Image.new("L", (600, 60), 255)
    draw = ImageDraw.Draw(image)
    draw.text((20, 15), "M", font=font, fill=0)
    _, _, right, _ = draw.textbbox((m_right + 10, 15), "52x60", font=font)
    draw.text((m_right + 10, 15), "52x60", font=font, fill=0)
    word = Word("M52x60", (left / 600, top / 60, right / 600, bottom / 60), 0.9)
    assert [w.text for w in spaces_restored([word], image)] == ["M", "52x60"]


def _inside(words: list[Word], box: tuple[int, int, int, int]) -> list[Word]:
    x0, y0, x1, y1 = box
    return [w for w in words if x0 <= w.bbox[0] * 1000 and w.bbox[2] * 1000 <= x1 and y0 <= w.bbox[1] * 260 <= y1]


class _Reads:
    """A second reader reading each crop as the words the page printed there (confidence 0.99)."""

    def __init__(self, words: list[Word]) -> None:
        self.words, self.crops = words, 0

    def read(self, image: Image.Image, boxes: list[tuple[int, int, int, int]]) -> list[list[tuple[str, float]]]:
        self.crops += len(boxes)
        return [[(w.text, 0.99) for w in _inside(self.words, box)] for box in boxes]


def _reads_as_page(page_words: list[Word]) -> Callable[..., list[list[list[tuple[str, float]]]]]:
    """Tesseract's re-read of crops reading what the page read there (it misreads alike): one reading per variant."""

    def read(image: Image.Image, boxes: list[tuple[int, int, int, int]], *variants: object, **_: object) -> Any:
        return [[[(w.text, w.confidence) for w in _inside(page_words, box)]] * (3 if variants else 1) for box in boxes]

    return read


def _units(words: list[Word], image: Image.Image) -> list[str]:
    items = HeuristicExtractor().extract(Document([Page(1, 1000, 260, words, "ocr", image=image)])).line_items
    return [str(item.cells["unit"].value) for item in items]


def test_a_unit_misread_alike_on_every_row_is_taken_from_the_second_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    image, words = _units_table()
    # 'pcs' read 'pes' on each row, fairly sure (0.88: above the description's second-reading bar), its crop alike
    misread = [dataclasses.replace(w, text="pes", confidence=0.88) if w.text == "pcs" else w for w in words]
    monkeypatch.setattr(reread_module, "read_regions", _reads_as_page(misread))
    second = _Reads(words)
    monkeypatch.setattr(reread_module, "second_reader", lambda: second)
    assert _units(misread, image) == ["pcs", "pcs"]
    assert second.crops == 2  # the two unit cells only
    # a unit Tesseract read surely is not read again
    sure = [dataclasses.replace(w, confidence=0.96) for w in misread]
    second.crops = 0
    assert _units(sure, image) == ["pes", "pes"]
    assert second.crops == 0


def test_a_unit_the_second_reader_takes_for_a_digit_is_left_as_read(monkeypatch: pytest.MonkeyPatch) -> None:
    # the litre's 'l', a bare stroke: PP-OCR reads it '1' surer than Tesseract's 'l'; a unit is written in letters
    rows = [("Description", "Qty", "Unit", "Amount"), ("Diesel additive", "75", "l", "419.25")]
    image, words = scanned_table(rows)
    unsure = [dataclasses.replace(w, confidence=0.88) if w.text == "l" else w for w in words]
    monkeypatch.setattr(reread_module, "read_regions", _reads_as_page(unsure))
    second = _Reads([dataclasses.replace(w, text="1") if w.text == "l" else w for w in words])
    monkeypatch.setattr(reread_module, "second_reader", lambda: second)
    assert _units(unsure, image) == ["l"]
    assert second.crops == 1
