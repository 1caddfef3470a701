"""Order lines on unseen layouts (the wide table space showed each class; captions are made-up words or none):
a currency mark printed before a card's amount, two code columns before the description."""

from decimal import Decimal

from tests.fixtures_docs import extract_placed

X_PARTS = (0.05, 0.14, 0.26, 0.60, 0.70, 0.84)  # part number, code, description, quantity, price, amount
X_AFTER = (0.05, 0.36, 0.46, 0.62, 0.72, 0.85)  # description, part number, code, quantity, price, amount
X_HEADED = (0.05, 0.18, 0.62, 0.72, 0.85)  # part number, code and description, quantity, price, amount


def _row(y: float, xs: tuple[float, ...], texts: tuple[str, ...]) -> tuple[float, list[tuple[float, str]]]:
    return (y, list(zip(xs, texts, strict=True)))


def test_a_currency_mark_before_a_cards_amount_is_no_word_of_its_description() -> None:
    # each card: '1 Hex bolt M8   € 109.00', then 'Qzr: 25 pc  Mlv: € 4.36'
    extraction = extract_placed(
        [
            (0.20, [(0.07, "Northwind Tools GmbH")]),
            (0.22, [(0.07, "PO No. 4711-2026")]),
            (0.30, [(0.07, "1 Hex bolt M8"), (0.80, "€"), (0.83, "109.00")]),
            (0.32, [(0.07, "Qzr: 25 pc"), (0.25, "Mlv: € 4.36")]),
            (0.35, [(0.07, "2 Cable drum 50 m"), (0.80, "€"), (0.83, "630.00")]),
            (0.37, [(0.07, "Qzr: 3 roll"), (0.25, "Mlv: € 210.00")]),
            (0.40, [(0.07, "3 Torque wrench set"), (0.80, "€"), (0.83, "441.00")]),
            (0.42, [(0.07, "Qzr: 5 set"), (0.25, "Mlv: € 88.20")]),
        ]
    )  # fmt: skip
    assert [(i.value("description"), i.value("quantity"), i.value("amount")) for i in extraction.line_items] == [
        ("Hex bolt M8", Decimal("25"), Decimal("109.00")),
        ("Cable drum 50 m", Decimal("3"), Decimal("630.00")),
        ("Torque wrench set", Decimal("5"), Decimal("441.00")),
    ]


def test_of_two_code_columns_the_one_with_letters_is_the_sku_not_the_number_shaped_part_number() -> None:
    captions = (0.30, [(0.05, "Qzr"), (0.14, "Mlv"), (0.26, "Xkp"), (0.60, "Wrt"), (0.70, "Vbn"), (0.84, "Trz")])
    extraction = extract_placed(
        [
            captions,
            _row(0.33, X_PARTS, ("142.3603", "DA-372365", "Steel bracket 40 mm", "12", "45.50", "546.00")),
            _row(0.35, X_PARTS, ("993.5003", "MD-332615", "Cable drum 50 m", "3", "210.00", "630.00")),
            _row(0.37, X_PARTS, ("633.2911", "TH-35439", "Torque wrench set", "5", "88.20", "441.00")),
        ]
    )  # fmt: skip
    assert [(i.value("sku"), i.value("description"), i.value("amount")) for i in extraction.line_items] == [
        ("DA-372365", "Steel bracket 40 mm", Decimal("546.00")),
        ("MD-332615", "Cable drum 50 m", Decimal("630.00")),
        ("TH-35439", "Torque wrench set", Decimal("441.00")),
    ]


def test_codes_under_an_unread_caption_are_the_sku_where_the_named_code_column_stays_empty() -> None:
    # two part-number captions: the first one's values read as line numbers, its column stays empty, the
    # lettered codes stand under a caption read as no column
    captions = _row(
        0.30,
        (0.05, 0.30, 0.44, 0.62, 0.72, 0.85),
        ("Description", "Our Part No.", "Your Part No.", "Qty", "Price", "Amount"),
    )
    extraction = extract_placed(
        [
            captions,
            _row(0.33, X_AFTER, ("Steel bracket 40 mm", "592.6719", "DA-372365", "12", "45.50", "546.00")),
            _row(0.35, X_AFTER, ("Cable drum 50 m", "751.9324", "MD-332615", "3", "210.00", "630.00")),
            _row(0.37, X_AFTER, ("Torque wrench set", "633.2911", "TH-35439", "5", "88.20", "441.00")),
        ]
    )  # fmt: skip
    assert [(i.value("sku"), i.value("description"), i.value("amount")) for i in extraction.line_items] == [
        ("DA-372365", "Steel bracket 40 mm", Decimal("546.00")),
        ("MD-332615", "Cable drum 50 m", Decimal("630.00")),
        ("TH-35439", "Torque wrench set", Decimal("441.00")),
    ]


