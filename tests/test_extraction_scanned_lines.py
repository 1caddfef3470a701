"""Line items on scanned pages: OCR's word boxes and misreads, on hand-placed words (issue 11, `scans9`)."""

from decimal import Decimal

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.layout import group_lines
from extraction.result import Extraction
from tests.fixtures_docs import CHAR, words_at

Cells = list[tuple[float, str]]


def _right(x1: float, text: str) -> tuple[float, str]:
    """A cell printed flush right, ending at x1."""
    return x1 - CHAR * len(text) - CHAR * text.count(" "), text


def _extract(lines: list[tuple[float, Cells]], source: str = "ocr", unsure: tuple[str, ...] = ()) -> Extraction:
    confidence = 0.93 if source == "ocr" else 1.0
    words = [
        Word(w.text, w.bbox, 0.6 if w.text in unsure else confidence)
        for y, cells in lines
        for x, text in cells
        for w in words_at(text, x, y)
    ]
    return HeuristicExtractor().extract(Document([Page(1, 2480, 3508, words, source)]), "purchase_order")


ROWS = [  # code, quantity, description, price, amount
    ("4837-57", "10", "Boulon hexagonal M10", "246,10", "2461,00"),
    ("1895-52", "15", "Gaine U1000", "398,09", "5971,35"),
    ("8378-82", "250", "Sous-couche blanche mate", "75,19", "18797,50"),
]


def _row(y: float, code: str, qty: str, text: str, price: str, amount: str, flush: bool = False) -> tuple[float, Cells]:
    coded = [(0.07, code)] if code else []
    return y, [*coded, _right(0.24, qty), _right(0.72, text) if flush else (0.40, text), _right(0.82, price),
               _right(0.93, amount)]  # fmt: skip


def test_a_scanned_header_read_in_part_keeps_its_code_column() -> None:
    # 'P.U.HT' names no column and OCR doubts it: the rows' arithmetic tells it is the price, and the header's
    # own columns stay (the arithmetic alone drops a code column that only some rows fill: their codes ran into
    # the description)
    header = (0.30, [(0.07, "Code article"), (0.19, "Quantité"), (0.40, "Désignation"), (0.78, "P.U.HT"),
                     (0.88, "Total HT")])  # fmt: skip
    rows = [_row(0.33 + 0.02 * i, *row) for i, row in enumerate([*ROWS, ("", "4", "Gants de protection", "25,00",
                                                                         "100,00")])]  # fmt: skip
    rows[1] = (rows[1][0], rows[1][1][1:])  # no code on the second row
    items = _extract([header, *rows], unsure=("P.U.HT",)).line_items
    assert [(i.value("sku"), i.value("description"), i.value("unit_price")) for i in items] == [
        ("4837-57", "Boulon hexagonal M10", Decimal("246.10")),
        (None, "Gaine U1000", Decimal("398.09")),
        ("8378-82", "Sous-couche blanche mate", Decimal("75.19")),
        (None, "Gants de protection", Decimal("25.00")),
    ]


def test_descriptions_printed_flush_right_are_one_column_beside_the_codes() -> None:
    # no caption names a column: the rows' arithmetic finds the table; the descriptions start wherever their
    # length takes them and end on one edge
    rows = [_row(0.33 + 0.02 * i, *row, flush=True) for i, row in enumerate(ROWS)]
    items = _extract([(0.10, [(0.07, "Bon de commande 476282")]), *rows], source="text").line_items
    assert [(i.value("sku"), i.value("description")) for i in items] == [
        ("4837-57", "Boulon hexagonal M10"),
        ("1895-52", "Gaine U1000"),
        ("8378-82", "Sous-couche blanche mate"),
    ]


def test_a_code_ocr_cut_at_its_slash_is_one_code_again() -> None:
    header = (0.30, [(0.07, "Code"), (0.19, "Qty"), (0.40, "Description"), (0.78, "Unit price"), (0.88, "Amount")])
    rows = [_row(0.33 + 0.02 * i, *row) for i, row in enumerate(ROWS)]
    y, cells = rows[0]
    rows[0] = (y, [(0.07, "4837"), (0.07 + 4.2 * CHAR, "/57"), *cells[1:]])  # read as two words, a hair apart
    items = _extract([header, *rows]).line_items
    assert [i.value("sku") for i in items] == ["4837/57", "1895-52", "8378-82"]


