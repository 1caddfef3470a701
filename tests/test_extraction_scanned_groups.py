"""Scanned table rows whose numbers OCR cut or whose captions it read surely (scans17).

A thousands separator read as a space ('1425' '800' for '1 425 800' on a page of whole money, '7,327' '282.20' for
'7,327,282.20'): one number where the row then adds up. A number's head misread as letters a thousands space before
its last group ('ll' '034,00') is no unit. A caption naming a role another caption took ('Per' beside 'Unit'), read
surely on a scan, heads a column of its own, so a price per 100 or 1,000 units is read as on a born-digital page.
"""

from decimal import Decimal

from extraction.document import Document, Page
from extraction.heuristic import HeuristicExtractor
from extraction.result import Extraction
from tests.fixtures_docs import words_at


def _scanned(rows: list[tuple[float, list[tuple[float, str]]]]) -> Extraction:
    words = [w for y, cells in rows for x, text in cells for w in words_at(text, x, y)]
    return HeuristicExtractor().extract(Document([Page(1, 1240, 1754, words, "ocr")]), "purchase_order")


def _priced(extraction: Extraction) -> list[tuple[object, object, object]]:
    return [(i.value("quantity"), i.value("unit_price"), i.value("amount")) for i in extraction.line_items]


HEADER = (0.25, [(0.07, "Description"), (0.60, "Qty"), (0.66, "Unit"), (0.74, "Price"), (0.88, "Amount")])


def test_a_thousands_space_lost_in_whole_money_is_joined_where_the_row_adds_up() -> None:
    rows = [
        HEADER,
        (0.28, [(0.07, "Hex bolt M10"), (0.60, "4"), (0.66, "pc"), (0.74, "356 450"), (0.86, "1425 800")]),
        (0.30, [(0.07, "Cable tray"), (0.60, "2"), (0.66, "m"), (0.74, "11 330"), (0.87, "22 660")]),
    ]
    assert _priced(_scanned(rows))[0] == (Decimal(4), Decimal(356450), Decimal(1425800))


def test_a_comma_thousands_separator_read_as_a_space_is_joined() -> None:
    rows = [
        HEADER,
        (0.28, [(0.07, "Gate valve"), (0.58, "12,515.000"), (0.66, "EA"), (0.74, "585.48"), (0.85, "7,327 282.20")]),
        (0.30, [(0.07, "Gasket"), (0.59, "2,956.500"), (0.66, "EA"), (0.74, "44.88"), (0.86, "132,686.72")]),
    ]
    assert _priced(_scanned(rows))[0] == (Decimal("12515.000"), Decimal("585.48"), Decimal("7327282.20"))


def test_a_head_misread_as_letters_before_the_last_group_is_no_unit() -> None:
    rows = [
        HEADER,
        (0.28, [(0.07, "Screw M10x40"), (0.60, "40"), (0.66, "ks"), (0.74, "275,85"), (0.86, "ll 034,00")]),
        (0.30, [(0.07, "Cable tray"), (0.60, "50"), (0.66, "m"), (0.74, "566,60"), (0.86, "28 330,00")]),
    ]
    assert [item.value("unit") for item in _scanned(rows).line_items] == ["ks", "m"]


def test_a_surely_read_per_caption_beside_unit_heads_its_own_column() -> None:
    header = (0.25, [*HEADER[1][:-1], (0.80, "Per"), (0.90, "Extended")])
    rows = [
        header,
        (
            0.28,
            [
                (0.07, "Gate valve"),
                (0.58, "5,926.000"),
                (0.66, "EA"),
                (0.72, "36,156.40"),
                (0.80, "1,000 EA"),
                (0.88, "214,262.83"),
            ],
        ),  # fmt: skip
        (
            0.30,
            [
                (0.07, "Hex bolt"),
                (0.57, "12,515.000"),
                (0.66, "EA"),
                (0.72, "58,548.00"),
                (0.80, "100 EA"),
                (0.87, "7,327,282.20"),
            ],
        ),  # fmt: skip
    ]
    items = _scanned(rows).line_items
    assert [(i.value("quantity"), i.value("unit"), i.value("unit_price")) for i in items] == [
        (Decimal("5926.000"), "EA", Decimal("36156.40")),
        (Decimal("12515.000"), "EA", Decimal("58548.00")),
    ]
