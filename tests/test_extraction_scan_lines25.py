"""Scanned order lines (issue 11, `scanlines25`): a price ladder whose small '+' a scan read as another mark, the
litre's thin l read as the digit one (glued to the quantity, alone in the unit's cell, after a number in the
goods' text), a unit's raised 2 read on the line where the column reads it raised elsewhere, and a row's number
or specks read against its code."""

from decimal import Decimal
from functools import partial

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.heuristic.parts import RowDraft
from extraction.heuristic.tables import (
    TableReader,
    codes_without_stray_heads,
    strokes_after_numbers,
    units_in_their_columns_powers,
)
from tests.fixtures_docs import SCAN_COLUMNS, price_ladder_order, row_draft, words_at

HEADER = SCAN_COLUMNS


_row = partial(row_draft, HEADER)


def _text(row: RowDraft, name: str) -> str:
    return " ".join(w.text for w in row.cells.get(name, []))


def test_a_scanned_price_ladder_with_its_plus_misread_stays_under_its_item() -> None:
    ladders = [[("1+", "17.01"), ("12-", "16.33"), ("48s", "15.48")], [("1+", "28.31"), ("10.", "26:89")],
               [("1+", "1.90"), ("25*", "1.80"), ("100+", "1.75")]]  # fmt: skip
    lines = price_ladder_order(ladders)
    words = [Word(w.text, w.bbox, 0.95) for y, cells in lines for x, text in cells for w in words_at(text, x, y)]
    extraction = HeuristicExtractor().extract(Document([Page(1, 595, 842, words, "ocr")]), "purchase_order")
    assert [(i.value("description"), i.value("quantity"), i.value("amount")) for i in extraction.line_items] == [
        ("Sealant tube", Decimal("3"), Decimal("51.03")),
        ("Hinge, steel", Decimal("10"), Decimal("268.90")),
        ("Rope 10 mm", Decimal("120"), Decimal("210.00")),
    ]


def test_a_litre_glued_to_its_quantity_as_a_one_is_the_unit_where_the_arithmetic_says_so() -> None:
    glued = _row(0, description="Diesel additive", quantity="41", unit_price="22.68", amount="90.72")
    TableReader._unit_read_as_digit(glued, None)
    assert (_text(glued, "quantity"), _text(glued, "unit")) == ("4", "l")
    alone = _row(1, description="Diesel additive", quantity="12", unit="1", unit_price="13.90", amount="166.80")
    TableReader._unit_read_as_digit(alone, None)
    assert _text(alone, "unit") == "l"
    # a quantity of 41 that multiplies out is a quantity of 41
    whole = _row(2, description="Diesel additive", quantity="41", unit_price="2.00", amount="82.00")
    TableReader._unit_read_as_digit(whole, None)
    assert (_text(whole, "quantity"), _text(whole, "unit")) == ("41", "")


def test_a_lone_stroke_after_a_number_in_scanned_goods_is_the_letter_l() -> None:
    rows = [_row(0, description="Floor cleaner 5 1"), _row(1, description="Bottled water 1.5 I, case of 12"),
            _row(2, description="Size 1 bolts")]  # fmt: skip
    strokes_after_numbers(rows)
    assert [_text(r, "description") for r in rows] == ["Floor cleaner 5 l", "Bottled water 1.5 l, case of 12",
                                                       "Size 1 bolts"]  # fmt: skip
    printed = [_row(0, 1.0, description="Pack 2 1")]  # a text layer's one is a one
    strokes_after_numbers(printed)
    assert _text(printed[0], "description") == "Pack 2 1"


def test_a_units_raised_two_read_on_the_line_follows_its_column() -> None:
    rows = [_row(0, unit="m²"), _row(1, unit="m2"), _row(2, unit="m²")]
    units_in_their_columns_powers(rows)
    assert [_text(r, "unit") for r in rows] == ["m²", "m²", "m²"]
    alone = [_row(0, unit="m2"), _row(1, unit="m2")]  # no row reads it raised: as read
    units_in_their_columns_powers(alone)
    assert [_text(r, "unit") for r in alone] == ["m2", "m2"]


def test_a_row_number_or_specks_set_against_a_scanned_code_are_no_part_of_it() -> None:
    codes = ["G815-87", "3 7133-94", "ou P976-21", "B360-61", "G897-36", "2 B298-16", "Part no. M618-31"]
    rows = [_row(i, sku=code) for i, code in enumerate(codes)]
    codes_without_stray_heads(rows)
    # a head of more than two characters is words, left as read
    assert [_text(r, "sku") for r in rows] == ["G815-87", "7133-94", "P976-21", "B360-61", "G897-36", "B298-16",
                                               "Part no. M618-31"]  # fmt: skip
