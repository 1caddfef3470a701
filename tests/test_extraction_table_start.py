"""A table found by its rows' arithmetic (no caption names its columns) keeps its first rows: amounts of three
decimal places multiply out as money, and rows above the first that multiplied out are its rows however many."""

from decimal import Decimal

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.result import Extraction
from tests.fixtures_docs import CHAR, words_at


def _right(text: str, right: float, y: float) -> list[Word]:
    """``text`` right-aligned on ``right``."""
    return words_at(text, right - CHAR * len(text) - CHAR * text.count(" "), y)


def _extract(rows: list[tuple[str, str, str, str, str]], top: float = 0.30) -> Extraction:
    words = words_at("Purchase order 7781 - supplies for the depot", 0.07, 0.10)
    for n, (code, goods, qty, price, amount) in enumerate(rows):
        y = top + 0.02 * n
        words += words_at(code, 0.07, y) + words_at(goods, 0.17, y)
        words += _right(qty, 0.60, y) + _right(price, 0.75, y) + _right(amount, 0.92, y)
    return HeuristicExtractor().extract(Document([Page(1, 595, 842, words, "text")]), "purchase_order")


def test_amounts_of_three_decimal_places_multiply_out_as_money() -> None:
    # dinars, rials: three places after a decimal comma, thousands by spaces, quantities in two places; no caption
    rows = [
        ("OM-11", "Tuyau PVC 110", "12,50", "3,125", "39,063"),
        ("OM-12", "Coude PVC 90°", "250", "0,045", "11,250"),
        ("OM-13", "Pompe immergée", "2", "1 249,875", "2 499,750"),
        ("OM-14", "Câble gainé 3G2,5", "40,25", "1,365", "54,941"),
        ("OM-15", "Vanne à boisseau", "18", "2,215", "39,870"),
        ("OM-16", "Collier de serrage", "7", "0,815", "5,705"),
    ]
    extraction = _extract(rows)
    read = [
        (i.value("sku"), i.value("quantity"), i.value("unit_price"), i.value("amount")) for i in extraction.line_items
    ]

    def value(text: str) -> Decimal:
        return Decimal(text.replace(" ", "").replace(",", "."))

    assert read == [(c, value(q), value(p), value(a)) for c, _, q, p, a in rows]


def test_rows_above_the_first_that_multiplies_out_however_many() -> None:
    # the first six rows' amounts are less a rebate no column prints (amount below quantity x price): only the
    # last two multiply out, and the table still starts at its first row
    rows = [
        ("A-01", "Oak planks", "10", "14.20", "131.35"),
        ("A-02", "Pine battens", "25", "3.10", "71.69"),
        ("A-03", "Birch plywood", "6", "41.75", "231.71"),
        ("A-04", "Wood glue", "4", "9.95", "36.82"),
        ("A-05", "Sanding sheets", "50", "0.84", "38.85"),
        ("A-06", "Wood screws", "12", "6.40", "71.04"),
        ("A-07", "Varnish", "3", "22.50", "67.50"),
        ("A-08", "Brushes", "5", "4.30", "21.50"),
    ]
    extraction = _extract(rows)
    assert [i.value("sku") for i in extraction.line_items] == [c for c, *_ in rows]
    assert [i.value("amount") for i in extraction.line_items] == [Decimal(a) for *_, a in rows]
