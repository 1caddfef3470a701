"""Rows of scanned tables (`scans16`): a thousands space OCR lost inside an amount's first group, a tax line under
the rows' sum in a caption no vocabulary holds, article codes read in Cyrillic look-alike letters. Hand-placed
words, written for these tests (no study document's)."""

from decimal import Decimal

from extraction.document import Word
from extraction.heuristic.tables import _latin_code
from tests.test_extraction_scanned_cells import CHAR, _extract, _items, _right

HEADER = (
    0.30,
    [(0.06, "Pos."), (0.12, "Description"), (0.55, "Qty"), (0.60, "Unit"), (0.72, "Price"), (0.86, "Amount")],
)


def _row(y: float, pos: str, text: str, qty: str, price: str, amount: list[str]) -> tuple[float, list]:
    cells = [(0.06, pos), (0.12, text), _right(0.58, qty), (0.60, "pcs"), _right(0.80, price)]
    x = 0.93 - CHAR * sum(len(a) for a in amount) - CHAR * (len(amount) - 1)
    for piece in amount:
        cells.append((x, piece))
        x += CHAR * (len(piece) + 1)
    return y, cells


def test_a_thousands_space_lost_inside_the_first_group_joins_where_the_row_adds_up() -> None:
    rows = [
        _row(0.33, "1", "Anchor bolt M16", "250", "6 077,60", ["1519", "400,00"]),  # '1 519 400,00' read so
        _row(0.35, "2", "Steel pipe 48x3", "4", "146,01", ["584,04"]),
    ]
    assert _items(_extract([HEADER, *rows]), "quantity", "unit_price", "amount") == [
        (Decimal(250), Decimal("6077.60"), Decimal("1519400.00")),
        (Decimal(4), Decimal("146.01"), Decimal("584.04")),
    ]


def test_four_digits_and_an_amount_that_do_not_add_up_stay_apart() -> None:
    # '2026' '400,00': a year before the amount, the row does not multiply out with them joined
    rows = [_row(0.33, "1", "Anchor bolt M16", "2", "200,00", ["2026", "400,00"])]
    (item,) = _extract([HEADER, *rows]).line_items
    assert item.value("amount") == Decimal("400.00")


def test_a_tax_line_under_the_rows_sum_ends_the_table_whatever_its_caption() -> None:
    rows = [
        _row(0.33, "1", "Anchor bolt M16", "10", "12,50", ["125,00"]),
        _row(0.35, "2", "Steel pipe 48x3", "4", "25,00", ["100,00"]),
        (0.38, [(0.12, "Yhteensä ilman veroa"), _right(0.93, "225,00")]),
        (0.40, [(0.12, "Vero"), _right(0.58, "24%"), _right(0.93, "54,00")]),  # a caption no vocabulary holds
        (0.42, [(0.12, "Maksettava"), _right(0.93, "279,00")]),
    ]
    extraction = _extract([HEADER, *rows])
    assert _items(extraction, "amount") == [(Decimal("125.00"),), (Decimal("100.00"),)]


def test_a_code_read_in_cyrillic_look_alikes_is_written_in_latin_letters() -> None:
    def word(text: str) -> Word:
        return _latin_code(Word(text, (0.1, 0.1, 0.2, 0.12), 0.9)).text

    assert word("Р17761") == "P17761"  # a Cyrillic 'Р'
    assert word("АВ-4410-С") == "AB-4410-C"
    assert word("Ж1234") == "Ж1234"  # a letter Latin has no look-alike of: as read
    assert word("Болт") == "Болт"  # no digit: a word, not a code
