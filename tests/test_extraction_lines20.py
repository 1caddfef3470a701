"""Order lines on unseen layouts, classes blind set 17's dev half showed: 'Line value' one caption (not a line
number's column beside an amount's), a quantity worked out from a piece's size and printed after it (the area a
price per m² counts), a row of written-out dates that multiplies out by chance (1 x 2024 = 2024), and two captions
that may each name the code or the text ('Item' | 'Article') named the wrong way round before the rows are read (the
rows' wrapped text and the sub-headings they are grouped under, 'Deliver to: ...', told from where the text
starts)."""

from decimal import Decimal

from extraction.document import Document, Page
from extraction.heuristic import HeuristicExtractor
from extraction.heuristic.geometry import row_arithmetic
from extraction.layout import Line
from extraction.result import Extraction
from tests.fixtures_docs import words_at

Lines = list[tuple[float, list[tuple[float, str]]]]


def _extract(lines: Lines) -> Extraction:
    words = [w for y, cells in lines for x, text in cells for w in words_at(text, x, y)]
    return HeuristicExtractor().extract(Document([Page(1, 595, 842, words, "text")]), "purchase_order")


def _lines(extraction: Extraction, *names: str) -> list[tuple[object, ...]]:
    return [tuple(i.value(n) for n in names) for i in extraction.line_items]


def test_a_line_value_caption_is_one_amount_column_and_the_area_is_the_quantity() -> None:
    # pieces and their size in mm under one caption, the area they make (what the price per m² counts) under a
    # caption no list holds, the price, the line's value
    header = [(0.10, "Item"), (0.18, "Description"), (0.50, "Size Pcs (mm)"), (0.67, "Area"), (0.71, "UoM"),
              (0.77, "Price / m²"), (0.86, "Line value")]  # fmt: skip
    rows = [
        ("S1892", "PVC tarpaulin", "2", "1450 × 990", "2.87", "10.20", "29.27"),
        ("C6365", "MDF board 12 mm", "10", "1560 × 410", "6.4", "15.84", "101.38"),
        ("E6413", "Toughened glass 6 mm", "3", "1220 × 780", "2.85", "77.84", "221.84"),
    ]
    lines: Lines = [(0.30, header)]
    for k, (code, text, pieces, size, area, price, amount) in enumerate(rows):
        cells = [(0.10, code), (0.18, text), (0.51, pieces), (0.55, size), (0.67, area), (0.71, "m²"), (0.78, price),
                 (0.88, amount)]  # fmt: skip
        lines.append((0.33 + 0.02 * k, cells))
    assert _lines(_extract(lines), "sku", "quantity", "unit_price", "amount") == [
        ("S1892", Decimal("2.87"), Decimal("10.20"), Decimal("29.27")),
        ("C6365", Decimal("6.4"), Decimal("15.84"), Decimal("101.38")),
        ("E6413", Decimal("2.85"), Decimal("77.84"), Decimal("221.84")),
    ]


def test_a_row_of_written_out_dates_does_not_multiply_out() -> None:
    dates = Line(words_at("1 de agosto de 2024  5 de agosto de 2024  8 de agosto de 2024", 0.08, 0.2))
    assert row_arithmetic(dates, "US") is None
    # a year beside a row's own numbers does not hide them
    row = Line(words_at("Calendar 2024  2  12.50  25.00", 0.08, 0.2))
    found = row_arithmetic(row, "US")
    assert found is not None and [found[n].text for n in ("quantity", "unit_price", "amount")] == [
        "2",
        "12.50",
        "25.00",
    ]


def test_rows_grouped_under_sub_headings_under_captions_named_the_wrong_way_round_keep_their_text() -> None:
    # 'Item' over the codes, 'Article' over the goods: either word may name either, the rows tell
    header = [(0.08, "Item"), (0.17, "Article"), (0.58, "Qty ordered"), (0.75, "Each"), (0.87, "Line value")]
    lines: Lines = [(0.20, header), (0.225, [(0.08, "Deliver to: School kitchen – Quality Row 95, Kingston")])]
    lines += [
        (0.245, [(0.08, "M1129"), (0.17, "Printer paper A4, box"), (0.60, "1"), (0.76, "50.69"), (0.88, "50.69")]),
        (0.265, [(0.08, "N4575"), (0.17, "Marine rope 12 mm"), (0.60, "75"), (0.76, "2.70"), (0.88, "202.50")]),
        (0.285, [(0.08, "Deliver to: Works yard – Quality Row 90, Kingston")]),
        (0.305, [(0.08, "R1259"), (0.17, "Bottled water, case"), (0.60, "5"), (0.76, "7.40"), (0.88, "37.00")]),
        (0.325, [(0.08, "K5057"), (0.17, "Cable ties, bag"), (0.60, "3"), (0.76, "7.72"), (0.88, "23.16")]),
    ]
    assert _lines(_extract(lines), "sku", "description") == [
        ("M1129", "Printer paper A4, box"),
        ("N4575", "Marine rope 12 mm"),
        ("R1259", "Bottled water, case"),
        ("K5057", "Cable ties, bag"),
    ]


def test_captions_naming_code_and_text_the_wrong_way_round_keep_a_wrapped_description() -> None:
    # 'Item' over the codes, 'Article' over the goods: either word may name either; the rows tell, and the text
    # wrapping under a row's goods is the description's
    header = [(0.10, "Item"), (0.18, "Article"), (0.60, "Qty"), (0.75, "Each"), (0.87, "Line value")]
    lines: Lines = [(0.20, header)]
    rows = [("D9380", "Printer paper A4 80 g, box of 5", "reams", "8", "21.38", "171.04"),
            ("A8870", "Toner cartridge, black", None, "1", "80.04", "80.04"),
            ("S8927", "Printer paper A4 80 g, box of 5", "reams", "12", "33.79", "405.48")]  # fmt: skip
    y = 0.23
    for code, text, wrap, qty, price, amount in rows:
        lines.append((y, [(0.10, code), (0.18, text), (0.61, qty), (0.76, price), (0.88, amount)]))
        if wrap:
            lines.append((y + 0.013, [(0.18, wrap)]))
        y += 0.04
    assert _lines(_extract(lines), "sku", "description") == [
        ("D9380", "Printer paper A4 80 g, box of 5 reams"),
        ("A8870", "Toner cartridge, black"),
        ("S8927", "Printer paper A4 80 g, box of 5 reams"),
    ]