def test_a_lettered_code_heading_every_description_is_the_sku_over_a_number_shaped_part_number() -> None:
    captions = (0.30, [(0.05, "Part No."), (0.18, "Description"), (0.62, "Qty"), (0.72, "Price"), (0.85, "Amount")])
    extraction = extract_placed(
        [
            captions,
            _row(0.33, X_HEADED, ("629.5362", "BA-518950 Steel bracket 40 mm", "12", "45.50", "546.00")),
            _row(0.35, X_HEADED, ("505.4655", "DA-669782 Cable drum 50 m", "3", "210.00", "630.00")),
            _row(0.37, X_HEADED, ("984.9480", "AK-580274 Torque wrench set", "5", "88.20", "441.00")),
        ]
    )  # fmt: skip
    assert [(i.value("sku"), i.value("description"), i.value("amount")) for i in extraction.line_items] == [
        ("BA-518950", "Steel bracket 40 mm", Decimal("546.00")),
        ("DA-669782", "Cable drum 50 m", Decimal("630.00")),
        ("AK-580274", "Torque wrench set", Decimal("441.00")),
    ]


def test_a_cards_price_after_its_discount_rate_leaves_the_list_price_as_the_lines_price() -> None:
    # 12.5 x 95.00 = 1,187.50, 95.00 being 100.00 less 5 %: the price printed on the card's next line
    rows: list[tuple[float, list[tuple[float, str]]]] = [
        (0.20, [(0.07, "Northwind Tools GmbH")]),
        (0.22, [(0.07, "PO No. 4711-2026")]),
    ]
    cards = [("Cable drum 50 m", "12.5", "1,187.50"), ("Hex bolt M8", "25.0", "2,375.00")]
    cards.append(("Torque wrench set", "37.5", "3,562.50"))
    for k, (text, qty, amount) in enumerate(cards):
        y = 0.30 + 0.08 * k
        rows += [
            (y, [(0.07, f"{k + 1} {text}"), (0.83, amount)]),
            (y + 0.02, [(0.07, "Xkp %: 5%"), (0.25, f"Qzr: {qty} m"), (0.45, "Mlv: 95.00")]),
            (y + 0.04, [(0.07, "Wrt 100.00")]),
        ]  # fmt: skip
    extraction = extract_placed(rows)
    assert [(i.value("description"), i.value("quantity"), i.value("unit_price")) for i in extraction.line_items] == [
        ("Cable drum 50 m", Decimal("12.5"), Decimal("100.00")),
        ("Hex bolt M8", Decimal("25.0"), Decimal("100.00")),
        ("Torque wrench set", Decimal("37.5"), Decimal("100.00")),
    ]


def test_the_next_lines_first_word_is_no_unit_of_a_cards_last_number() -> None:
    rows: list[tuple[float, list[tuple[float, str]]]] = [
        (0.20, [(0.07, "Northwind Tools GmbH")]),
        (0.22, [(0.07, "PO No. 4711-2026")]),
    ]
    cards = [("Cable drum 50 m", "12.5", "1,187.50"), ("Hex bolt M8", "25.0", "2,375.00")]
    cards.append(("Torque wrench set", "37.5", "3,562.50"))
    for k, (text, qty, amount) in enumerate(cards):
        y = 0.30 + 0.08 * k
        rows += [
            (y, [(0.07, f"{k + 1} {text}"), (0.83, amount)]),
            (y + 0.02, [(0.07, f"Qzr: {qty}"), (0.45, "Mlv: 95.00")]),
            (y + 0.04, [(0.07, "Wrt Tnz")]),
        ]  # fmt: skip
    extraction = extract_placed(rows)
    assert [(i.value("description"), i.value("quantity"), i.value("unit_price")) for i in extraction.line_items] == [
        ("Cable drum 50 m", Decimal("12.5"), Decimal("95.00")),
        ("Hex bolt M8", Decimal("25.0"), Decimal("95.00")),
        ("Torque wrench set", Decimal("37.5"), Decimal("95.00")),
    ]
