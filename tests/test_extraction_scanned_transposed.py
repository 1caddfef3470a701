"""A scanned transposed table (items as columns, captions down the left) whose scan cut or misread a line: a row
that a tilt split in two, a thousands space OCR lost inside a head, a misread code among the codes. Pages written
for the test, not taken from any study document."""

from __future__ import annotations

from decimal import Decimal

from extraction.document import Document, Page, Word
from extraction.heuristic.transposed import _coded
from extraction.layout import ANY_HEAD, joined_thousands
from tests.test_extraction_folded_tables import HEIGHT, WIDTH, _items, _right


def _scan(lines: list[tuple[float, list[tuple[float, str]]]], tall: float = 9.0) -> Document:
    """As ``test_extraction_folded_tables._page``, OCR'd: words with a confidence under 1, those of the captions
    and the first column ``tall`` points high (shaded cells' boxes)."""
    words = []
    for y, cells in lines:
        for x, text in cells:
            at = x
            height = tall if x < 270 else 9.0
            for part in text.split(" "):
                box = (at / WIDTH, y / HEIGHT, (at + 6 * len(part)) / WIDTH, (y + height) / HEIGHT)
                words.append(Word(part, box, 0.9))
                at += 6 * len(part) + 5
    return Document([Page(1, WIDTH, HEIGHT, words, source="ocr")])


def test_a_row_a_tilt_split_in_two_is_read_as_one() -> None:
    """The amounts' row: its caption and first cell in tall boxes (shaded cells) set a line of their own, the
    other amounts, a point higher, another; joined again, the band multiplies out in every column."""
    rows: list[tuple[float, list[tuple[float, str]]]] = [
        (300, [(40, "Item"), (150, "Steel bolt"), (300, "Copper wire"), (450, "Hard hat")]),
        (318, [(40, "Qty"), _right(260, "8"), _right(410, "15.5"), _right(560, "24")]),
        (336, [(40, "Unit"), (150, "pcs"), (300, "m"), (450, "pcs")]),
        (354, [(40, "Price"), _right(260, "6.25"), _right(410, "7.10"), _right(560, "16.00")]),
        (372, [(40, "Amount"), _right(260, "50.00")]),
        (371, [_right(410, "110.05"), _right(560, "384.00")]),
    ]
    assert _items(_scan(rows, tall=16.0)) == [
        ("Steel bolt", Decimal("8"), Decimal("6.25"), Decimal("50.00")),
        ("Copper wire", Decimal("15.5"), Decimal("7.10"), Decimal("110.05")),
        ("Hard hat", Decimal("24"), Decimal("16.00"), Decimal("384.00")),
    ]


def test_a_head_whose_thousands_space_was_lost_joins_its_group_where_cells_stand_apart() -> None:
    def word(text: str, x0: float) -> Word:
        return Word(text, (x0, 0.1, x0 + 0.01 * len(text), 0.11), 0.9)

    words = [word("1553", 0.30), word("691,44", 0.345), word("98,53", 0.60)]
    assert [w.text for w in joined_thousands(words)] == ["1553", "691,44", "98,53"]  # no head of four digits
    assert [w.text for w in joined_thousands(words, head=ANY_HEAD)] == ["1553691,44", "98,53"]


def test_a_line_of_codes_keeps_its_role_with_one_code_misread() -> None:
    def cell(text: str) -> list[Word]:
        return [Word(text, (0.1, 0.1, 0.2, 0.11), 0.9)]

    assert _coded([cell("JQ-4904"), cell("Л-2172"), cell("SF-9571"), cell("LO-5972")])
    assert not _coded([cell("JQ-4904"), cell("Л-2172")])  # one of two: no proof
    assert not _coded([cell("Sima"), cell("Amabati"), cell("Irangi")])


def test_a_factors_cell_the_scan_lost_is_the_amount_over_the_other_factor_where_the_rest_multiplies_out() -> None:
    rows: list[tuple[float, list[tuple[float, str]]]] = [
        (300, [(40, "Item"), (150, "Steel bolt"), (300, "Copper wire"), (450, "Hard hat")]),
        (318, [(40, "Qty"), _right(260, "8"), _right(560, "24")]),  # '15.5' not read
        (336, [(40, "Price"), _right(260, "6.25"), _right(410, "7.10"), _right(560, "16.00")]),
        (354, [(40, "Amount"), _right(260, "50.00"), _right(410, "110.05"), _right(560, "384.00")]),
    ]
    assert _items(_scan(rows)) == [
        ("Steel bolt", Decimal("8"), Decimal("6.25"), Decimal("50.00")),
        ("Copper wire", Decimal("15.5"), Decimal("7.10"), Decimal("110.05")),
        ("Hard hat", Decimal("24"), Decimal("16.00"), Decimal("384.00")),
    ]


def test_a_wrapped_descriptions_line_above_the_figures_stays_in_the_band() -> None:
    rows: list[tuple[float, list[tuple[float, str]]]] = [
        (282, [(40, "Code"), (150, "SB-101"), (300, "CW-202"), (450, "LF-303")]),
        (300, [(40, "Item"), (150, "Steel bolt"), (300, "Copper wire"), (450, "LED floodlight")]),
        (312, [(450, "200 W")]),
        (330, [(40, "Qty"), _right(260, "8"), _right(410, "15.5"), _right(560, "24")]),
        (348, [(40, "Price"), _right(260, "6.25"), _right(410, "7.10"), _right(560, "16.00")]),
        (366, [(40, "Amount"), _right(260, "50.00"), _right(410, "110.05"), _right(560, "384.00")]),
    ]
    assert [item[0] for item in _items(_scan(rows))] == ["Steel bolt", "Copper wire", "LED floodlight 200 W"]
