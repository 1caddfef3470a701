"""Order lines on unseen layouts, long tables (the wide table space showed the class; captions are made-up words):
a delivery date under an item that reaches the quantity column does not end the table."""

from decimal import Decimal

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.result import Extraction
from tests.fixtures_docs import words_at

Lines = list[tuple[float, list[tuple[float, str]]]]


def _words(lines: Lines) -> list[Word]:
    return [w for y, cells in lines for x, text in cells for w in words_at(text, x, y)]


def _row(y: float, n: int, description: str, quantity: str, price: str, amount: str) -> tuple[float, list]:
    return (y, [(0.05, str(n)), (0.10, f"QK-{n}0417"), (0.22, description), (0.50, quantity), (0.62, price),
                (0.80, amount)])  # fmt: skip


def test_a_delivery_date_reaching_the_quantity_column_does_not_end_a_table_over_two_pages() -> None:
    # an item's delivery line ('Lvrx: 19.11.2026') reaches into the quantity column, a note follows: the
    # date is the sub-line's, no value of the row's columns, so the items after it (and on page 2) are read
    first = [
        (0.08, [(0.07, "Ironbridge Pharma KG")]),
        (0.20, [(0.05, "Xk."), (0.10, "Wrtzl"), (0.22, "Vbnq"), (0.50, "Trz"), (0.62, "Plok"), (0.80, "Zmb")]),
        _row(0.23, 1, "Copper wire", "10", "4,00", "40,00"),
        _row(0.25, 2, "Torque wrench", "3", "12,50", "37,50"),
        (0.264, [(0.22, "set of five")]),
        (0.278, [(0.40, "Lvrx: 19.11.2026")]),
        (0.294, [(0.40, "packed in pairs")]),
        _row(0.312, 3, "Cable tie", "100", "0,20", "20,00"),
        _row(0.332, 4, "Gasket kit", "2", "7,25", "14,50"),
    ]
    second = [
        (0.05, [(0.07, "PO-428392")]),
        _row(0.08, 5, "Hex bolt", "50", "0,30", "15,00"),
        _row(0.10, 6, "Steel sheet", "4", "22,00", "88,00"),
    ]
    document = Document([Page(1, 595, 842, _words(first), "text"), Page(2, 595, 842, _words(second), "text")])
    extraction: Extraction = HeuristicExtractor().extract(document, "purchase_order")
    assert [(i.value("sku"), i.value("quantity"), i.value("amount")) for i in extraction.line_items] == [
        ("QK-10417", Decimal("10"), Decimal("40.00")),
        ("QK-20417", Decimal("3"), Decimal("37.50")),
        ("QK-30417", Decimal("100"), Decimal("20.00")),
        ("QK-40417", Decimal("2"), Decimal("14.50")),
        ("QK-50417", Decimal("50"), Decimal("15.00")),
        ("QK-60417", Decimal("4"), Decimal("88.00")),
    ]
