"""Text lines right over an item's numbers line that are its description's first lines: where a table holds one
item (or a section one), no run between two items tells the table's habit; the wrapping does. A description goes
on on the next line only when the next word had no room, so lines that end full and start where the numbers
line's text starts are one description; a heading or a sub-header over the item leaves room at its end."""

from __future__ import annotations

from extraction.heuristic import HeuristicExtractor
from extraction.heuristic.parts import Column, RowDraft
from tests.fixtures_docs import document_of_rows, words_at

HEADER = [(0.05, 0.10, "Pos"), (0.10, 0.10, "Item"), (0.20, 0.10, "Description"), (0.52, 0.10, "Qty"),
          (0.62, 0.10, "Unit Price"), (0.80, 0.10, "Amount")]  # fmt: skip
STEP = 0.016


def _item(y: float, text: list[str], numbers_at: int, code: str, numbers: tuple[str, str, str], position: str = ""):
    """An item's rows: its description's lines from ``y``, the code and numbers on line ``numbers_at``, its line
    number (if any) on its first line."""
    rows = [(0.20, y + k * STEP, part) for k, part in enumerate(text)]
    at = y + numbers_at * STEP
    rows += [(0.10, at, code), (0.52, at, numbers[0]), (0.62, at, numbers[1]), (0.80, at, numbers[2])]
    return rows + ([(0.05, y, position)] if position else [])


def _lines(rows: list[tuple[float, float, str]]) -> list[tuple[str, str]]:
    extraction = HeuristicExtractor().extract(document_of_rows(HEADER + rows), "purchase_order")
    return [(str(i.value("description")), str(i.value("amount"))) for i in extraction.line_items]


# three lines wrapped at 30 characters: each ends with no room for the next line's first word
WRAPPED = ["Hex bolt M8 x 40 zinc plated,", "DIN 933, with nut, flat", "washer"]


def test_the_one_items_numbers_on_the_last_line_take_the_lines_above() -> None:
    rows = _item(0.13, WRAPPED, 2, "HX-100", ("4", "2.50", "10.00"))
    assert _lines(rows) == [(" ".join(WRAPPED), "10.00")]


def test_a_short_heading_over_the_one_item_is_not_its_text() -> None:
    rows = [(0.20, 0.13, "Fasteners")] + _item(0.13 + STEP, ["Hex bolt M8 x 40 zinc plated"], 0, "HX-100",
                                               ("4", "2.50", "10.00"))  # fmt: skip
    assert _lines(rows) == [("Hex bolt M8 x 40 zinc plated", "10.00")]


def test_a_sections_item_takes_its_wrapped_lines_not_the_sections_heading() -> None:
    rows = _item(0.13, ["Steel bracket, powder coated,", "RAL 9005"], 1, "BR-200", ("10", "3.20", "32.00"))
    rows += [(0.62, 0.13 + 2 * STEP, "Subtotal"), (0.80, 0.13 + 2 * STEP, "32.00")]
    rows += [(0.05, 0.13 + 4 * STEP, "Lot 2 - Bolts")]
    rows += _item(0.13 + 5 * STEP, WRAPPED, 2, "HX-100", ("4", "2.50", "10.00"))
    assert _lines(rows) == [("Steel bracket, powder coated, RAL 9005", "32.00"), (" ".join(WRAPPED), "10.00")]


def test_numbers_on_a_middle_line_take_the_numbered_line_above_and_the_lines_under() -> None:
    rows = _item(0.13, WRAPPED, 1, "HX-100", ("4", "2.50", "10.00"), position="1")
    assert _lines(rows) == [(" ".join(WRAPPED), "10.00")]


def _items(header: list[tuple[float, str]], rows: list[list[str]]) -> list[dict[str, str]]:
    cells = [(x, 0.10, caption) for x, caption in header]
    for index, row in enumerate(rows):
        cells += [(x, 0.13 + index * 0.02, text) for (x, _), text in zip(header, row, strict=True)]
    extraction = HeuristicExtractor().extract(document_of_rows(cells), "purchase_order")
    names = ("description", "quantity", "unit", "unit_price", "amount")
    return [{n: str(i.value(n)) for n in names} for i in extraction.line_items]


def test_short_words_beside_the_price_under_an_unknown_caption_are_the_units() -> None:
    header = [(0.05, "Qty"), (0.12, "Description"), (0.45, "Zorv"), (0.55, "Unit Price"), (0.75, "Amount")]
    rows = [["24", "Hex bolt M8", "PCS", "4.50", "108.00"], ["3", "Copper wire", "KG", "12.00", "36.00"],
            ["10", "PVC tube", "M", "2.00", "20.00"]]  # fmt: skip
    assert [i["unit"] for i in _items(header, rows)] == ["PCS", "KG", "M"]


def test_an_unknown_column_holding_quantity_x_the_amount_columns_values_is_the_amount() -> None:
    # a header read with the amount's caption over the prices and no caption read over the products
    header = (Column("description", 0.05, 0.30), Column("quantity", 0.30, 0.42), Column("amount", 0.53, 0.70),
              Column("_unread0", 0.75, 0.90))  # fmt: skip
    rows = []
    for index, (text, quantity, price, amount) in enumerate(
        [
            ("Hex bolt M8", "24", "4.50", "108.00"),
            ("Copper wire", "3", "12.00", "36.00"),
            ("PVC tube", "10", "2.50", "25.00"),
        ]
    ):
        y = 0.13 + index * 0.02
        cells = {"description": words_at(text, 0.05, y), "quantity": words_at(quantity, 0.30, y),
                 "amount": words_at(price, 0.53, y), "_unread0": words_at(amount, 0.75, y)}  # fmt: skip
        rows.append(RowDraft(1, cells, y + 0.012, tuple(c.name for c in header), header))
    HeuristicExtractor()._settle_unread_columns(rows, None)
    assert [c.name for c in header] == ["description", "quantity", "unit_price", "amount"]
    assert [" ".join(w.text for w in row.cells["amount"]) for row in rows] == ["108.00", "36.00", "25.00"]
