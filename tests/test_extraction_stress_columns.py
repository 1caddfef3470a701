"""Columns of the table stress space's structures (bench_tables --space stress) told by what they hold: a price
column printing one precision of three places beside quantities of varying places, a net price of four places
that a list price less the discount gives, a unit column set apart from its quantities under descriptions
standing over their numbers, a first item whose text runs over four lines above its numbers, description runs
parted where a line had room for the next word, the longest of several code columns as the article's number, a
price under a caption no vocabulary read, and the first item's text right under the captions."""

from decimal import Decimal

from tests.fixtures_docs import extract_placed, priced_lines


def test_a_column_of_one_fine_precision_is_the_price_beside_quantities_of_varying_places() -> None:
    # no captions; the price (three places on every row) left of the quantity ('874.46', '59,025', '413.9'):
    # qty x price reads the same both ways, the places tell which is which
    extraction = extract_placed(
        [
            (0.100, [(0.07, "Bauer Laboratories SE")]),
            (0.300, [(0.07, "Galvanized circuit breaker"), (0.46, "1,214.512"), (0.64, "874.46"),
                     (0.82, "1,062,042.16")]),
            (0.317, [(0.07, "Silicone sealant, EN 388"), (0.46, "968.133"), (0.64, "59,025"),
                     (0.82, "57,144,050.32")]),
            (0.334, [(0.07, "Torque wrench, 1/2 inch"), (0.46, "16,001.408"), (0.64, "413.9"),
                     (0.82, "6,622,982.77")]),
            (0.351, [(0.07, "Monitor arm, black"), (0.46, "11,376.306"), (0.64, "2,931.1"),
                     (0.82, "33,345,090.52")]),
        ]
    )  # fmt: skip
    assert priced_lines(extraction) == [
        ("Galvanized circuit breaker", Decimal("874.46"), Decimal("1214.512"), Decimal("1062042.16")),
        ("Silicone sealant, EN 388", Decimal("59025"), Decimal("968.133"), Decimal("57144050.32")),
        ("Torque wrench, 1/2 inch", Decimal("413.9"), Decimal("16001.408"), Decimal("6622982.77")),
        ("Monitor arm, black", Decimal("2931.1"), Decimal("11376.306"), Decimal("33345090.52")),
    ]


def test_a_net_price_of_four_places_that_the_list_price_less_the_discount_gives_is_no_quantity() -> None:
    # the net price multiplies out with the quantity too; 1,445.5696 less 15 % is 1,228.7342, the net price
    extraction = extract_placed(
        [
            (0.100, [(0.07, "Bauer Laboratories SE")]),
            (0.300, [(0.07, "Network switch, DIN 933"), (0.40, "46,7"), (0.50, "87,3988"), (0.60, "15%"),
                     (0.70, "74,2890"), (0.84, "3 469,30")]),
            (0.317, [(0.07, "Industrial adhesive, 500 ml"), (0.40, "704,08"), (0.50, "1 445,5696"), (0.60, "15%"),
                     (0.70, "1 228,7342"), (0.84, "865 127,15")]),
            (0.334, [(0.07, "Nitrile gloves, size L"), (0.40, "297,91"), (0.50, "1 278,6832"), (0.60, "15%"),
                     (0.70, "1 086,8807"), (0.84, "323 792,64")]),
        ]
    )  # fmt: skip
    assert priced_lines(extraction) == [
        ("Network switch, DIN 933", Decimal("46.7"), Decimal("87.3988"), Decimal("3469.30")),
        ("Industrial adhesive, 500 ml", Decimal("704.08"), Decimal("1445.5696"), Decimal("865127.15")),
        ("Nitrile gloves, size L", Decimal("297.91"), Decimal("1278.6832"), Decimal("323792.64")),
    ]


