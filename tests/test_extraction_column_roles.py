"""Line-item columns whose role comes from what they hold and where they stand, on hand-placed words whose
captions (where printed) name nothing the extractor knows: units in any alphabet or squared, a unit column
right after the quantity, a note in the margin past the amounts, a compound discount under the discount."""

from decimal import Decimal

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.result import Extraction
from extraction.twoline import read_upper_lines
from tests.fixtures_docs import words_at


def _extract(lines: list[tuple[float, list[tuple[float, str]]]], two_line: bool = False) -> Extraction:
    words = [w for y, cells in lines for x, text in cells for w in words_at(text, x, y)]
    document = Document([Page(1, 595, 842, words, "text")])
    extraction = HeuristicExtractor().extract(document, "purchase_order")
    if two_line:  # the served pipeline's stage for items printed on two lines
        read_upper_lines(document, extraction)
    return extraction


def _items(extraction: Extraction) -> list[tuple[object, ...]]:
    return [
        (i.value("description"), i.value("quantity"), i.value("unit"), i.value("amount")) for i in extraction.line_items
    ]


def test_a_unit_column_right_after_the_quantity_and_before_the_text_is_the_unit() -> None:
    # captions in no known words; the numbers multiply out, so the table is found by its arithmetic
    extraction = _extract(
        [
            (0.30, [(0.08, "Nr"), (0.16, "Zqw"), (0.19, "Vbr"), (0.26, "Kjulmo"), (0.70, "Prx"), (0.86, "Tlq")]),
            (0.33, [(0.08, "1"), (0.1735, "5"), (0.19, "pár"), (0.26, "Gumové rukavice"), (0.70, "12,50"),
                    (0.86, "62,50")]),
            (0.35, [(0.08, "2"), (0.167, "40"), (0.19, "M2"), (0.26, "Dlažba šedá 30x30"), (0.70, "7,25"),
                    (0.86, "290,00")]),
            (0.37, [(0.08, "3"), (0.1735, "2"), (0.19, "ks"), (0.26, "Ventil kulový DN15"), (0.69, "110,00"),
                    (0.86, "220,00")]),
        ]
    )  # fmt: skip
    assert _items(extraction) == [
        ("Gumové rukavice", Decimal("5"), "pár", Decimal("62.50")),
        ("Dlažba šedá 30x30", Decimal("40"), "M2", Decimal("290.00")),
        ("Ventil kulový DN15", Decimal("2"), "ks", Decimal("220.00")),
    ]


def test_a_note_in_the_margin_past_the_amounts_is_the_lines_note_not_its_unit() -> None:
    extraction = _extract(
        [
            (0.30, [(0.08, "Item"), (0.40, "Qty"), (0.46, "UOM"), (0.60, "Price"), (0.80, "Total")]),
            (0.33, [(0.08, "Brass hinge 80 mm"), (0.4065, "12"), (0.46, "PR"), (0.5995, "8.50"), (0.7775, "102.00"),
                    (0.87, "REVISED")]),
            (0.35, [(0.08, "Door closer"), (0.413, "2"), (0.46, "EA"), (0.593, "64.00"), (0.7775, "128.00")]),
            (0.39, [(0.60, "Subtotal"), (0.7775, "230.00")]),
        ]
    )  # fmt: skip
    assert _items(extraction) == [
        ("Brass hinge 80 mm", Decimal("12"), "PR", Decimal("102.00")),
        ("Door closer", Decimal("2"), "EA", Decimal("128.00")),
    ]
    assert extraction.line_items[0].extra == {"note": "REVISED"}


def test_a_compound_discount_under_the_discount_column_is_no_word_of_the_unit() -> None:
    extraction = _extract(
        [
            (0.30, [(0.08, "Article"), (0.40, "UOM"), (0.50, "Qty"), (0.60, "Price"), (0.70, "Disc."),
                    (0.80, "Total")]),
            (0.33, [(0.08, "Masking tape 50 mm"), (0.40, "RL"), (0.5065, "5"), (0.5995, "20.00"), (0.7065, "5+5"),
                    (0.7775, "90.25")]),
            (0.35, [(0.08, "Drill bit set"), (0.40, "ST"), (0.5065, "2"), (0.5995, "40.00"), (0.7065, "10%"),
                    (0.7775, "72.00")]),
        ]
    )  # fmt: skip
    assert _items(extraction) == [
        ("Masking tape 50 mm", Decimal("5"), "RL", Decimal("90.25")),
        ("Drill bit set", Decimal("2"), "ST", Decimal("72.00")),
    ]


def _two_line_items(texts: list[str]) -> Extraction:
    # each item on two lines: position, code and text above; quantity, unit, price and amount below, right-aligned
    lines: list[tuple[float, list[tuple[float, str]]]] = [
        (0.28, [(0.08, "Pz"), (0.14, "Kd"), (0.25, "Tx")]),
        (0.295, [(0.45, "Mn"), (0.53, "Eh"), (0.68, "Pr"), (0.86, "Wt")]),
    ]
    numbers = [
        ("250,000", "ST", "387,26", "96.815,00"),
        ("2,000", "M", "23,76", "47,52"),
        ("8,000", "L", "3,67", "29,36"),
    ]
    for index, (text, (qty, unit, price, amount)) in enumerate(zip(texts, numbers, strict=True)):
        y = 0.32 + 0.035 * index
        lines.append((y, [(0.08, f"{index + 1}0"), (0.14, f"4711{index}"), (0.25, text)]))
        lines.append((y + 0.014, [(0.52 - 0.0065 * len(qty), qty), (0.53, unit), (0.75 - 0.0065 * len(price), price),
                                  (0.93 - 0.0065 * len(amount), amount)]))  # fmt: skip
    return _extract(lines, two_line=True)


