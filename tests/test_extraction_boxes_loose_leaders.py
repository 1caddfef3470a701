"""A terminal screen's loose leader dots and a particulars grid's numbered boxes, found on blind set 19 dev: the
words the readers get (``extraction.loading`` applies both to every page)."""

from __future__ import annotations

from extraction.boxnumbers import without_box_numbers
from extraction.document import Word
from extraction.leaders import without_leaders
from tests.fixtures_docs import words_at

SMALL, LARGE = 0.008, 0.011


def _texts(words: list[Word]) -> list[str]:
    return [w.text for w in words]


def test_loose_leader_dots_before_a_loose_colon_are_the_captions_colon() -> None:
    assert _texts(without_leaders(words_at("Fecha . . . . . : 01/03/27", 0.1, 0.1))) == ["Fecha:", "01/03/27"]
    # a caption that ends in its own stop ('No.') and a single dot before the colon
    assert _texts(without_leaders(words_at("Order No. . : AB-4711", 0.1, 0.1))) == ["Order", "No.:", "AB-4711"]


def test_a_lone_colon_or_dots_without_a_colon_stay() -> None:
    assert _texts(without_leaders(words_at("Date : 1.2.2026", 0.1, 0.1))) == ["Date", ":", "1.2.2026"]
    assert _texts(without_leaders(words_at("Bolts . . . 4.00", 0.1, 0.1))) == ["Bolts", ".", ".", ".", "4.00"]


def _box(number: str, caption: str, value: str, x: float, y: float) -> list[Word]:
    """A box of a particulars grid: its number and caption small, its value larger under them."""
    return words_at(f"{number} {caption}", x, y, height=SMALL) + words_at(value, x + 0.01, y + 0.012, height=LARGE)


def test_the_numbers_of_a_grids_boxes_leave_their_captions() -> None:
    words = [
        *_box("1", "Client", "Alpha Services Ltd", 0.08, 0.10),
        *_box("2", "Supplier", "Beta Works Ltd", 0.52, 0.10),
        *_box("3", "Agreement ref.", "AG-2031/77", 0.08, 0.14),
        *_box("4", "Starts", "1 March 2031", 0.52, 0.14),
    ]
    words.sort(key=lambda w: (round(w.bbox[1], 3), w.bbox[0]))
    assert _texts(without_box_numbers(words)) == [
        *("Client", "Supplier", "Alpha", "Services", "Ltd", "Beta", "Works", "Ltd"),
        *("Agreement", "ref.", "Starts", "AG-2031/77", "1", "March", "2031"),  # the value's day is no box's number
    ]


def test_a_tables_line_numbers_and_two_boxes_stay() -> None:
    rows = [words_at(f"{n} Hex bolt M8  100  0.42", 0.08, 0.3 + 0.015 * n, height=LARGE) for n in range(1, 5)]
    table = [w for row in rows for w in row]
    assert _texts(without_box_numbers(table)) == _texts(table)
    two = [*_box("1", "Client", "Alpha Services Ltd", 0.08, 0.10), *_box("2", "Supplier", "Beta Works", 0.52, 0.10)]
    assert _texts(without_box_numbers(two)) == _texts(two)