def test_a_unit_column_apart_from_the_quantities_names_no_goods_on_the_numbers_line() -> None:
    # no captions; each item's text over its numbers, the numbers' line holding a date, the quantity, and its unit
    # in a column of its own: the text above is the item's, the unit no description
    rows = [
        ("1", "853454210", ["Antistatic filter", "cartridge, 10 m roll"], "2027-01-22", "800", "ea", "11.438,80",
         "9.151.040,00"),
        ("2", "921033543", ["Heavy-duty laptop", "docking station"], "2027-01-25", "50.000", "box", "1.008,05",
         "50.402.500,00"),
        ("3", "516560334", ["Pro timing belt, 10", "m roll, class A"], "2026-11-06", "500", "pair", "9,87",
         "4.935,00"),
        ("4", "230033734", ["Compact thermal", "paper roll, black"], "2026-12-17", "5.000", "pack", "23.438,80",
         "117.194.000,00"),
    ]  # fmt: skip
    lines: list[tuple[float, list[tuple[float, str]]]] = [(0.100, [(0.07, "Bauer Laboratories SE")])]
    y = 0.300
    for number, code, text, due, quantity, unit, price, amount in rows:
        lines.append((y, [(0.07, number), (0.12, code), (0.26, text[0])]))
        lines.append((y + 0.0145, [(0.26, text[1])]))
        lines.append((y + 0.029, [(0.42, due), (0.54, quantity), (0.64, unit), (0.72, price), (0.86, amount)]))
        y += 0.05
    extraction = extract_placed(lines)
    assert [(i.value("sku"), i.value("description"), i.value("quantity")) for i in extraction.line_items] == [
        ("853454210", "Antistatic filter cartridge, 10 m roll", Decimal("800")),
        ("921033543", "Heavy-duty laptop docking station", Decimal("50000")),
        ("516560334", "Pro timing belt, 10 m roll, class A", Decimal("500")),
        ("230033734", "Compact thermal paper roll, black", Decimal("5000")),
    ]


def test_the_first_item_keeps_all_four_text_lines_over_its_numbers() -> None:
    # no captions; descriptions wrapped over four lines, the numbers on a line of their own under them
    texts = [
        ["Antistatic filter", "cartridge, 10 m", "roll, blue, RoHS", "compliant"],
        ["Heavy-duty laptop", "docking station,", "class A, batch", "traceable"],
        ["Pro timing belt, 10", "m roll, incl.", "documentation,", "grade 8.8"],
    ]
    numbers = [("800", "11,438.80", "9,151,040.00"), ("5", "1,008.05", "5,040.25"), ("50", "9.87", "493.50")]
    lines: list[tuple[float, list[tuple[float, str]]]] = [(0.100, [(0.07, "Bauer Laboratories SE")])]
    y = 0.300
    for text, (quantity, price, amount) in zip(texts, numbers, strict=True):
        lines.append((y, [(0.07, text[0])]))
        lines += [(y + 0.0145 * k, [(0.07, part)]) for k, part in enumerate(text[1:], 1)]
        lines.append((y + 0.0145 * 4, [(0.54, quantity), (0.72, price), (0.86, amount)]))
        y += 0.0145 * 5 + 0.008
    extraction = extract_placed(lines)
    assert [i.value("description") for i in extraction.line_items] == [
        "Antistatic filter cartridge, 10 m roll, blue, RoHS compliant",
        "Heavy-duty laptop docking station, class A, batch traceable",
        "Pro timing belt, 10 m roll, incl. documentation, grade 8.8",
    ]


def test_item_text_wrapped_over_and_under_its_numbers_parts_where_a_line_had_room_for_the_next_word() -> None:
    # the numbers on each item's middle line, the steps between lines even, no line numbers: a description wraps
    # a word onto its next line only when it does not fit, so a short line with room for the next line's first
    # word ends its item
    items = [
        (["Galvanized circuit", "breaker, black, 10 m roll,", "IP65"], ("50", "1,318.35", "65,917.50")),
        (["Silicone sealant, EN 388,", "500 ml, incl.", "documentation"], ("6", "1,636.75", "9,820.50")),
        (["Standard welding rod, with", "mounting kit, according to", "drawing 4711-B"], ("12", "930.04", "11,160.48")),
    ]  # fmt: skip
    lines: list[tuple[float, list[tuple[float, str]]]] = [(0.100, [(0.07, "Weber Metalworks GmbH")])]
    y = 0.300
    for text, (quantity, price, amount) in items:
        lines.append((y, [(0.10, text[0])]))
        lines.append((y + 0.017, [(0.10, text[1]), (0.50, quantity), (0.60, price), (0.80, amount)]))
        lines.append((y + 0.034, [(0.10, text[2])]))
        y += 0.051
    extraction = extract_placed(lines)
    assert [i.value("description") for i in extraction.line_items] == [
        "Galvanized circuit breaker, black, 10 m roll, IP65",
        "Silicone sealant, EN 388, 500 ml, incl. documentation",
        "Standard welding rod, with mounting kit, according to drawing 4711-B",
    ]


