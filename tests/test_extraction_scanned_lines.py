"""Line items on scanned pages: OCR's word boxes and misreads, on hand-placed words (issue 11, `scans9`, `scans10`)."""

from decimal import Decimal

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.heuristic.parts import RowDraft
from extraction.heuristic.reread import ScanRereader
from extraction.heuristic.tables import _before_the_money
from extraction.layout import Line, group_lines
from extraction.ocr import without_tall_doubts, words_from_data
from extraction.result import Extraction
from tests.fixtures_docs import CHAR, HEIGHT, words_at

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


# ---- scans10: brackets, capital I for small l, subtotals, totals grids, notes, units -------------------------


def _tsv(lines: list[list[str]]) -> dict[str, list[object]]:
    """Tesseract's data for words on lines of their own, each word 40 px wide and 30 px high."""
    data: dict[str, list[object]] = {k: [] for k in ("text", "conf", "left", "top", "width", "height", "word_num",
                                                     "block_num", "par_num", "line_num")}  # fmt: skip
    for number, texts in enumerate(lines, start=1):
        for index, text in enumerate(texts, start=1):
            for key, value in (("text", text), ("conf", 93), ("left", 50 * index), ("top", 40 * number),
                               ("width", 40), ("height", 30), ("word_num", index), ("block_num", 1),
                               ("par_num", 1), ("line_num", number)):  # fmt: skip
                data[key].append(value)
    return data


def test_a_bracket_opened_on_its_line_keeps_its_closing_one_after_a_number() -> None:
    # '(pack of 100)': the ')' after '100' closes what the line opened; a lone '24)' on a line of its own is a rule
    words = words_from_data(_tsv([["Cable", "ties", "(pack", "of", "100)", "10"], ["24)", "(Lot", "2)"]]), 2480, 3508)
    assert [w.text for w in words] == ["Cable", "ties", "(pack", "of", "100)", "10", "24", "(Lot", "2)"]


def test_a_doubtful_word_standing_over_several_lines_is_dropped_and_a_sure_tall_title_stays() -> None:
    lines = [Word(t, (0.1 * i, 0.30 + 0.02 * i, 0.1 * i + 0.05, 0.31 + 0.02 * i), 0.95) for i, t in
             enumerate(["Pallet", "wrap", "film", "Hydraulic", "hose", "assembly"])]  # fmt: skip
    column = Word("Owrr", (0.72, 0.30, 0.73, 0.42), 0.52)  # one-digit quantities of six rows read downwards
    title = Word("ORDER", (0.70, 0.05, 0.90, 0.09), 0.96)
    assert without_tall_doubts([*lines, column, title]) == [*lines, title]


HEADER = (0.30, [(0.07, "Code"), (0.17, "Description"), (0.52, "Qty"), (0.58, "Unit"), (0.70, "Price"),
                 (0.86, "Amount")])  # fmt: skip


def _unit_row(y: float, code: str, text: str, qty: str, unit: str, price: str, amount: str) -> tuple[float, Cells]:
    cells = [(0.07, code), (0.17, text), _right(0.56, qty), (0.58, unit), _right(0.78, price), _right(0.93, amount)]
    return y, [cell for cell in cells if cell[1]]


def test_a_small_l_read_as_a_capital_i_in_a_unit_a_weight_and_a_roman_numeral() -> None:
    rows = [
        _unit_row(0.33, "FZ-7025", "Grunning hvit", "20", "I", "770,96", "15419,20"),
        _unit_row(0.35, "JR-4032", "Copy paper, letter, 20 Ib, 10 ream case (Il)", "2", "CS", "556,68", "1113,36"),
        _unit_row(0.37, "EH-0470", "Primer bianco", "8", "It", "113,47", "907,76"),
    ]
    items = _extract([HEADER, *rows]).line_items
    assert [(i.value("description"), i.value("unit")) for i in items] == [
        ("Grunning hvit", "l"),
        ("Copy paper, letter, 20 lb, 10 ream case (II)", "CS"),
        ("Primer bianco", "lt"),
    ]
    # a text layer's words are as printed
    assert _extract([HEADER, *rows], source="text").line_items[0].value("unit") == "I"


