"""Line-item tables of the table stress space's structures (bench_tables --space stress): a list price beside its
net price printed with three places, item text split by the line numbers the items open with, a caption over no
number giving its role up, a one-row table whose text stands over its numbers with a unit after the quantity."""

from decimal import Decimal

from tests.fixtures_docs import extract_placed, priced_lines


def test_a_list_price_of_three_places_beside_its_net_price_is_the_unit_price() -> None:
    # 40 x 1,436.476 less 20 % = 45,967.23; the net price 1,149.181 multiplies out too (to 45,967.24)
    extraction = extract_placed(
        [
            (0.33, [(0.07, "Standard copy paper"), (0.40, "40"), (0.50, "1,436.476"), (0.62, "20%"),
                    (0.70, "1,149.181"), (0.84, "45,967.23")]),
            (0.35, [(0.07, "Hard hat 1/2 inch"), (0.40, "12"), (0.50, "218.205"), (0.62, "5%"),
                    (0.70, "207.295"), (0.84, "2,487.54")]),
            (0.37, [(0.07, "Epoxy resin kit"), (0.40, "6"), (0.50, "97.937"), (0.62, "10%"),
                    (0.70, "88.143"), (0.84, "528.86")]),
        ]
    )  # fmt: skip
    assert priced_lines(extraction) == [
        ("Standard copy paper", Decimal("40"), Decimal("1436.476"), Decimal("45967.23")),
        ("Hard hat 1/2 inch", Decimal("12"), Decimal("218.205"), Decimal("2487.54")),
        ("Epoxy resin kit", Decimal("6"), Decimal("97.937"), Decimal("528.86")),
    ]


def test_item_text_wrapped_over_and_under_its_numbers_splits_at_the_line_numbers() -> None:
    # the numbers stand on each item's middle line, the steps between lines even: the line number opens each item
    # (lines 0.017 apart, as printed: a word's height and a little)
    extraction = extract_placed(
        [
            (0.100, [(0.07, "Weber Metalworks GmbH")]),
            (0.300, [(0.05, "1"), (0.10, "Pro PVC pipe, RoHS")]),
            (0.317, [(0.10, "compliant, M8 x 40 mm"), (0.50, "50"), (0.60, "1,318.35"), (0.80, "65,917.50")]),
            (0.334, [(0.10, "DIN 933")]),
            (0.351, [(0.05, "2"), (0.10, "Reinforced shipping")]),
            (0.368, [(0.10, "pallet, IP65, drawing"), (0.50, "6"), (0.60, "1,636.75"), (0.80, "9,820.50")]),
            (0.385, [(0.10, "4711-B")]),
            (0.402, [(0.05, "3"), (0.10, "Industrial ball")]),
            (0.419, [(0.10, "bearing, rev. C, EN 388"), (0.50, "12"), (0.60, "930.04"), (0.80, "11,160.48")]),
            (0.436, [(0.10, "size L")]),
        ]
    )  # fmt: skip
    assert [i.value("description") for i in extraction.line_items] == [
        "Pro PVC pipe, RoHS compliant, M8 x 40 mm DIN 933",
        "Reinforced shipping pallet, IP65, drawing 4711-B",
        "Industrial ball bearing, rev. C, EN 388 size L",
    ]


def test_a_price_caption_over_codes_leaves_its_role_to_the_column_that_multiplies_out() -> None:
    # 'Cost centre' reads as a price's caption, but codes stand under it; the prices under 'Unit Price' multiply out
    extraction = extract_placed(
        [
            (0.30, [(0.07, "Description"), (0.32, "Cost centre"), (0.46, "Qty"), (0.54, "Unit Price"),
                    (0.68, "Disc. %"), (0.84, "Amount")]),
            (0.33, [(0.07, "Silicone sealant 500 ml"), (0.32, "3684-317"), (0.46, "24"), (0.54, "1,447.7084"),
                    (0.68, "2%"), (0.84, "34,050.10")]),
            (0.35, [(0.07, "Office chair, black"), (0.32, "8098-302"), (0.46, "2"), (0.54, "1,878.6038"),
                    (0.68, "5%"), (0.84, "3,569.35")]),
        ]
    )  # fmt: skip
    assert priced_lines(extraction) == [
        ("Silicone sealant 500 ml", Decimal("24"), Decimal("1447.7084"), Decimal("34050.10")),
        ("Office chair, black", Decimal("2"), Decimal("1878.6038"), Decimal("3569.35")),
    ]


def test_a_one_row_table_takes_the_text_over_its_numbers_and_leaves_its_unit_and_note_out() -> None:
    # no captions: the numbers on a line of their own, 'pack' right after the quantity, a note indented under it
    extraction = extract_placed(
        [
            (0.10, [(0.07, "Weber Metalworks GmbH")]),
            (0.300, [(0.07, "1"), (0.12, "Heavy-duty monitor arm, 230"), (0.38, "TT-593184")]),
            (0.317, [(0.12, "V, batch traceable, black")]),
            (0.334, [(0.50, "6 pack"), (0.62, "1,051.8196"), (0.84, "6,310.92")]),
            (0.351, [(0.18, "Delivery: 31.08.2026")]),
        ]
    )  # fmt: skip
    [item] = extraction.line_items
    assert (item.value("description"), item.value("quantity"), item.value("amount")) == (
        "Heavy-duty monitor arm, 230 V, batch traceable, black",
        Decimal("6"),
        Decimal("6310.92"),
    )


def test_the_column_printed_with_a_currency_mark_is_the_price_where_its_numbers_are_grouped_by_spaces() -> None:
    # no captions, the price left of the quantity; '$ 2 038,3234' is the mark and a number of two words
    extraction = extract_placed(
        [
            (0.100, [(0.07, "Bauer Laboratories SE")]),
            (0.300, [(0.07, "Silicone sealant, ISO 9001"),
                     (0.50, "$ 20,8079"), (0.66, "3 353,4"), (0.82, "$ 69 777,21")]),
            (0.317, [(0.07, "Timing belt, pack of 100"),
                     (0.50, "$ 2 038,3234"), (0.66, "310,4"), (0.82, "$ 632 695,58")]),
            (0.334, [(0.07, "Laptop docking station"), (0.50, "$ 146,2912"), (0.66, "58,569"), (0.82, "$ 8 568,13")]),
        ]
    )  # fmt: skip
    assert priced_lines(extraction) == [
        ("Silicone sealant, ISO 9001", Decimal("3353.4"), Decimal("20.8079"), Decimal("69777.21")),
        ("Timing belt, pack of 100", Decimal("310.4"), Decimal("2038.3234"), Decimal("632695.58")),
        ("Laptop docking station", Decimal("58.569"), Decimal("146.2912"), Decimal("8568.13")),
    ]
