"""A quantity and its unit set right-aligned as one cell under one caption ('Ingano / Igipimo': '15 urupapuro',
'250 joro'): each quantity ends where its unit starts, so the quantities' right edges are ragged by the units'
lengths and are still one column (blind13 dev: measured on the aligned ones alone, the column missed the quantity
before the longest unit, that row lost its quantity to the description and the table was not read past it)."""

from decimal import Decimal

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from tests.fixtures_docs import words_left

CHAR = 0.0072
DIGIT = 0.0085  # a figure is set wider than a letter
# the units' widths as a proportional font sets them ('umufuka' much wider than 'ipaki'): the quantities before them
# end far apart
UNIT_WIDTH = {"urupapuro": 0.065, "umufuka": 0.055, "ipaki": 0.030, "kg": 0.015, "joro": 0.024}
# captions in no vocabulary: the table is found by its rows' arithmetic
HEADER = "Ibisobanuro@.076 Ingano@.273 /@.319 Igiciro@.364 Igiteranyo@.418"
# description, quantity, unit, price, amount; the first row's long unit pushes its quantity furthest left
ROWS = [
    ("Amabati", "15", "urupapuro", "39,093", "586,395"),
    ("Sima", "5", "umufuka", "80,755", "403,775"),
    ("Impapuro A4", "20", "ipaki", "98,962", "1,979,240"),
    ("Impapuro A4", "12", "ipaki", "206,174", "2,474,088"),
    ("Sima", "15", "umufuka", "214,505", "3,217,575"),
    ("Sima", "40", "umufuka", "186,339", "7,453,560"),
    ("Ikawa itunganyije", "5", "kg", "138,300", "691,500"),
    ("Impapuro A4", "1", "ipaki", "105,535", "105,535"),
    ("Sima", "6", "umufuka", "49,552", "297,312"),
    ("Impapuro A4", "4", "ipaki", "203,163", "812,652"),
    ("Uturindantoki", "250", "joro", "180,117", "45,029,250"),
]


def _right(y: float, text: str, end: float) -> list[Word]:
    out = []
    for token in reversed(text.split()):
        width = (DIGIT if token[0].isdigit() else CHAR) * len(token)
        out.append(Word(token, (end - width, y, end, y + 0.0095)))
        end -= width + 0.0045
    return out[::-1]


def _page() -> Document:
    words = [
        Word(t, (float(x), 0.255, float(x) + CHAR * len(t), 0.264)) for t, x in (w.split("@") for w in HEADER.split())
    ]
    words += words_left(0.265, "Igipimo", 0.277)
    for index, (text, quantity, unit, price, amount) in enumerate(ROWS):
        y = 0.283 + 0.016 * index
        unit_x0 = 0.323 - UNIT_WIDTH[unit]
        words += [
            *words_left(y, text, 0.076),
            *_right(y, quantity, unit_x0 - 0.005),
            Word(unit, (unit_x0, y, 0.323, y + 0.0095)),
        ]
        words += [*_right(y, price, 0.402), *_right(y, amount, 0.481)]
    y = 0.283 + 0.016 * len(ROWS) + 0.02
    words += [*words_left(y, "Igiteranyo nta TVA", 0.300), *_right(y, "63,050,882", 0.481)]
    return Document([Page(1, 595, 842, words, "text")])


def test_quantities_set_right_before_right_aligned_units_are_one_column() -> None:
    extraction = HeuristicExtractor().extract(_page(), "purchase_order")
    got = [(line.value("description"), line.value("quantity"), line.value("unit")) for line in extraction.line_items]
    assert got == [(text, Decimal(quantity), unit) for text, quantity, unit, *_ in ROWS]