def test_a_read_word_hanging_on_its_descenders_stays_on_its_line_but_a_speck_does_not() -> None:
    # 'g,' has no ascender and hangs below the line: its middle falls below the band the first word set
    line = [
        Word("2", (0.12, 0.2886, 0.13, 0.2946), 0.9),
        Word("Papel", (0.14, 0.2882, 0.17, 0.2975), 0.9),
        Word("80", (0.19, 0.2886, 0.21, 0.2946), 0.9),
        Word("g,", (0.21, 0.2905, 0.22, 0.2975), 0.9),
        Word("resma", (0.22, 0.2903, 0.25, 0.2946), 0.9),
        Word("o", (0.30, 0.2966, 0.301, 0.2970), 0.4),
    ]
    lines = group_lines(line)
    assert [w.text for w in lines[0].words] == ["2", "Papel", "80", "g,", "resma"]
    assert [w.text for w in lines[1].words] == ["o"]


def test_a_scanned_row_that_lost_its_quantity_stays_and_gets_it_back_through_a_price_per_1000() -> None:
    # no caption names a column ('Antal', 'Pris', 'Per', 'Belopp'); prices count per 100 or 1000 units; the
    # fax lost the second row's quantity: the row is still an item, its quantity amount x 1000 / price
    rows = [
        (0.33, [(0.07, "641112"), (0.17, "Skruv M8x30"), _right(0.63, "500"), (0.64, "ST"), _right(0.78, "1708,09"),
                _right(0.82, "100"), _right(0.93, "8540,45")]),
        (0.35, [(0.07, "373517"), (0.17, "Spanskiva 16 mm"), (0.64, "M2"), _right(0.78, "3916,77"),
                _right(0.82, "1000"), _right(0.93, "461,20")]),
        (0.37, [(0.07, "223306"), (0.17, "Kabel EKK"), _right(0.63, "250"), (0.64, "M"), _right(0.78, "990,54"),
                _right(0.82, "100"), _right(0.93, "2476,35")]),
    ]  # fmt: skip
    items = _extract([(0.10, [(0.07, "Inköpsorder 48887")]), *rows]).line_items
    assert [(i.value("sku"), i.value("quantity")) for i in items] == [
        ("641112", Decimal("500")),
        ("373517", Decimal("117.75")),
        ("223306", Decimal("250")),
    ]


def test_a_quantity_glued_to_its_unit_is_split_where_the_row_adds_up() -> None:
    # OCR lost the space of '8 m': the quantity cell is empty and '8m' ends the description
    header = (0.30, [(0.07, "Code"), (0.19, "Qty"), (0.40, "Description"), (0.78, "Unit price"), (0.88, "Amount")])
    rows = [_row(0.33 + 0.02 * i, *row) for i, row in enumerate(ROWS)]
    rows.append((0.39, [(0.07, "EH-0470"), (0.40, "Kabel PFSP 3x2,5 8m"), _right(0.82, "2113,47"),
                        _right(0.93, "16907,76")]))  # fmt: skip
    item = _extract([header, *rows]).line_items[-1]
    assert (item.value("description"), item.value("quantity"), item.value("unit")) == (
        "Kabel PFSP 3x2,5",
        Decimal("8"),
        "m",
    )


def test_a_scanned_description_wrapping_on_is_not_taken_for_smaller_print() -> None:
    # read boxes hug the ink: the slash and 'ocynkowana' (a descender) stand taller than the wrapped 'lot 7168-D'
    # in the same font; the wrapped words are the description's, not a note in smaller print
    header = (0.30, [(0.07, "Code"), (0.19, "Qty"), (0.40, "Description"), (0.78, "Unit price"), (0.88, "Amount")])
    rows = [_row(0.33 + 0.03 * i, *row) for i, row in enumerate(ROWS)]
    y, cells = rows[1]
    rows[1] = (y, [*cells[:2], (0.40, "Blacha ocynkowana, EN 388 /"), *cells[3:]])
    lines = [header, *rows]
    words = [Word(w.text, w.bbox, 0.93) for top, line in lines for x, text in line for w in words_at(text, x, top)]
    tall = {"ocynkowana,": (0.0, 0.0025), "/": (-0.002, 0.003)}  # the ink below (and above) the line
    words = [Word(w.text, (w.bbox[0], w.bbox[1] + tall[w.text][0], w.bbox[2], w.bbox[3] + tall[w.text][1]), 0.93)
             if w.text in tall else w for w in words]  # fmt: skip
    words += [Word(w.text, w.bbox, 0.93) for w in words_at("lot 7168-D", 0.40, y + 0.0145, height=0.0100)]
    page = Page(1, 2480, 3508, words, "ocr")
    items = HeuristicExtractor().extract(Document([page]), "purchase_order").line_items
    assert items[1].value("description") == "Blacha ocynkowana, EN 388 / lot 7168-D"