def test_a_read_unit_whose_letters_look_alike_in_both_cases_takes_its_columns_capitals() -> None:
    rows = [
        _unit_row(0.33, "A-1", "Copy paper", "50", "cs", "584,10", "29205,00"),
        _unit_row(0.35, "A-2", "Safety vest", "10", "EA", "381,04", "3810,40"),
        _unit_row(0.37, "A-3", "Cable ties", "10", "PK", "747,62", "7476,20"),
        _unit_row(0.39, "A-4", "Flat bar", "5", "kg", "751,68", "3758,40"),
    ]
    assert [i.value("unit") for i in _extract([HEADER, *rows]).line_items] == ["CS", "EA", "PK", "kg"]


def test_a_section_subtotal_a_scan_read_with_a_space_lost_does_not_end_the_table() -> None:
    # 'Subtotal 1726 806,52' for '1 726 806,52' (and one row's amount misread, its quantity x price telling it)
    # is the section's subtotal: the rows of the next section are the table's too
    first = [_unit_row(0.33, "A-1", "Epoxy floor coating", "200", "L", "4654,62", "930924,00"),
             _unit_row(0.35, "A-2", "Pallet wrap film", "200", "RL", "3979,34", "795868,00"),
             _unit_row(0.37, "A-3", "Degreaser", "3", "L", "4,84", "4,52")]  # fmt: skip
    subtotal = (0.39, [(0.55, "Subtotal"), (0.62, "for"), (0.66, "Consumables"), _right(0.8895, "1726"),
                       _right(0.93, "806,52")])  # fmt: skip
    second = [(0.41, [(0.07, "Spares")]), _unit_row(0.43, "B-1", "Copper cable", "50", "M", "2110,86", "105543,00"),
              _unit_row(0.45, "B-2", "Hex nut M10", "200", "EA", "3607,22", "721444,00")]  # fmt: skip
    items = _extract([HEADER, *first, subtotal, *second]).line_items
    assert [i.value("sku") for i in items] == ["A-1", "A-2", "A-3", "B-1", "B-2"]


def test_a_totals_grids_values_under_their_captions_are_no_item() -> None:
    # the quantity before the description; the totals' captions in no vocabulary, their values under them
    header = (0.30, [(0.07, "Artikkelnr."), (0.20, "Antall"), (0.25, "Varetekst"), (0.68, "Enhet"), (0.80, "Pris"),
                     (0.88, "Linjesum")])  # fmt: skip
    rows = [(0.33 + 0.02 * i, [(0.07, code), _right(0.235, qty), (0.25, text), (0.68, unit), _right(0.83, price),
                               _right(0.93, amount)])
            for i, (code, qty, text, unit, price, amount) in enumerate([
                ("ZC-2228", "3", "Sekskantskrue M12x60", "stk", "1005,24", "3015,72"),
                ("FZ-7025", "20", "Grunning hvit", "l", "770,96", "15419,20")])]  # fmt: skip
    captions = (0.40, [(0.55, "Netto"), (0.66, "Merverdiavgift"), (0.88, "A betale")])
    values = (0.42, [(0.51, "38"), (0.53, "456,04"), (0.70, "9614,01"), (0.86, "48"), (0.88, "070,05")])
    assert [i.value("sku") for i in _extract([header, *rows, captions, values]).line_items] == ["ZC-2228", "FZ-7025"]