def test_of_several_columns_of_digit_codes_the_longest_codes_name_the_article() -> None:
    # no captions; a customs tariff number in three groups a space apart ('7870 86 70'), then the article number:
    # the groups stand in three columns of codes of their own, the first of which named the article
    rows = [
        ("Galvanized ball bearing, M8", "7870 86 70", "240259911", "6", "1,830.94", "10,985.64"),
        ("Industrial LED panel, rev. C", "3978 53 44", "992033540", "500", "1,612.59", "806,295.00"),
        ("Copy paper A4, class A", "4586 27 32", "272176070", "4", "356.57", "1,426.28"),
    ]
    lines: list[tuple[float, list[tuple[float, str]]]] = [(0.100, [(0.07, "Weber Metalworks GmbH")])]
    for k, (text, tariff, code, quantity, price, amount) in enumerate(rows):
        cells = [(0.07, text), (0.40, tariff), (0.55, code), (0.68, quantity), (0.76, price), (0.88, amount)]
        lines.append((0.300 + 0.02 * k, cells))
    extraction = extract_placed(lines)
    assert [(i.value("sku"), i.value("description"), i.value("quantity")) for i in extraction.line_items] == [
        ("240259911", "Galvanized ball bearing, M8", Decimal("6")),
        ("992033540", "Industrial LED panel, rev. C", Decimal("500")),
        ("272176070", "Copy paper A4, class A", Decimal("4")),
    ]


def test_a_price_under_a_caption_no_vocabulary_took_is_the_one_the_rows_multiply_out_with() -> None:
    # 'Net Price' names the price first, so 'Unit Price' beside it stays unread; the rows' arithmetic (quantity x
    # unit price less the discount) puts the price under the unread caption, the net price under 'Net Price'
    extraction = extract_placed(
        [
            (0.100, [(0.07, "Weber Metalworks GmbH")]),
            (0.300, [(0.07, "Part No."), (0.20, "Description"), (0.40, "Net Price"), (0.50, "Disc. %"),
                     (0.58, "Unit Price"), (0.70, "Qty"), (0.76, "Discount"), (0.88, "Amount")]),
            (0.320, [(0.07, "4777404"), (0.20, "Corrugated box"), (0.40, "875.62"), (0.50, "5%"), (0.58, "921.71"),
                     (0.70, "80"), (0.76, "3,686.84"), (0.88, "70,049.96")]),
            (0.337, [(0.07, "7887528"), (0.20, "Lubricant oil"), (0.40, "314.71"), (0.50, "2%"), (0.58, "321.13"),
                     (0.70, "1,000"), (0.76, "6,422.60"), (0.88, "314,707.40")]),
            (0.354, [(0.07, "3873695"), (0.20, "Safety gloves"), (0.40, "1,213.23"), (0.50, "10%"),
                     (0.58, "1,348.03"), (0.70, "120"), (0.76, "16,176.36"), (0.88, "145,587.24")]),
        ]
    )  # fmt: skip
    assert priced_lines(extraction) == [
        ("Corrugated box", Decimal("80"), Decimal("921.71"), Decimal("70049.96")),
        ("Lubricant oil", Decimal("1000"), Decimal("321.13"), Decimal("314707.40")),
        ("Safety gloves", Decimal("120"), Decimal("1348.03"), Decimal("145587.24")),
    ]


def test_the_first_items_text_right_under_the_captions_is_no_second_caption_line() -> None:
    # descriptions wrapped over and under their numbers; the first item's first line ('High-temperature') stands
    # right under 'Description' and names no column: it is the item's text, not the captions' second line
    extraction = extract_placed(
        [
            (0.100, [(0.07, "Weber Metalworks GmbH")]),
            (0.300, [(0.07, "Part No."), (0.20, "Description"), (0.50, "Qty"), (0.60, "Unit Price"),
                     (0.80, "Amount")]),
            (0.316, [(0.20, "High-temperature")]),
            (0.329, [(0.07, "4777404"), (0.20, "corrugated box, DIN"), (0.50, "80"), (0.60, "921.71"),
                     (0.80, "73,736.80")]),
            (0.342, [(0.20, "933, 24 V DC")]),
            (0.362, [(0.20, "Compact lubricant")]),
            (0.375, [(0.07, "7887528"), (0.20, "oil, pack of 100, 1/2"), (0.50, "1,000"), (0.60, "321.13"),
                     (0.80, "321,130.00")]),
            (0.388, [(0.20, "inch")]),
            (0.408, [(0.20, "Standard safety")]),
            (0.421, [(0.07, "3873695"), (0.20, "gloves, M8 x 40 mm,"), (0.50, "120"), (0.60, "1,348.03"),
                     (0.80, "161,763.60")]),
            (0.434, [(0.20, "size L")]),
        ]
    )  # fmt: skip
    assert [i.value("description") for i in extraction.line_items] == [
        "High-temperature corrugated box, DIN 933, 24 V DC",
        "Compact lubricant oil, pack of 100, 1/2 inch",
        "Standard safety gloves, M8 x 40 mm, size L",
    ]
