"""Line-item codes and columns found by shape and arithmetic on hand-placed words (blind set 4's dev half
showed each class; the captions here name nothing of those prints): a code in brackets before the text."""

from decimal import Decimal

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.result import Extraction
from tests.fixtures_docs import words_at


def _extract(lines: list[tuple[float, list[tuple[float, str]]]]) -> Extraction:
    words: list[Word] = [w for y, cells in lines for x, text in cells for w in words_at(text, x, y)]
    return HeuristicExtractor().extract(Document([Page(1, 595, 842, words, "text")]), "purchase_order")


def test_a_code_in_brackets_before_the_text_is_the_lines_sku() -> None:
    extraction = _extract(
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
    extraction = _extract(
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
