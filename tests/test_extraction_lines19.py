"""Order lines and contract rates on unseen layouts, classes the blind sets' dev halves showed (fresh dev seeds):
a line-number column captioned as the article's beside a 'NSN / Part No.' column, the unit printed after the count
a price is quoted for ('1 000 pcs' under 'per'), the article number on a sub-line under a caption no list holds
('Varenr. 576715'), a contract's rates in a currency without cents ('15.699' lek)."""

from decimal import Decimal

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.heuristic.parts import Column
from extraction.heuristic.tables import _per_cell_unit
from extraction.result import Extraction
from tests.fixtures_docs import CHAR, HEIGHT, words_at

Lines = list[tuple[float, list[tuple[float, str]]]]


def _extract(lines: Lines, doc_type: str = "purchase_order", small: Lines | None = None) -> Extraction:
    """``small``: lines printed in a smaller font (an item's sub-lines)."""
    words = [w for y, cells in lines for x, text in cells for w in words_at(text, x, y)]
    words += [
        w for y, cells in small or [] for x, text in cells for w in words_at(text, x, y, CHAR * 0.8, HEIGHT * 0.8)
    ]
    return HeuristicExtractor().extract(Document([Page(1, 595, 842, words, "text")]), doc_type)


def _lines(extraction: Extraction, *names: str) -> list[tuple[object, ...]]:
    return [tuple(i.value(n) for n in names) for i in extraction.line_items]


def test_a_numbered_caption_over_running_numbers_leaves_the_article_to_the_part_number_column() -> None:
    # 'Item No.' holds 1, 2, 3: it counts the lines; 'NSN / Part No.' (one caption, 'No.' numbering what it names)
    # holds the article's codes
    header = [(0.05, "ITEM NO."), (0.13, "NSN / PART NO."), (0.32, "SUPPLIES OR SERVICES"), (0.62, "QTY"),
              (0.70, "UNIT"), (0.77, "UNIT PRICE"), (0.88, "AMOUNT")]  # fmt: skip
    rows = [
        ("4899-01-643-1643", "VALVE, GATE 2 IN", "20", "313.48", "6,269.60"),
        ("5631-01-485-1485", "GASKET, RUBBER", "3", "6.20", "18.60"),
        ("6681-01-933-3933", "FILTER ELEMENT, FLUID", "6", "652.34", "3,914.04"),
    ]
    lines: Lines = [(0.30, header)]
    for k, (code, text, qty, price, amount) in enumerate(rows):
        cells = [(0.05, str(k + 1)), (0.13, code), (0.32, text), (0.64, qty), (0.70, "EA"), (0.78, price),
                 (0.88, amount)]  # fmt: skip
        lines.append((0.33 + 0.02 * k, cells))
    assert _lines(_extract(lines), "sku", "description", "quantity") == [
        ("4899-01-643-1643", "VALVE, GATE 2 IN", Decimal("20")),
        ("5631-01-485-1485", "GASKET, RUBBER", Decimal("3")),
        ("6681-01-933-3933", "FILTER ELEMENT, FLUID", Decimal("6")),
    ]


def test_the_unit_after_a_price_units_count_is_no_unit_of_the_row() -> None:
    # 'Price per' read as a price, a per column and a unit's column over its word ('1 000 pcs'): the word after the
    # count stays in the per cell, up to the amount's column; the unit under 'U/M' stays the row's
    columns = [Column("quantity", 0.52, 0.60), Column("unit", 0.61, 0.65), Column("unit_price", 0.70, 0.75),
               Column("_per", 0.76, 0.79), Column("unit", 0.79, 0.80), Column("amount", 0.85, 0.92)]  # fmt: skip
    count, per_unit = Word("000", (0.777, 0.3, 0.795, 0.31)), Word("pcs", (0.798, 0.3, 0.815, 0.31))
    quantity, unit = Word("683", (0.575, 0.3, 0.60, 0.31)), Word("pcs", (0.61, 0.3, 0.63, 0.31))
    assert _per_cell_unit(per_unit, count, columns, 0.0065)
    assert not _per_cell_unit(unit, quantity, columns, 0.0065)
    assert not _per_cell_unit(per_unit, count, [c for c in columns if c.name != "_per"], 0.0065)


def test_an_article_number_on_a_sub_line_under_a_caption_ending_in_a_number_mark() -> None:
    # 'Varenr.' names no column any list holds; its 'nr.' marks a number, and the code under each item is its sku
    lines: Lines = [(0.30, [(0.15, "Vare"), (0.60, "Antal"), (0.75, "Pris"), (0.88, "Beløb")])]
    rows = [
        ("Printerpapir A4 80 g", "576715", "1", "789,20", "789,20"),
        ("Kontorstol Ergo Pro, sort", "169936", "2", "2.167,46", "4.334,92"),
        ("USB-C hub 7-i-1", "264751", "1", "2.598,29", "2.598,29"),
    ]
    small: Lines = []
    for k, (text, code, qty, price, amount) in enumerate(rows):
        y = 0.33 + 0.045 * k
        lines.append((y, [(0.15, text), (0.62, qty), (0.74, price), (0.87, amount)]))
        small.append((y + 0.018, [(0.15, f"Varenr. {code}")]))
    assert _lines(_extract(lines, small=small), "sku", "description", "amount") == [
        ("576715", "Printerpapir A4 80 g", Decimal("789.20")),
        ("169936", "Kontorstol Ergo Pro, sort", Decimal("4334.92")),
        ("264751", "USB-C hub 7-i-1", Decimal("2598.29")),
    ]


