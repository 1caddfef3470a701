"""Scanned tables: which header names a column, where the header starts, which rows are items."""

from decimal import Decimal

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.result import Extraction

CHAR = 0.007  # page fraction per character
HEIGHT = 0.012


def _words(rows: list[tuple[float, list[tuple[str, float] | tuple[str, float, float]]]]) -> list[Word]:
    """(y, [(text, x) or (text, x, confidence)]) -> words one line each, boxes sized by the text."""
    out = []
    for y, cells in rows:
        for cell in cells:
            text, x = cell[0], cell[1]
            confidence = cell[2] if len(cell) > 2 else 0.95
            for token in text.split():
                out.append(Word(token, (x, y, x + CHAR * len(token), y + HEIGHT), confidence))
                x += CHAR * (len(token) + 1)
    return out


def _extract(words: list[Word]) -> Extraction:
    page = Page(1, 1000, 1400, words, source="ocr")
    return HeuristicExtractor().extract(Document([page], "image/png"), "purchase_order")


ITEMS = [("A-1001", "Hex Bolt", "24", "715.00", "17160.00"), ("A-1002", "Safety Gloves", "5", "44.10", "220.50")]


Item = tuple[str, str, str, str, str]


def _table(header: list, items: list[Item] = ITEMS, top: float = 0.30) -> list[Word]:
    rows: list[tuple[float, list]] = [(top, header)]
    for index, (sku, description, qty, price, amount) in enumerate(items):
        y = top + 0.03 * (index + 1)
        rows.append((y, [(sku, 0.12), (description, 0.22), (qty, 0.62), (price, 0.72), (amount, 0.85)]))
    return _words(rows)


def _assert_items(extraction: Extraction, items: list[Item] = ITEMS) -> None:
    assert len(extraction.line_items) == len(items)
    for item, (sku, description, qty, price, amount) in zip(extraction.line_items, items, strict=True):
        assert item.value("sku") == sku
        assert item.value("description") == description
        assert item.value("quantity") == Decimal(qty)
        assert item.value("unit_price") == Decimal(price)
        assert item.value("amount") == Decimal(amount)


HEADER = [("Item #", 0.12), ("Description", 0.22), ("Qty", 0.62), ("Price/Unit", 0.72), ("Line Total", 0.85)]


def test_header_table_reads_the_items() -> None:
    _assert_items(_extract(_table(HEADER)))


def test_a_header_word_read_with_little_confidence_yields_its_role() -> None:
    # OCR read 'Pos.' over the line numbers as 'Fee' (a unit-price synonym) with 17% confidence
    # and the line numbers under it stay out of the quantities
    numbers = _words([(0.33, [("1", 0.06)]), (0.36, [("2", 0.06)])])
    extraction = _extract(_table([("Fee", 0.05, 0.17), *HEADER]) + numbers)
    _assert_items(extraction)


# a scanned page 2 as Tesseract boxed it: the running head (vendor, 'PO' and its number) just above the header
SCANNED_HEADER = [
    ("Novak", (0.073, 0.053, 0.116, 0.061)), ("Manufacturing", (0.125, 0.051, 0.223, 0.067)),
    ("B.V.", (0.231, 0.053, 0.259, 0.061)), ("PO", (0.839, 0.054, 0.860, 0.062)),
    ("PO181458", (0.864, 0.054, 0.930, 0.066)),
    ("Pos.", (0.069, 0.071, 0.106, 0.102)), ("item", (0.117, 0.071, 0.166, 0.102)),
    ("Product", (0.218, 0.081, 0.271, 0.089)), ("/", (0.275, 0.081, 0.280, 0.089)),
    ("Service", (0.284, 0.081, 0.334, 0.089)), ("U/M", (0.648, 0.081, 0.680, 0.090)),
    ("Ordered", (0.703, 0.082, 0.761, 0.090)), ("Price/Unit", (0.778, 0.082, 0.848, 0.090)),
    ("Line", (0.895, 0.082, 0.924, 0.090)), ("Total", (0.889, 0.096, 0.925, 0.104)),
    ("(EUR)", (0.883, 0.110, 0.924, 0.119)),
    ("24", (0.077, 0.130, 0.092, 0.137)), ("469-9320-93", (0.122, 0.130, 0.200, 0.138)),
    ("Silicone", (0.217, 0.130, 0.270, 0.138)), ("Sealant", (0.275, 0.130, 0.325, 0.139)),
    ("EA", (0.649, 0.130, 0.668, 0.138)), ("4", (0.753, 0.130, 0.761, 0.138)),
    ("1420,00", (0.796, 0.131, 0.848, 0.140)), ("5", (0.872, 0.131, 0.878, 0.139)),
    ("680,00", (0.883, 0.131, 0.924, 0.139)),
    ("25", (0.077, 0.150, 0.092, 0.157)), ("470-9201-44", (0.122, 0.150, 0.200, 0.157)),
    ("Epoxy", (0.217, 0.150, 0.260, 0.161)), ("Resin", (0.265, 0.150, 0.300, 0.159)),
    ("KG", (0.648, 0.150, 0.669, 0.158)), ("200", (0.738, 0.151, 0.761, 0.159)),
    ("31,00", (0.814, 0.151, 0.848, 0.160)), ("6", (0.872, 0.151, 0.878, 0.159)),
    ("200,00", (0.883, 0.151, 0.924, 0.159)),
]  # fmt: skip


