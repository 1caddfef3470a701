"""Line-item codes and columns found by shape and arithmetic on hand-placed words (blind set 4's dev half
showed each class; the captions here name nothing of those prints): a code in brackets before the text."""

from decimal import Decimal

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from tests.fixtures_docs import extract_placed


def test_a_code_in_brackets_before_the_text_is_the_lines_sku() -> None:
    extraction = extract_placed(
        [
            (0.30, [(0.08, "Qty"), (0.16, "Item"), (0.66, "Price"), (0.84, "Total")]),
            (0.33, [(0.08, "200"), (0.16, "[HW-8921] Hydraulic hose 2 m"), (0.66, "348.92"), (0.84, "69,784.00")]),
            (0.35, [(0.08, "2"), (0.16, "[AB-0362] Hex nut M10"), (0.66, "606.96"), (0.84, "1,213.92")]),
        ]
    )  # fmt: skip
    got = [(i.value("sku"), i.value("description"), i.value("amount")) for i in extraction.line_items]
    assert got == [
        ("HW-8921", "Hydraulic hose 2 m", Decimal("69784.00")),
        ("AB-0362", "Hex nut M10", Decimal("1213.92")),
    ]


def test_line_numbers_under_a_caption_of_the_text_give_way_to_the_words_of_a_column_no_caption_names() -> None:
    # '#' over 'Item' heads the line numbers; the words stand under a caption the extractor does not know
    extraction = extract_placed(
        [
            (0.30, [(0.06, "#"), (0.11, "Ref"), (0.22, "Wzqf"), (0.50, "Qty"), (0.66, "Price"), (0.84, "Total")]),
            (0.315, [(0.06, "Item"), (0.11, "Code")]),
            (0.34, [(0.06, "1"), (0.11, "444426V"), (0.22, "Hex bolt M12x40"), (0.50, "200"), (0.66, "5.00"),
                    (0.84, "1,000.00")]),
            (0.36, [(0.06, "2"), (0.11, "331992B"), (0.22, "Nitrile gloves"), (0.50, "6"), (0.66, "2.50"),
                    (0.84, "15.00")]),
            (0.38, [(0.06, "3"), (0.11, "667120S"), (0.22, "Copper cable 6 mm2"), (0.50, "10"), (0.66, "3.00"),
                    (0.84, "30.00")]),
        ]
    )  # fmt: skip
    got = [(i.value("sku"), i.value("description"), i.value("quantity")) for i in extraction.line_items]
    assert got == [
        ("444426V", "Hex bolt M12x40", Decimal("200")),
        ("331992B", "Nitrile gloves", Decimal("6")),
        ("667120S", "Copper cable 6 mm2", Decimal("10")),
    ]


def test_a_price_per_hundred_or_thousand_units_is_found_by_arithmetic_and_kept_as_printed() -> None:
    # qty x price / per = amount; the captions name nothing, so the columns come from the arithmetic
    extraction = extract_placed(
        [
            (0.30, [(0.07, "Nrq"), (0.17, "Vbzk"), (0.58, "Zqw"), (0.64, "Enx"), (0.72, "Prq"), (0.79, "Pxr"),
                    (0.86, "Sqm")]),
            (0.33, [(0.07, "221520"), (0.17, "Skruv M8x30"), (0.605, "200"), (0.64, "ST"), (0.727, "5 681,71"),
                    (0.795, "100"), (0.861, "11 363,42")]),
            (0.35, [(0.07, "597702"), (0.17, "Kabel EKK 3x1,5"), (0.597, "44,5"), (0.64, "M"), (0.727, "3 263,79"),
                    (0.809, "1"), (0.852, "145 238,66")]),
            (0.37, [(0.07, "474984"), (0.17, "Brickor M8"), (0.605, "250"), (0.64, "ST"), (0.727, "3 806,81"),
                    (0.788, "1000"), (0.877, "951,70")]),
        ]
    )  # fmt: skip
    got = [(i.value("quantity"), i.value("unit_price"), i.value("amount")) for i in extraction.line_items]
    assert got == [
        (Decimal("200"), Decimal("5681.71"), Decimal("11363.42")),
        (Decimal("44.5"), Decimal("3263.79"), Decimal("145238.66")),
        (Decimal("250"), Decimal("3806.81"), Decimal("951.70")),
    ]


