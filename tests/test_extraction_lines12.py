"""Order lines on unseen tables, sixth pass. Two kinds of tests on hand-placed words: the classes the study sets
showed (two captions naming the text, a first row whose amount is less a discount amount, a price unit between
the quantity and the price, two part-number captions over a two-line header, a section's subtotal above a continued
page, a balance carried forward, a section's header printed again), and table variations written for this pass
that no study set holds (a description wrapping over three lines, 'Pos.' numbered 10/20, a quantity and its unit in
one cell, a price per 100, a discount column, a currency mark in a right-to-left script)."""

from decimal import Decimal

from extraction.document import Document, Page
from extraction.heuristic import HeuristicExtractor
from extraction.result import Extraction
from tests.fixtures_docs import words_at

Lines = list[tuple[float, list[tuple[float, str]]]]


def _extract(lines: Lines, *pages: Lines) -> Extraction:
    sheets = [lines, *pages]
    document = Document(
        [
            Page(n + 1, 595, 842, [w for y, cells in sheet for x, text in cells for w in words_at(text, x, y)], "text")
            for n, sheet in enumerate(sheets)
        ]
    )
    return HeuristicExtractor().extract(document, "purchase_order")


def _lines(extraction: Extraction, *names: str) -> list[tuple[object, ...]]:
    return [tuple(i.value(n) for n in names) for i in extraction.line_items]


# ---- classes seen in the study sets -------------------------------------------------------------------------


def test_two_captions_naming_the_text_the_one_over_codes_names_the_article() -> None:
    # 'Vendor Item' and 'Product' both name the text; the codes under the first are the article's
    extraction = _extract(
        [
            (0.30, [(0.05, "Vendor Item"), (0.20, "Product"), (0.60, "Qty"), (0.70, "Price"), (0.84, "Amount")]),
            (0.33, [(0.05, "QX-4155"), (0.20, "Nitrile gloves, 20 per box"), (0.60, "24"), (0.70, "72.26"),
                    (0.84, "1,734.24")]),
            (0.35, [(0.05, "MP-1504"), (0.20, "Copy paper, 10 ream case"), (0.60, "2"), (0.70, "347.76"),
                    (0.84, "695.52")]),
            (0.37, [(0.05, "VZ-9454"), (0.20, "LED troffer 2x4"), (0.60, "4"), (0.70, "165.86"), (0.84, "663.44")]),
        ]
    )  # fmt: skip
    assert _lines(extraction, "sku", "description", "quantity") == [
        ("QX-4155", "Nitrile gloves, 20 per box", Decimal("24")),
        ("MP-1504", "Copy paper, 10 ream case", Decimal("2")),
        ("VZ-9454", "LED troffer 2x4", Decimal("4")),
    ]


def test_a_first_row_less_a_discount_amount_opens_a_table_found_by_arithmetic() -> None:
    # no captions; the first row's amount is its quantity x price less 65.00 (the other rows print '-'): it does not
    # multiply out alone, still it fills every column the rows below showed
    rows = [
        ("10", "Circuit breaker", "5", "65.00", "584.62", "2,858.10"),
        ("20", "Hex bolt M8", "12", "-", "1.25", "15.00"),
        ("30", "Drill bit set", "3", "-", "41.10", "123.30"),
        ("40", "Cable drum", "2", "-", "210.00", "420.00"),
    ]
    lines: Lines = [(0.10, [(0.07, "Cobalt Trading AG")]), (0.28, [(0.05, "Wqzr 1 - Plmqa")])]
    for k, (line, text, qty, off, price, amount) in enumerate(rows):
        cells = [(0.05, line), (0.10, text), (0.45, qty), (0.55, off), (0.68, price), (0.84, amount)]
        lines.append((0.30 + 0.02 * k, cells))
    extraction = _extract(lines)
    assert _lines(extraction, "description", "quantity", "amount") == [
        ("Circuit breaker", Decimal("5"), Decimal("2858.10")),
        ("Hex bolt M8", Decimal("12"), Decimal("15.00")),
        ("Drill bit set", Decimal("3"), Decimal("123.30")),
        ("Cable drum", Decimal("2"), Decimal("420.00")),
    ]