def test_a_stray_line_above_the_header_does_not_hide_its_columns() -> None:
    extraction = _extract([Word(text, box, 0.9) for text, box in SCANNED_HEADER])
    got = [
        [item.value(name) for name in ("sku", "description", "quantity", "unit", "unit_price", "amount")]
        for item in extraction.line_items
    ]
    assert got == [
        ["469-9320-93", "Silicone Sealant", Decimal(4), "EA", Decimal("1420.00"), Decimal("5680.00")],
        ["470-9201-44", "Epoxy Resin", Decimal(200), "KG", Decimal("31.00"), Decimal("6200.00")],
    ]


def test_an_item_named_like_a_totals_label_is_a_row() -> None:
    # the description column comes first, so the row's text starts with 'Shipping'
    header = [("Description", 0.05), ("Part No.", 0.45), ("Qty", 0.62), ("Unit Cost", 0.72), ("Ext. Price", 0.85)]
    # and OCR dropped its quantity, so the arithmetic cannot vouch for it
    items = [("Shipping Pallet", "DC43061", "", "215.00", "10750.00"), ("Hex Bolt", "A-1001", "24", "5.00", "120.00")]
    rows = [(0.30, header)]
    for index, (description, sku, qty, price, amount) in enumerate(items):
        cells = [(description, 0.05), (sku, 0.45), (qty, 0.62), (price, 0.72), (amount, 0.85)]
        rows.append((0.33 + 0.03 * index, cells))
    extraction = _extract(_words(rows))
    assert [item.value("description") for item in extraction.line_items] == ["Shipping Pallet", "Hex Bolt"]
    assert [item.value("sku") for item in extraction.line_items] == ["DC43061", "A-1001"]
    assert extraction.line_items[0].value("amount") == Decimal("10750.00")
    assert extraction.line_items[0].value("quantity") == Decimal(50)  # from 10750.00 / 215.00


def test_a_quantity_under_a_lost_header_is_taken_from_the_description() -> None:
    # OCR lost the 'Qty' header, so the quantities sit in the description's span
    header = [("Item #", 0.12), ("Description", 0.22), ("Price/Unit", 0.72), ("Line Total", 0.85)]
    extraction = _extract(_table(header))
    assert [item.value("description") for item in extraction.line_items] == ["Hex Bolt", "Safety Gloves"]
    assert [item.value("quantity") for item in extraction.line_items] == [Decimal(24), Decimal(5)]


def test_an_unsure_scrap_under_a_numeric_header_is_not_text() -> None:
    # '5' read as 'a' with 29% confidence: not part of the SKU; the quantity follows from price and amount
    rows = [(0.30, HEADER)]
    rows.append((0.33, [("A-1001", 0.12), ("Hex Bolt", 0.22), ("24", 0.62), ("715.00", 0.72), ("17160.00", 0.85)]))
    rows.append(
        (0.36, [("A-1002", 0.12), ("Safety Gloves", 0.22), ("a", 0.62, 0.29), ("44.10", 0.72), ("220.50", 0.85)])
    )
    extraction = _extract(_words(rows))
    assert [item.value("sku") for item in extraction.line_items] == ["A-1001", "A-1002"]
    assert [item.value("description") for item in extraction.line_items] == ["Hex Bolt", "Safety Gloves"]
    assert extraction.line_items[1].value("quantity") == Decimal(5)


