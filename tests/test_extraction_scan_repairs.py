"""A scanned row's misreads mended by what the rest of the table tells (issue 11 item 3, `scanlines21`): the shape its
column's codes share, quantity x price = amount, the case its column's descriptions and units are printed in."""

from decimal import Decimal

import pytest
from PIL import Image

from extraction.document import Word
from extraction.heuristic import reread as reread_module
from extraction.heuristic.parts import Column, PageView, RowDraft, number
from extraction.heuristic.reread import ScanRereader, _arithmetic_holds, _mended_by_arithmetic
from extraction.heuristic.tables import (
    codes_in_their_columns_shape,
    descriptions_in_their_columns_case,
    units_in_their_columns_case,
)
from extraction.layout import Line

HEADER = (
    Column("sku", 0.05, 0.15),
    Column("description", 0.2, 0.5),
    Column("unit", 0.52, 0.58),
    Column("quantity", 0.6, 0.68),
    Column("unit_price", 0.7, 0.8),
    Column("amount", 0.85, 0.95),
)


def _row(index: int, confidence: float = 0.93, **cells: str) -> RowDraft:
    y = 0.3 + 0.03 * index
    x = {c.name: c.x0 for c in HEADER}
    words = {name: [Word(text, (x[name], y, x[name] + 0.01 * len(text), y + 0.012), confidence)]
             for name, text in cells.items()}  # fmt: skip
    line = Line([w for ws in words.values() for w in ws])
    return RowDraft(1, words, y + 0.012, tuple(c.name for c in HEADER), HEADER, line)


def _codes(codes: list[str], confidence: float = 0.93) -> list[str]:
    rows = [_row(i, confidence, sku=code) for i, code in enumerate(codes)]
    codes_in_their_columns_shape(rows)
    return [row.cells["sku"][0].text for row in rows]


def test_codes_off_the_shape_most_of_their_column_shares_are_mended() -> None:
    # a capital then five digits on most rows: the capitals a scan read as digits ('T' as '7', 'B' as '8') are
    # letters again, though three rows of eleven misread theirs (no one shape shared by all)
    read = ["K17295", "T61304", "K29226", "782473", "776928", "P17761", "C57905", "A75248", "858463", "T20598"]
    assert _codes(read) == ["K17295", "T61304", "K29226", "T82473", "T76928", "P17761", "C57905", "A75248",
                            "B58463", "T20598"]  # fmt: skip


def test_a_mark_doubling_a_letter_and_a_small_cyrillic_twin_are_mended() -> None:
    fine = ["A14195", "R32180", "M16746", "C46698", "B17206", "K71290"]
    read = ["S$95266", "Y¥29901", "Ww90078", "т30974"]
    assert _codes(read + fine) == ["S95266", "Y29901", "W90078", "T30974", *fine]


def test_codes_without_a_shape_two_thirds_share_and_printed_codes_stay() -> None:
    mixed = ["782473", "K17295", "775001", "T61304", "558100"]
    assert _codes(mixed) == mixed
    printed = ["K17295", "T61304", "K29226", "782473"]  # born-digital: the text layer is what was printed
    assert _codes(printed, confidence=1.0) == printed


def _priced(index: int, qty: str, price: str, amount: str, confidence: float = 0.93) -> RowDraft:
    return _row(index, confidence, description=f"Item {index}", quantity=qty, unit_price=price, amount=amount)


def _values(row: RowDraft) -> tuple[Decimal | None, ...]:
    return tuple(number(row.cells[n], "EU") for n in ("quantity", "unit_price", "amount"))


def test_one_cell_a_digit_off_is_mended_where_the_other_two_agree() -> None:
    dropped = _priced(0, "50", "480,00", "174000,00")  # '3480,00': its first digit lost
    added = _priced(1, "52", "2495,64", "12478,20")  # '5 l': the unit read as a digit
    moved = _priced(2, "4", "1250", "50,00")  # '12,50': its decimal mark lost
    for row in (dropped, added, moved):
        _mended_by_arithmetic(row, "EU")
    assert _values(dropped) == (Decimal(50), Decimal("3480.00"), Decimal("174000.00"))
    assert _values(added) == (Decimal(5), Decimal("2495.64"), Decimal("12478.20"))
    assert _values(moved) == (Decimal(4), Decimal("12.50"), Decimal("50.00"))


def test_a_row_mended_no_way_or_two_ways_or_printed_is_left_as_read() -> None:
    far = _priced(0, "50", "3100,00", "174000,00")  # no one-digit change makes it add up
    both = _priced(1, "2", "20,00", "20,00")  # quantity 1 or price 10: either cell one digit off
    printed = _priced(2, "50", "480,00", "174000,00", confidence=1.0)
    for row in (far, both, printed):
        before = _values(row)
        _mended_by_arithmetic(row, "EU")
        assert _values(row) == before


