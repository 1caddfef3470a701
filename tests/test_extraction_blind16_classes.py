"""Structures blind set 16's dev half showed, read by shape rather than by its captions' words: a one-letter flag
printed past each line's amount (a tax code) and its legend under the table, a term counted in weeks, an id of its
own shape after a 'TIN' caption, terms in a clause a paying word opens, a footnote's mark before a rate's name, a
memo's heading read as a party."""

from datetime import date
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from extraction.document import Document, Page, Word
from extraction.facts import _after_paying_word
from extraction.heuristic import HeuristicExtractor
from extraction.openings import term_length, term_months
from extraction.rates import _footnote_marks_dropped
from extraction.result import FieldValue, LineItem
from extraction.roles import _heading
from extraction.taxids import captioned_tax_id
from tests.fixtures_docs import words_at

HEADER = [(0.08, "Description"), (0.50, "Qty"), (0.53, "Unit"), (0.68, "Unit Price"), (0.83, "Amount"), (0.89, "Tax")]


def _words(text: str, x: float = 0.1, y: float = 0.1) -> list[Word]:
    return words_at(text, x, y)


def test_a_flag_past_the_amount_is_no_word_of_the_unit_and_its_legend_no_description() -> None:
    rows = [("Water purification tablets", "40", "strip", "8.83", "353.20"), ("Rice, 25 kg bag", "12", "bag",
            "139.86", "1,678.32"), ("Exercise book, 96 pages", "10", "pcs", "6.05", "60.50")]  # fmt: skip
    words = [w for x, text in HEADER for w in words_at(text, x, 0.30)]
    for k, (text, qty, unit, price, amount) in enumerate(rows):
        y = 0.33 + 0.02 * k
        for x, cell in ((0.08, text), (0.505, qty), (0.53, unit), (0.70, price), (0.835, amount), (0.89, "S")):
            words += words_at(cell, x, y)
    words += words_at("Tax codes: S = standard rated 10 %, Z = zero rated, E = exempt", 0.07, 0.40)
    words += words_at("Net Total", 0.56, 0.44) + words_at("2,091.70", 0.86, 0.44)
    items = HeuristicExtractor().extract(Document([Page(1, 595, 842, words, "text")]), "purchase_order").line_items
    assert [(i.value("description"), i.value("unit"), i.value("amount")) for i in items] == [
        ("Water purification tablets", "strip", Decimal("353.20")),
        ("Rice, 25 kg bag", "bag", Decimal("1678.32")),
        ("Exercise book, 96 pages", "pcs", Decimal("60.50")),
    ]


def test_a_term_counted_in_weeks() -> None:
    assert term_length("The agreement runs for a term of 6 weeks from the date") == relativedelta(weeks=6)
    assert term_length("conclu pour une durée de 16 semaines") == relativedelta(weeks=16)
    assert date(2027, 7, 18) + relativedelta(weeks=16) - relativedelta(days=1) == date(2027, 11, 6)
    assert term_months("runs for 6 weeks") is None  # no whole months
    assert term_months("runs for two (2) years") == 24


def test_an_id_of_its_own_shape_after_a_tin_caption_naming_other_countries_schemes() -> None:
    for value in ("AG6672515", "VC497219", "K4829242"):
        assert captioned_tax_id("Ltd., TIN", _words(f"{value} (the")) == value
    assert captioned_tax_id("Ltd., TIN", _words("AB12345 (the")) is None  # five digits: no id


def test_terms_in_a_clause_a_paying_word_opens() -> None:
    words = _words("Please supply the goods below, payment cash on delivery, prices in AUD, delivered to the store.")
    found = _after_paying_word(words)
    assert found is not None and found[0] == "cash on delivery"
    dutch = _words("Gaarne onderstaande goederen leveren, betaling 30 dagen na factuurdatum, prijzen in AWG.")
    found = _after_paying_word(dutch)
    assert found is not None and found[0] == "30 dagen na factuurdatum"
    assert _after_paying_word(_words("Please supply the goods below, prices in AUD, delivered.")) is None


def test_a_footnote_mark_is_no_word_of_a_rate_name() -> None:
    def item(text: str) -> LineItem:
        return LineItem({"description": FieldValue(text, 0.6, 1, None, text)}, 0.6, 1)

    items = [item("¹ Air-conditioning maintenance"), item("? Plumber"), item("* Pest control"), item("Electrician")]
    _footnote_marks_dropped(items)
    assert [i.value("description") for i in items] == ["Air-conditioning maintenance", "Plumber", "Pest control",
                                                      "Electrician"]  # fmt: skip


def test_a_memo_heading_is_no_party() -> None:
    assert _heading(FieldValue("MEMORANDUM", 0.9, 1, None, "MEMORANDUM"))
    assert not _heading(FieldValue("Tarawa Supplies Co-op Ltd", 0.9, 1, None, "x"))
    assert not _heading(FieldValue("ACME GMBH", 0.9, 1, None, "x"))
