"""Doubtful cells of scanned tables read again from the page image (extraction.ocr.read_regions)."""

import dataclasses
import io
import shutil
from decimal import Decimal

import pytest
from PIL import Image

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.loading import load_document
from extraction.ocr import DIGITS, join_split_numbers, read_missed, read_regions, words_from_data
from tests.fixtures_docs import SCAN_ROWS, PoSpec, render_po, scanned_table

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")


@needs_tesseract
def test_read_regions_reads_each_crop_apart() -> None:
    image, words = scanned_table()
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
    image, words = scanned_table()
    # the page OCR dropped a digit: '10' came out as '1', so 1 x 38.00 != 380.00
    misread = [dataclasses.replace(w, text="1", confidence=0.6) if w.text == "10" else w for w in words]
    page = Page(1, 1000, 260, misread, "ocr", image=image)
    items = HeuristicExtractor().extract(Document([page])).line_items
    assert [item.cells["quantity"].value for item in items] == [Decimal("10"), Decimal("250")]
    assert items[0].cells["description"].value == "Safety Gloves"
    # without the image nothing can be read again: the row's own arithmetic mends the digit dropped (one digit off:
    # 380.00 / 38.00)
    without = HeuristicExtractor().extract(Document([Page(1, 1000, 260, misread, "ocr")])).line_items
    assert without[0].cells["quantity"].value == Decimal("10")


@needs_tesseract
def test_a_misread_description_word_is_replaced_by_a_surer_reading() -> None:
    image, words = scanned_table()
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
    image, _ = scanned_table()
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


@needs_tesseract
def test_ink_no_word_covers_is_read_again_and_added_once() -> None:
    image, words = scanned_table()
    missed = [w for w in words if w.text in ("250", "Gloves")]
    found = read_missed(image, [w for w in words if w not in missed])
    assert sorted(w.text for w in found) == ["250", "Gloves"]
    for word in found:  # where it stands on the page
        twin = next(w for w in missed if w.text == word.text)
        assert abs(word.bbox[0] - twin.bbox[0]) < 0.01 and abs(word.bbox[1] - twin.bbox[1]) < 0.03
    assert read_missed(image, words) == []  # nothing left out, nothing read twice


def test_pieces_of_a_number_split_at_a_hair_gap_are_joined_but_spaced_numbers_are_not() -> None:
    height = 0.02
    six = Word("6", (0.50, 0.1, 0.51, 0.1 + height), 0.96)
    rest = Word("24,00", (0.5115, 0.1, 0.55, 0.1 + height), 0.8)  # a gap of a tenth of the height
    quantity = Word("24", (0.30, 0.1, 0.32, 0.1 + height), 0.9)
    unit = Word("25", (0.328, 0.1, 0.34, 0.1 + height), 0.9)  # a space apart: two numbers
    joined = join_split_numbers([quantity, six, unit, rest], aspect=1.0)
    assert [w.text for w in joined] == ["24", "624,00", "25"]
    assert joined[1].bbox == (0.50, 0.1, 0.55, 0.1 + height) and joined[1].confidence == 0.8


def test_a_bullet_read_as_another_mark_is_a_bullet_again_but_only_first_on_its_line() -> None:
    rows = [("+", 1, 10), ("Helpdesk:", 2, 30), ("12.50", 3, 120), ("Total", 1, 10), ("+", 2, 60), ("(VAT", 3, 80)]
    data = {
        "text": [t for t, _, _ in rows],
        "conf": [90] * len(rows),
        "left": [x for _, _, x in rows],
        "top": [10, 10, 10, 40, 40, 40],
        "width": [10, 60, 40, 40, 10, 30],
        "height": [12] * len(rows),
        "word_num": [n for _, n, _ in rows],
    }
    words = words_from_data(data, 400, 100)
    assert [w.text for w in words] == ["•", "Helpdesk:", "12.50", "Total", "+", "(VAT"]
    assert words[2].bbox == (120 / 400, 10 / 100, 160 / 400, 22 / 100) and words[2].confidence == 0.9


@needs_tesseract
def test_an_amount_whose_decimal_mark_every_reading_lost_is_mended_where_the_row_then_adds_up() -> None:
    """A soft 150 dpi scan prints '1 016,84' so that the page and each crop read '101684': the mark put back
    before the last two digits makes quantity x price = amount, and only there."""
    image, words = scanned_table([SCAN_ROWS[0], ("Safety Gloves", "10", "38.00", "38000"), SCAN_ROWS[2]], 200)
    items = HeuristicExtractor().extract(Document([Page(1, 1000, 200, words, "ocr", image=image)])).line_items
    assert [item.cells["amount"].value for item in items] == [Decimal("380.00"), Decimal("300.00")]