def test_a_table_whose_rows_do_not_multiply_out_mends_none() -> None:
    # prices per hundred printed without their caption: no row adds up, so none is 'mended' towards q x p = a
    per_hundred = [_priced(i, q, p, a) for i, (q, p, a) in enumerate([("3493,5", "38698,8", "1351942,58"),
                                                                     ("5926", "36156,4", "2142628,27")])]  # fmt: skip
    assert not _arithmetic_holds(per_hundred, "EU")
    fitting = [_priced(i, "2", "10,00", "20,00") for i in range(3)] + [_priced(3, "50", "480,00", "174000,00")]
    assert _arithmetic_holds(fitting, "EU")


def test_descriptions_and_units_take_their_columns_case() -> None:
    rows = [_row(i, description=d, unit=u) for i, (d, u) in enumerate(
        [("Труба сталева", "м"), ("Кабель ВВГнг", "м"), ("труба сталева", "Кг"), ("Фарба емаль", "кг"),
         ("Болт М12х60", "шт"), ("lkawa itunganyije", "кг")])]  # fmt: skip
    descriptions_in_their_columns_case(rows)
    units_in_their_columns_case(rows)
    read = [r.cells["description"][0].text for r in rows]
    assert read == ["Труба сталева", "Кабель ВВГнг", "Труба сталева", "Фарба емаль", "Болт М12х60", "Ikawa itunganyije"]
    assert [r.cells["unit"][0].text for r in rows] == ["м", "м", "кг", "кг", "шт", "кг"]
    # a column of descriptions mostly in small letters keeps its small letters
    small = [_row(i, description=d) for i, d in enumerate(["cable", "tube", "Bolt", "screw", "lamp"])]
    descriptions_in_their_columns_case(small)
    assert [r.cells["description"][0].text for r in small] == ["cable", "tube", "Bolt", "screw", "lamp"]


class _ReadsAs:
    """A second reader reading every crop as one given word."""

    def __init__(self, text: str) -> None:
        self.text, self.crops = text, 0

    def read(self, image: Image.Image, boxes: list[tuple[int, int, int, int]]) -> list[list[tuple[str, float]]]:
        self.crops += len(boxes)
        return [[(self.text, 0.97)] for _ in boxes]


@pytest.mark.parametrize(("second", "taken"), [("T973150", "T973150"), ("1973150", "1973150"), ("T97", "1973150")])
def test_a_code_off_its_columns_shape_is_read_again_by_the_second_reader(
    monkeypatch: pytest.MonkeyPatch, second: str, taken: str
) -> None:
    # '1' may be 'T', 'I' or 'l': the second reader's reading of the crop tells, where it fits the shape
    reader = _ReadsAs(second)
    monkeypatch.setattr(reread_module, "second_reader", lambda: reader)
    rows = [_row(i, sku=code) for i, code in enumerate(["E203782", "1973150", "C363197", "F968741", "H122496"])]
    view = PageView(page=None, lines=[], phrases=[], char_width=0.008)  # type: ignore[arg-type]
    ScanRereader()._codes_read_again(Image.new("L", (1000, 1400), 255), view, rows, rows)
    assert reader.crops == 1  # the one code off the shape
    assert rows[1].cells["sku"][0].text == taken


def test_a_price_that_lost_its_leading_group_is_mended_where_the_others_give_it_to_the_cent() -> None:
    cut = _priced(0, "10", "43", "134034,30")  # '13 403,43' read '43'
    _mended_by_arithmetic(cut, "EU")
    assert _values(cut) == (Decimal(10), Decimal("13403.43"), Decimal("134034.30"))
    inexact = _priced(1, "3", "43", "40210,30")  # 40210,30 / 3 is no price to the cent
    _mended_by_arithmetic(inexact, "EU")
    assert _values(inexact) == (Decimal(3), Decimal(43), Decimal("40210.30"))


def test_a_row_with_a_cell_in_an_unnamed_column_is_left_as_read() -> None:
    # 'M' beside the price (per thousand) in a column the reader named no role: 500 x 829.31 / 1000 = 414.66
    per_thousand = _priced(0, "500", "829.31", "414.66")
    per_thousand.cells["_unread0"] = [Word("M", (0.81, 0.3, 0.82, 0.312), 0.92)]
    _mended_by_arithmetic(per_thousand, "US")
    assert number(per_thousand.cells["quantity"], "US") == Decimal(500)