def test_a_price_unit_between_the_quantity_and_the_price_leaves_the_quantity_in_its_column() -> None:
    # made-up captions: quantity | list price | per | discount % | net price | amount, priced per 100
    captions = [(0.05, "Qzr"), (0.30, "Mlv"), (0.40, "Wrt"), (0.50, "Xkp"), (0.60, "Vbn"), (0.72, "Brt"),
                (0.86, "Trz")]  # fmt: skip
    rows = [
        ("Network switch", "111,49", "2.333,53", "100", "3%", "2.263,52", "2.523,60"),
        ("Coffee beans", "901,76", "843,07", "100", "3%", "817,78", "7.374,40"),
        ("Pallet wrap", "6.501", "615,40", "100", "-", "615,40", "40.007,15"),
    ]
    lines: Lines = [(0.30, captions)]
    for k, (text, qty, price, per, rate, net, amount) in enumerate(rows):
        xs = (0.05, 0.30, 0.40, 0.50, 0.60, 0.72, 0.86)
        lines.append((0.33 + 0.02 * k, list(zip(xs, (text, qty, price, per, rate, net, amount), strict=True))))
    extraction = _extract(lines)
    assert _lines(extraction, "description", "quantity", "amount") == [
        ("Network switch", Decimal("111.49"), Decimal("2523.60")),
        ("Coffee beans", Decimal("901.76"), Decimal("7374.40")),
        ("Pallet wrap", Decimal("6501"), Decimal("40007.15")),
    ]


def test_two_part_number_captions_on_two_lines_the_lettered_code_names_the_article() -> None:
    # 'Our Part' / 'No.' and 'Your Part' / 'No.' over two lines, 'Unit' / 'Price' and 'Price' / 'Unit' too: one
    # caption each (read word by word, 'No.' joined 'Our' and the first line alone named more columns)
    extraction = _extract(
        [
            (0.30, [(0.05, "Item"), (0.12, "Our Part"), (0.25, "Your Part"), (0.38, "Description"), (0.60, "Qty"),
                    (0.68, "Unit"), (0.76, "Price"), (0.86, "Amount")]),
            (0.315, [(0.12, "No."), (0.25, "No."), (0.68, "Price"), (0.76, "Unit")]),
            (0.34, [(0.05, "10"), (0.12, "632.5163"), (0.25, "TM-617332"), (0.38, "Steel sheet"), (0.60, "8"),
                    (0.68, "135.73"), (0.78, "1"), (0.86, "1,085.84")]),
            (0.36, [(0.05, "20"), (0.12, "282.7771"), (0.25, "HD-129156"), (0.38, "Hydraulic hose"), (0.60, "2"),
                    (0.68, "40.78"), (0.78, "1"), (0.86, "81.56")]),
        ]
    )  # fmt: skip
    assert _lines(extraction, "sku", "description", "unit_price") == [
        ("TM-617332", "Steel sheet", Decimal("135.73")),
        ("HD-129156", "Hydraulic hose", Decimal("40.78")),
    ]


def test_a_balance_carried_over_a_page_break_does_not_end_the_table() -> None:
    captions = (0.30, [(0.05, "Ln."), (0.12, "Goods"), (0.60, "Qty"), (0.70, "Price"), (0.84, "Amount")])
    first = [
        captions,
        (0.33, [(0.05, "1"), (0.12, "Hex bolt M12"), (0.60, "10"), (0.70, "2.50"), (0.84, "25.00")]),
        (0.35, [(0.05, "2"), (0.12, "Nitrile gloves"), (0.60, "4"), (0.70, "3.00"), (0.84, "12.00")]),
        (0.38, [(0.12, "Wqzr c/f"), (0.84, "37.00")]),
    ]
    second = [
        captions,
        (0.32, [(0.12, "Wqzr b/f"), (0.84, "37.00")]),
        (0.34, [(0.05, "3"), (0.12, "Copper cable"), (0.60, "3"), (0.70, "7.00"), (0.84, "21.00")]),
        (0.36, [(0.05, "4"), (0.12, "Cable ties"), (0.60, "5"), (0.70, "1.00"), (0.84, "5.00")]),
    ]
    extraction = _extract(first, second)
    assert _lines(extraction, "description", "amount") == [
        ("Hex bolt M12", Decimal("25.00")),
        ("Nitrile gloves", Decimal("12.00")),
        ("Copper cable", Decimal("21.00")),
        ("Cable ties", Decimal("5.00")),
    ]


