"""Line-item tables found by arithmetic where the line's pricing prints more than quantity x price = amount (the
wide table space showed each class; captions here are made-up words, so no caption is read): amounts printed with
their tax rate added, a discount printed as an amount, a net price after a discount rate beside the list price."""

from decimal import Decimal

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.result import Extraction
from tests.fixtures_docs import extract_placed, priced_lines, words_at

CAPTIONS = (0.30, [(0.07, "Qzr"), (0.40, "Mlv"), (0.52, "Xkp"), (0.62, "Wrt"), (0.72, "Vbn"), (0.84, "Trz")])


def test_amounts_printed_with_their_tax_rate_added_are_found_by_arithmetic() -> None:
    # 12 x 45.50 = 546.00, plus 19 % = 649.74; 3 x 210.00 = 630.00, plus 7 % = 674.10
    extraction = extract_placed(
        [
            CAPTIONS,
            (0.33, [(0.07, "Steel bracket 40 mm"), (0.40, "12"), (0.52, "45.50"), (0.62, "19%"), (0.84, "649.74")]),
            (0.35, [(0.07, "Cable drum 50 m"), (0.40, "3"), (0.52, "210.00"), (0.62, "7%"), (0.84, "674.10")]),
            (0.37, [(0.07, "Torque wrench set"), (0.40, "5"), (0.52, "88.20"), (0.62, "19%"), (0.84, "524.79")]),
        ]
    )  # fmt: skip
    assert priced_lines(extraction) == [
        ("Steel bracket 40 mm", Decimal("12"), Decimal("45.50"), Decimal("649.74")),
        ("Cable drum 50 m", Decimal("3"), Decimal("210.00"), Decimal("674.10")),
        ("Torque wrench set", Decimal("5"), Decimal("88.20"), Decimal("524.79")),
    ]


def test_a_discount_printed_as_an_amount_comes_off_the_line_and_keeps_its_own_column() -> None:
    # 12 x 45.50 = 546.00 less 27.30 = 518.70: the discount amount is no price nor amount
    extraction = extract_placed(
        [
            CAPTIONS,
            (0.33, [(0.07, "Steel bracket 40 mm"), (0.40, "12"), (0.52, "45.50"), (0.72, "27.30"), (0.84, "518.70")]),
            (0.35, [(0.07, "Cable drum 50 m"), (0.40, "3"), (0.52, "210.00"), (0.72, "12.60"), (0.84, "617.40")]),
            (0.37, [(0.07, "Torque wrench set"), (0.40, "5"), (0.52, "88.20"), (0.72, "35.28"), (0.84, "405.72")]),
        ]
    )  # fmt: skip
    assert priced_lines(extraction) == [
        ("Steel bracket 40 mm", Decimal("12"), Decimal("45.50"), Decimal("518.70")),
        ("Cable drum 50 m", Decimal("3"), Decimal("210.00"), Decimal("617.40")),
        ("Torque wrench set", Decimal("5"), Decimal("88.20"), Decimal("405.72")),
    ]


