"""Items printed two lines each: the item's name on a line of its own, its figures indented on the line under it
('Rope 12 mm' over '40 m x 3.15   126.00'), no header. A table reading of the figures takes the unit for the
description (or the name of a short item only, run into the unit); the pairs read as rows give each item its name.
And a whole-currency amount that qty x price rounds to (a quantity with decimals times a whole price)."""

from decimal import Decimal

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.heuristic.geometry import row_arithmetic
from extraction.heuristic.strips import strip_items
from extraction.layout import Line
from tests.fixtures_docs import words_left

CHAR = 0.0072


def _right(y: float, text: str, end: float) -> list[Word]:
    width = CHAR * len(text)
    return [Word(text, (end - width, y, end, y + 0.0095))]


# name; quantity, unit, price, amount
ITEMS = [
    ("Rope 12 mm", "40", "m", "3.15", "126.00"),
    ("Ladder", "2", "pcs", "84.50", "169.00"),
    ("Gloves leather", "12", "pair", "6.25", "75.00"),
    ("Bolt M8", "250", "pcs", "0.12", "30.00"),
    ("Sealant", "3.5", "kg", "18.40", "64.40"),
]


def _strip(items: list[tuple[str, str, str, str, str]], title_amount: str | None = None) -> Document:
    words = words_left(0.05, "ORDER 4471", 0.25)
    y = 0.28
    for name, quantity, unit, price, amount in items:
        words += words_left(y, name, 0.25)
        if title_amount is not None:
            words += _right(y, title_amount, 0.75)
        y += 0.013
        # the figures indented under the name, set as running text, the amount flush right
        words += words_left(y, f"{quantity} {unit} x {price}", 0.27)
        words += _right(y, amount, 0.75)
        y += 0.019
    total = sum(Decimal(item[4]) for item in items)
    words += words_left(y + 0.01, "Total", 0.25) + _right(y + 0.01, f"{total:.2f}", 0.75)
    return Document([Page(1, 595, 842, words, "text")])


def test_each_name_over_its_indented_figures_is_the_item() -> None:
    extraction = HeuristicExtractor().extract(_strip(ITEMS), "purchase_order")
    got = [
        (line.value("description"), line.value("quantity"), line.value("unit"), line.value("amount"))
        for line in extraction.line_items
    ]
    assert got == [(name, Decimal(q), unit, Decimal(a)) for name, q, unit, _, a in ITEMS]


def test_a_name_line_with_an_amount_of_its_own_is_no_item_name() -> None:
    # each 'name' prints an amount under the amounts: it is a row of its own (a section with its sum), not a title
    extraction = HeuristicExtractor()
    views = [extraction._view(page) for page in _strip(ITEMS, title_amount="99.00").pages]
    rows, spans, lines = strip_items(views, None)
    assert (rows, spans, lines) == ([], {}, set())


def test_figures_lines_without_names_over_them_are_no_strip() -> None:
    # figures one after the other, no name line between: a table of its own, left to the table reader
    words = words_left(0.05, "ORDER 4471", 0.25)
    for index, (_, quantity, unit, price, amount) in enumerate(ITEMS):
        y = 0.28 + 0.016 * index
        words += words_left(y, f"{quantity} {unit} x {price}", 0.27) + _right(y, amount, 0.75)
    extractor = HeuristicExtractor()
    views = [extractor._view(page) for page in Document([Page(1, 595, 842, words, "text")]).pages]
    assert strip_items(views, None)[0] == []


def _line(*cells: tuple[str, float]) -> Line:
    return Line([Word(text, (x, 0.3, x + CHAR * len(text), 0.31)) for text, x in cells])


def test_a_whole_amount_rounded_from_a_quantity_with_decimals_multiplies_out() -> None:
    # 68.1 x 132,784 = 9,042,590.4, printed 9,042,590 in a currency without minor units
    found = row_arithmetic(_line(("Paint", 0.08), ("68.1", 0.25), ("132,784", 0.35), ("9,042,590", 0.45)), None)
    assert found is not None
    assert [found[name].text for name in ("quantity", "unit_price", "amount")] == ["68.1", "132,784", "9,042,590"]
    # the quantity's decimals look like cents ('10.95'): it is still the quantity, the money being whole
    found = row_arithmetic(_line(("Coffee", 0.08), ("10.95", 0.25), ("186,949", 0.35), ("2,047,092", 0.45)), None)
    assert found is not None
    assert [found[name].text for name in ("quantity", "unit_price", "amount")] == ["10.95", "186,949", "2,047,092"]


def test_a_whole_amount_off_by_more_than_rounding_or_beside_other_cents_does_not() -> None:
    assert row_arithmetic(_line(("Paint", 0.08), ("68.1", 0.25), ("132,784", 0.35), ("9,042,592", 0.45)), None) is None
    # two whole factors must multiply out exactly, as before
    assert row_arithmetic(_line(("Paint", 0.08), ("68", 0.25), ("132,784", 0.35), ("9,029,311", 0.45)), None) is None
    # a cents number that is neither factor (a price with cents elsewhere on the line): no whole amount
    line = _line(("Paint", 0.08), ("12.50", 0.2), ("68.1", 0.25), ("132,784", 0.35), ("9,042,590", 0.45))
    assert row_arithmetic(line, None) is None
