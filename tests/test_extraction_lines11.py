"""Order lines on unseen tables, fifth pass (the wide table space and blind set 4's dev half showed each class;
captions are made-up words, or words no vocabulary holds): a bracketed code placed anywhere in the text, a
Swiss franc mark before a card's amount, leader dots in a table found by arithmetic, a quantity and its unit in
one right-aligned cell, a section subtotal pushed past its column, a card's unit a monospaced space after the
quantity, a printed header leaving its quantity and price unread, rows whose numbers multiply out across other
rows' columns."""

from decimal import Decimal

from extraction.document import Word
from extraction.heuristic.cards import _quantity_first
from extraction.heuristic.geometry import _crossing_anchors, _units_beside_quantities
from extraction.heuristic.parts import Column
from extraction.result import Extraction
from tests.fixtures_docs import CHAR, HEIGHT, extract_placed


def _lines(extraction: Extraction, *names: str) -> list[tuple[object, ...]]:
    return [tuple(i.value(n) for n in names) for i in extraction.line_items]


CAPTIONS = (0.30, [(0.05, "Qzr"), (0.12, "Mlv"), (0.60, "Wrt"), (0.70, "Vbn"), (0.84, "Trz")])


def test_a_bracketed_code_is_the_texts_where_other_rows_print_their_code_after_the_text() -> None:
    # the code before the text on one row, after it on the others: no column of codes, words of the text
    extraction = extract_placed(
        [
            CAPTIONS,
            (0.33, [(0.05, "1"), (0.12, "[HW-8921] Hydraulic hose 2 m"), (0.60, "200"), (0.70, "348.92"),
                    (0.84, "69,784.00")]),
            (0.35, [(0.05, "2"), (0.12, "Hex nut M10 [AB-0362]"), (0.60, "2"), (0.70, "606.96"), (0.84, "1,213.92")]),
            (0.37, [(0.05, "3"), (0.12, "Cable drum [KT-0509]"), (0.60, "3"), (0.70, "210.00"), (0.84, "630.00")]),
        ]
    )  # fmt: skip
    assert _lines(extraction, "description", "amount") == [
        ("[HW-8921] Hydraulic hose 2 m", Decimal("69784.00")),
        ("Hex nut M10 [AB-0362]", Decimal("1213.92")),
        ("Cable drum [KT-0509]", Decimal("630.00")),
    ]


def test_a_swiss_franc_mark_before_a_cards_amount_is_no_word_of_its_description() -> None:
    # each card: '1 Hex bolt M8   Fr. 109.00', then 'Qzr: 25 pc  Mlv: Fr. 4.36'
    extraction = extract_placed(
        [
            (0.20, [(0.07, "Northwind Tools AG")]),
            (0.30, [(0.07, "1 Hex bolt M8"), (0.79, "Fr."), (0.83, "109.00")]),
            (0.32, [(0.07, "Qzr: 25 pc"), (0.25, "Mlv: Fr. 4.36")]),
            (0.35, [(0.07, "2 Cable drum 50 m"), (0.79, "Fr."), (0.83, "630.00")]),
            (0.37, [(0.07, "Qzr: 3 roll"), (0.25, "Mlv: Fr. 210.00")]),
            (0.40, [(0.07, "3 Torque wrench set"), (0.79, "Fr."), (0.83, "441.00")]),
            (0.42, [(0.07, "Qzr: 5 set"), (0.25, "Mlv: Fr. 88.20")]),
        ]
    )  # fmt: skip
    assert _lines(extraction, "description", "quantity", "amount") == [
        ("Hex bolt M8", Decimal("25"), Decimal("109.00")),
        ("Cable drum 50 m", Decimal("3"), Decimal("630.00")),
        ("Torque wrench set", Decimal("5"), Decimal("441.00")),
    ]


