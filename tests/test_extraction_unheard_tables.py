"""Tables whose caption row names nothing the extractor knows (or is missing), columns in any order: the rows'
arithmetic finds the columns, and what stands in them, not their order, says which number is which. Hand-placed
words of orders the table generators do not print, then documents of the unheard table space."""

from decimal import Decimal

import pytest

from extraction.document import Document, Page
from extraction.heuristic import HeuristicExtractor
from extraction.heuristic.parts import Column
from extraction.heuristic.tables import TableReader
from extraction.loading import load_document
from extraction.result import Extraction
from tests.fixtures_docs import words_at
from training.factory.tablefuzz import make_tablefuzz_po


def _extract(lines: list[tuple[float, list[tuple[float, str]]]]) -> Extraction:
    words = [w for y, cells in lines for x, text in cells for w in words_at(text, x, y)]
    return HeuristicExtractor().extract(Document([Page(1, 595, 842, words, "text")]), "purchase_order")


def _items(extraction: Extraction) -> list[tuple[object, ...]]:
    return [
        (i.value("sku"), i.value("description"), i.value("quantity"), i.value("unit_price"), i.value("amount"))
        for i in extraction.line_items
    ]


HEAD = [(0.10, [(0.06, "Lagerhaus Nord KG")]), (0.14, [(0.06, "Purchase Order No. 4471-22")])]


def test_a_code_that_reads_as_a_number_past_the_amount_moves_no_value_out_of_its_column() -> None:
    # no caption row; the amount before the quantity and the price; the buyer's code '343.2193' last: left over,
    # it is not the price, and the amount is not taken for the tax rate's neighbour
    extraction = _extract(
        HEAD
        + [
            (0.30, [(0.06, "TR-87845"), (0.16, "21%"), (0.22, "Patch cable Cat6"), (0.45, "1176220.00"),
                    (0.58, "500"), (0.66, "2352.44"), (0.78, "343.2193")]),
            (0.33, [(0.06, "AM-42135"), (0.16, "19%"), (0.22, "Antistatic cable tie"), (0.45, "16582.44"),
                    (0.58, "12"), (0.66, "1381.87"), (0.78, "538.5130")]),
            (0.36, [(0.06, "MM-77711"), (0.16, "21%"), (0.22, "First aid kit"), (0.45, "109028.50"),
                    (0.58, "50"), (0.66, "2180.57"), (0.78, "475.5104")]),
        ]
    )  # fmt: skip
    assert _items(extraction) == [
        ("TR-87845", "Patch cable Cat6", Decimal("500"), Decimal("2352.44"), Decimal("1176220.00")),
        ("AM-42135", "Antistatic cable tie", Decimal("12"), Decimal("1381.87"), Decimal("16582.44")),
        ("MM-77711", "First aid kit", Decimal("50"), Decimal("2180.57"), Decimal("109028.50")),
    ]


def test_line_numbers_printed_between_the_code_and_the_price_are_no_part_of_the_code() -> None:
    # captions in Estonian (no vocabulary holds them); the line numbers stand in the middle of the row
    extraction = _extract(
        HEAD
        + [
            (0.26, [(0.06, "Kogus"), (0.14, "Kokku"), (0.26, "Tootekood"), (0.38, "Jrk"), (0.44, "Hind"),
                    (0.56, "Nimetus")]),
            (0.30, [(0.06, "4"), (0.14, "7030.56"), (0.26, "KK-28313"), (0.38, "1"), (0.44, "1757.64"),
                    (0.56, "Spare part kit")]),
            (0.33, [(0.06, "6"), (0.14, "1369.50"), (0.26, "HM-12626"), (0.38, "2"), (0.44, "228.25"),
                    (0.56, "Epoxy resin")]),
            (0.36, [(0.06, "5"), (0.14, "552.35"), (0.26, "MK-52329"), (0.38, "3"), (0.44, "110.47"),
                    (0.56, "Shipping pallet")]),
        ]
    )  # fmt: skip
    assert _items(extraction) == [
        ("KK-28313", "Spare part kit", Decimal("4"), Decimal("1757.64"), Decimal("7030.56")),
        ("HM-12626", "Epoxy resin", Decimal("6"), Decimal("228.25"), Decimal("1369.50")),
        ("MK-52329", "Shipping pallet", Decimal("5"), Decimal("110.47"), Decimal("552.35")),
    ]


def test_a_column_of_numbers_no_role_reads_right_of_the_description_is_not_the_description() -> None:
    # a weight column ('12.345 kg' printed without its unit) between the description and the amount
    extraction = _extract(
        HEAD
        + [
            (0.30, [(0.06, "1"), (0.10, "514.53"), (0.22, "Filter cartridge"), (0.45, "12.345"),
                    (0.56, "3388.90"), (0.70, "6.586")]),
            (0.33, [(0.06, "2"), (0.10, "216.59"), (0.22, "Copy paper A4"), (0.45, "3.120"),
                    (0.56, "999.85"), (0.70, "4.616")]),
            (0.36, [(0.06, "3"), (0.10, "85.04"), (0.22, "Cable tie"), (0.45, "0.870"),
                    (0.56, "70.93"), (0.70, "0.834")]),
        ]
    )  # fmt: skip
    got = [(d, q, p, a) for _, d, q, p, a in _items(extraction)]
    assert got == [
        ("Filter cartridge", Decimal("6.586"), Decimal("514.53"), Decimal("3388.90")),
        ("Copy paper A4", Decimal("4.616"), Decimal("216.59"), Decimal("999.85")),
        ("Cable tie", Decimal("0.834"), Decimal("85.04"), Decimal("70.93")),
    ]


def test_numbers_left_over_leave_by_where_they_stand_only_under_columns_measured_from_their_values() -> None:
    numbers = [[w] for x, t in ((0.10, "21%"), (0.40, "100.00"), (0.60, "343.2193")) for w in words_at(t, x, 0.3)]
    measured = [Column("tax_rate", 0.09, 0.13, True), Column("amount", 0.38, 0.46, True)]
    _, placed = TableReader._assign_in_order(numbers, measured)
    assert {name: ws[0].text for name, ws in placed.items()} == {"tax_rate": "21%", "amount": "100.00"}
    # under captions, right-aligned numbers stand right of them: the rightmost numbers are the values
    captioned = [Column("tax_rate", 0.09, 0.13), Column("amount", 0.38, 0.46)]
    _, placed = TableReader._assign_in_order(numbers, captioned)
    assert {name: ws[0].text for name, ws in placed.items()} == {"tax_rate": "100.00", "amount": "343.2193"}


@pytest.mark.parametrize("seed", [100000303, 100000312, 100000318, 100000353])
def test_unheard_space_orders_read_whole(seed: int) -> None:
    # a buyer's code past the description, a code that reads as a number past the price, line numbers past the
    # text, a section's heading after its subtotal with its number under the price column
    doc = make_tablefuzz_po(seed, space="unheard")
    extraction = HeuristicExtractor().extract(load_document(doc.pdf_bytes, "x.pdf"), "purchase_order")
    got = [
        (" ".join(str(i.value("description")).split()), i.value("quantity"), i.value("amount"))
        for i in extraction.line_items
    ]
    want = [(t["description"], Decimal(t["quantity"]), Decimal(t["amount"])) for t in doc.truth["line_items"]]
    assert got == want