def test_a_contract_price_list_in_a_currency_without_cents_reads_grouped_whole_prices() -> None:
    lines: Lines = [
        (0.10, [(0.10, "Kontratë shërbimi")]),
        (0.14, [(0.10, "Çmimet janë në ALL dhe paguhen brenda 30 ditëve.")]),
        (0.30, [(0.10, "Shërbimi"), (0.55, "Njësia"), (0.85, "Çmimi")]),
        (0.33, [(0.10, "Shërbim sigurie"), (0.55, "orë"), (0.85, "15.699")]),
        (0.35, [(0.10, "Patrullim nate"), (0.55, "natë"), (0.85, "55.504")]),
        (0.37, [(0.10, "Monitorim me kamera"), (0.55, "muaj"), (0.85, "47.834")]),
    ]
    assert _lines(_extract(lines, "contract"), "description", "unit", "unit_price") == [
        ("Shërbim sigurie", "orë", Decimal("15699")),
        ("Patrullim nate", "natë", Decimal("55504")),
        ("Monitorim me kamera", "muaj", Decimal("47834")),
    ]


def test_in_a_currency_with_three_decimals_the_same_prices_are_no_whole_amounts() -> None:
    lines: Lines = [
        (0.14, [(0.10, "All prices are in KWD.")]),
        (0.30, [(0.10, "Service"), (0.55, "Unit"), (0.85, "Rate")]),
        (0.33, [(0.10, "Security guard"), (0.55, "hour"), (0.85, "15.699")]),
        (0.35, [(0.10, "Night patrol"), (0.55, "night"), (0.85, "55.504")]),
    ]
    prices = [price for (price,) in _lines(_extract(lines, "contract"), "unit_price")]
    assert Decimal("15699") not in prices


def test_four_digit_codes_in_order_are_articles_not_line_numbers() -> None:
    # a count of cases beside the weight the price is per: the table is found by arithmetic; '4719' over '7535'
    # count no lines (line numbers step by 1 to 100 from below 1000)
    header = [(0.05, "Code"), (0.15, "Description of Goods"), (0.52, "Cases"), (0.57, "Weight kg"), (0.64, "Unit"),
              (0.76, "Price/kg"), (0.90, "Total")]  # fmt: skip
    lines: Lines = [
        (0.30, header),
        (0.33, [(0.05, "4719"), (0.15, "Beef sirloin, dry aged"), (0.54, "1"), (0.59, "9.937"), (0.64, "kg"),
                (0.77, "198.24"), (0.89, "1,969.91")]),
        (0.35, [(0.05, "7535"), (0.15, "Scottish salmon fillet"), (0.54, "4"), (0.59, "38.13"), (0.64, "kg"),
                (0.77, "44.13"), (0.89, "1,682.68")]),
    ]  # fmt: skip
    assert _lines(_extract(lines), "sku", "quantity", "amount") == [
        ("4719", Decimal("9.937"), Decimal("1969.91")),
        ("7535", Decimal("38.13"), Decimal("1682.68")),
    ]


def test_a_number_and_word_in_the_text_right_of_a_price_unit_column_are_no_count_and_unit() -> None:
    # the price unit ('100') printed left of the description, no captions: '24 V DC', 'ISO 9001 certified' and
    # '230 V' in the text keep their words (435610f took each word after a number for the price unit's unit)
    rows = [
        ("1.", "Compact spare part kit, 24 V DC", "1739.54", "34.79", "2"),
        ("2.", "Premium pallet, ISO 9001 certified", "2213.21", "2213.21", "100"),
        ("3.", "Drill bit set, 230 V", "1550.45", "372.11", "24"),
        ("4.", "Copy paper A4, blue", "1473.92", "294.78", "20"),
    ]
    lines = [
        (0.30 + 0.02 * i, [(0.06, n), (0.10, "100"), (0.16, text), (0.62 - CHAR * len(price), price),
                           (0.76 - CHAR * len(amount), amount), (0.88 - CHAR * len(qty), qty)])
        for i, (n, text, price, amount, qty) in enumerate(rows)
    ]  # fmt: skip
    got = [(item.value("description"), item.value("quantity")) for item in _extract(lines).line_items]
    assert got == [(text, Decimal(qty)) for _, text, _, _, qty in rows]