def test_leader_dots_are_no_column_of_a_table_found_by_its_arithmetic() -> None:
    # no captions; the dots run from a tab stop past each text to the code column, longer than any text
    dots = "." * 30
    rows = [
        ("10", "Stainless flange", "RD-900566", "242", "30.64", "7,414.88"),
        ("20", "Laptop docking station", "BM-108258", "12", "1,872.40", "22,468.80"),
        ("30", "Hex bolt", "DA-725392", "878", "1.99", "1,747.22"),
    ]
    lines = [(0.10, [(0.07, "Cobalt Trading AG")])]
    for k, (line, text, code, qty, price, amount) in enumerate(rows):
        cells = [(0.05, line), (0.10, text), (0.27, dots), (0.48, code), (0.60, qty), (0.70, price), (0.84, amount)]
        lines.append((0.30 + 0.02 * k, cells))
    assert _lines(extract_placed(lines), "sku", "description", "amount") == [
        ("RD-900566", "Stainless flange", Decimal("7414.88")),
        ("BM-108258", "Laptop docking station", Decimal("22468.80")),
        ("DA-725392", "Hex bolt", Decimal("1747.22")),
    ]


def test_a_quantity_and_its_unit_right_aligned_in_one_cell_are_no_words_of_the_text() -> None:
    # the cells end under 'Qty', right-aligned: each number ends before the caption starts, its unit under it
    def row(y: float, text: str, cell: str, price: str, amount: str) -> tuple[float, list[tuple[float, str]]]:
        return (y, [(0.12, text), (0.60 - CHAR * len(cell), cell), (0.68, price), (0.84, amount)])

    extraction = extract_placed(
        [
            (0.30, [(0.12, "Description"), (0.575, "Qty"), (0.68, "Price"), (0.84, "Amount")]),
            row(0.33, "Industrial cable tie", "4 pack", "1,846.56", "7,386.24"),
            row(0.35, "Cleaning solvent", "250 pack", "233.68", "58,420.00"),
            row(0.37, "Hex bolt M10", "12 pair", "682.88", "8,194.56"),
        ]
    )  # fmt: skip
    assert _lines(extraction, "description", "quantity", "unit") == [
        ("Industrial cable tie", Decimal("4"), "pack"),
        ("Cleaning solvent", Decimal("250"), "pack"),
        ("Hex bolt M10", Decimal("12"), "pair"),
    ]


def test_a_section_subtotal_pushed_past_its_column_by_the_sections_number_ends_the_section_only() -> None:
    # 'Subtotal 1' stands under the amount's caption, its sum under a caption naming nothing; the next section
    # goes on under its heading
    extraction = extract_placed(
        [
            (0.30, [(0.12, "Description"), (0.50, "Qty"), (0.60, "Price"), (0.72, "Amount"), (0.86, "Xkpq")]),
            (0.32, [(0.05, "Lot 1 - Fasteners")]),
            (0.34, [(0.12, "Hex bolt M10"), (0.50, "10"), (0.60, "2.50"), (0.72, "25.00")]),
            (0.36, [(0.12, "Washer M10"), (0.50, "20"), (0.60, "0.50"), (0.72, "10.00")]),
            (0.38, [(0.60, "Subtotal"), (0.72, "1"), (0.80, "35.00")]),
            (0.40, [(0.05, "Lot 2 - Tools")]),
            (0.42, [(0.12, "Torque wrench"), (0.50, "2"), (0.60, "88.20"), (0.72, "176.40")]),
            (0.44, [(0.60, "Subtotal"), (0.72, "2"), (0.80, "176.40")]),
        ]
    )  # fmt: skip
    assert _lines(extraction, "description", "amount") == [
        ("Hex bolt M10", Decimal("25.00")),
        ("Washer M10", Decimal("10.00")),
        ("Torque wrench", Decimal("176.40")),
    ]


def test_a_cards_unit_a_monospaced_space_after_the_quantity_tells_the_quantity() -> None:
    # 'Mlv: 2,242.58 per 1000  Qzr: 12.50 ea': spaces as wide as a character (a monospaced font), both numbers
    # with cents; the unit after the second number makes it the quantity, 'per 1000' after the first is no unit
    texts = ["Mlv:", "2,242.58", "per", "1000", "Qzr:", "12.50", "ea"]
    words, x = [], 0.07
    for text in texts:
        words.append(Word(text, (x, 0.3, x + CHAR * len(text), 0.3 + HEIGHT)))
        x += CHAR * (len(text) + 1)
    assert not _quantity_first(words[1], words[5], words, "", CHAR)