def test_a_sections_header_printed_again_below_goes_on_with_the_table() -> None:
    captions = [(0.05, "Description"), (0.60, "Qty"), (0.70, "Price"), (0.84, "Total")]
    extraction = _extract(
        [
            (0.26, [(0.05, "Wqzr")]),
            (0.28, captions),
            (0.30, [(0.05, "Hydraulic hose assembly"), (0.60, "100"), (0.70, "912.51"), (0.84, "91,251.00")]),
            (0.34, [(0.05, "Plmqa and Zubrq")]),
            (0.36, captions),
            (0.38, [(0.05, "On-site commissioning"), (0.60, "24"), (0.70, "45.40"), (0.84, "1,089.60")]),
            (0.40, [(0.05, "Installation labour"), (0.60, "12"), (0.70, "28.05"), (0.84, "336.60")]),
            (0.46, [(0.60, "Total"), (0.84, "92,677.20")]),
        ]
    )  # fmt: skip
    assert _lines(extraction, "description", "quantity") == [
        ("Hydraulic hose assembly", Decimal("100")),
        ("On-site commissioning", Decimal("24")),
        ("Installation labour", Decimal("12")),
    ]


# ---- variations written for this pass -----------------------------------------------------------------------


def test_a_description_wrapping_over_three_lines_keeps_every_line() -> None:
    extraction = _extract(
        [
            (0.30, [(0.05, "Pos."), (0.12, "Description"), (0.60, "Qty"), (0.70, "Price"), (0.84, "Amount")]),
            (0.33, [(0.05, "10"), (0.12, "Stainless flange DN50"), (0.60, "4"), (0.70, "30.64"), (0.84, "122.56")]),
            (0.345, [(0.12, "PN16, welded neck,")]),
            (0.36, [(0.12, "with certificate")]),
            (0.38, [(0.05, "20"), (0.12, "Hex bolt M8"), (0.60, "100"), (0.70, "0.12"), (0.84, "12.00")]),
            (0.395, [(0.12, "zinc plated,")]),
            (0.41, [(0.12, "box of 100")]),
        ]
    )  # fmt: skip
    assert _lines(extraction, "description", "quantity", "amount") == [
        ("Stainless flange DN50 PN16, welded neck, with certificate", Decimal("4"), Decimal("122.56")),
        ("Hex bolt M8 zinc plated, box of 100", Decimal("100"), Decimal("12.00")),
    ]


def test_positions_numbered_in_tens_are_no_quantities() -> None:
    extraction = _extract(
        [
            (0.30, [(0.05, "Pos."), (0.12, "Wqzr"), (0.60, "Plm"), (0.70, "Zubrq"), (0.84, "Trz")]),
            (0.33, [(0.05, "10"), (0.12, "Torque wrench"), (0.60, "20"), (0.70, "10.00"), (0.84, "200.00")]),
            (0.35, [(0.05, "20"), (0.12, "Drill bit set"), (0.60, "10"), (0.70, "20.00"), (0.84, "200.00")]),
            (0.37, [(0.05, "30"), (0.12, "Cable drum"), (0.60, "3"), (0.70, "30.00"), (0.84, "90.00")]),
        ]
    )  # fmt: skip
    assert _lines(extraction, "description", "quantity", "unit_price") == [
        ("Torque wrench", Decimal("20"), Decimal("10.00")),
        ("Drill bit set", Decimal("10"), Decimal("20.00")),
        ("Cable drum", Decimal("3"), Decimal("30.00")),
    ]


def test_a_quantity_with_its_unit_in_one_cell_a_price_per_100_and_a_discount_column() -> None:
    # 'Qty' cells print '250 pcs'; the price is per 100 units, less a discount rate
    captions = [(0.05, "Article"), (0.45, "Qty"), (0.56, "Price"), (0.66, "per"), (0.74, "Disc."), (0.86, "Amount")]
    extraction = _extract(
        [
            (0.30, captions),
            (0.33, [(0.05, "Washer M8 zinc"), (0.45, "250 pcs"), (0.56, "4.20"), (0.66, "100"), (0.74, "10%"),
                    (0.86, "9.45")]),
            (0.35, [(0.05, "Cable tie 200 mm"), (0.45, "1000 pcs"), (0.56, "2.50"), (0.66, "100"), (0.74, "-"),
                    (0.86, "25.00")]),
            (0.37, [(0.05, "Rivet 4x10"), (0.45, "500 pcs"), (0.56, "3.00"), (0.66, "100"), (0.74, "5%"),
                    (0.86, "14.25")]),
        ]
    )  # fmt: skip
    assert _lines(extraction, "description", "quantity", "unit", "amount") == [
        ("Washer M8 zinc", Decimal("250"), "pcs", Decimal("9.45")),
        ("Cable tie 200 mm", Decimal("1000"), "pcs", Decimal("25.00")),
        ("Rivet 4x10", Decimal("500"), "pcs", Decimal("14.25")),
    ]


