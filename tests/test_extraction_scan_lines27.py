"""Scanned order lines (issue 11, `scanlines27`): a code column read with a Cyrillic model's twins of Latin capitals,
a price matrix whose empty level boxes the scan lost, one figure of a row a digit off where the other two give it,
and a unit's stop or raised 2 misread."""

from decimal import Decimal
from functools import partial

from extraction.document import Document, Page, Word
from extraction.heuristic import HeuristicExtractor
from extraction.heuristic.tables import TableReader, units_in_their_columns_marks
from extraction.ticks import unchosen_read_columns
from tests.fixtures_docs import SCAN_COLUMNS, row_draft, words_at

HEADER = SCAN_COLUMNS


_row = partial(row_draft, HEADER)


def _page(lines: list[tuple[float, list[tuple[float, str]]]], confidence: float = 0.93) -> Document:
    words = [Word(w.text, w.bbox, confidence) for y, cells in lines for x, text in cells for w in words_at(text, x, y)]
    return Document([Page(1, 595, 842, words, "ocr")])


def test_codes_read_with_cyrillic_twins_of_latin_capitals_still_name_the_article() -> None:
    header = [(0.05, "#"), (0.09, "Pozicija"), (0.25, "Goods"), (0.55, "Qty"), (0.72, "Price"), (0.86, "Sum")]
    codes = ["Z89504", "R48007", "М77270", "H36961", "Е77971"]  # two read with Cyrillic 'М' and 'Е'
    lines = [(0.30, header)]
    for index, code in enumerate(codes):
        qty, price = 2 + index, Decimal("3.10") + index
        cells = [(0.05, str(index + 1)), (0.09, code), (0.25, f"Folder {index}"), (0.55, str(qty)), (0.72, f"{price}")]
        lines.append((0.33 + 0.02 * index, [*cells, (0.86, f"{qty * price}")]))
    extraction = HeuristicExtractor().extract(_page(lines), "purchase_order")
    assert [i.value("sku") for i in extraction.line_items] == ["Z89504", "R48007", "M77270", "H36961", "E77971"]


def test_a_scanned_price_matrix_reads_the_ticked_level_where_the_empty_boxes_were_not_read() -> None:
    header = [(0.08, "Service"), (0.36, "Unit"), (0.56, "Basic"), (0.70, "[X]"), (0.73, "Standard"), (0.86, "Premium")]
    rows = [("Office cleaning", "month", "353.90", "499.00", "746.72"), ("Waste removal", "month", "362.85", "507.99",
            "613.21"), ("Night guard", "night", "499.36", "619.20", "948.78")]  # fmt: skip
    lines = [(0.30, header)]
    for index, (text, unit, *prices) in enumerate(rows):
        lines.append((0.33 + 0.02 * index, [(0.08, text), (0.36, unit), (0.56, prices[0]), (0.73, prices[1]),
                                            (0.86, prices[2])]))  # fmt: skip
    document = _page(lines)
    words = [(w.bbox, w.text) for w in document.pages[0].words]
    left = [words[i][1] for i in sorted(unchosen_read_columns(words))]
    assert sorted(left) == sorted(
        ["Basic", "[X]", "Premium", "353.90", "746.72", "362.85", "613.21", "499.36", "948.78"]
    )
    extraction = HeuristicExtractor().extract(document, "contract")
    assert [(i.value("description"), i.value("unit_price")) for i in extraction.line_items] == [
        ("Office cleaning", Decimal("499.00")),
        ("Waste removal", Decimal("507.99")),
        ("Night guard", Decimal("619.20")),
    ]


def test_no_level_is_dropped_without_a_ticked_box_or_over_worded_columns() -> None:
    # no ticked box read: nothing goes; a ticked box before a caption over words: the words stay
    plain = [(0.30, [(0.08, "Service"), (0.56, "Basic"), (0.73, "Standard")]),
             (0.33, [(0.08, "Cleaning"), (0.56, "10.00"), (0.73, "12.00")]),
             (0.35, [(0.08, "Guard"), (0.56, "11.00"), (0.73, "13.00")])]  # fmt: skip
    words = [(w.bbox, w.text) for w in _page(plain).pages[0].words]
    assert unchosen_read_columns(words) == set()
    worded = [(0.30, [(0.05, "[X]"), (0.08, "Service"), (0.56, "Basic"), (0.73, "Standard")]),
              (0.33, [(0.08, "Cleaning"), (0.56, "10.00"), (0.73, "12.00")]),
              (0.35, [(0.08, "Guard"), (0.56, "11.00"), (0.73, "13.00")])]  # fmt: skip
    words = [(w.bbox, w.text) for w in _page(worded).pages[0].words]
    assert unchosen_read_columns(words) == set()


def test_one_figure_a_digit_off_is_mended_by_the_other_two() -> None:
    price = _row(0, description="Road salt", quantity="2", unit_price="7.08", amount="14.10")
    price.cells["unit_price"] = [Word("7.08", price.cells["unit_price"][0].bbox, 0.6)]
    item = TableReader()._line_item(price, None)
    assert item.value("unit_price") == Decimal("7.05")
    dropped = _row(1, description="Paper", quantity="10", unit_price="18.0%", amount="180,60")
    dropped.cells["unit_price"] = [Word("18.0%", dropped.cells["unit_price"][0].bbox, 0.5)]
    assert TableReader()._line_item(dropped, "1.234,56").value("unit_price") == Decimal("18.06")
    # a currency without cents rounds the amount: no figure is off
    whole = _row(2, description="Nails", quantity="82.71", unit_price="23520", amount="1945339")
    assert TableReader()._line_item(whole, None).value("amount") == Decimal("1945339")
    # a text layer's figures are as printed
    printed = _row(3, confidence=1.0, description="Road salt", quantity="2", unit_price="7.08", amount="14.10")
    assert TableReader()._line_item(printed, None).value("unit_price") == Decimal("7.08")
    # two figures as unsure as each other could each be the misread one: neither is changed
    both = _row(4, description="Road salt", quantity="2", unit_price="7.08", amount="14.10")
    assert TableReader()._line_item(both, None).value("unit_price") == Decimal("7.08")


def test_a_units_stop_and_raised_two_misread_take_the_columns_form() -> None:
    rows = [_row(i, unit=u) for i, u in enumerate(["шт.", "шт.", "Шт:", "пач.", "пач.", "пач", "pie?", "M", "m", "m"])]
    units_in_their_columns_marks(rows)
    assert [" ".join(w.text for w in r.cells["unit"]) for r in rows] == [
        "шт.", "шт.", "шт.", "пач.", "пач.", "пач.", "pie²", "M", "m", "m"
    ]  # fmt: skip