def _placed(y: float, words: list[tuple[float, float, str]]) -> list[Word]:
    return [Word(text, (x0, y, x1, y + 0.009)) for x0, x1, text in words]


def test_words_going_on_with_the_text_a_space_after_it_under_a_second_caption_are_the_texts() -> None:
    # two captions of the text ('/ # Designation /' and 'Item Description') read as two columns; the words under
    # the second go on with the text a space after its last word on every row
    header = [(0.094, 0.097, "/"), (0.1, 0.106, "#"), (0.108, 0.167, "Designation"),
              (0.17, 0.173, "/"), (0.176, 0.198, "Item"), (0.2, 0.258, "Description"), (0.58, 0.6, "Qty"),
              (0.73, 0.822, "Unit Price"), (0.848, 0.936, "Amount")]  # fmt: skip
    rows = [
        [(0.108, 0.127, "Hex"), (0.13, 0.152, "bolt"), (0.155, 0.18, "M12"), (0.183, 0.2, "x40"),
         (0.203, 0.226, "zinc"), (0.665, 0.672, "2"), (0.784, 0.822, "436.36"), (0.889, 0.936, "872.72")],
        [(0.108, 0.14, "Copper"), (0.143, 0.17, "cable"), (0.173, 0.18, "6"), (0.183, 0.205, "mm2"),
         (0.659, 0.672, "10"), (0.784, 0.822, "743.58"), (0.883, 0.936, "7,435.80")],
        [(0.108, 0.14, "Nitrile"), (0.143, 0.174, "gloves"), (0.177, 0.195, "size"),
         (0.198, 0.204, "M"), (0.665, 0.672, "6"), (0.784, 0.822, "201.07"), (0.883, 0.936, "1,206.42")],
    ]  # fmt: skip
    words = _placed(0.29, header) + [w for n, row in enumerate(rows) for w in _placed(0.31 + 0.02 * n, row)]
    # a word with an accented capital stands a little higher than the rest of its line: still in its place
    words = [Word(w.text, (w.bbox[0], w.bbox[1] - 0.0015, w.bbox[2], w.bbox[3])) if w.text == "cable" else w
             for w in words]  # fmt: skip
    extraction = HeuristicExtractor().extract(Document([Page(1, 595, 842, words, "text")]), "purchase_order")
    got = [(i.value("description"), i.value("quantity")) for i in extraction.line_items]
    assert got == [
        ("Hex bolt M12 x40 zinc", Decimal("2")),
        ("Copper cable 6 mm2", Decimal("10")),
        ("Nitrile gloves size M", Decimal("6")),
    ]


def test_a_sections_subtotal_and_the_next_sections_heading_do_not_end_the_table() -> None:
    # the line whose one number is the sum of the section's amounts is no item, nor the end of the items
    extraction = extract_placed(
        [
            (0.30, [(0.08, "Item"), (0.50, "Qty"), (0.66, "Price"), (0.84, "Total")]),
            (0.32, [(0.08, "Wqzr")]),
            (0.34, [(0.08, "Hex bolt M12x40"), (0.50, "10"), (0.66, "2.50"), (0.84, "25.00")]),
            (0.36, [(0.08, "Nitrile gloves"), (0.50, "4"), (0.66, "3.00"), (0.84, "12.00")]),
            (0.38, [(0.30, "Zubrq Wqzr"), (0.84, "37.00")]),
            (0.40, [(0.08, "Plmqa")]),
            (0.42, [(0.08, "Copper cable 6 mm2"), (0.50, "3"), (0.66, "7.00"), (0.84, "21.00")]),
            (0.44, [(0.30, "Zubrq Plmqa"), (0.84, "21.00")]),
            (0.47, [(0.60, "Total"), (0.84, "58.00")]),
        ]
    )  # fmt: skip
    got = [(i.value("description"), i.value("amount")) for i in extraction.line_items]
    assert got == [
        ("Hex bolt M12x40", Decimal("25.00")),
        ("Nitrile gloves", Decimal("12.00")),
        ("Copper cable 6 mm2", Decimal("21.00")),
    ]
