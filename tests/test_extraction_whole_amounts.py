"""Tables in a currency without minor units (forints, yen): whole amounts, no header the extractor can read.

A line's quantity, price and amount are found by arithmetic; an amount printed without cents counts only on a line
with no cents anywhere, of at least three digits, and only when quantity times price gives it exactly.
"""

from decimal import Decimal

from extraction.document import Document, Page
from extraction.heuristic import HeuristicExtractor
from extraction.heuristic.geometry import row_arithmetic
from extraction.layout import Line
from tests.fixtures_docs import words_at


def _line(cells: list[tuple[float, str]]) -> Line:
    return Line([w for x, text in cells for w in words_at(text, x, 0.3)])


def test_whole_amounts_of_an_unlabelled_scanned_table_are_read() -> None:
    rows = [
        (0.30, [(0.07, "3425/91"), (0.17, "Csavar M10x40"), (0.65, "50"), (0.68, "db")]),
        (0.32, [(0.07, "8262/36"), (0.17, "Kabeltalca 200 mm"), (0.65, "40"), (0.68, "m")]),
        (0.34, [(0.07, "9048/24"), (0.17, "Olaj HLP 46"), (0.65, "12"), (0.68, "l")]),
    ]
    money = [[(0.76, "121 800"), (0.86, "6 090 000")], [(0.76, "339 650"), (0.85, "13 586 000")]]
    money.append([(0.77, "65 320"), (0.87, "783 840")])
    rows = [(y, cells + priced) for (y, cells), priced in zip(rows, money, strict=True)]
    words = [w for y, cells in rows for x, text in cells for w in words_at(text, x, y)]
    extraction = HeuristicExtractor().extract(Document([Page(1, 1240, 1754, words, "ocr")]), "purchase_order")
    got = [(i.value("quantity"), i.value("unit_price"), i.value("amount")) for i in extraction.line_items]
    assert got == [
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
