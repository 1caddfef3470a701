"""A scan read turned (fed upside down, or levelled) is shown to reviewers turned the same way, so that the boxes of
its words and values, fractions of the page as read, land on them."""

from __future__ import annotations

import io
import shutil

import numpy as np
import pytest
from PIL import Image, ImageDraw

from extraction.loading import load_document, render_page_png, turn_page
from extraction.ocr import level_turn, prepare_scan_levelled
from tests.test_extraction_loading import _printed_scan

LINES = [
    "Purchase Order 4711 from Harbour Tools Limited",
    "Item Description Quantity Price Amount",
    "1 Hex bolt M8 x 40 zinc plated 200 0.35 70.00",
    "2 Cable ties black 300 mm 50 2.10 105.00",
    "Payment within thirty days of the invoice date.",
]
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _ink_share(image: Image.Image, bbox: list[float] | tuple[float, ...]) -> float:
    """The share of dark pixels inside a box given as fractions of the image."""
    grey = np.asarray(image.convert("L"))
    h, w = grey.shape
    x0, y0, x1, y1 = bbox
    region = grey[int(y0 * h) : max(int(y1 * h), int(y0 * h) + 1), int(x0 * w) : max(int(x1 * w), int(x0 * w) + 1)]
    return float((region < 128).mean())


def test_render_page_png_turns_the_page_as_it_was_read() -> None:
    page = Image.new("L", (300, 400), 255)
    ImageDraw.Draw(page).rectangle((10, 10, 60, 40), fill=0)  # a mark at the top left
    shown = Image.open(io.BytesIO(render_page_png(_png(page), 1, dpi=300, rotation=180)))
    assert shown.size == page.size
    assert _ink_share(shown, (0.82, 0.9, 0.96, 0.97)) > 0.9  # turned round: now at the bottom right
    assert _ink_share(shown, (0.04, 0.03, 0.2, 0.1)) == 0.0
    as_sent = Image.open(io.BytesIO(render_page_png(_png(page), 1, dpi=300)))
    assert np.array_equal(np.asarray(as_sent.convert("L")), np.asarray(page))


def test_a_page_is_shown_levelled_as_it_was_read() -> None:
    """The page shown is levelled by the angle the scan was levelled by, at any size: the same fractions."""
    lines = Image.new("L", (800, 1000), 255)
    draw = ImageDraw.Draw(lines)
    for y in range(100, 900, 40):
        draw.rectangle((100, y, 700, y + 8), fill=0)
    tilted = lines.rotate(2.0, resample=Image.Resampling.BICUBIC, fillcolor=255)
    read, skew = prepare_scan_levelled(tilted, level=True, flatten=False)
    assert abs(skew + 2.0) <= 0.3  # levelled back by about two degrees
    assert np.array_equal(np.asarray(read), np.asarray(level_turn(tilted, skew)))
    small = tilted.resize((400, 500))
    shown = turn_page(small, 0, skew)
    assert np.abs(np.asarray(shown, dtype=float) - np.asarray(read.resize((400, 500)), dtype=float)).mean() < 6


@pytest.mark.slow
@needs_tesseract
def test_an_upside_down_scan_is_a_page_turned_round() -> None:
    upright = _printed_scan(LINES)
    page = load_document(_png(upright.rotate(180)), "scan.png").pages[0]
    assert page.rotation == 180 and page.source == "ocr"
    title = next(w for w in page.words if w.text == "Purchase")
    assert title.bbox[1] < 0.2  # the boxes are those of the page turned round: title at the top
    assert load_document(_png(upright), "scan.png").pages[0].rotation == 0


@pytest.mark.slow
@needs_tesseract
def test_page_png_shows_an_upside_down_scan_upright_under_its_boxes(settings, db_url) -> None:
    from ledgerlens.services.documents import get_document, page_png, process_document, store_upload
    from store.db import session_scope

    settings.extractor = "heuristic"
    upright = _printed_scan(LINES)
    with session_scope(db_url) as s:
        doc_id = store_upload(s, settings, _png(upright.rotate(180)), "po.png", "purchase_order", "ACME").document_id
    assert process_document(settings, doc_id) == "done"
    with session_scope(db_url) as s:
        record = get_document(s, doc_id)
        shown = Image.open(io.BytesIO(page_png(settings, record, 1)))
        (entry,) = record.words
        boxes = {w["text"]: w["bbox"] for w in entry["words"]}
    assert entry["rotation"] == 180
    # the reviewer sees the page upright, the one it was read as ...
    same = upright.resize(shown.size).convert("L")
    assert np.abs(np.asarray(shown.convert("L"), dtype=float) - np.asarray(same, dtype=float)).mean() < 3
    # ... so a word's box (a value's highlight) lies on its ink, not on blank paper
    for text in ("Purchase", "Harbour", "Payment", "105.00"):
        assert _ink_share(shown, boxes[text]) > 0.1, text
        x0, y0, x1, y1 = boxes[text]
        assert _ink_share(shown, (1 - x1, 1 - y1, 1 - x0, 1 - y0)) < _ink_share(shown, boxes[text]) / 2, text
