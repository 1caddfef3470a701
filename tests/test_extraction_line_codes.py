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
