"""Order lines on unseen layouts, tiny orders (the wide table space showed each class; captions are made-up words):
a table of one row under captions wrapped onto two lines."""

from decimal import Decimal

from tests.fixtures_docs import CHAR, extract_placed


def test_an_order_of_one_row_under_captions_wrapped_onto_two_lines_is_read() -> None:
    # the captions' line, then their continuations ('unit' '(EUR)'), then the order's only row
    extraction = extract_placed(
        [
            (0.10, [(0.07, "Ironbridge Pharma KG")]),
            (0.12, [(0.07, "Qzr Mlv 45887844")]),
            (0.30, [(0.05, "Xk."), (0.12, "Wrtzl"), (0.55, "Vbnq"), (0.68, "Trz"), (0.84, "Plok")]),
            (0.315, [(0.68, "ghj"), (0.84, "(EUR)")]),
            (0.335, [(0.05, "1"), (0.12, "Stainless timing belt"), (0.55, "250"), (0.68, "794,08"),
                     (0.84, "198.520,00")]),
        ]
    )  # fmt: skip
    assert [(i.value("description"), i.value("quantity"), i.value("amount")) for i in extraction.line_items] == [
        ("Stainless timing belt", Decimal("250"), Decimal("198520.00")),
    ]


def test_an_order_of_one_numbered_row_without_captions_is_read() -> None:
    # no captions at all: the row opens with its line number, the quantity times the price makes the amount
    extraction = extract_placed(
        [
            (0.10, [(0.07, "Cobalt Trading AG")]),
            (0.12, [(0.07, "Qzr Mlv B247028")]),
            (0.14, [(0.07, "10.11.2026")]),
            (0.30, [(0.05, "1.1"), (0.10, "DM-485813"), (0.22, "Certified filter cartridge"), (0.55, "2 660"),
                    (0.68, "87,00"), (0.84, "231.420,00")]),
        ]
    )  # fmt: skip
    assert [(i.value("sku"), i.value("quantity"), i.value("amount")) for i in extraction.line_items] == [
        ("DM-485813", Decimal("2660"), Decimal("231420.00")),
    ]


def test_a_sentence_whose_numbers_multiply_out_is_no_order_row() -> None:
    # prose: no line number or code opens it, no captions above it
    extraction = extract_placed(
        [
            (0.10, [(0.07, "Cobalt Trading AG")]),
            (0.30, [(0.07, "Delivered were 4 crates at 25.00 making 100.00 in all")]),
        ]
    )  # fmt: skip
    assert extraction.line_items == []


X_OFF = (0.05, 0.10, 0.20, 0.52, 0.60, 0.70, 0.85)  # line, code, description, discount amount, qty, price, amount


def _right_aligned(row: tuple[str, ...]) -> list[tuple[float, str]]:
    """The row's cells at X_OFF, the discount amount ending at 0.58 whatever its length."""
    xs = list(X_OFF)
    xs[3] = 0.58 - CHAR * len(row[3])
    return list(zip(xs, row, strict=True))


def test_a_discount_amount_column_printing_dashes_is_no_part_of_the_description() -> None:
    # no captions; between description and quantity an amount off the line, '-' where none is given
    rows = [
        ("1", "AB-1001", "Steel bracket 40 mm", "-", "12", "45,50", "546,00"),
        ("2", "AB-1002", "Cable drum 50 m", "1.260,00", "30", "210,00", "5.040,00"),
        ("3", "AB-1003", "Torque wrench set", "-", "5", "88,20", "441,00"),
        ("4", "AB-1004", "Hydraulic pump unit", "2.635,37", "10", "1.500,00", "12.364,63"),
    ]
    extraction = extract_placed(
        [(0.10, [(0.07, "Cobalt Trading AG")]), (0.12, [(0.07, "Qzr Mlv B247028")])]
        + [(0.30 + 0.02 * i, _right_aligned(row)) for i, row in enumerate(rows)]
    )  # the discount amounts right-aligned on one edge
    assert [(i.value("description"), i.value("amount")) for i in extraction.line_items] == [
        ("Steel bracket 40 mm", Decimal("546.00")),
        ("Cable drum 50 m", Decimal("5040.00")),
        ("Torque wrench set", Decimal("441.00")),
        ("Hydraulic pump unit", Decimal("12364.63")),
    ]


def test_a_lone_row_without_captions_whose_quantity_and_price_both_print_cents_is_not_guessed() -> None:
    # '711,45' x '794,98' / 100: which one is the quantity no column tells, so the row is not read
    extraction = extract_placed(
        [
            (0.10, [(0.07, "Cobalt Trading AG")]),
            (0.30, [(0.05, "1.1"), (0.10, "KB-197337"), (0.22, "Epoxy resin"), (0.55, "100"), (0.62, "794,98"),
                    (0.72, "711,45"), (0.84, "5 655,89")]),
        ]
    )  # fmt: skip
    assert extraction.line_items == []


def test_a_unit_set_beside_the_quantity_is_no_description_word_where_a_unit_column_stands_past_the_prices() -> None:
    # '50 pcs' in the quantity's cell, under the price's caption; a caption naming a unit stands past the price
    captions = (0.30, [(0.25, "Description"), (0.40, "Qty"), (0.45, "Unit Price"), (0.66, "Unit"), (0.84, "Amount")])
    extraction = extract_placed(
        [
            (0.10, [(0.07, "Cobalt Trading AG")]),
            captions,
            (0.33, [(0.25, "Spare part kit"), (0.40, "50 pcs"), (0.52, "12.00"), (0.84, "600.00")]),
            (0.35, [(0.25, "Network switch"), (0.40, "4 box"), (0.52, "210.00"), (0.84, "840.00")]),
            (0.37, [(0.25, "Servo motor"), (0.40, "6 set"), (0.52, "88.20"), (0.84, "529.20")]),
        ]
    )  # fmt: skip
    assert [(i.value("description"), i.value("quantity")) for i in extraction.line_items] == [
        ("Spare part kit", Decimal("50")),
        ("Network switch", Decimal("4")),
        ("Servo motor", Decimal("6")),
    ]