def test_a_currency_mark_in_a_right_to_left_script_is_no_word_of_the_text() -> None:
    # 'د.إ' (dirham) before each amount, a space apart
    extraction = _extract(
        [
            (0.30, [(0.05, "Description"), (0.50, "Qty"), (0.62, "Unit Price"), (0.82, "Amount")]),
            (0.33, [(0.05, "Laptop stand"), (0.50, "2"), (0.62, "د.إ 150.00"), (0.82, "د.إ 300.00")]),
            (0.35, [(0.05, "USB-C hub"), (0.50, "5"), (0.62, "د.إ 80.00"), (0.82, "د.إ 400.00")]),
        ]
    )  # fmt: skip
    assert _lines(extraction, "description", "quantity", "unit_price", "amount") == [
        ("Laptop stand", Decimal("2"), Decimal("150.00"), Decimal("300.00")),
        ("USB-C hub", Decimal("5"), Decimal("80.00"), Decimal("400.00")),
    ]


def test_a_credit_lines_minus_before_or_after_an_amount_with_space_thousands() -> None:
    # '-1 725,90' and '2 453,25-': one negative amount each, the section subtotal adds up with them
    extraction = _extract(
        [
            (0.30, [(0.05, "Wqzr"), (0.50, "Plm"), (0.62, "Zubrq"), (0.84, "Trz")]),
            (0.33, [(0.05, "Steel sheet"), (0.50, "10"), (0.62, "1 500,00"), (0.84, "15 000,00")]),
            (0.35, [(0.05, "Credit: returned goods"), (0.50, "-1"), (0.62, "1 725,90"), (0.84, "-1 725,90")]),
            (0.37, [(0.05, "Credit: damaged"), (0.50, "1"), (0.62, "2 453,25-"), (0.84, "2 453,25-")]),
            (0.39, [(0.05, "Hex bolt"), (0.50, "4"), (0.62, "2,50"), (0.84, "10,00")]),
        ]
    )  # fmt: skip
    assert _lines(extraction, "description", "amount") == [
        ("Steel sheet", Decimal("15000.00")),
        ("Credit: returned goods", Decimal("-1725.90")),
        ("Credit: damaged", Decimal("-2453.25")),
        ("Hex bolt", Decimal("10.00")),
    ]


def test_a_quantity_printed_right_of_a_net_price_is_told_by_the_discount() -> None:
    # no captions: discount % | list price | net price | quantity | per | amount; qty x net reads both ways, the
    # number the list price less the rate gives is the net price
    rows = [
        ("Reagent kit", "12,5%", "760,66", "665,58", "306,46", "100", "2.039,73"),
        ("Gasket set", "12,5%", "1.786,98", "1.563,61", "6.777,6", "1000", "10.597,51"),
        ("Timing belt", "20%", "2.492,22", "1.993,78", "884,66", "100", "17.638,14"),
    ]
    lines: Lines = [(0.10, [(0.07, "Cobalt Trading AG")])]
    for k, row in enumerate(rows):
        xs = (0.05, 0.30, 0.40, 0.52, 0.64, 0.76, 0.86)
        lines.append((0.30 + 0.02 * k, list(zip(xs, row, strict=True))))
    extraction = _extract(lines)
    assert _lines(extraction, "description", "quantity", "amount") == [
        ("Reagent kit", Decimal("306.46"), Decimal("2039.73")),
        ("Gasket set", Decimal("6777.6"), Decimal("10597.51")),
        ("Timing belt", Decimal("884.66"), Decimal("17638.14")),
    ]


def test_a_card_title_wrapped_onto_a_line_opening_with_a_number_keeps_it() -> None:
    extraction = _extract(
        [
            (0.20, [(0.07, "Northwind Tools AG")]),
            (0.30, [(0.07, "10 Copper wire, as per drawing 4711-B, ISO"), (0.83, "1,234.50")]),
            (0.32, [(0.09, "9001 certified")]),
            (0.34, [(0.09, "Qzr: 10 m"), (0.30, "Mlv: 123.45")]),
            (0.38, [(0.07, "20 Hex bolt M8"), (0.843, "109.00")]),
            (0.40, [(0.09, "Qzr: 25 pc"), (0.30, "Mlv: 4.36")]),
        ]
    )  # fmt: skip
    assert _lines(extraction, "description", "quantity") == [
        ("Copper wire, as per drawing 4711-B, ISO 9001 certified", Decimal("10")),
        ("Hex bolt M8", Decimal("25")),
    ]