# a two-line header as Tesseract boxed it: 'Measure' under 'Unit of' came out as one wide box reaching 'Net'
TWO_LINE_HEADER = [
    ("Line", (0.098, 0.455, 0.135, 0.471)), ("Article", (0.146, 0.455, 0.205, 0.471)),
    ("Description", (0.214, 0.455, 0.306, 0.471)), ("Part", (0.483, 0.456, 0.520, 0.473)),
    ("No.", (0.527, 0.456, 0.555, 0.473)), ("Units", (0.598, 0.456, 0.645, 0.473)),
    ("Unit", (0.654, 0.456, 0.687, 0.473)), ("of", (0.695, 0.456, 0.715, 0.473)), ("Net", (0.778, 0.456, 0.812, 0.474)),
    ("Ext.", (0.820, 0.456, 0.854, 0.474)), ("Price", (0.859, 0.456, 0.904, 0.474)),
    ("Measure", (0.654, 0.472, 0.810, 0.482)), ("Price", (0.768, 0.472, 0.810, 0.482)),
    ("Safety", (0.152, 0.491, 0.197, 0.502)), ("Gloves", (0.201, 0.491, 0.250, 0.500)),
    ("897-6807-15", (0.486, 0.492, 0.578, 0.501)), ("12", (0.628, 0.493, 0.643, 0.501)),
    ("PR", (0.655, 0.492, 0.674, 0.501)), ("66,00", (0.770, 0.493, 0.810, 0.501)),
    ("792,00", (0.851, 0.493, 0.899, 0.501)),
    ("Filter", (0.152, 0.510, 0.191, 0.521)), ("Cartridge", (0.195, 0.510, 0.268, 0.522)),
    ("187-5046-19", (0.488, 0.511, 0.578, 0.520)), ("10", (0.628, 0.511, 0.644, 0.519)),
    ("EA", (0.655, 0.509, 0.675, 0.525)), ("85,00", (0.770, 0.511, 0.810, 0.521)),
    ("850,00", (0.850, 0.511, 0.899, 0.521)),
]  # fmt: skip


def test_a_wide_box_in_a_two_line_header_joins_the_word_nearest_its_middle() -> None:
    extraction = _extract([Word(text, box, 0.9) for text, box in TWO_LINE_HEADER])
    got = [[item.value(name) for name in ("sku", "quantity", "unit", "unit_price")] for item in extraction.line_items]
    assert got == [
        ["897-6807-15", Decimal(12), "PR", Decimal("66.00")],
        ["187-5046-19", Decimal(10), "EA", Decimal("85.00")],
    ]


# a scanned header where OCR garbled 'Part No.' into 'rt Ni' and 'Qty' into 'ty', all read with little confidence
GARBLED_HEADER = [
    ("Pos.", (0.074, 0.294, 0.100, 0.302), 0.95), ("rt", (0.142, 0.294, 0.169, 0.302), 0.81),
    ("Ni", (0.161, 0.292, 0.173, 0.308), 0.71), ("Item", (0.207, 0.294, 0.240, 0.302), 0.94),
    ("Description", (0.247, 0.294, 0.335, 0.305), 0.95), ("ty", (0.747, 0.295, 0.762, 0.305), 0.72),
    ("Net", (0.815, 0.294, 0.841, 0.302), 0.96), ("Line", (0.896, 0.294, 0.927, 0.303), 0.96),
    ("Price", (0.803, 0.309, 0.840, 0.317), 0.96), ("Total", (0.888, 0.309, 0.927, 0.317), 0.96),
    ("A-994825", (0.122, 0.329, 0.188, 0.338), 0.78), ("Translation", (0.205, 0.329, 0.282, 0.339), 0.96),
    ("services", (0.289, 0.332, 0.344, 0.339), 0.93), ("1", (0.755, 0.330, 0.762, 0.338), 0.96),
    ("122.00", (0.794, 0.330, 0.841, 0.339), 0.96), ("122.00", (0.881, 0.330, 0.928, 0.339), 0.96),
    ("A-49561", (0.122, 0.349, 0.180, 0.358), 0.86), ("Equipment", (0.207, 0.349, 0.280, 0.360), 0.96),
    ("calibration", (0.285, 0.349, 0.358, 0.359), 0.96), ("5", (0.755, 0.350, 0.762, 0.359), 0.83),
    ("9,590.00", (0.780, 0.350, 0.841, 0.359), 0.83), ("47,950.00", (0.858, 0.350, 0.927, 0.359), 0.96),
]  # fmt: skip


