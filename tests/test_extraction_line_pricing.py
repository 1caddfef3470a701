"""Line-item tables found by arithmetic where the line's pricing prints more than quantity x price = amount (the
wide table space showed each class; captions here are made-up words, so no caption is read): amounts printed with
their tax rate added, a discount printed as an amount, a net price after a discount rate beside the list price."""

from decimal import Decimal

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.result import Extraction
from tests.fixtures_docs import words_at

CAPTIONS = (0.30, [(0.07, "Qzr"), (0.40, "Mlv"), (0.52, "Xkp"), (0.62, "Wrt"), (0.72, "Vbn"), (0.84, "Trz")])


def _extract(lines: list[tuple[float, list[tuple[float, str]]]]) -> Extraction:
    words: list[Word] = [w for y, cells in lines for x, text in cells for w in words_at(text, x, y)]
    return HeuristicExtractor().extract(Document([Page(1, 595, 842, words, "text")]), "purchase_order")


def _read(extraction: Extraction) -> list[tuple[object, ...]]:
    return [
        (i.value("description"), i.value("quantity"), i.value("unit_price"), i.value("amount"))
        for i in extraction.line_items
    ]


def test_amounts_printed_with_their_tax_rate_added_are_found_by_arithmetic() -> None:
    # 12 x 45.50 = 546.00, plus 19 % = 649.74; 3 x 210.00 = 630.00, plus 7 % = 674.10
    extraction = _extract(
        [
            CAPTIONS,
            (0.33, [(0.07, "Steel bracket 40 mm"), (0.40, "12"), (0.52, "45.50"), (0.62, "19%"), (0.84, "649.74")]),
            (0.35, [(0.07, "Cable drum 50 m"), (0.40, "3"), (0.52, "210.00"), (0.62, "7%"), (0.84, "674.10")]),
            (0.37, [(0.07, "Torque wrench set"), (0.40, "5"), (0.52, "88.20"), (0.62, "19%"), (0.84, "524.79")]),
        ]
    )  # fmt: skip
    assert _read(extraction) == [
        ("Steel bracket 40 mm", Decimal("12"), Decimal("45.50"), Decimal("649.74")),
        ("Cable drum 50 m", Decimal("3"), Decimal("210.00"), Decimal("674.10")),
        ("Torque wrench set", Decimal("5"), Decimal("88.20"), Decimal("524.79")),
    ]


def test_a_discount_printed_as_an_amount_comes_off_the_line_and_keeps_its_own_column() -> None:
    # 12 x 45.50 = 546.00 less 27.30 = 518.70: the discount amount is no price nor amount
    extraction = _extract(
        [
            CAPTIONS,
            (0.33, [(0.07, "Steel bracket 40 mm"), (0.40, "12"), (0.52, "45.50"), (0.72, "27.30"), (0.84, "518.70")]),
            (0.35, [(0.07, "Cable drum 50 m"), (0.40, "3"), (0.52, "210.00"), (0.72, "12.60"), (0.84, "617.40")]),
            (0.37, [(0.07, "Torque wrench set"), (0.40, "5"), (0.52, "88.20"), (0.72, "35.28"), (0.84, "405.72")]),
        ]
    )  # fmt: skip
    assert _read(extraction) == [
        ("Steel bracket 40 mm", Decimal("12"), Decimal("45.50"), Decimal("518.70")),
        ("Cable drum 50 m", Decimal("3"), Decimal("210.00"), Decimal("617.40")),
        ("Torque wrench set", Decimal("5"), Decimal("88.20"), Decimal("405.72")),
    ]


def test_a_net_price_after_a_discount_rate_leaves_the_list_price_as_the_lines_price() -> None:
    # list 50.00 less 10 % = net 45.00; 12 x 45.00 = 540.00: the price is the list price printed first
    extraction = _extract(
        [
            CAPTIONS,
            (0.33, [(0.07, "Steel bracket 40 mm"), (0.40, "12"), (0.52, "50.00"), (0.62, "10%"), (0.72, "45.00"),
                    (0.84, "540.00")]),
            (0.35, [(0.07, "Cable drum 50 m"), (0.40, "3"), (0.52, "200.00"), (0.62, "5%"), (0.72, "190.00"),
                    (0.84, "570.00")]),
            (0.37, [(0.07, "Torque wrench set"), (0.40, "5"), (0.52, "80.00"), (0.62, "20%"), (0.72, "64.00"),
                    (0.84, "320.00")]),
        ]
    )  # fmt: skip
    assert _read(extraction) == [
        ("Steel bracket 40 mm", Decimal("12"), Decimal("50.00"), Decimal("540.00")),
        ("Cable drum 50 m", Decimal("3"), Decimal("200.00"), Decimal("570.00")),
        ("Torque wrench set", Decimal("5"), Decimal("80.00"), Decimal("320.00")),
    ]


def test_a_column_of_currency_codes_beside_a_wrapping_text_is_no_word_of_the_text() -> None:
    # no captions: the codes stand in a column of their own, the text wraps onto a second line under itself
    extraction = _extract(
        [
            (0.33, [(0.07, "Steel bracket, zinc plated,"), (0.40, "12"), (0.52, "45.50"), (0.62, "SEK"),
                    (0.84, "546.00")]),
            (0.345, [(0.07, "40 mm")]),
            (0.37, [(0.07, "Cable drum 50 m"), (0.40, "3"), (0.52, "210.00"), (0.62, "SEK"), (0.84, "630.00")]),
            (0.39, [(0.07, "Torque wrench set"), (0.40, "5"), (0.52, "88.20"), (0.62, "SEK"), (0.84, "441.00")]),
        ]
    )  # fmt: skip
    assert [i.value("description") for i in extraction.line_items] == [
        "Steel bracket, zinc plated, 40 mm",
        "Cable drum 50 m",
        "Torque wrench set",
    ]


def _numbered(leaders: str, numbers: tuple[str, str, str]) -> Extraction:
    return _extract(
        [
            (0.33, [(0.05, numbers[0]), (0.10, "KX-20431"), (0.20, "Steel bracket" + leaders), (0.40, "12"),
                    (0.52, "45.50"), (0.84, "546.00")]),
            (0.35, [(0.05, numbers[1]), (0.10, "KX-20977"), (0.20, "Cable drum 50 m" + leaders), (0.40, "3"),
                    (0.52, "210.00"), (0.84, "630.00")]),
            (0.37, [(0.05, numbers[2]), (0.10, "LM-30112"), (0.20, "Torque wrench set" + leaders), (0.40, "5"),
                    (0.52, "88.20"), (0.84, "441.00")]),
        ]
    )  # fmt: skip


def test_line_numbers_in_parts_are_no_code() -> None:
    # '1.1', '1.2' count the lines; the codes stand in the next column
    extraction = _numbered("", ("1.1", "1.2", "1.3"))
    got = [(i.value("sku"), i.value("description")) for i in extraction.line_items]
    assert got == [("KX-20431", "Steel bracket"), ("KX-20977", "Cable drum 50 m"), ("LM-30112", "Torque wrench set")]


def test_leader_dots_from_the_text_to_the_numbers_are_no_text() -> None:
    extraction = _numbered(" ..........", ("1", "2", "3"))
    got = [(i.value("sku"), i.value("description")) for i in extraction.line_items]
    assert got == [("KX-20431", "Steel bracket"), ("KX-20977", "Cable drum 50 m"), ("LM-30112", "Torque wrench set")]