def test_a_garbled_currency_mark_after_the_amount_is_not_the_unit() -> None:
    # 'zł' after the amount read 'zt' and placed in the unit's cell: the unit stands before the money it counts
    def cell(text: str, x: float, confidence: float = 0.93) -> Word:
        return Word(text, (x, 0.30, x + 0.02, 0.31), confidence)

    money = {"unit_price": [cell("292,07", 0.76)], "amount": [cell("37", 0.85), cell("677,03", 0.87)]}
    read = RowDraft(1, {**money, "unit": [cell("m", 0.68), cell("zt", 0.92)]})
    assert [w.text for w in _before_the_money(read.cells["unit"], read)] == ["m"]
    printed = RowDraft(1, {**money, "unit": [cell("m", 0.68, 1.0), cell("zt", 0.92, 1.0)]})
    assert len(_before_the_money(printed.cells["unit"], printed)) == 2  # a text layer's words are as printed


def test_a_scanned_note_in_smaller_print_under_an_item_is_no_part_of_its_description() -> None:
    # a phone photo: the note is indented by less than two letters, its box as tall as the row's words' boxes
    # (a descender), its words' middle height smaller
    rows = [_unit_row(0.33 + 0.03 * i, f"C-{i}", text, "20", "PK", "700,90", "14018,00")
            for i, text in enumerate(["Cable ties 8 in", "Copy paper"])]  # fmt: skip
    words = [Word(w.text, w.bbox, 0.93) for y, line in [HEADER, *rows] for x, t in line for w in words_at(t, x, y)]
    words += [Word(w.text, w.bbox, 0.93) for w in words_at("Need-by date: 05/11/2024", 0.175, 0.347, height=0.0064)]
    words[-3] = Word("Need-by", (words[-3].bbox[0], 0.347, words[-3].bbox[2], 0.347 + HEIGHT), 0.93)
    page = Page(1, 2480, 3508, words, "ocr")
    item = HeuristicExtractor().extract(Document([page]), "purchase_order").line_items[0]
    assert item.value("description") == "Cable ties 8 in"


def test_a_read_code_off_its_columns_shape_by_a_confused_letter_or_digit_takes_the_shape() -> None:
    rows = [
        _unit_row(0.33, "592734", "Rostskyddsfarg svart", "13", "l", "1300,91", "16911,83"),
        _unit_row(0.35, "§95908", "Skruv M8x30", "1000", "st", "9,53", "9530,00"),
        _unit_row(0.37, "616957", "Kabel EKK 3x1,5", "80", "m", "37,13", "2970,40"),
        _unit_row(0.39, "AB1234", "Spanskiva 16 mm", "7", "m2", "163,95", "1147,65"),  # two letters: not a confusion
    ]
    codes = [i.value("sku") for i in _extract([HEADER, *rows[:3]]).line_items]
    assert codes == ["592734", "595908", "616957"]
    assert [i.value("sku") for i in _extract([HEADER, *rows]).line_items] == ["592734", "§95908", "616957", "AB1234"]


def test_a_scanned_description_wrapping_on_in_short_words_is_not_taken_for_a_note() -> None:
    # 'rev. C' under 'Thermal Paper Roll, 3-phase, class A, as per specification': 'rev.' has no ascender, its box
    # is small; 'C' stands as tall as the row's words
    rows = [_unit_row(0.33 + 0.03 * i, f"C-{i}", text, "60", "RL", "950,00", "57000,00")
            for i, text in enumerate(["Thermal Paper Roll, class A, as per specification", "Copy paper"])]  # fmt: skip
    words = [Word(w.text, w.bbox, 0.93) for y, line in [HEADER, *rows] for x, t in line for w in words_at(t, x, y)]
    words += [Word("rev.", (0.17, 0.3445, 0.17 + 4 * CHAR, 0.3445 + 0.6 * HEIGHT), 0.93),
              Word("C", (0.17 + 5 * CHAR, 0.342, 0.17 + 6 * CHAR, 0.342 + HEIGHT), 0.93)]  # fmt: skip
    page = Page(1, 2480, 3508, words, "ocr")
    item = HeuristicExtractor().extract(Document([page]), "purchase_order").line_items[0]
    assert item.value("description") == "Thermal Paper Roll, class A, as per specification rev. C"


