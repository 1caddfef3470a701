"""Rate tables of a tender's evaluation (one price column per tenderer): the contract's vendor's column."""

from __future__ import annotations

from decimal import Decimal

from extraction.document import Document, Page, Word
from extraction.rates import read_rates
from extraction.result import Extraction, FieldValue

CHAR = 0.0075


def _cells(y: float, cells: list[tuple[str, float]]) -> list[Word]:
    out = []
    for text, x in cells:
        for token in text.split():
            out.append(Word(token, (x, y, x + CHAR * len(token), y + 0.009)))
            x += CHAR * (len(token) + 1)
    return out


def _right(text: str, end: float) -> tuple[str, float]:
    return text, end - CHAR * len(text)


# three tenderers, each name wrapped over two caption lines, left-aligned over right-aligned prices; the sentence
# that leads to the table runs across every column
TENDERERS = [
    ("Northwind Haulage", "Group Ltd", 0.45),
    ("Ashby Fleet", "Services Ltd", 0.61),
    ("Corran Motors", "Limited", 0.77),
]
ROWS = [
    ("Tyre fitting", "wheel", ("120.40", "112.75", "131.00")),
    ("Brake service", "axle", ("310.00", "298.60", "305.10")),
    ("Diagnostics", "hour", ("95.00", "88.40", "102.30")),
]


def _tabulation(remark: str = "") -> Document:
    words = _cells(0.30, [("The tenders were evaluated as below and the contract is let at the prices of its", 0.07)])
    words += _cells(0.315, [("vendor, before any tax:", 0.07)])
    words += _cells(0.34, [("Service", 0.08), ("Unit", 0.33)] + [(top, x) for top, _, x in TENDERERS])
    words += _cells(0.351, [(bottom, x) for _, bottom, x in TENDERERS])
    if remark:
        words += _cells(0.362, [(remark, TENDERERS[1][2])])
    for k, (service, unit, prices) in enumerate(ROWS):
        y = 0.372 + 0.02 * k
        words += _cells(y, [(service, 0.08), (unit, 0.33)])
        words += _cells(y, [_right(price, x + 0.14) for price, (_, _, x) in zip(prices, TENDERERS, strict=True)])
    return Document([Page(1, 612, 792, words)])


def _rates(doc: Document, vendor: str | None) -> list[tuple[object, object, Decimal]]:
    fields = {} if vendor is None else {"vendor_name": FieldValue(vendor, 0.9)}
    ext = Extraction("contract", 1, fields)  # type: ignore[arg-type]
    read_rates(doc, ext)
    return [(i.value("description"), i.value("unit"), i.value("unit_price")) for i in ext.line_items]  # type: ignore[misc]


def test_a_bid_tabulation_reads_the_column_captioned_by_the_vendor() -> None:
    want = [(service, unit, Decimal(prices[1])) for service, unit, prices in ROWS]
    assert _rates(_tabulation(), "Ashby Fleet Services Ltd") == want
    # a bracketed remark under the name, the legal form spelled out otherwise: the same column
    assert _rates(_tabulation("(preferred)"), "Ashby Fleet Services Limited") == want
    # the last tenderer's column where the vendor is the last
    assert [p for *_, p in _rates(_tabulation(), "Corran Motors Limited")] == [Decimal(p[2]) for *_, p in ROWS]


def test_a_matrix_captioned_by_no_party_still_reads_its_first_column() -> None:
    first = [(service, unit, Decimal(prices[0])) for service, unit, prices in ROWS]
    assert _rates(_tabulation(), None) == first  # no vendor read
    assert _rates(_tabulation(), "Kelso Freight Ltd") == first  # a vendor no caption names


# an order printed twice on one sheet (the original and the supplier's copy), each item's colour wrapped onto a
# second line under its own column
ORDER = [
    (0.08, 0.05, "PURCHASE ORDER"),
    (0.60, 0.05, "Order No.: KT-2291"),
    (0.08, 0.09, "#  Item    Colour   Description             Qty  UoM  Unit price  Amount"),
    (0.08, 0.11, "1  BX410   NCS 2030  Canvas tarpaulin        12   pc   18.40       220.80"),
    (0.26, 0.122, "Y90R"),
    (0.08, 0.14, "2  BX415   NCS 2030  Canvas tarpaulin        5    pc   31.90       159.50"),
    (0.26, 0.152, "Y90R"),
    (0.50, 0.18, "Subtotal   380.30"),
    (0.50, 0.20, "Tax 10%    38.03"),
    (0.50, 0.22, "Total      418.33"),
]


def test_an_order_printed_twice_on_a_sheet_reads_its_items_once() -> None:
    from extraction.heuristic import HeuristicExtractor
    from tests.fixtures_docs import document_of_rows

    rows = ORDER + [(x, y + 0.5, text) for x, y, text in ORDER]
    got = HeuristicExtractor().extract(document_of_rows(rows), "purchase_order")
    assert [(i.value("sku"), i.value("quantity"), i.value("amount")) for i in got.line_items] == [
        ("BX410", Decimal("12"), Decimal("220.80")),
        ("BX415", Decimal("5"), Decimal("159.50")),
    ]