def test_columns_under_garbled_headers_take_the_role_their_values_play() -> None:
    extraction = _extract([Word(text, box, confidence) for text, box, confidence in GARBLED_HEADER])
    got = [
        [item.value(name) for name in ("sku", "description", "quantity", "unit_price")]
        for item in extraction.line_items
    ]
    assert got == [
        ["A-994825", "Translation services", Decimal(1), Decimal("122.00")],
        ["A-49561", "Equipment calibration", Decimal(5), Decimal("9590.00")],
    ]


def test_amounts_right_of_the_last_header_are_a_column() -> None:
    # OCR lost the shaded 'Line Total' header cell; the amounts are still printed right of 'Price/Unit'
    _assert_items(_extract(_table(HEADER[:-1])))


def test_a_po_number_printed_over_its_caption() -> None:
    # a boxed header field: the number in large print, the caption 'Purchase Order No.' in small print under it
    words = [
        Word("6767/2025", (0.095, 0.118, 0.178, 0.134), 0.96),
        Word("04/03/2026", (0.281, 0.118, 0.369, 0.134), 0.95),
        *_words([(0.137, [("Purchase Order No.", 0.095), ("Order Date", 0.281)])]),
        *_table(HEADER),
    ]
    assert _extract(words).value("po_number") == "6767/2025"


def test_a_garbled_po_label_over_a_speck_and_its_value() -> None:
    # 'PO' read as 'P °', and a speck under it read as 'P' with 6% confidence before the value's line
    words = [
        Word("P", (0.095, 0.148, 0.099, 0.158), 0.66),
        Word("°", (0.108, 0.148, 0.114, 0.157), 0.51),
        Word("Number", (0.129, 0.148, 0.169, 0.158), 0.96),
        Word("P", (0.094, 0.157, 0.097, 0.163), 0.06),
        Word("PO-2026-14181", (0.094, 0.165, 0.218, 0.175), 0.89),
        *_table(HEADER),
    ]
    assert _extract(words).value("po_number") == "PO-2026-14181"


def test_a_po_number_split_into_two_overlapping_boxes() -> None:
    words = [
        Word("PURCHASE", (0.25, 0.048, 0.414, 0.07), 0.96),
        Word("ORDER", (0.426, 0.048, 0.532, 0.07), 0.93),
        Word("#450007585", (0.544, 0.048, 0.743, 0.07), 0.9),
        Word("1", (0.731, 0.048, 0.744, 0.07), 0.95),
        *_table(HEADER),
    ]
    assert _extract(words).value("po_number") == "4500075851"


def test_a_table_rule_glued_to_the_unit_is_dropped() -> None:
    header = [("Description", 0.05), ("Qty", 0.50), ("UoM", 0.56), ("Price", 0.70), ("Amount", 0.85)]
    rows = [(0.30, header)]
    # '4)RL': the quantity and a rule read into the unit; '/.' a rule read after 'EA'
    rows.append((0.33, [("Paper Roll", 0.05), ("4)RL", 0.55), ("693.00", 0.70), ("2772.00", 0.85)]))
    rows.append((0.36, [("Hex Bolt", 0.05), ("50", 0.50), ("EA /.", 0.56), ("2.00", 0.70), ("100.00", 0.85)]))
    extraction = _extract(_words(rows))
    assert [item.value("unit") for item in extraction.line_items] == ["RL", "EA"]
    assert [item.value("quantity") for item in extraction.line_items] == [Decimal(4), Decimal(50)]


def test_free_units_beside_the_charged_quantity_are_no_quantity() -> None:
    # 'Qty + Bonus': '24 + 2' is 24 charged (24 x 715.00) and 2 free; '5+1' the same glued
    printed = [
        ("A-1001", "Hex Bolt", "24 + 2", "715.00", "17160.00"),
        ("A-1002", "Safety Gloves", "5+1", "44.10", "220.50"),
    ]
    _assert_items(_extract(_table(HEADER, printed)))