def test_a_re_read_in_the_pages_language_gives_back_accents_and_nothing_else() -> None:
    # the language's model reads 'Câble' where English read 'Cable'; its '362,5' for '3G2,5' and 'À' for the
    # size 'A' are not taken: only the same letters with their marks
    line = Line([Word(t, (0.1 * i, 0.30, 0.1 * i + 0.05, 0.31), 0.9) for i, t in
                 enumerate(["Cable", "U1000", "3G2,5", "A"])])  # fmt: skip
    row = RowDraft(1, {"description": list(line.words)}, line=line)
    ScanRereader._take_accents(row, "description", [("Câble", 0.9), ("U1000", 0.9), ("362,5", 0.9), ("À", 0.9)])
    assert [w.text for w in row.cells["description"]] == ["Câble", "U1000", "3G2,5", "A"]


def test_a_re_read_term_does_not_take_back_the_separator_its_reader_cut_off() -> None:
    # 'Ora tehnică' was read from 'Ora tehnică:' before its price, the colon cut off; a surer re-read of the
    # cell sees the colon again: it stays off. A comma inside the cell is the term's own and is taken
    line = Line([Word(t, (0.1 * i, 0.30, 0.1 * i + 0.05, 0.31), 0.7) for i, t in enumerate(["Ora", "tehnica", "nou"])])
    row = RowDraft(1, {"description": list(line.words)}, line=line)
    ScanRereader._take_words(row, "description", [("Ora,", 0.96), ("tehnică", 0.96), ("nouă:", 0.96)])
    assert [w.text for w in row.cells["description"]] == ["Ora,", "tehnică", "nouă"]


def test_a_litre_read_as_a_one_in_the_unit_column_is_the_unit_and_no_number() -> None:
    rows = [
        _unit_row(0.33, "A-1", "Engine oil", "100", "1", "1336,64", "133664,00"),
        _unit_row(0.35, "A-2", "Safety vest", "10", "EA", "381,04", "3810,40"),
    ]
    items = _extract([HEADER, *rows]).line_items
    assert [(i.value("unit"), i.value("quantity"), i.value("amount")) for i in items] == [
        ("l", Decimal("100"), Decimal("133664.00")),
        ("EA", Decimal("10"), Decimal("3810.40")),
    ]
    # a text layer's '1' is as printed
    assert _extract([HEADER, *rows], source="text").line_items[0].value("unit") != "l"


def _lost_head_rows(total: str) -> list[tuple[float, Cells]]:
    # the second row's price and amount lost their head '13' on the scan, and 1 x 296,86 = 296,86 came out: the
    # amount's head a thousands space before it is read, but no cell took it
    return [
        HEADER,
        _unit_row(0.33, "A-1", "Copper cable", "50", "M", "2110,86", "105543,00"),
        _unit_row(0.35, "A-2", "Cement", "1", "BAG", "296,86", "13 296,86"),
        _unit_row(0.37, "A-3", "Hex nut M10", "200", "EA", "36,07", "7214,00"),
        (0.41, [(0.58, "Subtotal"), _right(0.93, total)]),
    ]


def test_a_scanned_amount_that_lost_its_head_takes_it_back_where_the_lines_then_add_up_to_the_printed_total() -> None:
    items = _extract(_lost_head_rows("126 053,86")).line_items
    assert [(i.value("unit_price"), i.value("amount")) for i in items] == [
        (Decimal("2110.86"), Decimal("105543.00")),
        (Decimal("13296.86"), Decimal("13296.86")),
        (Decimal("36.07"), Decimal("7214.00")),
    ]
    # the lines as read add up to the printed total: the row stays as read
    items = _extract(_lost_head_rows("113 053,86")).line_items
    assert (items[1].value("unit_price"), items[1].value("amount")) == (Decimal("296.86"), Decimal("296.86"))