def test_a_net_price_after_a_discount_rate_leaves_the_list_price_as_the_lines_price() -> None:
    # list 50.00 less 10 % = net 45.00; 12 x 45.00 = 540.00: the price is the list price printed first
    extraction = extract_placed(
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
    assert priced_lines(extraction) == [
        ("Steel bracket 40 mm", Decimal("12"), Decimal("50.00"), Decimal("540.00")),
        ("Cable drum 50 m", Decimal("3"), Decimal("200.00"), Decimal("570.00")),
        ("Torque wrench set", Decimal("5"), Decimal("80.00"), Decimal("320.00")),
    ]


def test_a_column_of_currency_codes_beside_a_wrapping_text_is_no_word_of_the_text() -> None:
    # no captions: the codes stand in a column of their own, the text wraps onto a second line under itself
    extraction = extract_placed(
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
    return extract_placed(
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


def _placed(y: float, words: list[tuple[float, float, str]]) -> list[Word]:
    return [Word(text, (x0, y, x1, y + 0.009)) for x0, x1, text in words]


def test_a_position_number_before_a_code_in_brackets_is_neither_text_nor_code() -> None:
    extraction = extract_placed(
        [
            (0.30, [(0.08, "Qty"), (0.16, "Item"), (0.66, "Price"), (0.84, "Total")]),
            (0.33, [(0.08, "200"), (0.16, "1 [HW-8921] Hydraulic hose 2 m"), (0.66, "348.92"), (0.84, "69,784.00")]),
            (0.35, [(0.08, "2"), (0.16, "2 [AB-0362] Hex nut M10"), (0.66, "606.96"), (0.84, "1,213.92")]),
        ]
    )  # fmt: skip
    got = [(i.value("sku"), i.value("description")) for i in extraction.line_items]
    assert got == [("HW-8921", "Hydraulic hose 2 m"), ("AB-0362", "Hex nut M10")]


def test_values_under_the_second_part_of_a_caption_printed_in_two_are_the_named_columns() -> None:
    # 'Total' then a word naming a column taken already: the amounts stand right-aligned under both;
    # 739.5 x 93.75 = 69,328.125 is printed 69,328.13, so the amount is read, not computed
    extraction = extract_placed(
        [
            (0.30, [(0.08, "Description"), (0.50, "Qty"), (0.62, "Price"), (0.80, "Total"), (0.86, "Amount")]),
            (0.33, [(0.08, "Hex bolt M12x40"), (0.50, "739.5"), (0.62, "93.75"), (0.8185, "69,328.13")]),
            (0.35, [(0.08, "Nitrile gloves"), (0.50, "4"), (0.62, "3.00"), (0.8445, "12.00")]),
            (0.37, [(0.08, "Copper cable 6 mm2"), (0.50, "2.5"), (0.62, "8.25"), (0.8445, "20.63")]),
        ]
    )  # fmt: skip
    got = [i.value("amount") for i in extraction.line_items]
    assert got == [Decimal("69328.13"), Decimal("12.00"), Decimal("20.63")]


def test_words_going_on_with_the_text_under_a_second_caption_on_some_rows_only_are_the_texts() -> None:
    # two captions of the text read as two columns; short texts end before the second, long ones run on under it
    header = [(0.108, 0.167, "Designation"), (0.176, 0.198, "Item"), (0.2, 0.258, "Description"),
              (0.58, 0.6, "Qty"), (0.73, 0.822, "Unit Price"), (0.848, 0.936, "Amount")]  # fmt: skip
    rows = [
        [(0.108, 0.127, "Hex"), (0.13, 0.152, "bolt"), (0.155, 0.18, "M12"), (0.183, 0.2, "x40"),
         (0.203, 0.226, "zinc"), (0.665, 0.672, "2"), (0.784, 0.822, "436.36"), (0.889, 0.936, "872.72")],
        [(0.108, 0.14, "Copper"), (0.143, 0.165, "cable"), (0.659, 0.672, "10"), (0.784, 0.822, "743.58"),
         (0.883, 0.936, "7,435.80")],
        [(0.108, 0.14, "Nitrile"), (0.143, 0.165, "gloves"), (0.665, 0.672, "6"), (0.784, 0.822, "201.07"),
         (0.883, 0.936, "1,206.42")],
        [(0.108, 0.14, "Cable"), (0.143, 0.16, "tie"), (0.163, 0.19, "black"), (0.193, 0.213, "200"),
         (0.216, 0.236, "mm"), (0.665, 0.672, "5"), (0.784, 0.822, "2.00"), (0.889, 0.936, "10.00")],
    ]  # fmt: skip
    words = _placed(0.29, header) + [w for n, row in enumerate(rows) for w in _placed(0.31 + 0.02 * n, row)]
    extraction = HeuristicExtractor().extract(Document([Page(1, 595, 842, words, "text")]), "purchase_order")
    assert [i.value("description") for i in extraction.line_items] == [
        "Hex bolt M12 x40 zinc",
        "Copper cable",
        "Nitrile gloves",
        "Cable tie black 200 mm",
    ]


def test_a_position_number_of_two_digits_before_a_first_column_of_text_is_the_lines() -> None:
    # '10' starts left of the text's caption and ends past where it starts: the line's position, not a value of
    # the column no caption names, under which the text runs on
    extraction = extract_placed(
        [
            (0.30, [(0.08, "Description"), (0.18, "Wzqf"), (0.50, "Qty"), (0.66, "Price"), (0.84, "Total")]),
            (0.33, [(0.064, "9"), (0.085, "Hex bolt M12x40 zinc"), (0.50, "10"), (0.66, "2.50"), (0.84, "25.00")]),
            (0.35, [(0.064, "10"), (0.085, "Nitrile gloves size M"), (0.50, "4"), (0.66, "3.00"), (0.84, "12.00")]),
            (0.37, [(0.064, "11"), (0.085, "Copper cable 6 mm2"), (0.50, "3"), (0.66, "7.00"), (0.84, "21.00")]),
        ]
    )  # fmt: skip
    got = [(i.value("description"), i.value("quantity")) for i in extraction.line_items]
    assert got == [
        ("Hex bolt M12x40 zinc", Decimal("10")),
        ("Nitrile gloves size M", Decimal("4")),
        ("Copper cable 6 mm2", Decimal("3")),
    ]


def test_a_price_per_hundred_printed_before_the_price_with_a_discount_and_tax_multiplies_out() -> None:
    # 5 x 1,680.99 / 100 = 84.05, less 12.5 % = 73.54, plus 7 % = 78.69; the 'per' column and the net price
    # (1,470.87) stand left of the list price
    extraction = extract_placed(
        [
            (0.33, [(0.07, "Welding rod 10 m"), (0.24, "5"), (0.30, "100"), (0.37, "12.5%"), (0.48, "7%"),
                    (0.60, "1,470.87"), (0.72, "1,680.99"), (0.86, "78.69")]),
            (0.35, [(0.07, "Aluminium profile"), (0.24, "1,000"), (0.30, "100"), (0.37, "15%"), (0.48, "7%"),
                    (0.60, "1,719.92"), (0.72, "2,023.43"), (0.86, "18,403.09")]),
            (0.37, [(0.07, "Pallet wrap"), (0.24, "5"), (0.30, "100"), (0.37, "12.5%"), (0.48, "20%"),
                    (0.60, "726.20"), (0.72, "829.94"), (0.86, "43.57")]),
        ]
    )  # fmt: skip
    got = [(i.value("description"), i.value("quantity"), i.value("amount")) for i in extraction.line_items]
    assert got == [
        ("Welding rod 10 m", Decimal("5"), Decimal("78.69")),
        ("Aluminium profile", Decimal("1000"), Decimal("18403.09")),
        ("Pallet wrap", Decimal("5"), Decimal("43.57")),
    ]


def test_a_sections_subtotal_after_a_page_break_adds_up_the_sections_rows_on_both_pages() -> None:
    page_one = [
        (0.30, [(0.08, "Item"), (0.50, "Qty"), (0.66, "Price"), (0.84, "Total")]),
        (0.32, [(0.08, "Wqzr 1")]),
        (0.34, [(0.08, "Hex bolt M12x40"), (0.50, "10"), (0.66, "2.50"), (0.84, "25.00")]),
        (0.36, [(0.08, "Nitrile gloves"), (0.50, "4"), (0.66, "3.00"), (0.84, "12.00")]),
    ]
    page_two = [
        (0.10, [(0.08, "Copper cable 6 mm2"), (0.50, "3"), (0.66, "7.00"), (0.84, "21.00")]),
        (0.12, [(0.30, "Zubrq 1"), (0.84, "58.00")]),
        (0.14, [(0.08, "Plmqa 2")]),
        (0.16, [(0.08, "Cable tie 200 mm"), (0.50, "100"), (0.66, "0.05"), (0.84, "5.00")]),
        (0.18, [(0.30, "Zubrq 2"), (0.84, "5.00")]),
    ]
    pages = [
        Page(n + 1, 595, 842, [w for y, cells in lines for x, text in cells for w in words_at(text, x, y)], "text")
        for n, lines in enumerate([page_one, page_two])
    ]
    extraction = HeuristicExtractor().extract(Document(pages), "purchase_order")
    got = [(i.value("description"), i.value("amount")) for i in extraction.line_items]
    assert got == [
        ("Hex bolt M12x40", Decimal("25.00")),
        ("Nitrile gloves", Decimal("12.00")),
        ("Copper cable 6 mm2", Decimal("21.00")),
        ("Cable tie 200 mm", Decimal("5.00")),
    ]


def test_the_column_printing_whole_or_three_place_numbers_is_the_quantity_where_the_price_comes_first() -> None:
    # price before quantity, both with cents on most rows: 1,756.23 x 178.41 reads the same both ways
    extraction = extract_placed(
        [
            (0.33, [(0.07, "Welding rod 10 m"), (0.24, "1,756.23"), (0.44, "178.41"), (0.84, "313,328.99")]),
            (0.35, [(0.07, "Aluminium profile"), (0.24, "17.09"), (0.44, "1,018.50"), (0.84, "17,406.17")]),
            (0.37, [(0.07, "Pallet wrap"), (0.24, "261.56"), (0.44, "7,509"), (0.84, "1,964,054.04")]),
            (0.39, [(0.07, "Copper wire"), (0.24, "2.28"), (0.44, "40.125"), (0.84, "91.49")]),
        ]
    )  # fmt: skip
    got = [(i.value("quantity"), i.value("unit_price")) for i in extraction.line_items]
    assert got == [
        (Decimal("178.41"), Decimal("1756.23")),
        (Decimal("1018.50"), Decimal("17.09")),
        (Decimal("7509"), Decimal("261.56")),
        (Decimal("40.125"), Decimal("2.28")),
    ]


def test_dotted_codes_counting_up_are_codes_and_zero_padded_positions_line_numbers() -> None:
    # '769.031' has a code's shape (three places), not a line number's ('1.1'); '00010' is a position
    extraction = _numbered("", ("00010", "00020", "00030"))
    assert [i.value("sku") for i in extraction.line_items] == ["KX-20431", "KX-20977", "LM-30112"]
    extraction = extract_placed(
        [
            (0.33, [(0.05, "769.031"), (0.20, "Steel bracket"), (0.40, "12"), (0.52, "45.50"), (0.84, "546.00")]),
            (0.35, [(0.05, "939.651"), (0.20, "Cable drum 50 m"), (0.40, "3"), (0.52, "210.00"), (0.84, "630.00")]),
            (0.37, [(0.05, "941.002"), (0.20, "Torque wrench set"), (0.40, "5"), (0.52, "88.20"), (0.84, "441.00")]),
        ]
    )  # fmt: skip
    assert [i.value("sku") for i in extraction.line_items] == ["769.031", "939.651", "941.002"]


def test_a_sections_subtotal_printed_with_the_sections_number_under_a_column_is_no_item_nor_the_end() -> None:
    # no captions: the table is found by its rows' arithmetic; '1' stands under the quantities
    extraction = extract_placed(
        [
            (0.32, [(0.08, "Wqzr 1")]),
            (0.34, [(0.08, "Hex bolt M12x40"), (0.50, "10"), (0.66, "2.50"), (0.84, "25.00")]),
            (0.36, [(0.08, "Nitrile gloves"), (0.50, "4"), (0.66, "3.00"), (0.84, "12.00")]),
            (0.38, [(0.40, "Zubrq"), (0.50, "1"), (0.84, "37.00")]),
            (0.40, [(0.08, "Plmqa 2")]),
            (0.42, [(0.08, "Copper cable 6 mm2"), (0.50, "3"), (0.66, "7.00"), (0.84, "21.00")]),
            (0.44, [(0.40, "Zubrq"), (0.50, "2"), (0.84, "21.00")]),
        ]
    )  # fmt: skip
    got = [(i.value("description"), i.value("amount")) for i in extraction.line_items]
    assert got == [
        ("Hex bolt M12x40", Decimal("25.00")),
        ("Nitrile gloves", Decimal("12.00")),
        ("Copper cable 6 mm2", Decimal("21.00")),
    ]
