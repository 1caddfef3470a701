"""Tables found by their arithmetic under captions no reader knows: a column of whole numbers beside one of prices
printing three decimals is the quantity, whichever stands first."""

from __future__ import annotations

from extraction.heuristic import HeuristicExtractor
from tests.fixtures_docs import document_of_rows

UNKNOWN = [(0.05, 0.10, "Zorbel"), (0.40, 0.10, "Plimt"), (0.55, 0.10, "Drosk"), (0.78, 0.10, "Vunt")]


def _items(rows: list[tuple[float, float, str]]) -> list[tuple[str, str, str]]:
    extraction = HeuristicExtractor().extract(document_of_rows(rows), "purchase_order")
    return [(str(i.value("description")), str(i.value("quantity")), str(i.value("unit_price")))
            for i in extraction.line_items]  # fmt: skip


def test_whole_numbers_beside_three_decimal_prices_are_the_quantities() -> None:
    rows = list(UNKNOWN)
    items = [("Hex bolt M8", "2079.955", "3", "6239.87"), ("Steel bracket", "2458.805", "5", "12294.03"),
             ("Cable tie 200 mm", "12.125", "4", "48.50")]  # fmt: skip
    for index, (text, price, quantity, amount) in enumerate(items):
        y = 0.13 + index * 0.02
        rows += [(0.05, y, text), (0.40, y, price), (0.55, y, quantity), (0.78, y, amount)]
    assert _items(rows) == [(text, quantity, price) for text, price, quantity, _ in items]
