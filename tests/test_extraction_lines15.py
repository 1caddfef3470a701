"""Order lines on layouts blind set 15's dev half showed: each line's amount again in a reference currency past
the last caption (the test half may leave that column unlabelled), and an unpriced note under every item set in
from the row's left edge ('Packing: 2 cartons, returnable'), whose first word may read as a totals caption."""

from decimal import Decimal

from extraction.document import Document, Page
from extraction.heuristic import HeuristicExtractor
from extraction.result import Extraction
from tests.fixtures_docs import words_at

Lines = list[tuple[float, list[tuple[float, str]]]]
HEADER = [(0.08, "No."), (0.12, "Code"), (0.22, "Description"), (0.58, "Qty"), (0.62, "Unit"), (0.72, "Unit Price"),
          (0.86, "Amount")]  # fmt: skip


def _extract(lines: Lines, doc_type: str = "purchase_order") -> Extraction:
    words = [w for y, cells in lines for x, text in cells for w in words_at(text, x, y)]
    return HeuristicExtractor().extract(Document([Page(1, 595, 842, words, "text")]), doc_type)


def _lines(extraction: Extraction, *names: str) -> list[tuple[object, ...]]:
    return [tuple(i.value(n) for n in names) for i in extraction.line_items]


def test_a_reference_currency_amount_past_the_last_caption_is_no_value_of_the_row() -> None:
    # four numbers under three numeric captions: the rightmost three do not multiply out, the three standing in
    # their columns do; the fourth (the amount at 1 USD = 2 BZD, no caption over it) is left over
    rows = [
        ("T359-66", "Mosquito net, long-lasting, double", "25", "14.19", "354.75", "177.38"),
        ("S309-56", "Surgical gloves, latex, box of 100", "2", "16.73", "33.46", "16.73"),
        ("C387-64", "Diesel engine oil SAE 40", "10", "9.08", "90.80", "45.40"),
    ]
    lines: Lines = [(0.30, HEADER)]
    for k, (code, text, qty, price, amount, reference) in enumerate(rows):
        cells = [(0.08, str(k + 1)), (0.12, code), (0.22, text), (0.585, qty), (0.62, "pcs"), (0.73, price),
                 (0.86, amount), (0.95, reference)]  # fmt: skip
        lines.append((0.33 + 0.02 * k, cells))
    assert _lines(_extract(lines), "sku", "quantity", "unit_price", "amount") == [
        ("T359-66", Decimal("25"), Decimal("14.19"), Decimal("354.75")),
        ("S309-56", Decimal("2"), Decimal("16.73"), Decimal("33.46")),
        ("C387-64", Decimal("10"), Decimal("9.08"), Decimal("90.80")),
    ]


def test_a_note_set_in_under_each_item_keeps_the_table_going() -> None:
    # 'Packing: ...' starts left of the description and runs into it, and its first word reads as a totals caption
    # ('Packing 12.00'): right over the next row it is the item's note, the table goes on to 'Net Total'
    rows = [
        ("C901-84", "Corrugated roofing sheet 0.3 mm x 3 m", "2", "13,857", "27,714", "1 bundles, shrink-wrapped"),
        ("K646-92", "Solar lantern with phone charger", "2", "19,019", "38,038", "1 cartons, returnable"),
        ("H620-86", "Surgical gloves, latex, box of 100", "20", "10,132", "202,640", "2 cartons, returnable"),
    ]
    lines: Lines = [(0.30, HEADER)]
    for k, (code, text, qty, price, amount, packing) in enumerate(rows):
        y = 0.33 + 0.032 * k
        lines.append((y, [(0.08, str(k + 1)), (0.12, code), (0.22, text), (0.585, qty), (0.62, "pcs"), (0.73, price),
                          (0.86, amount)]))  # fmt: skip
        lines.append((y + 0.015, [(0.10, f"Packing: {packing}")]))
    lines.append((0.50, [(0.60, "Net Total"), (0.86, "268,392")]))
    extraction = _extract(lines)
    assert _lines(extraction, "sku", "description", "amount") == [
        ("C901-84", "Corrugated roofing sheet 0.3 mm x 3 m", Decimal("27714")),
        ("K646-92", "Solar lantern with phone charger", Decimal("38038")),
        ("H620-86", "Surgical gloves, latex, box of 100", Decimal("202640")),
    ]


def test_a_first_years_rate_beside_the_next_years_indexed_ones_is_the_rate() -> None:
    # each row's amounts rise by one rate (5 % a year) from column to column: the first is the rate in force; the
    # captions print the years' numbers, no amount
    header = [(0.08, "Service"), (0.40, "Unit"), (0.55, "Year 1 (2026)"), (0.70, "Year 2 (2027)"),
              (0.85, "Year 3 (2028)")]  # fmt: skip
    rows = [("Security guard", "shift", "39,458.00", "41,430.90", "43,502.45"),
            ("Generator servicing", "visit", "387,735.00", "407,121.75", "427,477.84"),
            ("Office cleaning", "month", "292,497.00", "307,121.85", "322,477.94")]  # fmt: skip
    lines: Lines = [(0.10, [(0.08, "The Client pays within 30 days of the month's statement.")]), (0.30, header)]
    for k, (service, unit, *rates) in enumerate(rows):
        lines.append((0.33 + 0.02 * k, [(0.08, service), (0.40, unit), (0.56, rates[0]), (0.71, rates[1]),
                                         (0.86, rates[2])]))  # fmt: skip
    assert _lines(_extract(lines, "contract"), "description", "unit", "unit_price") == [
        ("Security guard", "shift", Decimal("39458.00")),
        ("Generator servicing", "visit", Decimal("387735.00")),
        ("Office cleaning", "month", Decimal("292497.00")),
    ]


def test_the_last_items_short_note_over_the_totals_is_its_sub_line() -> None:
    # the notes between rows run into the description; the last one, short, does not: set where the others start,
    # right over the totals, it is the last item's note too, not part of its code
    rows = [
        ("T509-97", "Water purification tablets", "1", "773", "773", "Note: 1 cartons, returnable"),
        ("X125-29", "Copper cable 2.5 mm2", "25", "821", "20,525", "Note: 1 drums, non-returnable"),
        ("C916-27", "Diesel engine oil SAE 40", "25", "2,456", "61,400", "Note: 2 drums"),
    ]
    lines: Lines = [(0.30, HEADER)]
    for k, (code, text, qty, price, amount, note) in enumerate(rows):
        y = 0.33 + 0.032 * k
        lines.append((y, [(0.08, str(k + 1)), (0.12, code), (0.22, text), (0.585, qty), (0.62, "pcs"), (0.73, price),
                          (0.86, amount)]))  # fmt: skip
        lines.append((y + 0.015, [(0.10, note)]))
    lines.append((0.44, [(0.60, "Total"), (0.86, "82,698")]))
    assert _lines(_extract(lines), "sku", "description", "amount") == [
        ("T509-97", "Water purification tablets", Decimal("773")),
        ("X125-29", "Copper cable 2.5 mm2", Decimal("20525")),
        ("C916-27", "Diesel engine oil SAE 40", Decimal("61400")),
    ]
