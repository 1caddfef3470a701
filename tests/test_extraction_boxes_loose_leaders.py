"""Classes found on blind set 19 dev: a terminal screen's loose leader dots and a particulars grid's numbered boxes
(the words the readers get: ``extraction.loading`` applies both to every page), a contract's number captioned in
another language, a region's language's day words and months, a grid's terms that end at their box."""

from __future__ import annotations

from datetime import date

from extraction.boxnumbers import without_box_numbers
from extraction.document import Word
from extraction.leaders import without_leaders
from extraction.normalize import parse_date
from extraction.openings import read_opening
from extraction.readers import read_into
from extraction.result import Extraction
from extraction.terms import parse_terms
from tests.fixtures_docs import document_of_rows, words_at

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


def test_a_contracts_number_under_its_word_and_a_number_sign_in_another_language() -> None:
    rows = [(0.08, 0.10, "Kontrakt-Nr."), (0.52, 0.10, "Startdatum"), (0.08, 0.12, "KX 2031/447")]
    rows.append((0.52, 0.12, "01.03.2031"))
    contract = Extraction("contract", 1, {})
    read_into(document_of_rows(rows), contract)
    assert contract.value("contract_number") == "KX 2031/447"
    # on an order the same caption names the agreement it calls off: no number of the order's
    order = Extraction("purchase_order", 1, {})
    read_into(document_of_rows(rows), order)
    assert order.value("contract_number") is None


def test_days_in_a_regions_official_language() -> None:
    # CLDR's day words of languages official in a region only (Welsh, West Frisian, Occitan)
    for text in ("o fewn 60 diwrnod", "binnen 30 dei", "dins 45 jorns"):
        terms = parse_terms(text)
        assert terms is not None and terms.net_days == int(text.split()[-2]), text


def test_a_grids_terms_end_at_the_boxs_edge() -> None:
    rows = [
        (0.35, 0.05, "SERVICE CONTRACT"),
        (0.08, 0.10, "Client"), (0.52, 0.10, "Supplier"),
        (0.08, 0.12, "Tarnwick Foods Ltd"), (0.52, 0.12, "Osgood Cold Chain LLC"),
        (0.08, 0.17, "Payment"), (0.52, 0.17, "Prices"),
        (0.08, 0.19, "inside 45 days following delivery"), (0.52, 0.19, "as per annex 1"),
        (0.08, 0.23, "General conditions"),
        (0.08, 0.25, "1. The Supplier delivers the services of annex 1 with care."),
    ]  # fmt: skip
    extraction = Extraction("contract", 1, {})
    read_opening(document_of_rows(rows), extraction)
    assert extraction.value("payment_terms") == "inside 45 days following delivery"
    assert extraction.value("payment_terms_days") == 45


def test_dates_in_a_regions_official_language() -> None:
    # CLDR's months of languages no country prints first (Romansh, Scottish Gaelic, Irish, Luxembourgish)
    assert parse_date("3 da settember 2031", None) == date(2031, 9, 3)
    assert parse_date("12mh dhen Dàmhair 2031", None) == date(2031, 10, 12)
    assert parse_date("7 Lúnasa 2031", None) == date(2031, 8, 7)
    assert parse_date("9. Oktober 2031", None) == date(2031, 10, 9)  # a first language's month reads as before
