"""Items whose numbers stand on the last line of their wrapped description, or on a line of their own under it:
the text lines between two items' numbers go to the item they belong to, told by the steps between the lines. And
a column of article numbers in brackets ('[7211]') under captions no reader knows is the SKU column."""

from __future__ import annotations

from extraction.heuristic import HeuristicExtractor
from tests.fixtures_docs import document_of_rows

HEADER = [(0.05, 0.10, "Item"), (0.15, 0.10, "Description"), (0.50, 0.10, "Qty"), (0.60, 0.10, "Unit Price"),
          (0.78, 0.10, "Amount")]  # fmt: skip
# (description lines, numbers): three items, each set apart by a wider step than its own lines
ITEMS = [
    (["Hex bolt M8 x 40", "zinc plated, DIN 933"], ("4", "2.50", "10.00")),
    (["Steel bracket", "powder coated", "RAL 9005"], ("10", "3.20", "32.00")),
    (["Cable tie 200 mm"], ("100", "0.05", "5.00")),
]


def _table(numbers_below: bool) -> list[tuple[float, float, str]]:
    rows, y = list(HEADER), 0.13
    for index, (text, (quantity, price, amount)) in enumerate(ITEMS):
        for offset, part in enumerate(text):
            rows.append((0.15, y + offset * 0.016, part))
        y += 0.016 * (len(text) - (0 if numbers_below else 1))
        if not numbers_below:
            rows.append((0.05, y, f"A-{index + 1}00"))
        rows += [(0.50, y, quantity), (0.60, y, price), (0.78, y, amount)]
        y += 0.024
    return rows


def _lines(numbers_below: bool) -> list[tuple[str, str, str]]:
    extraction = HeuristicExtractor().extract(document_of_rows(_table(numbers_below)), "purchase_order")
    return [
        (str(i.value("description")), str(i.value("quantity")), str(i.value("amount"))) for i in extraction.line_items
    ]


def test_numbers_on_the_last_line_of_a_wrapped_description_take_the_lines_above() -> None:
    assert _lines(False) == [(" ".join(text), q, a) for text, (q, _, a) in ITEMS]


def test_numbers_on_a_line_of_their_own_under_the_description_take_the_lines_above() -> None:
    assert _lines(True) == [(" ".join(text), q, a) for text, (q, _, a) in ITEMS]


def test_article_numbers_in_brackets_before_the_description_are_the_skus() -> None:
    rows = [(0.05, 0.10, "Varenr."), (0.15, 0.10, "Skildring"), (0.50, 0.10, "Mengd"), (0.60, 0.10, "Einingspris"),
            (0.78, 0.10, "Sum")]  # fmt: skip
    for index, (code, text, quantity, price, amount) in enumerate(
        [
            ("[7211]", "Kulelager 6205-2RS", "2", "3790.49", "7580.98"),
            ("[4579]", "Kabel PFXP", "25", "869.11", "21727.75"),
        ]
    ):
        y = 0.13 + index * 0.02
        rows += [(0.05, y, code), (0.15, y, text), (0.50, y, quantity), (0.60, y, price), (0.78, y, amount)]
    extraction = HeuristicExtractor().extract(document_of_rows(rows), "purchase_order")
    assert [(i.value("sku"), i.value("description")) for i in extraction.line_items] == [
        ("[7211]", "Kulelager 6205-2RS"),
        ("[4579]", "Kabel PFXP"),
    ]