def test_a_printed_header_leaving_quantity_and_price_unread_yields_to_the_rows_arithmetic() -> None:
    # 'Xkq.' and 'Vbnq zrt. c/IVA' name nothing known; 'IVA' and 'Total' do; the rows multiply out
    extraction = extract_placed(
        [
            (0.28, [(0.07, "Designação"), (0.54, "Xkq."), (0.62, "Vbnq zrt. c/IVA"), (0.80, "IVA"),
                    (0.88, "Total")]),
            (0.31, [(0.07, "Parafuso sextavado M10x30"), (0.56, "4"), (0.64, "760,29"), (0.80, "23 %"),
                    (0.88, "3.041,16")]),
            (0.33, [(0.07, "Tinta acrílica branca 15 L"), (0.56, "5"), (0.64, "294,01"), (0.80, "6 %"),
                    (0.88, "1.470,05")]),
            (0.35, [(0.07, "Luvas de proteção"), (0.56, "3"), (0.64, "426,29"), (0.80, "6 %"),
                    (0.88, "1.278,87")]),
        ]
    )  # fmt: skip
    assert _lines(extraction, "description", "quantity", "unit_price", "amount") == [
        ("Parafuso sextavado M10x30", Decimal("4"), Decimal("760.29"), Decimal("3041.16")),
        ("Tinta acrílica branca 15 L", Decimal("5"), Decimal("294.01"), Decimal("1470.05")),
        ("Luvas de proteção", Decimal("3"), Decimal("426.29"), Decimal("1278.87")),
    ]


def _word(text: str, x0: float, y: float = 0.3) -> Word:
    return Word(text, (x0, y, x0 + CHAR * len(text), y + HEIGHT))


def test_a_row_whose_numbers_multiply_out_in_other_columns_does_not_shape_the_table() -> None:
    # three rows read quantity, price, amount at 0.60, 0.70, 0.84; the fourth's triple stands at 0.52, 0.84, 0.70
    anchors = [
        (k, {"quantity": _word("12", 0.60), "unit_price": _word("45.50", 0.70), "amount": _word("546.00", 0.84)})
        for k in range(3)
    ]
    crossed = {"quantity": _word("100", 0.52), "unit_price": _word("20.04", 0.84), "amount": _word("2,004.39", 0.70)}
    assert _crossing_anchors([*anchors, (3, crossed)], CHAR) == anchors


def test_units_beside_the_quantities_with_a_stray_number_among_them_are_the_unit_column() -> None:
    quantities = [Column("quantity", 0.60, 0.64)]
    beside = Column("_skip", 0.645, 0.67)
    assert _units_beside_quantities(["pack", "pair", "1", "box", "roll"], beside, quantities, CHAR)
    assert not _units_beside_quantities(["pack", "12", "1", "box"], beside, quantities, CHAR)
    assert not _units_beside_quantities(["pack", "pair", "1", "box"], Column("_skip", 0.20, 0.25), quantities, CHAR)


def test_a_unit_squared_with_a_digit_after_the_quantity_is_no_word_of_the_description() -> None:
    # '20.397 m2' in the quantity's cell, as 'm²' would be
    extraction = extract_placed(
        [
            (0.30, [(0.12, "Description"), (0.50, "Qty"), (0.64, "Price"), (0.84, "Amount")]),
            (0.33, [(0.12, "Galvanized steel sheet"), (0.50, "20.397 m2"), (0.64, "625.66"), (0.84, "12,761.59")]),
            (0.35, [(0.12, "Pallet wrap 500 mm"), (0.50, "12 roll"), (0.64, "45.50"), (0.84, "546.00")]),
        ]
    )  # fmt: skip
    assert _lines(extraction, "description", "quantity", "unit") == [
        ("Galvanized steel sheet", Decimal("20.397"), "m2"),
        ("Pallet wrap 500 mm", Decimal("12"), "roll"),
    ]
