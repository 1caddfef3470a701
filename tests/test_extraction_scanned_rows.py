"""Scanned tables the extractor met on blind7 dev (scanlines11).

Tables in a currency without minor units (forints, yen): whole amounts, no header the extractor can read. A line's
quantity, price and amount are found by arithmetic; an amount printed without cents counts only on a line with no
cents anywhere, of at least three digits, and only when quantity times price gives it exactly.

A scanned header word in no vocabulary ('Less'), read confidently and standing apart, heads a column as on a
born-digital page.
"""

from decimal import Decimal

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.heuristic.geometry import row_arithmetic
from extraction.layout import Line
from extraction.rates import read_rates
from extraction.result import Extraction
from tests.fixtures_docs import words_at


def _line(cells: list[tuple[float, str]]) -> Line:
    return Line([w for x, text in cells for w in words_at(text, x, 0.3)])


def _scanned_items(rows: list[tuple[float, list[tuple[float, str]]]]) -> list[tuple[object, object, object]]:
    """(quantity, price, amount) of each line item read from a scanned page of hand-placed words."""
    words = [w for y, cells in rows for x, text in cells for w in words_at(text, x, y)]
    extraction = HeuristicExtractor().extract(Document([Page(1, 1240, 1754, words, "ocr")]), "purchase_order")
    return [(i.value("quantity"), i.value("unit_price"), i.value("amount")) for i in extraction.line_items]


def test_whole_amounts_of_an_unlabelled_scanned_table_are_read() -> None:
    rows = [
        (0.30, [(0.07, "3425/91"), (0.17, "Csavar M10x40"), (0.65, "50"), (0.68, "db")]),
        (0.32, [(0.07, "8262/36"), (0.17, "Kabeltalca 200 mm"), (0.65, "40"), (0.68, "m")]),
        (0.34, [(0.07, "9048/24"), (0.17, "Olaj HLP 46"), (0.65, "12"), (0.68, "l")]),
    ]
    money = [[(0.76, "121 800"), (0.86, "6 090 000")], [(0.76, "339 650"), (0.85, "13 586 000")]]
    money.append([(0.77, "65 320"), (0.87, "783 840")])
    rows = [(y, cells + priced) for (y, cells), priced in zip(rows, money, strict=True)]
    assert _scanned_items(rows) == [
        (Decimal(50), Decimal(121800), Decimal(6090000)),
        (Decimal(40), Decimal(339650), Decimal(13586000)),
        (Decimal(12), Decimal(65320), Decimal(783840)),
    ]


def test_a_whole_amount_needs_an_exact_product_of_three_digits_on_a_line_without_cents() -> None:
    assert row_arithmetic(_line([(0.1, "Widget"), (0.6, "4"), (0.7, "250"), (0.8, "1000")]), None) is not None
    assert row_arithmetic(_line([(0.1, "Widget"), (0.6, "4"), (0.7, "250"), (0.8, "1001")]), None) is None
    assert row_arithmetic(_line([(0.1, "Clause"), (0.6, "2"), (0.7, "3"), (0.8, "6")]), None) is None  # too small
    # cents elsewhere on the line: the currency has minor units, a whole number there is no amount
    assert (
        row_arithmetic(_line([(0.1, "Widget"), (0.5, "4"), (0.6, "250"), (0.7, "1000"), (0.8, "12.50")]), None) is None
    )


def test_a_scanned_header_word_in_no_vocabulary_still_heads_its_column() -> None:
    # 'Less' (a discount amount) names no known column: read confidently by OCR, standing apart, it still heads the
    # column under it, so its values do not push the price into the quantity
    header = [
        (0.07, "Particulars"),
        (0.53, "Order Qty"),
        (0.60, "UOM"),
        (0.71, "Price"),
        (0.80, "Less"),
        (0.89, "Amount"),
    ]
    cells = [
        ["Plasterboard 13 mm edge", "46.75", "m2", "294.40", "1,032.24", "12,730.96"],
        ["Labour - carpenter", "147.5", "hrs", "565.92", "2,504.20", "80,969.00"],
        ["Acoustic ceiling tile", "5.89", "m2", "124.39", "14.65", "718.01"],
    ]
    xs = (0.07, 0.56, 0.60, 0.70, 0.77, 0.88)
    rows = [(0.30, header)] + [(0.33 + 0.02 * i, list(zip(xs, texts, strict=True))) for i, texts in enumerate(cells)]
    assert _scanned_items(rows) == [
        (Decimal("46.75"), Decimal("294.40"), Decimal("12730.96")),
        (Decimal("147.5"), Decimal("565.92"), Decimal("80969.00")),
        (Decimal("5.89"), Decimal("124.39"), Decimal("718.01")),
    ]


def test_a_rate_sentence_wrapped_after_its_linking_word_on_a_scan_keeps_its_unit() -> None:
    # OCR boxes hug the ink: the line's last word 'za' has no ascenders, its box starts lower than its neighbours',
    # yet the next line's 'kilometr.' goes on the same sentence (no short heading line ends there)
    lines = [
        (0.100, "Za dojazd do obiektu przysługuje wynagrodzenie w wysokości 829,29 PLN za", "kilometr."),
        (0.140, "Za pracę serwisanta przysługuje wynagrodzenie w wysokości 3 147,05 PLN za", "godzinę."),
    ]
    words = []
    for y, first, second in lines:
        row = words_at(first, 0.10, y)
        row[-1] = Word("za", (row[-1].bbox[0], y + 0.004, row[-1].bbox[2], y + 0.012))  # x-high only
        words += [*row, *words_at(second, 0.10, y + 0.016)]
    doc = Document([Page(1, 1240, 1754, words, "ocr")])
    extraction = Extraction(doc_type="contract", page_count=1)
    read_rates(doc, extraction)
    got = [(i.value("description"), i.value("unit"), i.value("unit_price")) for i in extraction.line_items]
    assert got == [
        ("dojazd do obiektu", "kilometr", Decimal("829.29")),
        ("pracę serwisanta", "godzinę", Decimal("3147.05")),
    ]


def test_a_quantity_read_glued_to_its_unit_in_the_unit_column_is_split_into_both() -> None:
    # 'Miktar' / 'Birim' (quantity / unit): a scan lost the narrow space of '6 m', so '6m' stands in the unit's column
    # and the quantity's is empty; quantity x price = amount says the 6 is the quantity
    header = [(0.07, "Description"), (0.50, "Qty"), (0.58, "Unit"), (0.70, "Price"), (0.85, "Amount")]
    cells = [
        ["Cable tray 200 mm", "", "6m", "1776.43", "10658.58"],
        ["Hex bolt M12", "20", "pcs", "1341.71", "26834.20"],
    ]
    xs = (0.07, 0.51, 0.58, 0.70, 0.85)
    rows = [(0.30, header)] + [
        (0.33 + 0.02 * i, [(x, t) for x, t in zip(xs, texts, strict=True) if t]) for i, texts in enumerate(cells)
    ]
    words = [w for y, cells_ in rows for x, text in cells_ for w in words_at(text, x, y)]
    extraction = HeuristicExtractor().extract(Document([Page(1, 1240, 1754, words, "ocr")]), "purchase_order")
    first = extraction.line_items[0]
    assert (first.value("quantity"), first.value("unit")) == (Decimal(6), "m")
