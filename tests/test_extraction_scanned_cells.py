"""Cells of scanned table rows read apart or together where print has them otherwise (`scanlines15`): a quantity
glued to its unit under the quantity's caption, a unit column under a caption OCR could not read, a roman numeral
ending a description read as strokes, a thousands space a scan widened. Hand-placed words."""

from decimal import Decimal
from typing import Literal

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.result import Extraction
from tests.fixtures_docs import CHAR, words_at

Cells = list[tuple[float, str]]


def _extract(
    lines: list[tuple[float, Cells]], confidence: float = 0.93, source: Literal["text", "ocr"] = "ocr"
) -> Extraction:
    words = [Word(w.text, w.bbox, confidence) for y, cells in lines for x, text in cells for w in words_at(text, x, y)]
    return HeuristicExtractor().extract(Document([Page(1, 2480, 3508, words, source)]), "purchase_order")


def _right(x1: float, text: str) -> tuple[float, str]:
    """A cell printed flush right, ending at x1."""
    return x1 - CHAR * len(text) - CHAR * text.count(" "), text


def _items(extraction: Extraction, *names: str) -> list[tuple[object, ...]]:
    return [tuple(item.value(name) for name in names) for item in extraction.line_items]


def test_a_quantity_glued_to_its_unit_under_the_quantitys_caption_is_split_into_both() -> None:
    # a merged 'Quantity / Unit' column printed '10 pcs'; the scan lost the narrow space: '10pcs'. The line number
    # before the description is no quantity, and '2m' inside the description stays text
    header = (0.30, [(0.06, "No."), (0.12, "Description"), (0.55, "Quantity"), (0.74, "Price"), (0.87, "Amount")])
    rows = [
        (0.33, [(0.06, "1"), (0.12, "Hydraulic hose 1/2in x 2m"), (0.56, "10pcs"), _right(0.79, "564.32"),
                _right(0.94, "5,643.20")]),
        (0.35, [(0.06, "2"), (0.12, "Cable tie 300mm black"), (0.56, "5pack"), _right(0.79, "91.93"),
                _right(0.94, "459.65")]),
        (0.37, [(0.06, "3"), (0.12, "Gear motor 0.75 kW"), (0.56, "100"), (0.59, "set"), _right(0.79, "567.87"),
                _right(0.94, "56,787.00")]),
    ]  # fmt: skip
    assert _items(_extract([header, *rows]), "description", "quantity", "unit") == [
        ("Hydraulic hose 1/2in x 2m", Decimal(10), "pcs"),
        ("Cable tie 300mm black", Decimal(5), "pack"),
        ("Gear motor 0.75 kW", Decimal(100), "set"),
    ]


def test_short_words_under_a_caption_ocr_could_not_read_beside_the_quantity_are_the_units() -> None:
    # a unit caption printed in three languages stacked ('Einh. / U. / U.M') reads as no known word: its column
    # of short words right of the quantity is the unit's
    header = (0.30, [(0.07, "Code"), (0.17, "Description"), (0.55, "Qty"), (0.60, "Xq.Vw"), (0.72, "Price"),
                     (0.86, "Amount")])  # fmt: skip
    rows = [
        (0.33, [(0.07, "7787/17"), (0.17, "Hex bolt M12x60"), _right(0.58, "10"), (0.60, "Stk"), _right(0.78, "268.41"),
                _right(0.93, "2684.10")]),
        (0.35, [(0.07, "6530/31"), (0.17, "Cable tray 200 mm"), _right(0.58, "12"), (0.60, "m"), _right(0.78, "349.64"),
                _right(0.93, "4195.68")]),
        (0.37, [(0.07, "9909/72"), (0.17, "Gloves nitrile"), _right(0.58, "8"), (0.60, "Paar"), _right(0.78, "53.59"),
                _right(0.93, "428.72")]),
    ]  # fmt: skip
    assert _items(_extract([header, *rows]), "quantity", "unit") == [
        (Decimal(10), "Stk"),
        (Decimal(12), "m"),
        (Decimal(8), "Paar"),
    ]


HEADER = (0.30, [(0.07, "Code"), (0.17, "Description"), (0.52, "Qty"), (0.58, "Unit"), (0.70, "Price"),
                 (0.86, "Amount")])  # fmt: skip


def _unit_row(y: float, code: str, text: str, qty: str, unit: str, price: str, amount: str) -> tuple[float, Cells]:
    return y, [(0.07, code), (0.17, text), _right(0.56, qty), (0.58, unit), _right(0.78, price), _right(0.93, amount)]


