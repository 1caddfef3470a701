"""Doubtful cells of scanned tables read again from the page image (extraction.ocr.read_regions)."""

import dataclasses
import io
import shutil
from decimal import Decimal

import pytest
from PIL import Image, ImageDraw, ImageFont

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.loading import load_document
from extraction.ocr import DIGITS, read_regions
from tests.fixtures_docs import PoSpec, render_po

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

ROWS = [
    ("Description", "Qty", "Unit Price", "Amount"),
    ("Safety Gloves", "10", "38.00", "380.00"),
    ("Hex Bolt", "250", "1.20", "300.00"),
]
COLUMNS_X = (40, 420, 560, 740)


def _scanned_table() -> tuple[Image.Image, list[Word]]:
    """A small table drawn as a 200 dpi scan would show it, with the words an OCR would give."""
    image = Image.new("L", (1000, 260), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 22)
    words: list[Word] = []
    for row_index, cells in enumerate(ROWS):
        y = 40 + 60 * row_index
        for x, cell in zip(COLUMNS_X, cells, strict=True):
            for token in cell.split():
                left, top, right, bottom = draw.textbbox((x, y), token, font=font)
                draw.text((x, y), token, font=font, fill=0)
                words.append(Word(token, (left / 1000, top / 260, right / 1000, bottom / 260), 0.96))
                x = right + 8
    return image, words


@needs_tesseract
def test_read_regions_reads_each_crop_apart() -> None:
    image, words = _scanned_table()
    to_pixels = [tuple(round(v * s) + d for v, s, d in zip(w.bbox, (1000, 260, 1000, 260), (-6, -6, 6, 6), strict=True))
                 for w in words if w.text in ("380.00", "250")]  # fmt: skip
    readings = read_regions(image, to_pixels, DIGITS, ("grey", "otsu"))
    assert [[[text for text, _ in variant] for variant in crop] for crop in readings] == [
        [["380.00"], ["380.00"]],
        [["250"], ["250"]],
    ]
    assert all(0 < conf <= 1 for crop in readings for variant in crop for _, conf in variant)


@needs_tesseract
def test_a_misread_quantity_is_read_again_until_the_row_adds_up() -> None:
    image, words = _scanned_table()
    # the page OCR dropped a digit: '10' came out as '1', so 1 x 38.00 != 380.00
    misread = [dataclasses.replace(w, text="1", confidence=0.6) if w.text == "10" else w for w in words]
    page = Page(1, 1000, 260, misread, "ocr", image=image)
    items = HeuristicExtractor().extract(Document([page])).line_items
    assert [item.cells["quantity"].value for item in items] == [Decimal("10"), Decimal("250")]
    assert items[0].cells["description"].value == "Safety Gloves"
    # without the image nothing can be read again: the misread stays (and the row is flagged)
    without = HeuristicExtractor().extract(Document([Page(1, 1000, 260, misread, "ocr")])).line_items
    assert without[0].cells["quantity"].value == Decimal("1")


@needs_tesseract
def test_a_misread_description_word_is_replaced_by_a_surer_reading() -> None:
    image, words = _scanned_table()
    misread = [dataclasses.replace(w, text="Satety", confidence=0.5) if w.text == "Safety" else w for w in words]
    items = HeuristicExtractor().extract(Document([Page(1, 1000, 260, misread, "ocr", image=image)])).line_items
    assert items[0].cells["description"].value == "Safety Gloves"


def test_only_ocr_pages_keep_their_image() -> None:
    text_layer = load_document(render_po(PoSpec()))
    assert all(page.image is None for page in text_layer.pages)
    # the image is no part of a page's identity or repr
    a, b = Page(1, 10, 10, [], "ocr", image=Image.new("L", (10, 10))), Page(1, 10, 10, [], "ocr")
    assert a == b and "image" not in repr(a)


@pytest.mark.slow
@needs_tesseract
def test_scanned_page_keeps_the_image_its_words_were_read_from() -> None:
    image, _ = _scanned_table()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    page = load_document(buffer.getvalue(), "scan.png").pages[0]
    assert page.source == "ocr" and page.image is not None
    assert page.image.size == (1000, 260) and page.image.mode == "L"


def test_ocr_zero_in_a_po_prefix_is_the_letter() -> None:
    words = [("P.O.", 40, 0.9), ("Number:", 100, 0.9), ("P0181585", 220, 0.9)]
    page = Page(1, 1000, 260, [Word(t, (x / 1000, 0.1, (x + 90) / 1000, 0.13), c) for t, x, c in words], "ocr")
    assert HeuristicExtractor().extract(Document([page])).fields["po_number"].value == "PO181585"
    # a text layer is exact: what it prints stands
    exact = [Word(w.text, w.bbox, 1.0) for w in page.words]
    assert HeuristicExtractor().extract(Document([Page(1, 1000, 260, exact)])).fields["po_number"].value == "P0181585"