def test_an_items_text_running_on_over_a_long_quantity_below_it_is_still_the_items() -> None:
    extraction = _two_line_items(["Kartonage braun", "Dichtungsband EPDM selbstklebend grau", "Hydrauliköl HLP 46"])
    items = [(i.value("sku"), i.value("description"), i.value("unit")) for i in extraction.line_items]
    assert items == [
        ("47110", "Kartonage braun", "ST"),
        ("47111", "Dichtungsband EPDM selbstklebend grau", "M"),
        ("47112", "Hydrauliköl HLP 46", "L"),
    ]


def test_the_last_word_of_an_items_text_over_the_quantity_column_is_not_the_unit_of_the_item_above() -> None:
    extraction = _two_line_items(["Kartonage braun", "Handschuhe Nitril Gr. 9 extra lang L", "Hydrauliköl HLP 46"])
    items = [(i.value("description"), i.value("unit")) for i in extraction.line_items]
    assert items == [
        ("Kartonage braun", "ST"),
        ("Handschuhe Nitril Gr. 9 extra lang L", "M"),
        ("Hydrauliköl HLP 46", "L"),
    ]


def test_dashes_in_a_column_of_percentages_are_its_empty_cells() -> None:
    # no caption, no price: the buyer's part number, quantity (with its unit), a rate given on some rows only ('-'
    # on the others), the amount; the rates are a column, whose dashes are empty cells
    rows = [("Sealing ring 40 mm", "12,4", "kg", "10%"), ("Cable tray", "40", "m", "-"),
            ("Hinge set", "250", "st", "2%"), ("Relay socket", "20", "st", "-")]  # fmt: skip
    amounts = ["1.115,28", "2.400,00", "3.675,00", "840,00"]
    lines = [
        (0.30 + 0.02 * i, [(0.08, f"34{i}.2686"), (0.18, text), (0.50 - 0.0065 * len(qty), qty), (0.51, unit),
                           (0.66 - 0.0065 * len(rate), rate), (0.86 - 0.0065 * len(amount), amount)])
        for i, ((text, qty, unit, rate), amount) in enumerate(zip(rows, amounts, strict=True))
    ]  # fmt: skip
    extraction = _extract(lines)
    got = [(i.value("quantity"), i.value("unit"), i.value("tax_rate")) for i in extraction.line_items]
    assert got == [
        (Decimal("12.4"), "kg", Decimal("10")),
        (Decimal("40"), "m", None),
        (Decimal("250"), "st", Decimal("2")),
        (Decimal("20"), "st", None),
    ]


def test_a_text_column_far_left_of_the_codes_is_the_description_where_no_other_words_stand() -> None:
    texts = ["Shipping pallet", "Safety gloves, 500 ml", "Hydraulic hose", "Copy paper A4"]
    lines = [
        (0.30 + 0.02 * i, [(0.05, text), (0.30, f"RD-71383{i}"), (0.6035, f"{i + 2}"), (0.71, "10,00"),
                           (0.90 - 0.0065 * 5, f"{i + 2}0,00")])
        for i, text in enumerate(texts)
    ]  # fmt: skip
    extraction = _extract(lines)
    got = [(i.value("sku"), i.value("description")) for i in extraction.line_items]
    assert got == [(f"RD-71383{i}", text) for i, text in enumerate(texts)]


def test_a_sub_line_in_smaller_print_under_a_description_with_a_short_worded_box_is_the_items_extra() -> None:
    # box heights follow the ink: 'ace' (no ascender) is shorter than 'Bolt'; the sub-line's print is smaller still
    def line(y: float, cells: list[tuple[float, str, float]]) -> list[Word]:
        return [w for x, text, height in cells for w in words_at(text, x, y, height=height)]

    words = [
        *line(0.30, [(0.08, "Desc", 0.011), (0.50, "Qty", 0.011), (0.62, "Price", 0.011), (0.80, "Total", 0.011)]),
        *line(0.33, [(0.08, "Bolt", 0.011), (0.1175, "ace", 0.0095), (0.5065, "20", 0.011), (0.62, "12.50", 0.011),
                     (0.80, "250.00", 0.011)]),
        *line(0.345, [(0.08, "Due: 2026-11-04", 0.0088)]),
        *line(0.36, [(0.08, "Hinge", 0.011), (0.513, "2", 0.011), (0.62, "40.00", 0.011), (0.80, "80.00", 0.011)]),
    ]  # fmt: skip
    extraction = HeuristicExtractor().extract(Document([Page(1, 595, 842, words, "text")]), "purchase_order")
    got = [(i.value("description"), i.extra) for i in extraction.line_items]
    assert got == [("Bolt ace", {"Due": "2026-11-04"}), ("Hinge", {})]