def test_a_roman_numeral_ending_a_description_read_as_strokes_is_the_numeral_again() -> None:
    rows = [
        _unit_row(0.33, "A-1", "Hex bolt M12x60 galvanised Il", "10", "pcs", "2.50", "25.00"),
        _unit_row(0.35, "A-2", "Nitrile gloves T9 li", "4", "pair", "3.00", "12.00"),
        _unit_row(0.37, "A-3", "Copper tube 15 mm 11", "2", "m", "4.00", "8.00"),  # digits: a number stays
    ]
    assert [d for (d,) in _items(_extract([HEADER, *rows]), "description")] == [
        "Hex bolt M12x60 galvanised II",
        "Nitrile gloves T9 II",
        "Copper tube 15 mm 11",
    ]


def test_a_unit_it_of_a_row_ocr_read_at_full_confidence_is_lt_but_a_text_layers_is_as_printed() -> None:
    # Tesseract reads a clean binarised page at full confidence; one word of the row less sure tells it was read
    rows = [_unit_row(0.33, "H-46", "Hydraulic oil 46", "100", "It", "1.25", "125.00")]
    lines = [HEADER, *rows]
    words = [Word(w.text, w.bbox, 1.0) for y, cells in lines for x, text in cells for w in words_at(text, x, y)]
    words = [Word(w.text, w.bbox, 0.91) if w.text == "oil" else w for w in words]
    read = HeuristicExtractor().extract(Document([Page(1, 2480, 3508, words, "ocr")]), "purchase_order")
    assert _items(read, "unit") == [("lt",)]
    assert _items(_extract(lines, confidence=1.0, source="text"), "unit") == [("It",)]


def test_a_thousands_space_a_scan_widened_still_joins_the_amount_where_the_row_adds_up() -> None:
    # '5 734,80': the scan's space is 1.3 letters wide; read apart, '5' would shift every number a column left
    header = (0.30, [(0.06, "Pos."), (0.12, "Description"), (0.55, "Qty"), (0.60, "Unit"), (0.72, "Price"),
                     (0.86, "Amount")])  # fmt: skip
    rows = [
        (0.33, [(0.06, "1"), (0.12, "Hex bolt M10x40"), _right(0.58, "10"), (0.60, "ks"), _right(0.80, "573,48"),
                (0.93 - 6 * CHAR - 2.3 * CHAR, "5"), (0.93 - 6 * CHAR, "734,80")]),
        (0.35, [(0.06, "2"), (0.12, "Cable tray 200 mm"), _right(0.58, "4"), (0.60, "m"), _right(0.80, "146,01"),
                _right(0.93, "584,04")]),
    ]  # fmt: skip
    assert _items(_extract([header, *rows]), "quantity", "unit_price", "amount") == [
        (Decimal(10), Decimal("573.48"), Decimal("5734.80")),
        (Decimal(4), Decimal("146.01"), Decimal("584.04")),
    ]


def test_a_number_ocr_cut_after_its_decimal_mark_is_one_number_again() -> None:
    # a scan whose commas print wide: '14 190,78' read '14' '190,' '78', '178,37' read '178,' '37'; apart, the
    # price read as its decimals alone ('78') and the part before the mark as no number
    header = (0.30, [(0.06, "No."), (0.12, "Description"), (0.55, "Qty"), (0.60, "Unit"), (0.72, "Price"),
                     (0.86, "Amount")])  # fmt: skip
    rows = [
        (0.33, [(0.06, "1"), (0.12, "Work gloves"), _right(0.58, "5"), (0.60, "pair"), _right(0.80, "14 190, 78"),
                _right(0.93, "70 953,90")]),
        (0.35, [(0.06, "2"), (0.12, "Hex bolt M12x80"), _right(0.58, "2"), (0.60, "pcs"), _right(0.80, "178, 37"),
                _right(0.93, "356,74")]),
        (0.37, [(0.06, "3"), (0.12, "Cement bag"), _right(0.58, "4"), (0.60, "bag"), _right(0.80, "408,44"),
                _right(0.93, "1 633, 76")]),
    ]  # fmt: skip
    assert _items(_extract([header, *rows]), "quantity", "unit_price", "amount") == [
        (Decimal(5), Decimal("14190.78"), Decimal("70953.90")),
        (Decimal(2), Decimal("178.37"), Decimal("356.74")),
        (Decimal(4), Decimal("408.44"), Decimal("1633.76")),
    ]
