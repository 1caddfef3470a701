"""Tables folded in new ways: items as columns (transposed), a table in two halves side by side, two lines an item."""

from __future__ import annotations

from decimal import Decimal

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.heuristic.parts import RowDraft
from extraction.heuristic.twoup import halves_read_better

WIDTH, HEIGHT = 600.0, 840.0


def _page(lines: list[tuple[float, list[tuple[float, str]]]]) -> Document:
    """Words from (y, [(x, text)]) in points, each 6 points a character."""
    words = []
    for y, cells in lines:
        for x, text in cells:
            at = x
            for part in text.split(" "):
                box = (at / WIDTH, y / HEIGHT, (at + 6 * len(part)) / WIDTH, (y + 9) / HEIGHT)
                words.append(Word(part, box))
                at += 6 * len(part) + 5
    return Document([Page(1, WIDTH, HEIGHT, words)])


def _right(x_end: float, text: str) -> tuple[float, str]:
    return x_end - 6 * len(text) - 5 * text.count(" "), text


def _items(doc: Document) -> list[tuple[str | None, Decimal | None, Decimal | None, Decimal | None]]:
    extraction = HeuristicExtractor().extract(doc, "purchase_order")
    return [
        (
            None if (d := item.get("description")) is None else str(d.value),
            None if (q := item.get("quantity")) is None else q.value,  # type: ignore[misc]
            None if (p := item.get("unit_price")) is None else p.value,  # type: ignore[misc]
            None if (a := item.get("amount")) is None else a.value,  # type: ignore[misc]
        )
        for item in (line.cells for line in extraction.line_items)
    ]


def test_items_printed_as_columns_are_read_down_each_column() -> None:
    rows: list[tuple[float, list[tuple[float, str]]]] = [
        (300, [(40, "Item"), (150, "Steel bolt"), (300, "Copper wire"), (450, "Hard hat")]),
        (318, [(40, "Qty"), _right(260, "8"), _right(410, "15.5"), _right(560, "24")]),
        (336, [(40, "Unit"), (150, "pcs"), (300, "m"), (450, "pcs")]),
        (354, [(40, "Price"), _right(260, "6.25"), _right(410, "7.10"), _right(560, "16.00")]),
        (372, [(40, "Amount"), _right(260, "50.00"), _right(410, "110.05"), _right(560, "384.00")]),
    ]
    assert _items(_page(rows)) == [
        ("Steel bolt", Decimal("8"), Decimal("6.25"), Decimal("50.00")),
        ("Copper wire", Decimal("15.5"), Decimal("7.10"), Decimal("110.05")),
        ("Hard hat", Decimal("24"), Decimal("16.00"), Decimal("384.00")),
    ]


def test_a_table_in_two_halves_reads_the_left_half_then_the_right() -> None:
    def half(x: float, name: str, qty: str, price: str, amount: str) -> list[tuple[float, str]]:
        return [(x, name), _right(x + 150, qty), _right(x + 200, price), _right(x + 260, amount)]

    header: list[tuple[float, str]] = [(20, "Item"), (130, "Qty"), (180, "Price"), (230, "Total")]
    rows: list[tuple[float, list[tuple[float, str]]]] = [
        (300, header + [(x + 290, text) for x, text in header]),
        (318, half(20, "Bolt", "2", "10.00", "20.00") + half(310, "Nut", "4", "1.50", "6.00")),
        (336, half(20, "Wire", "3", "7.00", "21.00") + half(310, "Tape", "5", "2.00", "10.00")),
        (354, half(20, "Hat", "1", "9.00", "9.00")),
    ]
    assert [item[0] for item in _items(_page(rows))] == ["Bolt", "Wire", "Hat", "Nut", "Tape"]


def test_an_item_on_two_lines_takes_its_name_from_the_line_above_its_figures() -> None:
    items = [("Paper A4", "pack", "4", "85.01", "340.04"), ("Wall paint", "kg", "1", "5.14", "5.14"),
             ("Cable", "m", "10", "18.40", "184.00")]  # fmt: skip
    rows: list[tuple[float, list[tuple[float, str]]]] = []
    for k, (name, unit, qty, price, amount) in enumerate(items):
        y = 300.0 + 36 * k
        rows += [(y, [(60, name)]), (y + 14, [(72, f"{qty} {unit} x {price}"), _right(400, amount)])]
    read = _items(_page(rows))
    assert [item[0] for item in read] == ["Paper A4", "Wall paint", "Cable"]
    assert read[2][1:] == (Decimal("10"), Decimal("18.40"), Decimal("184.00"))


def _row(quantity: str, price: str, amount: str) -> RowDraft:
    cells = {name: [Word(text, (0.1, 0.1, 0.2, 0.12))] for name, text in
             (("quantity", quantity), ("unit_price", price), ("amount", amount))}  # fmt: skip
    return RowDraft(page=1, cells=cells)


def test_two_halves_beat_the_page_read_whole_only_by_more_rows_or_more_rows_that_multiply_out() -> None:
    whole_right = [_row("2", "10.00", "20.00"), _row("3", "5.00", "15.00")]
    whole_merged = [_row("2", "10.00", "35.00"), _row("3", "5.00", "12.00")]  # two items' figures run into a row
    halves = [_row("2", "10.00", "20.00"), _row("3", "5.00", "15.00")]
    assert halves_read_better(halves, whole_merged, "US")
    assert not halves_read_better(halves, whole_right, "US")  # a table that only looks two-up: the page read whole
    assert halves_read_better([*halves, _row("1", "4.00", "4.00")], whole_right, "US")
